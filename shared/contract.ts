import { z } from 'zod';
import {
  confirmation,
  confirmed,
  fullName,
  initials,
  passphrase,
  password,
  requiredText,
  typedSecret,
  username,
} from './fields';
import {
  cashCardAccountSchema,
  cashCardSettingsInput,
  reconcileInput,
  reconciliationSchema,
} from './cashCard';
import type { Access } from './access';
import { auditFilter, describedAuditEntrySchema } from './audit/entry';
import { backupConfigureInput, backupStatusSchema, powerReadingInput } from './backup';
import type { Channel } from './channels';
import { custodianInput, custodianReaders, custodianSchema } from './custodians';
import { unitDetailsInput } from './unitSettings';
import { exportFilter } from './exports';
import {
  endOutageInput,
  maintenanceWindowSchema,
  outageOverviewSchema,
  outageSchema,
  planOutageInput,
  recordAnalysisInput,
  startOutageInput,
} from './outages';
import { faultContactSchema, localRoutinesSchema } from './localRoutines';
import {
  listUnusedInput,
  printedReferenceSchema,
  referencePrefixInput,
  writeOffInput,
} from './references';
import { blankTemplateKeys, MAX_TEMPLATE_PAGES } from './printing';
import { registerContract, registerSummarySchema } from './registers/contract';
import { registerKeys } from './registers/keys';
import { registerListFilter } from './registers/schemas';
import { deviceKinds } from './devices';
import { roles } from './roles';
import { setupFileInfoSchema, transferFileInfoSchema, transferSummarySchema } from './transfer';
import {
  backupListSchema,
  backupNameInput,
  restoreDescriptionSchema,
  restoreRunInput,
  startupOfferInput,
  startupOfferSchema,
  startupRestoreInput,
} from './restore';
import {
  issueUsbInput,
  listUsbInput,
  returnUsbInput,
  usbReceiptKeepers,
  usbReceiptSchema,
} from './usbReceipts';

/**
 * The IPC contract: every channel between renderer and main, with the schema of its
 * input and output and who may call it. Main validates every input against it; the
 * preload and the e2e bridge build the renderer's `window.api` from its keys.
 */

/**
 * A PDF built for preview: its bytes to show, and the id under which main holds it to
 * print or save (`documents.print`, `documents.save`) without the bytes coming back.
 */
const pdfOutput = z.object({ documentId: z.uuid(), fileName: z.string(), pdfBase64: z.string() });
const heldDocument = z.object({
  documentId: z.uuid({ error: 'Dokumentet finns inte längre. Skapa det igen.' }),
});

/** A workbook written (or not, when the save dialog was cancelled): its sheets and rows. */
const savedWorkbook = z.object({
  savedAs: z.string().nullable(),
  /** Each sheet's name and rows (below its heading), the sheet about the export last. */
  sheets: z.array(z.object({ name: z.string(), rows: z.number().int() })),
  /** The rows of every sheet but the one about the export. */
  rows: z.number().int(),
});

export type { Access };

const noInput = z.undefined();
const none = z.null();

const roleSchema = z.enum(roles, { error: 'Välj en roll.' });
const id = z.uuid({ error: 'Ogiltigt id.' });

