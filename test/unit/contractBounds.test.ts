import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract } from '../../shared/contract';

/**
 * Every string and every array a caller can send has a maximum, so no input can make
 * main hash, parse or store something unbounded. Walking the schemas (rather than
 * listing channels) makes the rule hold for channels added later.
 */
type Internals = {
  _zod: { def: Record<string, unknown> & { type: string; format?: string; checks?: Internals[] } };
};

/** Formats whose pattern fixes the length (a UUID, a calendar date). */
const fixedLengthFormats = new Set(['uuid', 'guid', 'date']);

function hasMaximum(def: Internals['_zod']['def']): boolean {
  return (def.checks ?? []).some((check) =>
    ['max_length', 'length_equals'].includes(String(check._zod.def.check)),
  );
}

function unbounded(schema: z.ZodType, path: string, seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const { def } = (schema as unknown as Internals)._zod;
  const inner = (child: unknown, at = path) => unbounded(child as z.ZodType, at, seen);
  switch (def.type) {
    case 'string':
      return hasMaximum(def) || fixedLengthFormats.has(def.format ?? '')
        ? []
        : [`${path} (string)`];
    case 'array':
      return [...(hasMaximum(def) ? [] : [`${path} (array)`]), ...inner(def.element, `${path}[]`)];
    case 'object':
      return [
        ...Object.entries(def.shape as Record<string, unknown>).flatMap(([key, child]) =>
          inner(child, `${path}.${key}`),
        ),
        ...(def.catchall ? inner(def.catchall, `${path}.*`) : []),
      ];
    case 'record':
      return [`${path} (record)`];
    case 'union':
      return (def.options as unknown[]).flatMap((option) => inner(option));
    case 'intersection':
      return [...inner(def.left), ...inner(def.right)];
    case 'tuple':
      return [
        ...(def.items as unknown[]).flatMap((item, i) => inner(item, `${path}[${i}]`)),
        ...(def.rest ? inner(def.rest, `${path}[]`) : []),
      ];
    case 'pipe':
      // Only what the caller sends matters: the pipe's input side.
      return inner(def.in);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return inner(def.innerType);
    case 'lazy':
      return inner((def.getter as () => unknown)());
    case 'boolean':
    case 'number':
    case 'int':
    case 'enum':
    case 'literal':
    case 'null':
    case 'undefined':
    case 'transform':
      return [];
    default:
      return [`${path} (${def.type}: not understood by this test)`];
  }
}

describe('the contract bounds every input', () => {
  it('gives every string and every array a maximum length', () => {
    const offenders = Object.entries(contract).flatMap(([channel, spec]) =>
      unbounded(spec.input as z.ZodType, channel),
    );
    expect(offenders).toEqual([]);
  });

  it('would notice a string or an array without a maximum (the check can fail)', () => {
    const schema = z.object({
      a: z.string().max(5),
      b: z.string().trim().min(1),
      c: z.array(z.string().max(3)),
      d: z.union([z.literal(''), z.string()]).optional(),
      e: z
        .string()
        .max(9)
        .transform((v) => v.length),
    });
    expect(unbounded(schema, 'x')).toEqual(['x.b (string)', 'x.c (array)', 'x.d (string)']);
  });
});
