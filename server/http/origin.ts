// Cross-site request forgery and content-type guards for state-changing requests, and the security
// headers (helmet) every answer carries.
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { AppError, Forbidden } from '../errors.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The origin (scheme://host[:port]) of a URL, or null when it is not one. */
function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/**
 * Whether a request comes from this server's own pages (or an allowed origin, for a reverse proxy
 * that rewrites Host). Requests with neither Origin nor Referer (API clients, scripts, curl) pass;
 * a present but foreign one does not, nor "Origin: null" (sandboxed frames, file: pages).
 */
export function sameOrigin(req: IncomingMessage, allowed: readonly string[]): boolean {
  const { origin, referer } = req.headers;
  const claimed = origin !== undefined ? originOf(origin) : referer !== undefined ? originOf(referer) : undefined;
  if (claimed === undefined) return true;
  if (claimed === null) return false;
  if (allowed.includes(claimed)) return true;
  // The page's own server, as the browser addressed it (http or https, behind TLS termination).
  const host = req.headers.host;
  return !!host && (claimed === originOf(`http://${host}`) || claimed === originOf(`https://${host}`));
}

/** Content types a cross-site HTML form can send without a CORS preflight: the API never takes them. */
const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)\b/i;

/**
 * State-changing API requests: refused (403) from a foreign Origin/Referer, refused (415) with a form
 * or text/plain body. JSON, raw uploads (.xlsx, .csv, GeoJSON) and body-less requests pass.
 */
export function csrfGuard(allowed: readonly string[]): RequestHandler {
  return (req, _res, next) => {
    if (!UNSAFE.has(req.method)) return next();
    if (!sameOrigin(req, allowed)) throw Forbidden('请求来源不被允许：请从本系统页面操作');
    const type = req.headers['content-type'];
    if (type && FORM_TYPES.test(type)) {
      throw new AppError(415, 'unsupported_media_type', '不支持的请求格式：请以 JSON 提交');
    }
    next();
  };
}

/**
 * helmet with a policy the wall, the console and ECharts' canvases work under: scripts only from this
 * server, inline styles allowed (Vue and ECharts set style attributes), images from data:/blob:
 * (canvas exports, the map), sockets to this server, never framed by another site.
 */
export function securityHeaders(secure: boolean): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // County servers often run on plain http inside the government network: HSTS only behind HTTPS.
    strictTransportSecurity: secure ? { maxAge: 15_552_000 } : false,
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
  });
}
