import { caseworkAccess, type RegisterDefinition } from './types';

/** Bilaga 4: "Övriga upprättade handlingar, manuell förteckning". */
export const otherDocuments: RegisterDefinition = {
  key: 'otherDocuments',
  title: 'Övriga handlingar',
  singular: 'handling',
  newTitle: 'Ny handling',
  formTitle: 'Övriga upprättade handlingar, manuell förteckning',
  hasDeadline: false,
  access: caseworkAccess,
  dateField: 'documentDate',
  // The plan's columns, and where the document is kept (the product asks for it).
  blankForm: {
    appendix: 4,
    columns: ['documentDate', 'documentType', 'clientName', 'personnummer', 'signature', 'storage'],
  },
  fields: [
    {
      key: 'documentDate',
      label: 'Datum',
      kind: 'date',
      required: true,
      inList: true,
      defaultFrom: 'today',
    },
    {
      key: 'documentType',
      label: 'Vad har upprättats',
      hint: 'Journalanteckning, beställning, utredning, osv.',
      kind: 'choice',
      required: true,
      inList: true,
      options: [
        { value: 'journalanteckning', label: 'Journalanteckning' },
        { value: 'bestallning', label: 'Beställning' },
        { value: 'utredning', label: 'Utredning' },
        { value: 'genomforandeplan', label: 'Genomförandeplan' },
        { value: 'uppfoljning', label: 'Uppföljning' },
        { value: 'annat', label: 'Annat' },
      ],
    },
    { key: 'description', label: 'Beskrivning', kind: 'text', maxLength: 300 },
    {
      key: 'signature',
      label: 'Signering',
      kind: 'text',
      required: true,
      maxLength: 20,
      inList: true,
      defaultFrom: 'userInitials',
    },
    {
      key: 'storage',
      label: 'Förvaras',
      kind: 'choice',
      required: true,
      inList: true,
      options: [
        { value: 'hFolder', label: 'H-katalogen' },
        { value: 'usb', label: 'Krypterat USB-minne' },
        { value: 'paper', label: 'Papper i aktskåpet' },
      ],
    },
    {
      key: 'storageDetail',
      label: 'Mapp eller USB-minnets nummer',
      kind: 'text',
      maxLength: 120,
    },
  ],
};
