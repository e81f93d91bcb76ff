/**
 * One variable chooses the backend: a database URL.
 *   mysql://user:password@host:3306/database   (MySQL or MariaDB, via mysql2)
 *   sqlite:data/country-xk.sqlite              (embedded default, via better-sqlite3)
 *   sqlite::memory:                            (throwaway, tests only)
 */
import path from 'node:path';

export type DatabaseTarget =
  | { kind: 'mysql'; host: string; port: number; user: string; password: string; database: string }
  | { kind: 'sqlite'; file: string };

export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('sqlite:')) {
    const rest = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!rest) throw new Error(`Database URL "${url}" names no SQLite file (expected sqlite:path/to/file.sqlite)`);
    return { kind: 'sqlite', file: rest === ':memory:' ? rest : path.resolve(rest) };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Database URL "${redact(url)}" is not a URL (expected mysql://user:password@host:3306/database or sqlite:file)`);
  }
  if (parsed.protocol !== 'mysql:' && parsed.protocol !== 'mariadb:') {
    throw new Error(`Database URL scheme "${parsed.protocol}" is not supported (use mysql:// or sqlite:)`);
  }
  return {
    kind: 'mysql',
    host: parsed.hostname || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 3306,
    user: decodeURIComponent(parsed.username || 'root'),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')),
  };
}

/** The URL with its password hidden, for logs and error messages. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}

/** A short human description of the backend, e.g. for start-up logs. */
export function describeTarget(target: DatabaseTarget): string {
  return target.kind === 'mysql'
    ? `MySQL/MariaDB ${target.host}:${target.port}/${target.database}`
    : `embedded SQLite ${target.file}`;
}
