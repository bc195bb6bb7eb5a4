import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { alertQuery, letterInput } from '../../../shared/api.js';
import { MAX_ID } from '../../../shared/ids.js';
import { fieldErrors } from '../../../shared/schemas.js';

const errorsOf = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input);
  if (r.success) throw new Error('expected a failure');
  return fieldErrors(r.error);
};

describe('fieldErrors', () => {
  it('keeps the schemas\u2019 Chinese messages per field', () => {
    expect(errorsOf(letterInput, { kind: 'warning' })).toEqual({ unitId: '请选择责任单位' });
    expect(errorsOf(alertQuery, { level: '9' })).toEqual({ level: '调度层级须为1–3' });
  });
  it('never passes on zod\u2019s English defaults', () => {
    expect(errorsOf(letterInput, [1, 2])).toEqual({ _: '请求内容格式不正确，须为 JSON 对象' });
    expect(errorsOf(z.object({ a: z.string().max(2) }), { a: 'abc' })).toEqual({ a: '不超过2字' });
  });
  it('refuses ids the store cannot hold', () => {
    expect(errorsOf(letterInput, { kind: 'warning', unitId: MAX_ID + 1 })).toEqual({ unitId: '责任单位不存在' });
    expect(errorsOf(letterInput, { kind: 'warning', unitId: 1, alertIds: [] })).toEqual({ alertIds: '请至少选择一条预警' });
  });
});
