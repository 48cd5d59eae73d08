import { registerKeys, type RegisterKey } from '../registers/keys';

/**
 * Every action the audit log holds, and its Swedish words: the one list that main writes
 * from (`AuditEvent.action` is typed by it) and that the Händelselogg, its PDF and its
 * Excel export read. A new action is added here, or main does not compile.
 */

/** What can happen to a record of any register. */
export const recordVerbs = ['create', 'update', 'void', 'markEntered', 'unmarkEntered'] as const;
export type RecordVerb = (typeof recordVerbs)[number];
export type RecordAction = `${RegisterKey}.${RecordVerb}`;

/** Everything else, with its words. */
export const otherActionLabels = {
  'unit.setup': 'Enheten upprättad',
  'unit.changePassphrase': 'Lösenfrasen bytt',
  'unit.changePassphraseFailed': 'Byte av lösenfras misslyckades',
  'unit.changePassphraseWrongCurrent': 'Fel nuvarande lösenfras vid byte',
  'unit.changePassphraseThrottled': 'Byte av lösenfras spärrat efter för många fel',
  'unit.unlockFailed': 'Misslyckad upplåsning av databasen',
  'unit.unlockThrottled': 'Upplåsning spärrad efter för många fel',
  'unit.updateSettings': 'Inställningar ändrade',
  'unit.setupFromFile': 'Datorn installerad från installationsfil',
  'user.create': 'Användare tillagd',
  'user.update': 'Användare ändrad',
  'user.activate': 'Användare aktiverad',
  'user.deactivate': 'Användare inaktiverad',
  'user.resetPassword': 'Nytt lösenord satt',
  'user.changePassword': 'Eget lösenord bytt',
  'user.changePasswordFailed': 'Fel nuvarande lösenord vid byte',
  'user.changePasswordThrottled': 'Lösenordsbyte spärrat efter för många fel',
  'session.signIn': 'Inloggning',
  'session.signInFailed': 'Misslyckad inloggning',
  'session.signInThrottled': 'Inloggning spärrad efter för många fel',
  'session.signOut': 'Utloggning',
  'session.inactivityLock': 'Automatiskt utloggad efter inaktivitet',
  'access.denied': 'Nekad åtgärd',
  'outage.start': 'Avbrott startat',
  'outage.plan': 'Avbrott planerat',
  'outage.end': 'Avbrott avslutat',
  'outage.analysis': 'Analys av avbrott registrerad',
  'payouts.overLimit': 'Utbetalning över gränsen godkänd',
  'cashCard.reconcile': 'Avstämning med ekonomienheten',
  'custodians.create': 'Kassaförvaltare tillagd',
  'custodians.update': 'Kassaförvaltare ändrad',
  'custodians.remove': 'Kassaförvaltare borttagen ur listan',
  'usbReceipts.issue': 'USB-minne utlämnat',
  'usbReceipts.return': 'USB-minne återlämnat',
  // Older versions audited a print's references beside the print itself.
  'references.print': 'Referenser utskrivna på blanketter',
  'references.unprinted': 'Utskrift avbruten – referenserna togs bort',
  'references.use': 'Referens använd i en post',
  'references.release': 'Referens frigjord (posten makulerad eller ändrad)',
  'references.writeOff': 'Referens avskriven',
  'localRoutines.update': 'Lokal checklista och kontaktlista ändrade',
  'setupFile.write': 'Installationsfil för bärbar dator skapad',
  'device.rename': 'Datorns namn ändrat',
  'transfer.write': 'Överföringsfil skapad',
  'transfer.import': 'Överföringsfil inläst',
  'transfer.update': 'Post uppdaterad från överföringsfil (senare ändring)',
  'transfer.conflict': 'Konflikt vid inläsning – vår version behölls',
  'transfer.outageMapped': 'Avbrott från bärbar dator kopplat till enhetens avbrott',
  'transfer.importRefused': 'Överföringsfil avvisad',
  'transfer.passphraseFailed': 'Fel lösenfras till fil',
  'transfer.passphraseThrottled': 'Lösenfras till fil spärrad efter för många fel',
  'print.blankTemplate': 'Blanketter utskrivna eller sparade som PDF',
  'print.register': 'Förteckning utskriven eller sparad som PDF',
  'print.outage': 'Förteckning över avbrott utskriven eller sparad som PDF',
  'print.custodians': 'Lista över kassaförvaltare utskriven eller sparad som PDF',
  'print.usbReceipts': 'Kvittenslista för USB-minnen utskriven eller sparad som PDF',
  'print.auditLog': 'Händelselogg utskriven eller sparad som PDF',
  'export.registerWorkbook': 'Register exporterade till Excel',
  'export.entryWorklist': 'Lista att föra in exporterad till Excel',
  'export.auditLog': 'Händelselogg exporterad till Excel',
  'backup.make': 'Säkerhetskopia gjord på begäran',
  'backup.failed': 'Säkerhetskopiering misslyckades',
  'backup.configure': 'Inställningar för säkerhetskopior ändrade',
  'restore.afterDamage': 'Skadad databas återställd från säkerhetskopia',
  'restore.replaced': 'Databasen ersatt med en säkerhetskopia',
  'restore.passphraseFailed': 'Fel lösenfras vid återställning',
  'restore.passphraseThrottled': 'Återställning spärrad efter för många fel',
  'audit.verify': 'Händelseloggen verifierad',
} as const satisfies Record<string, string>;
export type OtherAction = keyof typeof otherActionLabels;

