import type { z } from 'zod';
import { fieldErrors } from '../../shared/schemas.js';
import { Invalid } from '../errors.js';

/** Parses input with a shared schema, or throws a 422 with the Chinese message of each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw Invalid(fieldErrors(result.error));
  return result.data;
}
