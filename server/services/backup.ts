// Backups of the running store for staff (GET /api/admin/backup): one consistent dump, audited.
import type { User } from '../../shared/types.js';
import { audit } from '../store/audit.js';
import { backupFileName, dumpWith } from '../store/backup.js';
import { assertRole } from './access.js';
import type { Deps } from './deps.js';

export async function backupFor(deps: Deps, user: User): Promise<{ name: string; body: Buffer }> {
  assertRole(user, 'admin');
  const at = deps.clock();
  const name = backupFileName(at);
  // The audit row is written in the dump's own transaction, so the backup records who took it.
  const { lines } = await deps.db.snapshot(async (q) => {
    await audit(q, { userId: user.id, name: user.displayName }, 'store.backup', 'store', name, null, null);
    return dumpWith(q, deps.db.kind, at);
  });
  return { name, body: Buffer.from(`${lines.join('\n')}\n`, 'utf8') };
}
