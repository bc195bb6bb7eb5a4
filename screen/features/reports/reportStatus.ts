// How a project's month status is labelled and coloured wherever reports are listed.
import type { MonthStatus } from '../../../shared/api.js';

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger';

export const MONTH_STATUS_TAGS: Record<MonthStatus, { label: string; type: TagType }> = {
  missing: { label: '未报', type: 'info' },
  draft: { label: '草稿', type: 'primary' },
  submitted: { label: '待审核', type: 'warning' },
  accepted: { label: '已采纳', type: 'success' },
  returned: { label: '已退回', type: 'danger' },
};
