import { describe, expect, it } from 'vitest';
import { dingtalkSign, signedUrl } from '../../../server/services/notifyRobots.js';
import { sealerFor } from '../../../server/services/notifySecrets.js';

describe('sealing webhooks and secrets', () => {
  it('seals with AES-256-GCM under the configured key, or one derived from the store id', () => {
    const sealer = sealerFor('a passphrase of some length', 'store-1');
    const sealed = sealer.seal('SECabc');
    expect(sealed).not.toContain('SECabc');
    expect(sealed).not.toBe(sealer.seal('SECabc')); // a fresh IV each time
    expect(sealer.open(sealed)).toBe('SECabc');
    expect(() => sealerFor(undefined, 'store-1').open(sealed)).toThrow();
    expect(sealerFor(undefined, 'store-1').open(sealerFor(undefined, 'store-1').seal('x'))).toBe('x');
    expect(() => sealerFor(undefined, 'store-2').open(sealerFor(undefined, 'store-1').seal('x'))).toThrow();
  });
});

describe('钉钉加签', () => {
  it('signs timestamp + "\\n" + secret with HMAC-SHA256, base64, URL-encoded', () => {
    // Expected value computed independently (Python hmac).
    expect(dingtalkSign('SEC000', 1_600_000_000_000)).toBe('lFJvP81KHr4ARaZapQxkwECMzlIjzCNMUGrdMd+CXGk=');
    expect(signedUrl('dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=t', 'SEC000', 1_600_000_000_000))
      .toBe('https://oapi.dingtalk.com/robot/send?access_token=t&timestamp=1600000000000&sign=lFJvP81KHr4ARaZapQxkwECMzlIjzCNMUGrdMd%2BCXGk%3D');
    expect(signedUrl('wecom', 'https://qyapi.weixin.qq.com/x?key=k', 'SEC000', 1)).toBe('https://qyapi.weixin.qq.com/x?key=k');
  });
});
