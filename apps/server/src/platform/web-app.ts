import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import negotiate from '@fastify/accept-negotiator';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config, ServiceRole } from '../config.js';
import { routeNeedsAuthRule } from './auth.js';

/** One rendering of index.html, with the encodings a browser may ask for made once at startup. */
interface Page {
  identity: Buffer;
  br: Buffer;
  gzip: Buffer;
}

const ENCODINGS = ['br', 'gzip'] as const;
type Encoding = (typeof ENCODINGS)[number];

/**
 * The page paths each role answers with the app, as the original's ingress routes them: the
 * student service owns /, /student and /admin, the registration service /sugang.
 */
function pagePrefixes(role: ServiceRole): { root: boolean; prefixes: string[] } {
  const student = role === 'all' || role === 'student';
  const sugang = role === 'all' || role === 'sugang';
  return {
    root: student,
    prefixes: [...(student ? ['/student', '/admin'] : []), ...(sugang ? ['/sugang'] : [])],
  };
}

/** Each role serves the assets under its own prefix, so a service is whole behind the ingress. */
function assetPrefixes(role: ServiceRole): string[] {
  return [
    ...(role === 'all' || role === 'student' ? ['/assets/'] : []),
    ...(role === 'all' || role === 'sugang' ? ['/sugang/assets/'] : []),
  ];
}

function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** The APIs and the assets lie under the page prefixes but are never pages. */
function isPagePath(path: string): boolean {
  return !routeNeedsAuthRule(path) && !isUnder(path, '/sugang/assets');
}

/**
 * A router constraint rather than a check in the handler: a wildcard such as /student/* would
 * otherwise catch every unmatched /student/api/... path, and those must stay unknown to the
 * router itself, so they keep the early, rate-limited 404 (and the 414 for an over-long id)
 * that installEarlyNotFound and Fastify give them before any body is read.
 */
const PAGE_CONSTRAINT = 'karinaWebPage';
type ConstraintStrategy = Parameters<FastifyInstance['addConstraintStrategy']>[0];
type RouteHandler = NonNullable<ReturnType<ReturnType<ConstraintStrategy['storage']>['get']>>;
const pageConstraintStrategy: ConstraintStrategy = {
  name: PAGE_CONSTRAINT,
  storage() {
    const handlers = new Map<unknown, RouteHandler>();
    return {
      get: (value) => handlers.get(value) ?? null,
      set: (value, handler) => void handlers.set(value, handler),
    };
  },
  deriveConstraint: (request) => (isPagePath((request.url ?? '/').split('?')[0] ?? '/') ? 'page' : 'other'),
  mustMatchWhenDerived: false,
  validate(value: unknown) {
    if (value !== 'page') throw new Error(`${PAGE_CONSTRAINT} constraint must be "page"`);
  },
};

/**
 * Vite builds with base './', so index.html names its files "./assets/..."; a deep link such as
 * /student/profile would resolve them under /student/. Each variant gets absolute URLs instead.
 */
