import { allows, type Access } from '../access';
import type { Role } from '../roles';
import type { RegisterDefinition } from './types';

/** Who may read a register (its list, a record's history, its prints), as channel access. */
export const registerReaders = (definition: Pick<RegisterDefinition, 'access'>): Access =>
  definition.access.read === 'all' ? 'signedIn' : definition.access.read;

/** Whether a person with `role` may read the register: the same rule as its list channel. */
export const mayRead = (definition: Pick<RegisterDefinition, 'access'>, role: Role): boolean =>
  allows(registerReaders(definition), role);