export type AuditAction = RecordAction | OtherAction;

/**
 * A register's word for what happened to one of its records, with the Swedish gender of
 * its noun ("Beslut makulerat", "Beställning makulerad"): `neuter` from the register's
 * "Nytt …" heading.
 */
const recordVerbWords: Record<RecordVerb, (neuter: boolean) => string> = {
  create: (n) => (n ? 'registrerat' : 'registrerad'),
  update: (n) => (n ? 'ändrat' : 'ändrad'),
  void: (n) => (n ? 'makulerat' : 'makulerad'),
  markEntered: (n) => (n ? 'markerat som infört' : 'markerad som införd'),
  unmarkEntered: () => '– markeringen som införd borttagen',
};

/** The nouns of the registers, as the definitions have them (kept free of the definitions). */
export interface RecordNoun {
  singular: string;
  newTitle: string;
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function recordActionLabel(noun: RecordNoun, verb: RecordVerb): string {
  const neuter = noun.newTitle.startsWith('Nytt ');
  return `${capitalized(noun.singular)} ${recordVerbWords[verb](neuter)}`;
}

/** Whether an action is one of a register's records, and which register and verb. */
export function parseRecordAction(
  action: string,
): { register: RegisterKey; verb: RecordVerb } | null {
  const [register, verb, ...rest] = action.split('.');
  if (rest.length > 0) return null;
  if (!(registerKeys as readonly string[]).includes(register ?? '')) return null;
  if (!(recordVerbs as readonly string[]).includes(verb ?? '')) return null;
  return { register: register as RegisterKey, verb: verb as RecordVerb };
}

export const isOtherAction = (action: string): action is OtherAction =>
  Object.hasOwn(otherActionLabels, action);

/** Every action, register by register first: for a complete check and for the filter. */
export const recordActions: readonly RecordAction[] = registerKeys.flatMap((register) =>
  recordVerbs.map((verb): RecordAction => `${register}.${verb}`),
);
export const auditActions: readonly AuditAction[] = [
  ...recordActions,
  ...(Object.keys(otherActionLabels) as OtherAction[]),
];

/**
 * The kinds of event the Händelselogg filters by: what happened to a record, whatever the
 * register (the register is a filter of its own), each other action, and the lock-outs
 * together (for IT: failed attempts, waits and the inactivity lock).
 */
export const lockoutActions = [
  'session.signInFailed',
  'session.signInThrottled',
  'session.inactivityLock',
  'unit.unlockFailed',
  'unit.unlockThrottled',
  'user.changePasswordFailed',
  'user.changePasswordThrottled',
  'unit.changePassphraseWrongCurrent',
  'unit.changePassphraseThrottled',
  'transfer.passphraseFailed',
  'transfer.passphraseThrottled',
  'restore.passphraseFailed',
  'restore.passphraseThrottled',
] as const satisfies readonly OtherAction[];

export const recordKindLabels: Record<RecordVerb, string> = {
  create: 'Post registrerad',
  update: 'Post ändrad',
  void: 'Post makulerad',
  markEntered: 'Post markerad som införd',
  unmarkEntered: 'Markering som införd borttagen',
};

export type AuditKind = `record.${RecordVerb}` | 'lockouts' | OtherAction;
export const auditKinds: readonly AuditKind[] = [
  ...recordVerbs.map((verb): AuditKind => `record.${verb}`),
  'lockouts',
  ...(Object.keys(otherActionLabels) as OtherAction[]),
];

export function auditKindLabel(kind: AuditKind): string {
  if (kind === 'lockouts') return 'Spärrar och automatiska utloggningar (alla)';
  if (kind.startsWith('record.')) return recordKindLabels[kind.slice(7) as RecordVerb];
  return otherActionLabels[kind as OtherAction];
}

/** The actions a kind stands for, within one register when the filter names one. */
export function actionsOfKind(kind: AuditKind, register: RegisterKey | null): string[] {
  if (kind === 'lockouts') return [...lockoutActions];
  if (kind.startsWith('record.')) {
    const verb = kind.slice(7) as RecordVerb;
    return (register ? [register] : registerKeys).map((key) => `${key}.${verb}`);
  }
  return [kind];
}
