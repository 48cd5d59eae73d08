import { decisionMakerField } from './sharedFields';
import { caseworkAccess, type RegisterDefinition } from './types';

/** Bilaga 3: "Manuell förteckning av fattade beslut". */
export const decisions: RegisterDefinition = {
  key: 'decisions',
  title: 'Beslut',
  singular: 'beslut',
  newTitle: 'Nytt beslut',
  formTitle: 'Manuell förteckning av fattade beslut',
  hasDeadline: false,
  access: caseworkAccess,
  dateField: 'decisionDate',
  blankSheet: {
    title: 'Beslutsdokument',
    instruction:
      'Skrivs under avbrottet och förs in på beslutslistan (Bilaga 3). Registreras i verksamhetssystemet i efterhand.',
    notes: 'Beslut och motivering',
    extraLines: ['Underskrift beslutsfattare'],
  },
  blankForm: {
    appendix: 3,
    columns: ['clientName', 'personnummer', 'purpose', 'decisionMaker', 'decisionDate', 'entry'],
  },
  fields: [
    {
      key: 'purpose',
      label: 'Ändamål/insats',
      kind: 'text',
      required: true,
      maxLength: 300,
      inList: true,
    },
    {
      key: 'caseWorker',
      label: 'Handläggare',
      kind: 'text',
      required: true,
      maxLength: 120,
      inList: true,
      defaultFrom: 'userName',
    },
    decisionMakerField,
    {
      key: 'decisionDate',
      label: 'Beslutsdatum',
      kind: 'date',
      required: true,
      inList: true,
      defaultFrom: 'today',
    },
  ],
};