export const sessionUserSchema = z.object({
  id,
  username: z.string(),
  fullName: z.string(),
  initials: z.string(),
  role: roleSchema,
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const unitSchema = z.object({
  name: z.string(),
  department: z.string(),
  autoLockMinutes: z.number().int(),
  patchWednesday: z.boolean(),
  /** The cash card provider's name, "ICA" unless the unit uses another. */
  cardProvider: z.string(),
  /** Printed before each paper reference's serial ("ST000123"); the enhetschef edits it. */
  referencePrefix: z.string(),
});
export type Unit = z.infer<typeof unitSchema>;

export const phases = ['setup', 'locked', 'signedOut', 'signedIn'] as const;
export const statusSchema = z.object({
  phase: z.enum(phases),
  dbPath: z.string(),
  unit: unitSchema.nullable(),
  user: sessionUserSchema.nullable(),
  /** Why the last person was signed out, so the sign-in screen can say so. */
  signedOutReason: z.enum(['inactivity', 'restored']).nullable(),
  /** The outage going on now, shown on every page; new records belong to it. */
  activeOutage: outageSchema.nullable(),
  /** Main's clock (an instant): the renderer's dates follow it. */
  now: z.string(),
  /**
   * When main will lock the session for inactivity (an instant, from the last activity it
   * saw), so the renderer can warn with a countdown; null unless signed in.
   */
  autoLockAt: z.string().nullable(),
  /** This computer: the unit's office PC or one of its laptops (null before it is open). */
  deviceKind: z.enum(deviceKinds).nullable(),
});
export type Status = z.infer<typeof statusSchema>;

export const userSchema = sessionUserSchema.extend({
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

const newUserFields = z.object(
  {
    fullName,
    initials,
    username,
    password,
    passwordConfirm: confirmation,
  },
  { error: 'Fyll i uppgifterna om användaren.' },
);
const passwordsMatch = 'Lösenorden är inte lika.';

export const contract = {
  'app.status': { access: 'public', input: noInput, output: statusSchema },
  'unit.setup': {
    access: 'public',
    input: confirmed(
      z.object({
        unitName: requiredText('enhetens namn'),
        department: requiredText('förvaltning'),
        passphrase,
        passphraseConfirm: confirmation,
        manager: confirmed(newUserFields, 'password', 'passwordConfirm', passwordsMatch),
      }),
      'passphrase',
      'passphraseConfirm',
      'Lösenfraserna är inte lika.',
    ),
    output: statusSchema,
  },
  'unit.unlock': {
    access: 'public',
    input: z.object({ passphrase: typedSecret('Ange lösenfras.') }),
    output: statusSchema,
  },
  'unit.changePassphrase': {
    access: ['unitManager'],
    input: confirmed(
      z.object({
        current: typedSecret('Ange nuvarande lösenfras.'),
        next: passphrase,
        nextConfirm: confirmation,
      }),
      'next',
      'nextConfirm',
      'Lösenfraserna är inte lika.',
    ),
    output: none,
  },
  'unit.updateSettings': {
    access: ['unitManager'],
    input: z.object({
      patchWednesday: z.boolean({ error: 'Ange om patch-onsdagen ska visas.' }),
    }),
    output: unitSchema,
  },
  /** Changes the references printed from now on; those already printed keep theirs. */
  'unit.updateReferencePrefix': {
    access: ['unitManager'],
    input: z.object({ prefix: referencePrefixInput }),
    output: unitSchema,
  },
  'session.signIn': {
    access: 'unlocked',
    input: z.object({
      username: z
        .string({ error: 'Ange användarnamn.' })
        .trim()
        .min(1, { error: 'Ange användarnamn.' })
        .max(40, { error: 'Högst 40 tecken.' }),
      password: typedSecret('Ange lösenord.'),
    }),
    output: statusSchema,
  },
  'session.signOut': { access: 'signedIn', input: noInput, output: statusSchema },
  /** The renderer reports real keyboard/mouse activity so typing a long note never auto-locks. */
  'session.touch': { access: 'signedIn', input: noInput, output: none },
  /** Everyone changes their own password, knowing the current one. */
  'session.changePassword': {
    access: 'signedIn',
    input: confirmed(
      z.object({
        current: typedSecret('Ange ditt nuvarande lösenord.'),
        password,
        passwordConfirm: confirmation,
      }),
      'password',
      'passwordConfirm',
      passwordsMatch,
    ),
    output: none,
  },
  'users.list': { access: ['unitManager'], input: noInput, output: z.array(userSchema) },
  'users.create': {
    access: ['unitManager'],
    input: confirmed(
      newUserFields.extend({ role: roleSchema }),
      'password',
      'passwordConfirm',
      passwordsMatch,
    ),
    output: userSchema,
  },
  'users.update': {
    access: ['unitManager'],
    input: z.object({ id, fullName, initials, role: roleSchema }),
    output: userSchema,
  },
  'users.setActive': {
    access: ['unitManager'],
    input: z.object({ id, active: z.boolean({ error: 'Ange om kontot ska vara aktivt.' }) }),
    output: userSchema,
  },
  'users.resetPassword': {
    access: ['unitManager'],
    input: confirmed(
      z.object({ id, password, passwordConfirm: confirmation }),
      'password',
      'passwordConfirm',
      passwordsMatch,
    ),
    output: none,
  },
  /** Names of the unit's staff for filters ("registrerad av"), for every role. */
  'users.directory': {
    access: 'signedIn',
    input: noInput,
    output: z.array(
      z.object({
        id: z.string(),
        fullName: z.string(),
        initials: z.string(),
        /** Only active users are offered where a person is picked (a USB stick's receiver). */
        active: z.boolean(),
      }),
    ),
  },
  /** The Händelselogg: a page of the entries matching the filters, described in Swedish. */
  'audit.list': {
    access: ['unitManager'],
    input: z.object({
      filter: auditFilter.default(auditFilter.parse({})),
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(200),
    }),
    output: z.object({
      entries: z.array(describedAuditEntrySchema),
      total: z.number().int(),
    }),
  },
  /** The filtered log as a PDF for the preview (printed or saved through documents.*). */
  'audit.print': { access: ['unitManager'], input: auditFilter, output: pdfOutput },
  /** The filtered log as an Excel workbook, saved where the person chooses. */
  'audit.export': { access: ['unitManager'], input: auditFilter, output: savedWorkbook },
  /** The audit chain checked (main/app/audit/chain.ts): whole, or what is wrong where. */
  'audit.verify': {
    access: ['unitManager'],
    input: noInput,
    output: z.object({
      whole: z.boolean(),
      entries: z.number().int(),
      chains: z.number().int(),
      /** "Händelseloggen är hel: …" or how many faults were found. */
      message: z.string(),
      /** Each fault in a sentence, naming the entries. */
      problems: z.array(z.string()),
    }),
  },
  'outages.list': { access: 'signedIn', input: noInput, output: z.array(outageSchema) },
  'outages.upcoming': {
    access: 'signedIn',
    input: noInput,
    output: z.array(maintenanceWindowSchema),
  },
  /** Anyone at the office may notice and register that the system is down. */
  'outages.start': { access: 'signedIn', input: startOutageInput, output: outageSchema },
  'outages.plan': { access: ['unitManager'], input: planOutageInput, output: outageSchema },
  /** Main allows it to the enhetschef and to the person who started the outage. */
  'outages.end': { access: 'signedIn', input: endOutageInput, output: outageSchema },
  'outages.recordAnalysis': {
    access: ['unitManager'],
    input: recordAnalysisInput,
    output: outageSchema,
  },
  'registers.summary': {
    access: 'signedIn',
    input: noInput,
    output: z.array(registerSummarySchema),
  },
  /** Names already recorded for a personnummer, to warn before people are mixed up. */
  'clients.knownNames': {
    access: 'signedIn',
    input: z.object({
      personnummer: z
        .string({ error: 'Ange personnumret med tolv siffror.' })
        .max(12, { error: 'Ange personnumret med tolv siffror.' })
        .regex(/^\d{12}$/, { error: 'Ange personnumret med tolv siffror.' }),
    }),
    output: z.array(z.string()),
  },
  /** The cash card account is the chef ekonomiskt bistånd's; the enhetschef may read. */
  'cashCard.account': {
    access: ['financialAidManager', 'unitManager'],
    input: noInput,
    output: cashCardAccountSchema,
  },
  'cashCard.reconciliations': {
    access: ['financialAidManager', 'unitManager'],
    input: noInput,
    output: z.array(reconciliationSchema),
  },
  'cashCard.reconcile': {
    access: ['financialAidManager'],
    input: reconcileInput,
    output: reconciliationSchema,
  },
  /** The limit and warning levels are the finance office's rule, kept by the enhetschef. */
  'cashCard.updateSettings': {
    access: ['unitManager'],
    input: cashCardSettingsInput,
    output: cashCardAccountSchema,
  },
  'custodians.list': {
    access: custodianReaders,
    input: noInput,
    output: z.array(custodianSchema),
  },
  'custodians.create': {
    access: ['financialAidManager'],
    input: custodianInput,
    output: custodianSchema,
  },
  'custodians.update': {
    access: ['financialAidManager'],
    input: custodianInput.extend({
      id,
      active: z.boolean({ error: 'Ange om förvaltaren är aktiv.' }),
    }),
    output: custodianSchema,
  },
  /** USB stick receipts are the enhetschef's (Bilaga 2). */
  'usbReceipts.list': {
    access: usbReceiptKeepers,
    input: listUsbInput,
    output: z.array(usbReceiptSchema),
  },
  'usbReceipts.issue': {
    access: usbReceiptKeepers,
    input: issueUsbInput,
    output: usbReceiptSchema,
  },
  'usbReceipts.return': {
    access: usbReceiptKeepers,
    input: returnUsbInput,
    output: usbReceiptSchema,
  },
  /**
   * Printed references not yet transcribed: every role transcribes paper, so every role
   * sees them. Writing off: the enhetschef any, others what they printed (checked in main).
   */
  'references.listUnused': {
    access: 'signedIn',
    input: listUnusedInput,
    output: z.object({ rows: z.array(printedReferenceSchema), total: z.number().int() }),
  },
  /** Just the number, for the overview's card. */
  'references.countUnused': {
    access: 'signedIn',
    input: noInput,
    output: z.object({ total: z.number().int() }),
  },
  'references.writeOff': {
    access: 'signedIn',
    input: writeOffInput,
    output: z.object({ count: z.number().int() }),
  },
  /** Printed for the binder, so every role reads them; the enhetschef keeps them. */
  'localRoutines.get': {
    access: 'signedIn',
    input: noInput,
    // Until the enhetschef fills them in, the contacts are the empty rows to fill.
    output: localRoutinesSchema.extend({
      contacts: z.array(faultContactSchema.extend({ who: z.string() })),
    }),
  },
  'localRoutines.update': {
    access: ['unitManager'],
    input: localRoutinesSchema,
    output: localRoutinesSchema,
  },
  /**
   * Printing. Blank templates are for every role; a filled register for its readers
   * (checked in main from the register's definition); an outage's document holds the
   * registers the person may read. The PDF comes back as base64 (the e2e bridge speaks JSON).
   */
  'print.blankTemplate': {
    access: 'signedIn',
    input: z.object({
      key: z.enum(blankTemplateKeys, { error: 'Välj en mall.' }),
      pages: z
        .number({ error: 'Ange antal sidor.' })
        .int({ error: 'Ange antal sidor.' })
        .min(1, { error: 'Minst en sida.' })
        .max(MAX_TEMPLATE_PAGES, { error: `Högst ${MAX_TEMPLATE_PAGES} sidor åt gången.` }),
    }),
    output: pdfOutput,
  },
  'print.register': {
    access: 'signedIn',
    input: z.object({
      register: z.enum(registerKeys, { error: 'Välj ett register.' }),
      filter: registerListFilter,
    }),
    output: pdfOutput,
  },
  'print.outage': {
    access: 'signedIn',
    input: z.object({ outageId: z.uuid({ error: 'Välj ett avbrott.' }) }),
    output: pdfOutput,
  },
  /** How far the long task being run has come (writing a workbook, reading a file in). */
  'progress.current': {
    access: 'public',
    unqueued: true,
    input: noInput,
    output: z
      .object({ task: z.string(), done: z.number().int(), total: z.number().int().nullable() })
      .nullable(),
  },
  /** A previewed PDF to the system's print dialog; the outcome says if it was cancelled. */
  'documents.print': {
    access: 'signedIn',
    input: heldDocument,
    output: z.object({ outcome: z.enum(['printed', 'cancelled']) }),
  },
  /** A previewed PDF saved where the person chooses in the system's save dialog. */
  'documents.save': {
    access: 'signedIn',
    input: heldDocument,
    output: z.object({ savedAs: z.string().nullable() }),
  },
  /** Bilaga 1 filled in: the custodians of now, for those who read the list. */
  'print.custodians': { access: custodianReaders, input: noInput, output: pdfOutput },
  /** Bilaga 2 filled in: every receipt, or one outage's, for the enhetschef. */
  'print.usbReceipts': {
    access: usbReceiptKeepers,
    input: z.object({ outageId: z.uuid({ error: 'Välj ett avbrott.' }).nullable().default(null) }),
    output: pdfOutput,
  },
  /**
   * Laptops and their records (main/app/transfer). Files are chosen and saved through the
   * system's dialogs in main: the renderer holds only a token of a file main has read.
   */
  'transfer.writeSetupFile': {
    access: ['unitManager'],
    input: z.object({
      laptopName: z
        .string({ error: 'Skriv datorns namn.' })
        .trim()
        .max(60, { error: 'Högst 60 tecken.' })
        .optional(),
    }),
    output: z.object({ savedAs: z.string().nullable(), info: setupFileInfoSchema.nullable() }),
  },
  'transfer.writeTransferFile': {
    access: 'signedIn',
    input: z.object({ outageId: z.uuid({ error: 'Välj ett avbrott.' }).nullable() }),
    output: z.object({ savedAs: z.string().nullable(), info: transferFileInfoSchema.nullable() }),
  },
  /** Chooses a transfer file and shows what it holds; nothing is read in yet. */
  'transfer.chooseImport': {
    access: ['unitManager'],
    input: z.object({ passphrase: typedSecret('Ange enhetens lösenfras.') }),
    output: z.object({ fileToken: z.uuid(), info: transferFileInfoSchema }).nullable(),
  },
  'transfer.import': {
    access: ['unitManager'],
    input: z.object({
      fileToken: z.uuid({ error: 'Välj filen igen.' }),
      passphrase: typedSecret('Ange enhetens lösenfras.'),
    }),
    output: transferSummarySchema,
  },
  /** A fresh laptop: chooses the setup file the office PC made, and shows what it holds. */
  'setupFile.choose': {
    access: 'public',
    input: z.object({ passphrase: typedSecret('Ange enhetens lösenfras.') }),
    output: z.object({ fileToken: z.uuid(), info: setupFileInfoSchema }).nullable(),
  },
  'setupFile.install': {
    access: 'public',
    input: z.object({
      fileToken: z.uuid({ error: 'Välj filen igen.' }),
      passphrase: typedSecret('Ange enhetens lösenfras.'),
      deviceName: z
        .string({ error: 'Skriv datorns namn.' })
        .trim()
        .max(60, { error: 'Högst 60 tecken.' })
        .optional(),
    }),
    output: statusSchema,
  },
  /**
   * Excel export: the workbook is written where the person chooses in the system's save
   * dialog, holding the registers the person may read (checked in main from each
   * register's definition); savedAs is null when the dialog was cancelled (nothing written).
   */
  'export.registerWorkbook': { access: 'signedIn', input: exportFilter, output: savedWorkbook },
  /** The worklist for later entry: what is not yet entered, a sheet per person, by deadline. */
  'export.entryWorklist': { access: 'signedIn', input: exportFilter, output: savedWorkbook },
  /**
   * The outages with what each left to do (records per register the person may read, not
   * entered, deadlines due and passed, USB sticks out), counted in one query for all.
   */
  'outages.overview': {
    access: 'signedIn',
    input: noInput,
    output: z.array(outageOverviewSchema),
  },
  /** Taken off Bilaga 1 but kept, with who removed it and when, in the list's history. */
  'custodians.remove': {
    access: ['financialAidManager'],
    input: z.object({ id }),
    output: custodianSchema,
  },
  /** The unit's name and department (printed on every document) and the auto-lock minutes. */
  'unit.updateDetails': {
    access: ['unitManager'],
    input: unitDetailsInput,
    output: unitSchema,
  },
  /**
   * Automatic backups (main/app/backup). Where they go, how often and how many: the
   * enhetschef's. A backup now: anyone signed in, as anyone may write during an outage
   * and may be the one about to leave with the laptop; it shows nothing and changes no
   * record. The status (shown on everyone's overview) names the folder, no personal data.
   */
  'backup.status': { access: 'signedIn', input: noInput, output: backupStatusSchema },
  'backup.configure': {
    access: ['unitManager'],
    input: backupConfigureInput,
    output: backupStatusSchema,
  },
  'backup.chooseFolder': {
    access: ['unitManager'],
    input: noInput,
    output: z.object({ folder: z.string().nullable() }),
  },
  'backup.now': { access: 'signedIn', input: noInput, output: backupStatusSchema },
  /**
   * The window's battery reading: a laptop on battery below 20 % makes a backup at once.
   * Needs the database open, nobody signed in: sent each minute, it must not count as the
   * person's activity and hold off the inactivity lock (as a signed-in call would).
   */
  'backup.power': { access: 'unlocked', input: powerReadingInput, output: none },
  /**
   * Restoring from a backup (shared/restore.ts). The two before sign-in take the unit
   * passphrase and are counted with the unlocks; they only act on a damaged database.
   */
  'restore.offer': { access: 'public', input: startupOfferInput, output: startupOfferSchema },
  'restore.atStartup': { access: 'public', input: startupRestoreInput, output: statusSchema },
  'restore.list': { access: ['unitManager'], input: noInput, output: backupListSchema },
  'restore.describe': {
    access: ['unitManager'],
    input: z.object({ backupName: backupNameInput }),
    output: restoreDescriptionSchema,
  },
  'restore.run': { access: ['unitManager'], input: restoreRunInput, output: statusSchema },
  ...registerContract('decisions'),
  ...registerContract('orders'),
  ...registerContract('journalNotes'),
  ...registerContract('otherDocuments'),
  ...registerContract('payouts'),
} as const satisfies {
  [C in Channel]: {
    access: Access;
    input: z.ZodType;
    output: z.ZodType;
    /**
     * Answered at once, beside the call being run, instead of after it: only for channels
     * that read main's memory and never the database (how far a long task has come).
     */
    unqueued?: true;
  };
};

export type Contract = typeof contract;
export type { Channel };
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
/** The input after validation (trimmed strings etc.), as services receive it. */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;
