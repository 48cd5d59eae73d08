import { z } from 'zod';
import { dateInput, datesInOrder } from '../fields';
import { registerKeys } from '../registers/keys';
import { auditKinds, type AuditKind } from './actions';

/**
 * One entry of the Händelselogg as people read it, worked out in main (shared/audit/
 * describe.ts) so the page, the PDF and the Excel export say the same words.
 */
export const describedAuditEntrySchema = z.object({
  id: z.number().int(),
  /** The instant (UTC); `when` is it in office time. */
  at: z.string(),
  when: z.string(),
  actor: z.string(),
  action: z.string(),
  /** The action in Swedish ("Beslut makulerat"). */
  event: z.string(),
  /** The record or thing it concerns ("Beslut ST000123 · 2026-11-20"), or "". */
  subject: z.string(),
  /** The client ("Anna Andersson (19850101-1234)"), or null when it concerns none. */
  client: z.string().nullable(),
  /** Field by field, with the register's labels; `before` null for a value set at creation. */
  changes: z.array(
    z.object({ label: z.string(), before: z.string().nullable(), after: z.string() }),
  ),
  /** A reason, a wait, what was exported: what else the entry says, in one sentence. */
  note: z.string().nullable(),
});
export type DescribedAuditEntry = z.infer<typeof describedAuditEntrySchema>;

const date = dateInput('Ange datum som ÅÅÅÅ-MM-DD.');

/** The Händelselogg's filters; every one optional. Applied in main, in SQL. */
export const auditFilter = z
  .object({
    actorId: z.uuid({ error: 'Välj en person i listan.' }).nullable().default(null),
    kind: z
      .enum(auditKinds as [AuditKind, ...AuditKind[]], { error: 'Välj en händelse i listan.' })
      .nullable()
      .default(null),
    register: z.enum(registerKeys, { error: 'Välj ett register.' }).nullable().default(null),
    /** Office dates, both included. */
    from: date.nullable().default(null),
    to: date.nullable().default(null),
    /** A client's name (part of it) or personnummer (the start of it). */
    client: z
      .string({ error: 'Skriv klientens namn eller personnummer som text.' })
      .trim()
      .max(60, { error: 'Högst 60 tecken.' })
      .default(''),
  })
  .superRefine(datesInOrder);
export type AuditFilter = z.output<typeof auditFilter>;
export type AuditFilterInput = z.input<typeof auditFilter>;

/** The most entries one PDF of the Händelselogg holds; a longer log goes to Excel. */
export const MAX_AUDIT_PDF_ENTRIES = 5000;
