/**
 * Clients whose requests are in flight on purpose: the request is sent but
 * for its last bytes, so the server has it and must wait for the rest. What a
 * graceful shutdown must not drop, made deterministic:
 *
 *   const request = await sendAllButTheEnd(url, { headers, body });   // the server has started on it
 *   process.kill(pid, 'SIGTERM');
 *   request.finish(); const answer = await request.answer;            // { status, headers, body }
 */
import http from 'node:http';
import net from 'node:net';

export interface SlowAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface SlowRequest {
  /** Sends the bytes held back. */
  finish(): void;
  readonly answer: Promise<SlowAnswer>;
}

/** POSTs `body` with every byte but the last few; resolves once those are on the wire. */
export async function sendAllButTheEnd(url: string, { headers, body }: { headers: Record<string, string>; body: string }): Promise<SlowRequest> {
  const held = body.slice(-4);
  const request = http.request(url, { method: 'POST', agent: false, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } });
  const answer = new Promise<SlowAnswer>((resolve, reject) => {
    request.once('error', reject);
    request.once('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (text += chunk));
      response.once('end', () => resolve({ status: response.statusCode!, headers: flatten(response.headers), body: text }));
      response.once('error', reject);
    });
  });
  answer.catch(() => undefined); // read by the caller; never an unhandled rejection meanwhile
  await new Promise<void>((resolve, reject) => request.write(body.slice(0, -4), (error) => (error ? reject(error) : resolve())));
  return { finish: () => void request.end(held), answer };
}

/**
 * Opens a connection and writes `head` (e.g. an unfinished request line and
 * headers); `finish(rest)` writes the rest. `closed` resolves when the server
 * closes the connection (with how: a reset or an orderly close).
 */
export async function sendRaw(port: number, head: string): Promise<{ finish(rest: string): void; answer: Promise<SlowAnswer>; closed: Promise<{ reset: boolean }> }> {
  const socket = net.connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let reset = false;
  socket.on('error', (error: NodeJS.ErrnoException) => (reset ||= error.code === 'ECONNRESET'));
  const closed = new Promise<{ reset: boolean }>((resolve) => socket.once('close', () => resolve({ reset })));
  let raw = '';
  const answer = new Promise<SlowAnswer>((resolve, reject) => {
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      raw += chunk;
      const parsed = parseAnswer(raw);
      if (parsed) resolve(parsed);
    });
    socket.once('error', reject);
    socket.once('close', () => reject(new Error(`connection closed before a whole answer: ${JSON.stringify(raw)}`)));
  });
  answer.catch(() => undefined);
  await new Promise<void>((resolve) => socket.write(head, () => resolve()));
  return { finish: (rest) => void socket.write(rest), answer, closed };
}

/** Can a new connection be opened to this port? */
export function acceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A whole HTTP/1.1 answer with a Content-Length body, or undefined while incomplete. */
function parseAnswer(raw: string): SlowAnswer | undefined {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine, ...lines] = raw.slice(0, end).split('\r\n');
  const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  const body = raw.slice(end + 4);
  if (Buffer.byteLength(body) < Number(headers['content-length'] ?? 0)) return undefined;
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}

function flatten(headers: http.IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]));
}
