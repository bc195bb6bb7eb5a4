// Units and display tokens, kept by staff.
import { createHash, randomBytes } from 'node:crypto';
import { displayTokenInput, displayTokenPatchInput, unitInput, type DisplayTokenCreated, type DisplayTokenView } from '../../shared/api.js';
import type { Unit, User } from '../../shared/types.js';
import { Invalid, NotFound } from '../errors.js';
import { audit } from '../store/audit.js';
import { findDisplayToken, getDisplayToken, insertDisplayToken, listDisplayTokens, revokeDisplayToken, setDisplayFollows, touchDisplayToken } from '../store/displayTokens.js';
import { getUnit, insertUnit, renameUnit, unitNameTaken } from '../store/reference.js';
import { bumpEveryVersion } from '../store/campaigns.js';
import { assertRole } from './access.js';
import { activeCampaignId } from './campaignScope.js';
import { refreshCampaign } from './change.js';
import type { Deps } from './deps.js';
import { parseInput } from './validate.js';

const actorOf = (user: User) => ({ userId: user.id, name: user.displayName });
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createUnit(deps: Deps, user: User, body: unknown): Promise<Unit> {
  assertRole(user, 'admin');
  const { name } = parseInput(unitInput, body);
  return deps.db.tx(async (q) => {
    if (await unitNameTaken(q, name)) throw Invalid({ name: '单位名称已存在' });
    const unit = await insertUnit(q, name);
    await audit(q, actorOf(user), 'unit.create', 'unit', unit.id, null, unit);
    return unit;
  });
}

export async function renameUnitById(deps: Deps, user: User, id: number, body: unknown): Promise<Unit> {
  assertRole(user, 'admin');
  const { name } = parseInput(unitInput, body);
  const unit = await deps.db.tx(async (q) => {
    const before = await getUnit(q, id);
    if (!before) throw NotFound('单位不存在');
    if (await unitNameTaken(q, name, id)) throw Invalid({ name: '单位名称已存在' });
    const renamed = await renameUnit(q, id, name);
    await audit(q, actorOf(user), 'unit.rename', 'unit', id, before, renamed);
    // Every year's figures name the unit: none may be served (or recomputed from) as it was.
    await bumpEveryVersion(q);
    return renamed;
  });
  // The walls show the new name at once (before the first year there is nothing to show).
  if ((await activeCampaignId(deps.db)) !== null) await refreshCampaign(deps);
  return unit;
}

export async function displayTokensFor(deps: Deps, user: User): Promise<DisplayTokenView[]> {
  assertRole(user, 'admin');
  return listDisplayTokens(deps.db);
}

/** The secret is shown once; only its hash is kept. */
export async function createDisplayToken(deps: Deps, user: User, body: unknown): Promise<DisplayTokenCreated> {
  assertRole(user, 'admin');
  const { name, rotateSeconds, followsMeetings } = parseInput(displayTokenInput, body);
  const token = randomBytes(24).toString('base64url');
  const view = await deps.db.tx(async (q) => {
    const created = await insertDisplayToken(q, { name, tokenHash: hashToken(token), rotateSeconds: rotateSeconds ?? 30, followsMeetings, createdBy: user.id });
    await audit(q, actorOf(user), 'display_token.create', 'display_token', created.id, null, created);
    return created;
  });
  return { ...view, token, url: `/?token=${token}` };
}

export async function revokeDisplayTokenById(deps: Deps, user: User, id: number): Promise<void> {
  assertRole(user, 'admin');
  await deps.db.tx(async (q) => {
    const before = await getDisplayToken(q, id);
    if (!before) throw NotFound('大屏令牌不存在');
    await revokeDisplayToken(q, id);
    await audit(q, actorOf(user), 'display_token.revoke', 'display_token', id, before, { revoked: true });
  });
  deps.notifier.revokeDisplay(id);
}

/** Whether a wall follows meeting mode; its open walls are told at once. */
export async function setDisplayTokenFollows(deps: Deps, user: User, id: number, body: unknown): Promise<DisplayTokenView> {
  assertRole(user, 'admin');
  const { followsMeetings } = parseInput(displayTokenPatchInput, body);
  const view = await deps.db.tx(async (q) => {
    const before = await getDisplayToken(q, id);
    if (!before) throw NotFound('大屏令牌不存在');
    const after = (await setDisplayFollows(q, id, followsMeetings))!;
    await audit(q, actorOf(user), 'display_token.follows', 'display_token', id, { followsMeetings: before.followsMeetings }, { followsMeetings });
    return after;
  });
  deps.notifier.updateDisplay?.({ displayId: id, name: view.name, rotateSeconds: view.rotateSeconds, followsMeetings: view.followsMeetings });
  return view;
}

/** The live display token behind a secret, marking it seen. */
export async function displayByToken(deps: Pick<Deps, 'db'>, token: string | undefined): Promise<DisplayTokenView | null> {
  if (!token) return null;
  const found = await findDisplayToken(deps.db, hashToken(token));
  if (found) await touchDisplayToken(deps.db, found.id);
  return found;
}
