import type { RequestHandler } from 'express';
import { Invalid } from '../errors.js';
import { withCampaign } from '../services/campaignScope.js';

/**
 * `?campaign=<id>` makes the rest of the request work on that campaign year instead of the active
 * one. Mounted after the body parsers: their callbacks would not carry the selection.
 */
export const campaignScope: RequestHandler = (req, _res, next) => {
  const raw = req.query.campaign;
  if (raw === undefined) return next();
  if (typeof raw !== 'string' || !/^[1-9]\d{0,8}$/.test(raw)) throw Invalid({ campaign: '年度台账编号须为正整数' }, '年度台账编号无效');
  withCampaign(Number(raw), next);
};
