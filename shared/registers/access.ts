import { allows, type Access } from '../access';
import type { Role } from '../roles';
import type { RegisterDefinition } from './types';

/** Who may read a register (its list, a record's history, its prints), as channel access. */
export const registerReaders = (definition: Pick<RegisterDefinition, 'access'>): Access =>
  definition.access.read === 'all' ? 'signedIn' : definition.access.read;

/** Whether a person with `role` may read the register: the same rule as its list channel. */
export const mayRead = (definition: Pick<RegisterDefinition, 'access'>, role: Role): boolean =>
  allows(registerReaders(definition), role);

/** Who changes a register's records, as a person reading the record would say it. */
const writerWords: Record<Role, string> = {
  caseWorker: 'handläggarna',
  financialAidManager: 'chefen för ekonomiskt bistånd',
  unitManager: 'enhetschefen',
};

/** "handläggarna och enhetschefen". */
export function writersText(definition: Pick<RegisterDefinition, 'access'>): string {
  const words = definition.access.write.map((role) => writerWords[role]);
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} och ${words.at(-1)}` : words[0]!;
}

/**
 * Whether a person may change (edit, void, take back "entered") a record: the register's
 * writers, and a handläggare only what they registered. Main refuses the same
 * (registerService's refuseOthers); the page uses this to offer, or explain, the buttons.
 */
export function mayChangeRecord(
  definition: Pick<RegisterDefinition, 'access'>,
  person: { id: string; role: Role },
  record: { createdById: string },
): boolean {
  return (
    allows(definition.access.write, person.role) &&
    (person.role !== 'caseWorker' || record.createdById === person.id)
  );
}

/** Why a person may not change a record, in Swedish; null when they may. */
export function whyNotChange(
  definition: Pick<RegisterDefinition, 'access' | 'title'>,
  person: { id: string; role: Role },
  record: { createdById: string; createdByName: string },
): string | null {
  if (mayChangeRecord(definition, person, record)) return null;
  if (!allows(definition.access.write, person.role)) {
    return `Du kan läsa posten men inte ändra den: poster i registret ${definition.title} ändras av ${writersText(definition)}.`;
  }
  const others = definition.access.write
    .filter((role) => role !== 'caseWorker')
    .map((role) => writerWords[role]);
  const who = [record.createdByName, ...others].join(' eller ');
  return `Registrerad av ${record.createdByName} – bara ${who} kan ändra eller makulera posten.`;
}
