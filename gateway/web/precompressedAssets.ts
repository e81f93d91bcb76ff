/**
 * The web apps' assets in the compression the browser takes, compressed once
 * at build time (web/precompress.mts writes `<file>.br` and `<file>.gz` next
 * to each compressible asset at the best settings) instead of on every
 * request: serving one costs the gateway no more CPU than the plain file.
 *
 * A request for `<file>` whose client accepts br or gzip, when the build left
 * that variant, is answered with the variant's bytes under `<file>`'s own
 * content type, `Content-Encoding` and `Vary: Accept-Encoding`; everything
 * else falls through to the plain file (which then carries `Vary` too when a
 * variant exists, so a cache never hands one client's coding to another).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { preferredEncoding, type ContentEncoding } from '../http/acceptEncoding';

export const PRECOMPRESSED_SUFFIX: Record<ContentEncoding, string> = { br: '.br', gzip: '.gz' };

const isVariantPath = (file: string): boolean => file.endsWith('.br') || file.endsWith('.gz');

/** The file a URL path names inside `root`, or undefined when it would leave it. */
function fileUnder(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const file = path.join(root, decoded);
  return file.startsWith(root + path.sep) ? file : undefined;
}

const isFile = (file: string): Promise<boolean> =>
  fs.promises.stat(file).then(
    (stat) => stat.isFile(),
    () => false,
  );

/** Whether a build wrote a compressed variant of `file` (so its answer varies by Accept-Encoding). */
export function hasPrecompressedVariant(file: string): boolean {
  return fs.existsSync(file + PRECOMPRESSED_SUFFIX.gzip) || fs.existsSync(file + PRECOMPRESSED_SUFFIX.br);
}

/**
 * Serves `<file>.br` / `<file>.gz` from `root` (an app's folder) for GET and
 * HEAD. `headers(res, file)` sets what the plain file would get (caching).
 * The variants are never served under their own names.
 */
export function precompressedAssets(root: string, headers: (res: ServerResponse, file: string) => void): RequestHandler {
  const folder = path.resolve(root);
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const file = fileUnder(folder, req.path);
    if (file === undefined) return next();
    if (isVariantPath(file)) return void res.status(404).end();
    const encoding = preferredEncoding(req.headers['accept-encoding']);
    if (encoding === undefined) return next();
    const variant = file + PRECOMPRESSED_SUFFIX[encoding];
    void isFile(variant).then((exists) => {
      if (!exists) return next();
      res.type(path.extname(file));
      res.setHeader('Content-Encoding', encoding);
      res.vary('Accept-Encoding');
      headers(res, file);
      res.sendFile(variant, { etag: false, lastModified: true }, (error) => {
        if (error && !res.headersSent) next(error);
      });
    }, next);
  };
}
