import { z } from 'zod';
import type { Access } from '../access';
import { registers } from '.';
import { registerReaders } from './access';
import type { RegisterKey, RegisterMethod } from './keys';
import {
  historyEntrySchema,
  historyInput,
  markEnteredInput,
  markEnteredOutput,
  markableIdsOutput,
  registerInputSchema,
  registerListFilter,
  registerListInput,
  registerListOutput,
  registerRecordSchema,
  unmarkEnteredInput,
  voidInput,
} from './schemas';

/** Who may call a register's channels comes from its definition. */
function registerSpecs(key: RegisterKey) {
  const definition = registers[key];
  const input = registerInputSchema(definition);
  const readers = registerReaders(definition);
  const writers: Access = definition.access.write;
  return {
    list: { access: readers, input: registerListInput, output: registerListOutput },
    create: { access: writers, input, output: registerRecordSchema },
    update: {
      access: writers,
      input: z.object({
        id: z.uuid({ error: 'Öppna posten igen och gör ändringen där.' }),
        input,
      }),
      output: registerRecordSchema,
    },
    void: { access: writers, input: voidInput, output: registerRecordSchema },
    markEntered: { access: writers, input: markEnteredInput, output: markEnteredOutput },
    /** The filtered list's rows this person may mark: "Markera alla", however many. */
    markableIds: { access: writers, input: registerListFilter, output: markableIdsOutput },
    unmarkEntered: { access: writers, input: unmarkEnteredInput, output: registerRecordSchema },
    /** A record's history is as private as the record: the register's readers only. */
    history: { access: readers, input: historyInput, output: z.array(historyEntrySchema) },
  } as const;
}

type Specs = ReturnType<typeof registerSpecs>;

/** The channels of one register, keyed "decisions.list" etc. */
export function registerContract<K extends RegisterKey>(
  key: K,
): { [M in RegisterMethod as `${K}.${M}`]: Specs[M] } {
  const specs = registerSpecs(key);
  return Object.fromEntries(
    Object.entries(specs).map(([method, spec]) => [`${key}.${method}`, spec]),
  ) as never;
}

export const registerSummarySchema = z.object({
  key: z.string(),
  total: z.number().int(),
  notEntered: z.number().int(),
  dueSoon: z.number().int(),
  overdue: z.number().int(),
});
export type RegisterSummary = z.infer<typeof registerSummarySchema>;
