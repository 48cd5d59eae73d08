/** Roles in a unit office. Identifiers are English; labels are what staff see. */
export const roles = ['caseWorker', 'financialAidManager', 'unitManager'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  caseWorker: 'Handläggare',
  financialAidManager: 'Chef ekonomiskt bistånd',
  unitManager: 'Enhetschef',
};
