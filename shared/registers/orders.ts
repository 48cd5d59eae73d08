import { caseworkAccess, type RegisterDefinition } from './types';

/** Orders to providers (utförare), sent by internpost, post or fax during the outage. */
export const orders: RegisterDefinition = {
  key: 'orders',
  title: 'Beställningar',
  singular: 'beställning',
  newTitle: 'Ny beställning',
  formTitle: 'Beställningar till utförare',
  hasDeadline: false,
  access: caseworkAccess,
  dateField: 'sentAt',
  blankSheet: {
    title: 'Beställning till utförare',
    instruction:
      'Brådskande beställning: ring utföraren först och anteckna tiden. Skicka sedan blanketten med internpost, post eller fax. Utföraren bekräftar att beställningen tagits emot och skickar tillbaka den.',
    extraLines: ['Utförarens faxnummer', 'Handläggarens telefonnummer'],
    notes: 'Beställningen avser (omfattning, tider, särskilda behov)',
  },
  fields: [
    {
      key: 'provider',
      label: 'Utförare',
      kind: 'text',
      required: true,
      maxLength: 200,
      inList: true,
    },
    { key: 'service', label: 'Insats', kind: 'text', required: true, maxLength: 300, inList: true },
    { key: 'urgent', label: 'Brådskande', kind: 'flag', inList: true },
    {
      key: 'providerCalledAt',
      label: 'Utförare uppringd',
      kind: 'datetime',
      requiredWhen: 'urgent',
      hint: 'Vid brådskande beställning ringer du utföraren först.',
    },
    {
      key: 'sentVia',
      label: 'Skickad via',
      kind: 'choice',
      options: [
        { value: 'internpost', label: 'Internpost' },
        { value: 'post', label: 'Post' },
        { value: 'fax', label: 'Fax' },
      ],
      inList: true,
    },
    { key: 'sentAt', label: 'Skickad', kind: 'datetime', defaultFrom: 'now', inList: true },
    // The provider's receipt, the registration and the activation are filled in after
    // entry: changing them does not send an entered order back to the later-entry list.
    { key: 'confirmedAt', label: 'Mottagen av utföraren', kind: 'datetime', followUp: true },
    {
      key: 'confirmedBy',
      label: 'Mottagen av (namn)',
      kind: 'text',
      maxLength: 120,
      followUp: true,
    },
    { key: 'registeredOn', label: 'Registrerad i systemet', kind: 'date', followUp: true },
    { key: 'activatedOn', label: 'Aktiverad av utföraren', kind: 'date', followUp: true },
  ],
};
