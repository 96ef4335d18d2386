import { z } from 'zod';

type WithoutDefaults<S extends z.ZodRawShape> = {
  [K in keyof S]: S[K] extends z.ZodDefault<infer Inner> ? Inner : S[K];
};

/**
 * The schema of an edit to a record with these fields: every field optional, unknown keys
 * refused, and, unlike `.partial()`, no defaults filled in, so a missing field is left as it is
 * instead of being reset.
 */
export function patchSchemaOf<S extends z.ZodRawShape>(shape: S) {
  const bare = Object.fromEntries(
    Object.entries(shape).map(([key, field]) => [
      key,
      field instanceof z.ZodDefault ? field.unwrap() : field,
    ]),
  ) as WithoutDefaults<S>;
  return z.object(bare).partial().strict();
}
