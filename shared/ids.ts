// Record ids as requests carry them: a leaf every request contract builds on.
import { z } from 'zod';

/** Ids are int4 in the store. */
export const MAX_ID = 2_147_483_647;
/** An id as a path or query parameter: decimal digits only, no sign, exponent, hex or spaces. */
export const DECIMAL_ID = /^[0-9]{1,10}$/;
/** A record id given as a query parameter (text) → number, by DECIMAL_ID. */
export const queryId = (label = '编号') =>
  z
    .string({ error: `${label}须为正整数` })
    .regex(DECIMAL_ID, `${label}须为正整数`)
    .transform(Number)
    .pipe(z.number().positive(`${label}须为正整数`).max(MAX_ID, `${label}超出范围`));
/** A record id in a request body. */
export const recordId = (label = '编号') =>
  z.number({ error: `${label}须为数字` }).int(`${label}须为正整数`).positive(`${label}须为正整数`).max(MAX_ID, `${label}超出范围`);
