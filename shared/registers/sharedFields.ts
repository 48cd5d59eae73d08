import type { FieldDefinition } from './types';

/** "Beslutsfattare": on the decision list (Bilaga 3) and the payout list (Bilaga 5). */
export const decisionMakerField: FieldDefinition = {
  key: 'decisionMaker',
  label: 'Beslutsfattare',
  kind: 'text',
  required: true,
  maxLength: 120,
  inList: true,
};
