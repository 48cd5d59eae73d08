import { bySwedish } from './swedishText';
import { z } from 'zod';
import { requiredText } from './fields';

/** Swedish phone numbers as people write them: "08-123 456 78", "+46 70 123 45 67". */
export const phoneNumber = z
  .string({ error: 'Ange telefonnummer.' })
  .trim()
  .min(1, { error: 'Ange telefonnummer.' })
  .max(40, { error: 'Högst 40 tecken.' })
  .refine((value) => /^\+?[\d\s-]+$/.test(value), {
    error: 'Telefonnumret får bara innehålla siffror, mellanslag, bindestreck och inledande +.',
  })
  .refine(
    (value) => {
      const digits = value.replace(/\D/g, '').length;
      return digits >= 7 && digits <= 15;
    },
    { error: 'Telefonnumret ska ha 7–15 siffror, t.ex. 08-508 000 00.' },
  );

export const emailAddress = z
  .string({ error: 'Ange e-postadress.' })
  .trim()
  .min(1, { error: 'Ange e-postadress.' })
  .max(254, { error: 'Högst 254 tecken.' })
  .pipe(z.email({ error: 'Ange en giltig e-postadress, t.ex. namn@kommun.se.' }));

export const custodianInput = z.object({
  name: requiredText('namn', 120),
  unitName: requiredText('enhet', 120),
  phone: phoneNumber,
  email: emailAddress,
});

export const custodianSchema = z.object({
  id: z.string(),
  name: z.string(),
  unitName: z.string(),
  phone: z.string(),
  email: z.string(),
  active: z.boolean(),
  updatedAt: z.string(),
  /** Removed from the list (kept for its history): when and by whom; null while listed. */
  removedAt: z.string().nullable(),
  removedByName: z.string().nullable(),
});
export type Custodian = z.infer<typeof custodianSchema>;

/** How a removed custodian shows in the list's history. */
export const removedWords = 'Borttagen';

/** Who reads the list of cash custodians (and prints it); the chef ekonomiskt bistånd keeps it. */
export const custodianReaders = ['financialAidManager', 'unitManager'] as const;

/** Bilaga 1 "Kassaförvaltare": the paper list's columns, in its order. */
export const custodianColumns = [
  { key: 'name', label: 'Namn' },
  { key: 'unitName', label: 'Enhet' },
  { key: 'phone', label: 'Telefonnummer' },
  { key: 'email', label: 'E-post' },
] as const satisfies readonly { key: keyof Custodian; label: string }[];

/**
 * Bilaga 1's rows: the cash custodians of now, by name. Those no longer one, and those
 * removed (kept in the app's history only), are left out: the paper list is who to call.
 */
export const currentCustodians = (custodians: readonly Custodian[]): Custodian[] =>
  custodians.filter((c) => c.active && !c.removedAt).sort(bySwedish((c) => c.name));
