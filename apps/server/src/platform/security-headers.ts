import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { routeNeedsAuthRule } from './auth.js';

/**
 * The web app's policy: no inline or foreign script, no plugins, no framing, no <base> tricks.
 * It is also what JSON answers carry, so an API response opened in a browser can run nothing.
 */
const APP_CSP = [
  "default-src 'self'",
  "base-uri 'none'",
  "connect-src 'self'",
  "font-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "img-src 'self' data:",
  "object-src 'none'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self'",
];

/**
 * Swagger UI's bundle is served from 'self' with no inline script, but it draws icons from data:
 * URLs and its rendered descriptions carry style attributes; scripts stay as strict as the app's.
 */
const DOCS_CSP = [
  "default-src 'self'",
  "base-uri 'none'",
  "connect-src 'self'",
  "font-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "img-src 'self' data:",
  "object-src 'none'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
];

const ASSET_DIRECTIVES = new Set(['font-src', 'img-src', 'script-src', 'style-src']);

/** The web app's assets may come from KARINA_ASSET_BASE_URL's origin (a CDN), and nothing else does. */
function allowAssetOrigin(policy: string[], assetBaseUrl: string | undefined): string[] {
  if (assetBaseUrl === undefined) return policy;
  const origin = new URL(assetBaseUrl).origin;
  return policy.map((directive) =>
    ASSET_DIRECTIVES.has(directive.split(' ')[0] ?? '') ? `${directive} ${origin}` : directive,
  );
}

export interface SecurityHeaderSet {
  app: Record<string, string>;
  docs: Record<string, string>;
}

/**
 * HSTS and upgrade-insecure-requests only when cookies are Secure: on plain-HTTP local use they
 * would pin the browser to an HTTPS localhost that does not exist.
 */
export function securityHeaders(
  config: Pick<Config, 'cookieSecure'> & Partial<Pick<Config, 'assetBaseUrl'>>,
): SecurityHeaderSet {
  const upgrade = config.cookieSecure ? ['upgrade-insecure-requests'] : [];
  const common: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'x-dns-prefetch-control': 'off',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
    ...(config.cookieSecure ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
  return {
    app: {
      ...common,
      'content-security-policy': [...allowAssetOrigin(APP_CSP, config.assetBaseUrl), ...upgrade].join('; '),
    },
    docs: { ...common, 'content-security-policy': [...DOCS_CSP, ...upgrade].join('; ') },
  };
}

function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

export function isDocsPath(url: string): boolean {
  const path = pathOf(url);
  return path === '/docs' || path.startsWith('/docs/');
}

/**
 * Sets the headers in onSend, which runs for every reply including errors and 404s. Must be
 * installed before any plugin is registered: plugins inherit only the hooks that exist already.
 */
export function installSecurityHeaders(app: FastifyInstance, headers: SecurityHeaderSet): void {
  app.addHook('onSend', async (request, reply) => {
    const path = pathOf(request.url);
    void reply.headers(isDocsPath(path) ? headers.docs : headers.app);
    // Personal data (profiles, timetables, rosters) must never sit in a browser or proxy cache.
    if (routeNeedsAuthRule(path) || !reply.hasHeader('cache-control')) {
      void reply.header('cache-control', 'no-store');
    }
  });
}
