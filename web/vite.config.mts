/**
 * Builds the gateway's web apps: `vite build --config web/vite.config.mts --mode <app>`
 * for each app in WEB_APPS (`npm run build:web` builds all of them).
 *
 * Each app is its own Vite root and is built with the base path the gateway
 * serves it under (/playground/, /dashboard/), into web/dist/<app>/. Every
 * asset — scripts, CSS, fonts, Monaco's web workers — lands in that folder:
 * ministry networks are offline, so nothing may come from a CDN.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from './precompress.mts';

/** The apps under web/; gateway/web/mountWebApps.ts serves the same list. */
const WEB_APPS = ['playground', 'dashboard'] as const;
type WebApp = (typeof WEB_APPS)[number];

const webRoot = path.dirname(fileURLToPath(import.meta.url));

function isWebApp(mode: string): mode is WebApp {
  return (WEB_APPS as readonly string[]).includes(mode);
}

export default defineConfig(({ mode }) => {
  if (!isWebApp(mode)) {
    throw new Error(`web/vite.config.mts: --mode must name a web app (${WEB_APPS.join(', ')}); got "${mode}"`);
  }
  return {
    root: path.join(webRoot, mode),
    base: `/${mode}/`,
    publicDir: false,
    // Every asset also as .br and .gz, served by the gateway to browsers that take them.
    plugins: [precompress()],
    // React 19's automatic runtime; Vite 8 transforms TSX with Oxc, no plugin needed.
    oxc: { jsx: { runtime: 'automatic' } },
    build: {
      outDir: path.join(webRoot, 'dist', mode),
      emptyOutDir: true,
      // Monaco and GraphiQL are large by nature; the limit only produces noise.
      chunkSizeWarningLimit: 6000,
      reportCompressedSize: false,
      // React libraries mark their modules "use client"; that means nothing in a
      // client-only bundle, and the warning for each of them buries real ones.
      rolldownOptions: { checks: { moduleLevelDirective: false } },
    },
    worker: { format: 'es' },
    server: {
      // `vite --config web/vite.config.mts --mode dashboard` in development: the
      // page talks to /graphql on its own origin, as it does behind the gateway.
      proxy: { '/graphql': process.env.WEB_DEV_GATEWAY_URL ?? 'http://127.0.0.1:4000' },
      // The playground reads the saved examples from <repo>/examples/queries.
      fs: { allow: [path.join(webRoot, '..')] },
    },
  };
});
