import { describe, expect, it } from 'vitest';
import { afterLogin, homeFor, rolesFor } from '../../../screen/stores/access.js';

describe('where each role lands', () => {
  it('sends staff to the console, units to reporting and leaders to their desk', () => {
    expect(homeFor('admin')).toBe('/admin');
    expect(homeFor('unit')).toBe('/report');
    expect(homeFor('leader')).toBe('/leader');
  });

  it('guards the console and the reporting pages by role', () => {
    expect(rolesFor('/admin/reports')).toEqual(['admin']);
    expect(rolesFor('/admin')).toEqual(['admin']);
    expect(rolesFor('/report/12')).toEqual(['unit']);
    expect(rolesFor('/report/problems')).toEqual(['unit']);
    expect(rolesFor('/admin/problems')).toEqual(['admin']);
    expect(rolesFor('/admin/meetings/3')).toEqual(['admin']);
    expect(rolesFor('/')).toBeUndefined();
    expect(rolesFor('/administrator')).toBeUndefined();
  });

  it('opens a leader\'s own desk to the leader and any leader\'s desk to staff only', () => {
    expect(rolesFor('/leader')).toEqual(['leader', 'admin']);
    expect(rolesFor('/leader/4')).toEqual(['admin']);
    expect(rolesFor('/leaders')).toBeUndefined();
    expect(afterLogin('leader', '/leader')).toBe('/leader');
    expect(afterLogin('admin', '/leader/4')).toBe('/leader/4');
    expect(afterLogin('leader', '/leader/4')).toBe('/leader');
    expect(afterLogin('unit', '/leader')).toBe('/report');
  });

  it('returns to the page that asked for a login when the role may open it', () => {
    expect(afterLogin('admin', '/admin/reports?month=2020-10')).toBe('/admin/reports?month=2020-10');
    expect(afterLogin('unit', '/report/7')).toBe('/report/7');
  });

  it('goes home instead of a page the role may not open, a foreign site or the bare wall', () => {
    expect(afterLogin('unit', '/admin/users')).toBe('/report');
    expect(afterLogin('leader', '/report')).toBe('/leader');
    expect(afterLogin('admin', '//evil.example/x')).toBe('/admin');
    expect(afterLogin('admin', 'https://evil.example')).toBe('/admin');
    expect(afterLogin('admin', '/login')).toBe('/admin');
    expect(afterLogin('admin', '/')).toBe('/admin');
    expect(afterLogin('leader', '/')).toBe('/leader');
    expect(afterLogin('unit', undefined)).toBe('/report');
  });
});
