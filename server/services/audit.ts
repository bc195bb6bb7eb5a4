// The console's audit log (审计日志): the newest rows first, a page at a time.
import type { Deps } from './deps.js';
import { listAudit, type AuditRow } from '../store/audit.js';

/** Up to `limit` rows older than `before` (the newest when null). */
export const auditLog = (deps: Deps, limit: number, before: number | null): Promise<AuditRow[]> => listAudit(deps.db, limit, before);
