import express, { Router, type Express, type Request } from 'express';
import compression from 'compression';
import cors from 'cors';
import swaggerUi from 'swagger-ui-express';
import { identityRoutes } from '../modules/identity/routes';
import { catalogueRoutes } from '../modules/catalogue/routes';
import { calendarRoutes } from '../modules/tasks/calendar-routes';
import { taskRoutes } from '../modules/tasks/routes';
import { auditRoutes } from '../modules/audit/routes';
import { accountRoutes, signInRoutes } from '../modules/identity/sign-in-routes';
import { submissionRoutes } from '../modules/submissions/routes';
import { helpRoutes } from '../modules/help/routes';
import type { Config } from '../config';
import type { Store } from '../db/store';
import { BureauCalendar } from '../modules/tasks/bureau-calendar';
import { ApprovedCatalogue } from '../modules/catalogue/service';
import type { SubmissionChecker } from '../modules/submissions/checker';
import { GridViews } from '../modules/submissions/grid-views';
import { authenticate } from './auth';
import { ApiError, errorBody } from './errors';
import { errorHandler } from './error-handler';
import { idleBodyTimeout } from './body';
import { securityHeaders } from './security-headers';
import { on, openApiDocument } from './route-table';
import { readFile } from 'node:fs/promises';
import { ADDIN_DIR, OFFICE_JS_DIR, TASKPANE_HTML, WEB_DIR } from '../paths';
import { join } from 'node:path';
import { buildManifest, DEFAULT_MANIFEST } from '../manifest/build';
import { bureauAddinId } from '../manifest/bureau-id';

export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export interface AppDeps {
  config: Config;
  store: Store;
  checker: SubmissionChecker;
  log?: (message: string, error?: unknown) => void;
  /** The working-day calendar with the bureau's own years; one per app unless given. */
  calendars?: BureauCalendar;
  /** Today's date for deadlines (tests fix it). */
  now?: () => Date;
}

/** The Express app: API under /api, its documentation at /api/docs. */
export function createApp({ config, store, checker, log = defaultLog, calendars = new BureauCalendar(store), now }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  if (config.trustProxy) app.set('trust proxy', /^\d+$/.test(config.trustProxy) ? Number(config.trustProxy) : config.trustProxy);
  app.use(
    securityHeaders({
      scriptSrc: ["'self'", ...(config.officeJs === 'cdn' ? [new URL(OFFICE_JS_CDN).origin] : [])],
      addinConnectSrc: config.addinConnectSrc,
    }),
  );
  // A pane served by another of the bureau's servers (ADDIN_CONNECT_SRC) may call this API. Bearer
  // tokens only: without Allow-Credentials the browser sends no cookie, so a page session is never usable cross-origin.
  if (config.addinConnectSrc.length > 0) {
    app.use('/api', cors({ origin: config.addinConnectSrc, methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'], maxAge: 600 }));
  }

  const views = new GridViews(store, checker, config.gridCacheBytes);
  const catalogue = new ApprovedCatalogue(store, views);
  const document = openApiDocument();

  // For load balancers: healthy only when the database answers.
  const open = Router();
  on(open, 'health', async (_req, res) => {
    try {
      await store.ping();
    } catch {
      res.status(503).json(errorBody(new ApiError(503, 'database-unavailable', '数据库暂时无法连接，请稍后重试或联系管理员')));
      return;
    }
    res.json({ ok: true });
  });
  on(open, 'openApi', (_req, res) => {
    res.json(document);
  });
  app.use('/api', open);
  app.use('/api/docs', swaggerUi.serve, swaggerUi.setup(document, { customSiteTitle: 'govcat API 文档' }));


  // This server's own manifest, for PUBLIC_URL. Without it only for a request to this machine's
  // own name: any other Host header is the sender's word, and the manifest would send Excel there.
  app.get('/manifest.xml', (req, res, next) => {
    const baseUrl = config.publicUrl ?? loopbackOrigin(req);
    if (!baseUrl) return next(new ApiError(503, 'public-url-not-set', '服务器未设置 PUBLIC_URL，无法生成加载项清单：请管理员把 PUBLIC_URL 设为用户访问本服务器的地址（如 https://data.example.gov.cn）并重启服务；或在服务器本机通过 http://localhost 下载'));
    res.type('application/xml').attachment('manifest.xml').send(buildManifest({ ...DEFAULT_MANIFEST, id: bureauAddinId(baseUrl), baseUrl }));
  });

  // The task pane and office.js from this server, so intranets without the internet can run the add-in;
  // OFFICE_JS=cdn points the pane at Microsoft's copy instead.
  if (config.officeJs === 'cdn') {
    app.get(['/addin', '/addin/', '/addin/taskpane.html'], (_req, res, next) => {
      readFile(TASKPANE_HTML, 'utf8').then((html) => res.type('html').send(html.replace('/office-js/office.js', OFFICE_JS_CDN)), next);
    });
  }
  // The bundles are about 1.4 MB each; gzip makes them a quarter of that. API responses stay
  // uncompressed, so submissions spend no main-thread time on it.
  const compressed = compression();
  app.use(['/addin', '/web', '/office-js'], compressed);
  app.use('/addin', express.static(ADDIN_DIR, { index: 'taskpane.html', maxAge: '1h' }));
  app.use('/office-js', express.static(OFFICE_JS_DIR, { maxAge: '1d' }));

  // Before any route reads a body: a stalled one is ended, whichever route it is for.
  app.use('/api', idleBodyTimeout(config.limits.bodyIdleMs));
  app.use('/api', signInRoutes(store, config.limits.signInPer15Min, config.signIn));
  app.use('/api', authenticate(store, config.signIn.session));
  app.use('/api', accountRoutes(store, config.signIn));
  app.use('/api', submissionRoutes(store, catalogue, checker, views, config));
  app.use('/api', identityRoutes(store));
  app.use('/api', catalogueRoutes(catalogue));
  app.use('/api', taskRoutes(store, calendars, now));
  app.use('/api', calendarRoutes(store, calendars, now));
  app.use('/api', auditRoutes(store));
  app.use('/api', (_req, _res, next) => next(new ApiError(404, 'no-such-endpoint', '没有这个接口，请查看 /api/docs')));
  // The rule reference, public and server-rendered (the pane links to it before anyone signs in).
  app.use(helpRoutes());
  // The review pages: one app for every page path; it asks the API for everything it shows.
  app.use('/web', express.static(WEB_DIR, { index: false, maxAge: '1h' }));
  app.get(/^\/(?!api\/|addin\/|office-js\/|web\/).*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    res.set('Cache-Control', 'no-cache').sendFile(join(WEB_DIR, 'index.html'), (err) => err && next());
  });
  app.use(errorHandler(log));
  app.use((_req, res) => {
    res.status(404).json(errorBody(new ApiError(404, 'not-found', '页面不存在')));
  });
  return app;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

function loopbackOrigin(req: Request): string | null {
  if (!LOOPBACK_NAMES.has(req.hostname)) return null;
  try {
    return new URL(`${req.protocol}://${req.get('host')}`).origin;
  } catch {
    return null;
  }
}

function defaultLog(message: string, error?: unknown): void {
  console.error(`[govcat] ${message}`, error);
}
