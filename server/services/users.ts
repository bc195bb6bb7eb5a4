// Accounts: staff create units' reporters and leaders' logins; everyone may change their password.
import { passwordChangeInput, passwordResetInput, userCreateInput, userPatchInput, type UserView } from '../../shared/api.js';
import type { User } from '../../shared/types.js';
import { Conflict, Invalid, NotFound } from '../errors.js';
import { parseInput } from './validate.js';
import { audit } from '../store/audit.js';
import type { Queryable } from '../store/db.js';
import { getUnit, leaderExists } from '../store/reference.js';
import { deleteSessionsOf, getUserView, insertUser, listUsers, passwordHashOf, setPasswordHash, updateUser, usernameTaken } from '../store/users.js';
import { assertRole } from './access.js';
import type { Deps } from './deps.js';
import { hashPassword, verifyPassword } from './passwords.js';

const actorOf = (user: User) => ({ userId: user.id, name: user.displayName });


export async function usersFor(deps: Deps, user: User): Promise<UserView[]> {
  assertRole(user, 'admin');
  return listUsers(deps.db);
}

async function checkLinks(q: Queryable, role: string, unitId: number | null | undefined, leaderId: number | null | undefined) {
  if (role === 'unit' && !unitId) throw Invalid({ unitId: '责任单位账号须选择所属单位' });
  if (unitId && !(await getUnit(q, unitId))) throw Invalid({ unitId: '单位不存在' });
  if (leaderId && !(await leaderExists(q, leaderId))) throw Invalid({ leaderId: '领导不存在' });
}

export async function createUser(deps: Deps, user: User, body: unknown): Promise<UserView> {
  assertRole(user, 'admin');
  const input = parseInput(userCreateInput, body);
  const passwordHash = await hashPassword(input.password);
  return deps.db.tx(async (q) => {
    if (await usernameTaken(q, input.username)) throw Invalid({ username: '用户名已存在' });
    await checkLinks(q, input.role, input.unitId, input.leaderId);
    const created = await insertUser(q, {
      username: input.username, displayName: input.displayName, role: input.role,
      unitId: input.role === 'unit' ? input.unitId ?? null : null, leaderId: input.role === 'leader' ? input.leaderId ?? null : null,
      passwordHash,
    });
    const view = (await getUserView(q, created.id))!;
    await audit(q, actorOf(user), 'user.create', 'user', created.id, null, view);
    return view;
  });
}

export async function patchUser(deps: Deps, user: User, id: number, body: unknown): Promise<UserView> {
  assertRole(user, 'admin');
  const input = parseInput(userPatchInput, body);
  const result = await deps.db.tx(async (q) => {
    const before = await getUserView(q, id);
    if (!before) throw NotFound('用户不存在');
    const role = input.role ?? before.role;
    const next = {
      displayName: input.displayName ?? before.displayName,
      role,
      unitId: role === 'unit' ? (input.unitId !== undefined ? input.unitId : before.unitId) : null,
      leaderId: role === 'leader' ? (input.leaderId !== undefined ? input.leaderId : before.leaderId) : null,
      disabled: input.disabled ?? before.disabled,
    };
    if (id === user.id && (next.role !== 'admin' || next.disabled)) throw Conflict('不能停用自己或取消自己的管理员身份');
    await checkLinks(q, next.role, next.unitId, next.leaderId);
    await updateUser(q, id, next);
    // A disabled account or a changed role must sign in again.
    const signedOut = next.disabled || next.role !== before.role || next.unitId !== before.unitId;
    if (signedOut) await deleteSessionsOf(q, id);
    const after = (await getUserView(q, id))!;
    await audit(q, actorOf(user), 'user.update', 'user', id, before, after);
    return { after, signedOut };
  });
  // Its open sockets go too: a disabled account stops receiving the wall's pushes at once.
  if (result.signedOut) deps.notifier.endUser(id);
  return result.after;
}

export async function resetPassword(deps: Deps, user: User, id: number, body: unknown): Promise<void> {
  assertRole(user, 'admin');
  const { password } = parseInput(passwordResetInput, body);
  const hash = await hashPassword(password);
  await deps.db.tx(async (q) => {
    if (!(await getUserView(q, id))) throw NotFound('用户不存在');
    await setPasswordHash(q, id, hash);
    await deleteSessionsOf(q, id);
    await audit(q, actorOf(user), 'user.password_reset', 'user', id, null, null);
  });
  deps.notifier.endUser(id);
}

/** Changing one's own password keeps this session and ends the others. */
export async function changeOwnPassword(deps: Deps, user: User, sessionTokenHash: string, body: unknown): Promise<void> {
  const { currentPassword, newPassword } = parseInput(passwordChangeInput, body);
  const stored = await passwordHashOf(deps.db, user.id);
  if (!stored || !(await verifyPassword(currentPassword, stored))) throw Invalid({ currentPassword: '当前密码不正确' });
  const hash = await hashPassword(newPassword);
  await deps.db.tx(async (q) => {
    await setPasswordHash(q, user.id, hash);
    await deleteSessionsOf(q, user.id, sessionTokenHash);
    await audit(q, actorOf(user), 'user.password_change', 'user', user.id, null, null);
  });
  // Every socket of the account goes, this session's too (its page reconnects with the kept cookie).
  deps.notifier.endUser(user.id);
}
