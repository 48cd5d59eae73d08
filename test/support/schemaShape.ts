import type { z } from 'zod';

/** The object shape under optional/nullable/default/pipe wrappers, if there is one. */
export function objectShape(schema: z.ZodType): Record<string, z.ZodType> | null {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  switch (def.type) {
    case 'object':
      return (schema as z.ZodObject).shape as Record<string, z.ZodType>;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
      return objectShape(def.innerType as z.ZodType);
    case 'pipe':
      return objectShape(def.in as z.ZodType) ?? objectShape(def.out as z.ZodType);
    default:
      return null;
  }
}
