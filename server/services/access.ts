// Who may do what: the role rules every service applies before touching the store.
import type { Project, Role, User } from '../../shared/types.js';
import { Forbidden } from '../errors.js';

export function assertRole(user: User, ...roles: Role[]): void {
  if (!roles.includes(user.role)) throw Forbidden(roles.includes('admin') && roles.length === 1 ? '仅管理员可执行此操作' : '没有权限执行此操作');
}

/** Units see their own projects only; admins and leaders see all. */
export function assertCanRead(user: User, project: Pick<Project, 'unitId'>): void {
  if (user.role === 'unit' && user.unitId !== project.unitId) throw Forbidden('只能查看本单位负责的项目');
}

/** Reports and problems are filed by the project's own unit or by staff; leaders only read. */
export function assertCanFile(user: User, project: Pick<Project, 'unitId'>): void {
  if (user.role === 'leader') throw Forbidden('县领导账号只读，不能填报');
  if (user.role === 'unit' && user.unitId !== project.unitId) throw Forbidden('只能填报本单位负责的项目');
}
