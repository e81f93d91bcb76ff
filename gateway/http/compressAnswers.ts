/**
 * Compresses large GraphQL answers for clients that accept it (brotli or
 * gzip, gateway/http/acceptEncoding.ts); small ones go out as they are, since
 * on a small answer compression costs more CPU than the bytes it saves.
 *
 * Cheap on the hot path: a request whose client takes no compression costs
 * one header lookup; otherwise the answer's size is checked once when it is
 * sent, and only a large one is compressed, on libuv's thread pool (the
 * event loop goes on serving meanwhile), at a fast setting (brotli 5, gzip 6:
 * most of the saving for a fraction of the time of the best settings).
 * Apollo's express integration sends a complete answer with `res.send`,
 * which is what is wrapped; an answer streamed in parts is left alone.
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { RequestHandler, Response } from 'express';
import { preferredEncoding, type ContentEncoding } from './acceptEncoding';

/** GRAPHQL_COMPRESS_MIN_BYTES: about what fits the first round trip of a new connection anyway. */
export const DEFAULT_COMPRESS_MIN_BYTES = 8192;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

export function compressAnswer(encoding: ContentEncoding, bytes: Buffer): Promise<Buffer> {
  return encoding === 'br'
    ? brotli(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } })
    : gzip(bytes, { level: 6 });
}

/** At least `minBytes` bytes in UTF-8, deciding from the string's length alone when it can (1-3 bytes per UTF-16 unit). */
function isLarge(body: string | Buffer, minBytes: number): boolean {
  if (body.length >= minBytes) return true;
  if (typeof body !== 'string' || body.length * 3 < minBytes) return false;
  return Buffer.byteLength(body) >= minBytes;
}

export function compressLargeAnswers(minBytes: number = DEFAULT_COMPRESS_MIN_BYTES): RequestHandler {
  return (req, res, next) => {
    const encoding = preferredEncoding(req.headers['accept-encoding']);
    if (encoding === undefined || req.method === 'HEAD') return next();
    const send = res.send;
    res.send = function sendCompressed(this: Response, body?: unknown): Response {
      res.send = send;
      const sendable = typeof body === 'string' || Buffer.isBuffer(body);
      if (!sendable || !isLarge(body, minBytes) || res.getHeader('Content-Encoding') !== undefined || /no-transform/i.test(String(res.getHeader('Cache-Control') ?? ''))) {
        return send.call(this, body);
      }
      res.vary('Accept-Encoding');
      compressAnswer(encoding, typeof body === 'string' ? Buffer.from(body) : body).then(
        (compressed) => {
          res.setHeader('Content-Encoding', encoding);
          send.call(res, compressed);
        },
        () => send.call(res, body), // compression failed: the answer still goes out, as it is
      );
      return this;
    };
    next();
  };
}
