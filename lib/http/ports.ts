/**
 * Is a port taken, and by what? For start-up checks that stop before starting
 * anything, naming the port and its holder, instead of a child failing later
 * with "address in use".
 */
import { execFileSync } from 'node:child_process';
import net from 'node:net';

/** Something accepts connections at host:port (a connection attempt, closed at once). */
export function isListening(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (listening: boolean) => {
      socket.destroy();
      resolve(listening);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** What listens on `port`, as `ss` names it ("node (pid 1234)"), or a plain phrase where that cannot be seen. */
export function portHolder(port: number): string {
  try {
    const line = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 2000 });
    const match = /users:\(\("([^"]+)",pid=(\d+)/.exec(line);
    if (match) return `${match[1]} (pid ${match[2]}${commandOf(match[2])})`;
  } catch {
    // no ss here, or not allowed to see other users' sockets
  }
  return 'another process';
}

function commandOf(pid: string): string {
  try {
    const command = execFileSync('ps', ['-o', 'args=', '-p', pid], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 2000 }).trim();
    return command ? `: ${command.slice(0, 100)}` : '';
  } catch {
    return '';
  }
}
