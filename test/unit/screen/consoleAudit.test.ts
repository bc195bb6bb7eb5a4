import { describe, expect, it } from 'vitest';
import { subjectLabel } from '../../../screen/apps/console/ledger/auditDiff.js';
import { actionGroups, auditQuery, emptyAuditFilter } from '../../../screen/apps/console/ledger/auditFilter.js';

describe('操作日志 filters', () => {
  it('asks only for what is set, with the oldest row shown when paging', () => {
    expect(auditQuery(emptyAuditFilter(), 50)).toBe('limit=50');
    const f = { actor: '张三', action: 'report', projectId: 7, dates: ['2020-11-01', '2020-11-20'] as [string, string] };
    const q = new URLSearchParams(auditQuery(f, 50, 544));
    expect(Object.fromEntries(q)).toEqual({ limit: '50', before: '544', actor: '张三', action: 'report', projectId: '7', from: '2020-11-01', to: '2020-11-20' });
  });

  it('groups actions by kind, each kind led by every action on it, unknown kinds under 其他', () => {
    const groups = actionGroups(['user.create', 'report.return', 'report.accept', 'seed', 'ledger.import']);
    expect(groups.map((g) => g.label)).toEqual(['月报', '账号', '其他']);
    expect(groups[0].options).toEqual([
      { value: 'report', label: '全部月报操作' },
      { value: 'report.accept', label: '采纳月报' },
      { value: 'report.return', label: '退回月报' },
    ]);
    expect(groups[2].options.map((o) => o.label)).toEqual(['导入项目台账', '导入演示数据']);
  });

  it('names the row by its kind and subject, falling back to the id', () => {
    expect(subjectLabel({ entity: 'report', entityId: '544', subject: '白马大桥' })).toBe('月报 · 白马大桥');
    expect(subjectLabel({ entity: 'report', entityId: '544', subject: null })).toBe('月报 #544');
    expect(subjectLabel({ entity: 'store', entityId: 'backup' })).toBe('数据库 #backup');
  });
});
