// Every environment variable, parsed and validated once at start-up.
import { z } from 'zod';
import { isValidDate } from '../shared/dates.js';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  REDIS_URL: z.string().url().optional(),
  /**
   * Keeps this deployment's pushes and cached snapshots apart from other deployments sharing one Redis
   * server (Redis pub/sub ignores DB numbers). Default: the store's id. Processes of one deployment share it.
   */
  DEPLOYMENT_KEY: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'DEPLOYMENT_KEY: letters, digits, "_", "." or "-", at most 64').optional(),
  ADMIN_USERNAME: z.string().min(1).optional(),
  ADMIN_PASSWORD: z.string().min(8, 'ADMIN_PASSWORD must be at least 8 characters').optional(),
  /** Load the demo county into an empty store ("0" turns it off). */
  DEMO: z.enum(['0', '1']).default('1'),
  DEMO_PROFILE: z.enum(['yiyang', 'shangyou', 'province']).default('yiyang'),
  /** The product's date (tests, training, demos), read at every start and never stored; otherwise China's date now. */
  TODAY: z.string().refine(isValidDate, 'TODAY must be a date YYYY-MM-DD').optional(),
  /** The demo profile's own date, used when TODAY is not set; default per profile. */
  DEMO_TODAY: z.string().refine(isValidDate, 'DEMO_TODAY must be a date YYYY-MM-DD').optional(),
  DEMO_SEED: z.coerce.number().int().default(2020),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Serve the built screen from this folder. */
  SCREEN_DIR: z.string().default('./dist/screen'),
  /** Mark cookies Secure (set when served over HTTPS). */
  COOKIE_SECURE: z.enum(['0', '1']).default('0'),
  /**
   * Origins besides the server's own that may send state-changing requests, comma-separated (a reverse
   * proxy that rewrites Host, e.g. "https://xmdd.county.gov.cn"). Others get 403.
   */
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((o) => o.trim().replace(/\/+$/, '')).filter(Boolean))
    .pipe(z.array(z.string().regex(/^https?:\/\/[^/\s]+$/, 'ALLOWED_ORIGINS: each origin is scheme://host[:port]'))),
  /** Key sealing the robots' webhooks and secrets (64 hex digits, or any passphrase); default: derived from the store's id. */
  NOTIFY_SECRET_KEY: z.string().min(16, 'NOTIFY_SECRET_KEY must be at least 16 characters').optional(),
  /** The address people open the platform at, for the links in robot messages. */
  PUBLIC_URL: z.string().url().optional(),
});

export type Config = z.infer<typeof schema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as shells and service files often leave them.
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = schema.safeParse(set);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
