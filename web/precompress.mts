/**
 * A Vite build step: writes `<file>.br` and `<file>.gz` next to every
 * compressible file of the build, once, at high settings, so the gateway
 * serves each asset compressed without compressing it per request
 * (gateway/web/precompressedAssets.ts).
 *
 * Brotli quality 9, not the maximum 11: on the playground's 7.1 MB, 11 takes
 * about 28 s of CPU per build for 8 % fewer bytes than 9 (about 2.5 s).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

/** Below this a file is not worth a variant (one network packet either way). */
export const PRECOMPRESS_MIN_BYTES = 1024;

/** Text and fonts in plain formats; images, woff2 and the like are compressed already. */
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.json', '.map', '.svg', '.ttf', '.otf', '.txt', '.wasm']);

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)])));
  return nested.flat();
}

export interface PrecompressedSizes {
  files: number;
  raw: number;
  br: number;
  gzip: number;
}

export async function precompressFolder(dir: string): Promise<PrecompressedSizes> {
  const sizes: PrecompressedSizes = { files: 0, raw: 0, br: 0, gzip: 0 };
  const candidates = (await filesUnder(dir)).filter((file) => COMPRESSIBLE.has(path.extname(file)));
  await Promise.all(
    candidates.map(async (file) => {
      const bytes = await fs.readFile(file);
      if (bytes.length < PRECOMPRESS_MIN_BYTES) return;
      const [br, gz] = await Promise.all([
        brotli(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
        gzip(bytes, { level: 9 }),
      ]);
      await Promise.all([fs.writeFile(`${file}.br`, br), fs.writeFile(`${file}.gz`, gz)]);
      sizes.files += 1;
      sizes.raw += bytes.length;
      sizes.br += br.length;
      sizes.gzip += gz.length;
    }),
  );
  return sizes;
}

const kB = (bytes: number): string => `${(bytes / 1024).toFixed(0)} kB`;

export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'jpg-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const sizes = await precompressFolder(outDir);
      this.info(`precompressed ${sizes.files} files: ${kB(sizes.raw)} → br ${kB(sizes.br)}, gzip ${kB(sizes.gzip)}`);
    },
  };
}
