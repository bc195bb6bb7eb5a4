// 操作日志 for staff: the log a page at a time, filtered, with what each row is about in words.
import { auditQuery, type AuditEntry, type AuditFacets } from '../../shared/api.js';
import type { User } from '../../shared/types.js';
import { auditFacets, listAudit } from '../store/audit.js';
import { assertRole } from './access.js';
import type { Deps } from './deps.js';
import { parseInput } from './validate.js';

export async function auditFor(deps: Deps, user: User, query: unknown): Promise<AuditEntry[]> {
  assertRole(user, 'admin');
  return listAudit(deps.db, parseInput(auditQuery, query));
}

export async function auditFacetsFor(deps: Deps, user: User): Promise<AuditFacets> {
  assertRole(user, 'admin');
  return auditFacets(deps.db);
}
