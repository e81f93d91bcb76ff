/**
 * Serves the web apps built from web/ (`npm run build:web`) from the gateway
 * itself: ministry networks are offline, so every asset comes from here.
 *
 *   /              → 302 to /playground/
 *   /playground/   GraphiQL (web/dist/playground)
 *   /dashboard/    the joint-order dashboard (web/dist/dashboard)
 *
 * index.html is revalidated on every load (it names the current hashed
 * assets); the hashed assets are cached for a year. Each asset goes out in
 * the compression the browser takes, as the build precompressed it
 * (./precompressedAssets.ts). Before a build, each app answers 503 with a
 * page naming the command that builds it.
 */
import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import express from 'express';
import { readEnv } from '../../lib/config/env';
import { hasPrecompressedVariant, precompressedAssets } from './precompressedAssets';

/** The apps under web/, each built into web/dist/<app>/ and served at /<app>/. */
export const WEB_APPS = ['playground', 'dashboard'] as const;
export type WebApp = (typeof WEB_APPS)[number];

export const BUILD_WEB_COMMAND = 'npm run build:web';

export interface MountWebAppsOptions {
  /** Folder holding <app>/index.html for each app. Default: WEB_DIST_DIR, else <repo>/web/dist. */
  distDir?: string;
  /** Where GET / goes. Default '/playground/'; null leaves / to the caller. */
  rootRedirect?: string | null;
}

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * Only this origin: scripts, styles, fonts, Monaco's workers and /graphql.
 * The browser itself then refuses anything remote a dependency might try.
 * Monaco and GraphiQL set inline styles; Monaco's codicon font may be inlined.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function defaultWebDistDir(): string {
  const configured = readEnv('WEB_DIST_DIR');
  if (configured !== undefined) return path.resolve(configured);
  return path.join(repositoryRoot(__dirname), 'web', 'dist');
}

/** The nearest folder above `from` with a package.json: the same from gateway/web and from dist/gateway/web. */
function repositoryRoot(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${from}: cannot find web/dist`);
    dir = parent;
  }
  return dir;
}

export function mountWebApps(app: express.Express, options: MountWebAppsOptions = {}): void {
  const distDir = options.distDir ?? defaultWebDistDir();
  const rootRedirect = options.rootRedirect === undefined ? `/${WEB_APPS[0]}/` : options.rootRedirect;

  if (rootRedirect !== null) {
    app.get('/', (_req, res) => res.redirect(302, rootRedirect));
  }
  for (const webApp of WEB_APPS) {
    app.use(`/${webApp}`, webAppRouter(webApp, path.join(distDir, webApp)));
  }
}

function webAppRouter(webApp: WebApp, appDir: string): express.Router {
  const router = express.Router();
  const indexFile = path.join(appDir, 'index.html');

  router.use((_req, res, next) => {
    // Checked per request so a build made while the gateway runs is picked up.
    if (fs.existsSync(indexFile)) return next();
    res.status(503).set('Cache-Control', 'no-store').type('html').send(notBuiltPage(webApp, appDir));
  });
  const setHeaders = (res: ServerResponse, filePath: string): void => {
    if (path.basename(filePath) === 'index.html') {
      res.setHeader('Cache-Control', 'no-cache');
      res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    } else if (isHashedAsset(appDir, filePath)) {
      res.setHeader('Cache-Control', `public, max-age=${ONE_YEAR_SECONDS}, immutable`);
    } else {
      res.setHeader('Cache-Control', 'no-cache');
    }
  };
  router.use(precompressedAssets(appDir, setHeaders));
  router.use(
    express.static(appDir, {
      index: 'index.html',
      fallthrough: true,
      setHeaders(res, filePath) {
        setHeaders(res, filePath);
        // The only Vary a static file gets: its bytes depend on the coding asked for.
        if (hasPrecompressedVariant(filePath)) res.setHeader('Vary', 'Accept-Encoding');
      },
    }),
  );
  return router;
}

/** Vite names everything it writes under assets/ name-<content hash>.ext, so those never change. */
function isHashedAsset(appDir: string, filePath: string): boolean {
  return path.relative(appDir, filePath).split(path.sep)[0] === 'assets';
}

function notBuiltPage(webApp: WebApp, appDir: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${webApp} not built</title></head>
<body style="font: 16px/1.5 system-ui, sans-serif; max-width: 40em; margin: 4em auto; color: #1b1b1b">
<h1>The ${webApp} has not been built</h1>
<p>This gateway serves the web apps from <code>${escapeHtml(appDir)}</code>, which has no <code>index.html</code> yet.</p>
<p>Build them with <code>${BUILD_WEB_COMMAND}</code> (or <code>npm run build</code>) and reload this page.</p>
</body></html>`;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
