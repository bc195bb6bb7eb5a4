// Who may open which part of the screen, and where each role lands. Pure, so it is unit-tested.
import type { Role } from '../../shared/types.js';

/** admin → the console, unit → its monthly reports, leader → the leader's desk (which links to the wall). */
export function homeFor(role: Role): string {
  if (role === 'admin') return '/admin';
  if (role === 'unit') return '/report';
  return '/leader';
}

/** The area a path belongs to and the roles allowed in it (undefined: open to anyone). */
export function rolesFor(path: string): Role[] | undefined {
  if (path === '/admin' || path.startsWith('/admin/')) return ['admin'];
  if (path === '/report' || path.startsWith('/report/')) return ['unit'];
  // A leader opens their own desk; staff may open any leader's (/leader/:id).
  if (path === '/leader' || path === '/leader/') return ['leader', 'admin'];
  // The meeting remote (会议遥控): leaders and staff present.
  if (path === '/leader/remote') return ['leader', 'admin'];
  if (path.startsWith('/leader/')) return ['admin'];
  return undefined;
}

/**
 * Where to go after signing in: back to the page that sent the user here when their role may
 * open it, else their home. Only same-site paths are followed (never "//evil.example").
 */
export function afterLogin(role: Role, redirect: unknown): string {
  if (typeof redirect !== 'string' || !redirect.startsWith('/') || redirect.startsWith('//') || redirect.startsWith('/login')) {
    return homeFor(role);
  }
  const path = redirect.split(/[?#]/)[0];
  const roles = rolesFor(path);
  if (roles && !roles.includes(role)) return homeFor(role);
  // The bare wall is where anyone without a session is sent from; after signing in, the role decides.
  return path === '/' ? homeFor(role) : redirect;
}
