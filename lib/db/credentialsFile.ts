/**
 * Generated database passwords kept in one JSON file ({ "<user>": "<password>" },
 * mode 0600) so that provisioning again sets the same ones. Nothing else
 * writes or prints them.
 */
import fs from 'node:fs';
import path from 'node:path';

export function readCredentials(file: string): Record<string, string> {
  if (!fs.existsSync(file)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Credentials file ${file} is not JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || Object.values(parsed).some((v) => typeof v !== 'string')) {
    throw new Error(`Credentials file ${file} must be a JSON object of user name to password`);
  }
  return parsed as Record<string, string>;
}

export function saveCredential(file: string, user: string, password: string): void {
  const credentials = readCredentials(file);
  if (credentials[user] === password) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written beside, then renamed: a crash never leaves a half-written file.
  const next = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(next, `${JSON.stringify({ ...credentials, [user]: password }, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(next, file);
}
