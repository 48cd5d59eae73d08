import { roleLabels, roles } from '../../../shared/roles';

export const roleOptions = roles.map((role) => ({ value: role, label: roleLabels[role] }));
