/**
 * Which compression a client takes, from its Accept-Encoding header
 * (RFC 9110 §12.5.3): brotli when it is acceptable at least as much as gzip
 * (smaller), else gzip, else none. `q=0` refuses a coding; `*` stands for
 * every coding not named.
 */
export type ContentEncoding = 'br' | 'gzip';

/** Clients send a handful of distinct headers; each is parsed once. */
const chosen = new Map<string, ContentEncoding | null>();
const CACHE_LIMIT = 256;

export function preferredEncoding(acceptEncoding: string | undefined): ContentEncoding | undefined {
  if (acceptEncoding === undefined || acceptEncoding === '') return undefined;
  let choice = chosen.get(acceptEncoding);
  if (choice === undefined) {
    choice = choose(acceptEncoding);
    if (chosen.size >= CACHE_LIMIT) chosen.clear();
    chosen.set(acceptEncoding, choice);
  }
  return choice ?? undefined;
}

function choose(header: string): ContentEncoding | null {
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    if (name === '') continue;
    const q = parameters.map((p) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/.exec(p)).find(Boolean);
    weights.set(name.trim(), q ? Number(q[1]) : 1);
  }
  const weight = (coding: ContentEncoding): number => weights.get(coding) ?? (coding === 'gzip' ? weights.get('x-gzip') : undefined) ?? weights.get('*') ?? 0;
  const br = weight('br');
  const gzip = weight('gzip');
  if (br > 0 && br >= gzip) return 'br';
  return gzip > 0 ? 'gzip' : null;
}
