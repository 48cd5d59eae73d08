import type { RegisterDefinition } from './types';

export const laws = [
  { value: 'SoL', label: 'SoL' },
  { value: 'LSS', label: 'LSS' },
  { value: 'HSL', label: 'HSL' },
] as const;

/** Journal notes made during the outage; entered within a deadline (HSL a week, SoL/LSS ten working days). */
export const journalNotes: RegisterDefinition = {
  key: 'journalNotes',
  title: 'Journalanteckningar',
  singular: 'journalanteckning',
  newTitle: 'Ny journalanteckning',
  formTitle: 'Journalanteckningar under avbrott',
  hasDeadline: true,
  // HSL notes are medical: not for the chef ekonomiskt bistånd, who reads decisions and orders.
  access: { read: ['caseWorker', 'unitManager'], write: ['caseWorker', 'unitManager'] },
  dateField: 'occurredAt',
  blankSheet: {
    title: 'Journalanteckning',
    instruction:
      'Förs in i verksamhetssystemet efter avbrottet: HSL inom en vecka, SoL och LSS inom tio arbetsdagar. Förvaras inlåst.',
  },
  fields: [
    {
      key: 'occurredAt',
      label: 'Datum och tid',
      kind: 'datetime',
      required: true,
      inList: true,
      defaultFrom: 'now',
    },
    { key: 'law', label: 'Lagrum', kind: 'choice', options: laws, required: true, inList: true },
    {
      key: 'text',
      label: 'Anteckning',
      kind: 'longText',
      required: true,
      maxLength: 20_000,
      hint: 'Vid fysisk tillsyn för att kamera eller larm inte fungerade: skriv varför besöket gjordes.',
    },
    {
      key: 'author',
      label: 'Författare',
      kind: 'text',
      required: true,
      maxLength: 120,
      inList: true,
      defaultFrom: 'userName',
    },
  ],
};
