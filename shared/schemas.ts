// Input schemas shared by the server (validation) and the screen (forms). Messages are Chinese,
// for the people who read them next to the field.
import { z } from 'zod';
import { dateMessage, dateProblem, isValidDate, MONTH_RE } from './dates.js';
import { parseWan, WAN_FORMAT_MESSAGE } from './money.js';

/** The error of a date field: not a real day, or outside 1949–2100 — each said in its own words. */
export const dateError = (label: string) => ({ error: (issue: { input?: unknown }) => dateMessage(label, dateProblem(issue.input) ?? 'format') });

const optionalDate = (label: string) =>
  z
    .string({ error: `${label}须为日期（YYYY-MM-DD）` })
    .refine(isValidDate, dateError(label))
    .nullish();

/** 本月完成投资 in 万元 (number or decimal string) → exact yuan. */
export const wanAmount = (label: string) =>
  z
    .union([z.string(), z.number()], { error: `请填写${label}（万元）` })
    .transform((v, ctx) => {
      const yuan = parseWan(v);
      if (yuan === null) {
        ctx.addIssue({ code: 'custom', message: `${WAN_FORMAT_MESSAGE}：${label}须为数字（万元，千分位逗号每三位一组，最多四位小数）` });
        return z.NEVER;
      }
      return yuan;
    });

export const reportInput = z
  .object({
    month: z.string({ error: '请填写填报月份' }).regex(MONTH_RE, '填报月份须为 YYYY-MM 格式'),
    investment: wanAmount('本月完成投资').refine((y) => y >= 0, '本月完成投资不能为负数'),
    progress: z.string({ error: '请填写形象进度' }).trim().min(1, '请填写形象进度').max(500, '形象进度不超过500字'),
    startedOn: optionalDate('开工日期'),
    completedOn: optionalDate('竣工日期'),
    remark: z.string().max(1000, '备注不超过1000字').optional(),
    /** Save without sending for review (units). */
    draft: z.boolean().optional(),
    /** The revision the form was filled against (0: none yet); a newer one on the server gets 409. */
    baseRevision: z.number().int().min(0).optional(),
  })
  .refine((r) => !r.completedOn || !r.startedOn || r.completedOn >= r.startedOn, {
    message: '竣工日期不能早于开工日期',
    path: ['completedOn'],
  });

export type ReportInput = z.output<typeof reportInput>;
export type ReportInputRaw = z.input<typeof reportInput>;

export const loginInput = z.object({
  username: z.string({ error: '请输入用户名' }).trim().min(1, '请输入用户名').max(64, '用户名不超过64字'),
  password: z.string({ error: '请输入密码' }).min(1, '请输入密码').max(256, '密码不超过256位'),
});

/** The shape of every API error body. */
export interface ApiError {
  error: {
    code: 'invalid' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'rate_limited' | 'internal' | 'too_large' | 'unsupported_media_type' | 'unavailable';
    message: string;
    /** Field path → Chinese message, for 422. */
    fields?: Record<string, string>;
  };
}

/** Turns zod issues into the field map of an ApiError. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= chinese(issue);
  }
  return fields;
}

/** Every schema gives Chinese messages; zod's English defaults are replaced, never shown. */
function chinese(issue: z.core.$ZodIssue): string {
  if (/[\u4e00-\u9fff]/.test(issue.message)) return issue.message;
  if (issue.path.length === 0) return '请求内容格式不正确，须为 JSON 对象';
  // Name the limit: the field is the key of the field map this message goes to.
  if (issue.code === 'too_big') {
    const max = String(issue.maximum);
    return issue.origin === 'string' ? `不超过${max}字` : issue.origin === 'array' ? `不超过${max}项` : `不能大于${max}`;
  }
  if (issue.code === 'too_small') {
    const min = String(issue.minimum);
    return issue.origin === 'string' ? `至少${min}字` : issue.origin === 'array' ? `至少${min}项` : `不能小于${min}`;
  }
  return '格式不正确';
}
