import { z } from 'zod';

/**
 * The unit's own routines, kept by the enhetschef and printed for the binder: the local
 * checklist for planned outages (Söderköping's routine, section 2.3: "För planerade avbrott
 * bör det finnas en lokal checklista eller rutin på enheten innehållande: …") and whom to
 * call to report a fault, in and out of office hours (section 3.1).
 */
export const checklistQuestions = [
  'Vilken information som behöver dras ut på papper innan avbrottet',
  'Hur information ska hanteras under avbrottet',
  'Hur arbetet ska utföras utan verksamhetssystem under avbrottet',
  'Hur information ska skrivas in efter avbrottet och av vem',
] as const;

export const contactPeriods = [
  { value: 'office', label: 'Under kontorstid' },
  { value: 'afterHours', label: 'Efter kontorstid – kvällar, nätter och helger' },
] as const;

const text = (label: string, max: number) =>
  z
    .string({ error: `Ange ${label}.` })
    .trim()
    .max(max, { error: `Högst ${max} tecken.` });

export const faultContactSchema = z.object({
  period: z.enum(['office', 'afterHours'], { error: 'Välj när kontakten gäller.' }),
  /** "08:00–16:00", "17:00–07:30". */
  hours: text('tider', 40),
  /** "Socialförvaltningens support", "Jourhavande chef i Norrköping". */
  who: text('vem man anmäler till', 120).min(1, { error: 'Ange vem man anmäler till.' }),
  phone: text('telefonnummer', 40),
  /** What to check first, or when this contact may be used. */
  note: text('anteckning', 1000),
});
export type FaultContact = z.infer<typeof faultContactSchema>;

export const localRoutinesSchema = z.object({
  /** One answer per question of `checklistQuestions`, in that order. */
  checklistAnswers: z
    .array(text('svar', 4000), { error: 'Ange svaren.' })
    .length(checklistQuestions.length, { error: 'Ett svar per fråga.' }),
  contacts: z
    .array(faultContactSchema, { error: 'Ange kontakterna.' })
    .max(20, { error: 'Högst 20 kontakter.' }),
});
export type LocalRoutines = z.infer<typeof localRoutinesSchema>;

/** What a new unit starts from: the questions unanswered, the two kinds of contact empty. */
export const emptyLocalRoutines: LocalRoutines = {
  checklistAnswers: checklistQuestions.map(() => ''),
  contacts: [
    { period: 'office', hours: '08:00–16:00', who: '', phone: '', note: '' },
    { period: 'afterHours', hours: '17:00–07:30', who: '', phone: '', note: '' },
  ],
};