export function rewriteAssetUrls(html: string, assetsUrl: string): string {
  return html.replace(/(["'(])\.\/assets\//g, (_match, quote: string) => `${quote}${assetsUrl}`);
}

function compressedPage(html: string): Page {
  const identity = Buffer.from(html, 'utf8');
  return {
    identity,
    br: brotliCompressSync(identity, {
      params: {
        [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
        [zlibConstants.BROTLI_PARAM_QUALITY]: zlibConstants.BROTLI_MAX_QUALITY,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: identity.length,
      },
    }),
    gzip: gzipSync(identity, { level: 9 }),
  };
}

const NOT_BUILT_HTML =
  '<!doctype html><html lang="ko"><meta charset="utf-8"><title>Karina 수강신청</title>' +
  '<h1>웹 앱이 아직 빌드되지 않았습니다 / The web app is not built</h1>' +
  '<p>API는 동작 중입니다 (<a href="/docs">/docs</a>). 저장소 루트에서 <code>npm run build</code>를 실행한 뒤 서버를 다시 시작하세요.</p>' +
  '<p>The API is running (<a href="/docs">/docs</a>). Run <code>npm run build</code> at the repository root, then restart the server.</p>' +
  '</html>';

function preferredEncoding(request: FastifyRequest): Encoding | undefined {
  const header = request.headers['accept-encoding'];
  if (typeof header !== 'string') return undefined;
  return negotiate(header.toLowerCase(), [...ENCODINGS]) ?? undefined;
}

function sendPage(request: FastifyRequest, reply: FastifyReply, page: Page): FastifyReply {
  const encoding = preferredEncoding(request);
  void reply
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('vary', 'accept-encoding');
  if (encoding) void reply.header('content-encoding', encoding);
  return reply.send(encoding ? page[encoding] : page.identity);
}

/**
 * Serves the built web app (apps/web/dist) for this role's page paths and its assets under the
 * role's own prefix, so each service is whole behind the ingress. Without a build the API still
 * runs and the pages say how to build it.
 */
export async function registerWebApp(app: FastifyInstance, config: Readonly<Config>): Promise<void> {
  const { root, prefixes } = pagePrefixes(config.service);
  const indexFile = join(config.webDist, 'index.html');
  const assetsDir = join(config.webDist, 'assets');
  const built = existsSync(indexFile);

  let pageFor: (path: string) => Page | undefined = () => undefined;
  if (built) {
    const html = readFileSync(indexFile, 'utf8');
    if (config.assetBaseUrl !== undefined) {
      const page = compressedPage(rewriteAssetUrls(html, `${config.assetBaseUrl}assets/`));
      pageFor = () => page;
    } else {
      const main = compressedPage(rewriteAssetUrls(html, '/assets/'));
      const sugang = compressedPage(rewriteAssetUrls(html, '/sugang/assets/'));
      pageFor = (path) => (isUnder(path, '/sugang') ? sugang : main);
    }
  } else {
    app.log.warn(
      { webDist: config.webDist },
      'the web app is not built (no index.html in KARINA_WEB_DIST): pages answer 503 until `npm run build`',
    );
  }

  app.addConstraintStrategy(pageConstraintStrategy);
  const routeOptions = { schema: { hide: true }, constraints: { [PAGE_CONSTRAINT]: 'page' } };
  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const page = pageFor(request.url.split('?')[0] ?? '/');
    if (page) return sendPage(request, reply, page);
    return reply
      .status(503)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(NOT_BUILT_HTML);
  };
  if (root) app.get('/', routeOptions, handler);
  for (const prefix of prefixes) {
    app.get(prefix, routeOptions, handler);
    app.get(`${prefix}/*`, routeOptions, handler);
  }

  if (built && existsSync(assetsDir)) {
    for (const prefix of assetPrefixes(config.service)) {
      await app.register(async (scope) => {
        scope.addHook('onSend', async (_request, reply) => {
          void reply.header('vary', 'accept-encoding');
          // A CDN serves these to the app's pages from another origin: module scripts and fonts
          // load in CORS mode, images in CSS without it. They are public files, the same for all.
          if (config.assetBaseUrl !== undefined) {
            void reply
              .header('access-control-allow-origin', '*')
              .header('cross-origin-resource-policy', 'cross-origin');
          }
        });
        await scope.register(fastifyStatic, {
          root: assetsDir,
          prefix,
          decorateReply: false,
          preCompressed: true,
          index: false,
          dotfiles: 'ignore',
          // The .br and .gz files are answers to Accept-Encoding, not files of their own; a
          // folder is not an asset either (send would answer it 403).
          allowedPath: (path) => !/(\.br|\.gz|\/)$/.test(path),
          // Hashed file names change with their content, so a browser or CDN may keep them for good.
          maxAge: 365 * 24 * 3_600_000,
          immutable: true,
        });
      });
    }
  }
}
