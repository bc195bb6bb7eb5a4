import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { sameOrigin } from '../../../server/http/origin.js';

const req = (headers: Record<string, string>) => ({ headers: { host: '192.168.1.10:3000', ...headers } }) as unknown as IncomingMessage;

describe('sameOrigin', () => {
  it('lets the server’s own pages, configured origins and header-less clients through', () => {
    expect(sameOrigin(req({}), [])).toBe(true);
    expect(sameOrigin(req({ origin: 'http://192.168.1.10:3000' }), [])).toBe(true);
    expect(sameOrigin(req({ origin: 'https://192.168.1.10:3000' }), [])).toBe(true);
    expect(sameOrigin(req({ referer: 'http://192.168.1.10:3000/admin/reports?month=2020-10' }), [])).toBe(true);
    expect(sameOrigin(req({ origin: 'https://xmdd.county.gov.cn' }), ['https://xmdd.county.gov.cn'])).toBe(true);
  });
  it('refuses another port, another host, a sibling subdomain and an opaque origin', () => {
    expect(sameOrigin(req({ origin: 'http://192.168.1.10:8080' }), [])).toBe(false);
    expect(sameOrigin(req({ origin: 'http://evil.example' }), [])).toBe(false);
    expect(sameOrigin(req({ host: 'xmdd.county.gov.cn', origin: 'https://forum.county.gov.cn' }), [])).toBe(false);
    expect(sameOrigin(req({ origin: 'null' }), [])).toBe(false);
    expect(sameOrigin(req({ referer: 'file:///C:/form.html' }), [])).toBe(false);
    // Origin decides when both are sent.
    expect(sameOrigin(req({ origin: 'http://evil.example', referer: 'http://192.168.1.10:3000/' }), [])).toBe(false);
  });
});
