// Webhooks and 加签 secrets are sealed with AES-256-GCM before they reach the store.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export interface Sealer {
  seal(plain: string): string;
  open(sealed: string): string;
}

/**
 * The key: NOTIFY_SECRET_KEY (64 hex digits used as they are, any other text hashed with SHA-256),
 * else derived from the store's own id — which keeps secrets out of a copied channel table, but not
 * from whoever holds the whole database: production sets NOTIFY_SECRET_KEY.
 */
export function sealerFor(secretKey: string | undefined, storeId: string): Sealer {
  const key = secretKey && /^[0-9a-f]{64}$/i.test(secretKey)
    ? Buffer.from(secretKey, 'hex')
    : createHash('sha256').update(secretKey ?? `xmdd-notify:${storeId}`).digest();
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    open(sealed) {
      const raw = Buffer.from(sealed.slice(3), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
