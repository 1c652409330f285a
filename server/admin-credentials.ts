/**
 * The server admin's name and password: where they come from and where
 * `diptych serve` keeps them.
 *
 * - `DIPTYCH_ADMIN=name:password` wins when set (serve makes it the admin;
 *   the CLI uses it).
 * - Otherwise `<data>/admin-credentials` (one line, `name:password`, mode
 *   0600), written by serve on first start with a random password, so the
 *   CLI on the same machine finds it without an environment variable. It is
 *   plain text, as `~/.pgpass` is: the server itself stores only a PBKDF2
 *   hash (in `<data>/config.json`), but the CLI needs the password.
 *
 * Not for: user accounts (`_users`, see cli/commands/users.ts).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** A server admin's credentials. */
export interface AdminCredentials {
  readonly name: string;
  readonly password: string;
}

/** The credentials file's name inside the data folder. */
export const CREDENTIALS_FILE = 'admin-credentials';

/**
 * The default data folder: `$DIPTYCH_DATA`, else `$XDG_DATA_HOME/diptych/server`
 * (`~/.local/share/diptych/server`), so `serve` and the CLI agree on it
 * wherever they are run from.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env['DIPTYCH_DATA']) return env['DIPTYCH_DATA'];
  const base = env['XDG_DATA_HOME'] || join(homedir(), '.local', 'share');
  return join(base, 'diptych', 'server');
}

/** Parses `name:password`; throws a message naming the variable when it is malformed. */
export function parseCredentials(text: string, where: string): AdminCredentials {
  const line = text.trim();
  const colon = line.indexOf(':');
  if (colon <= 0 || colon === line.length - 1) {
    throw new Error(
      `${where} must be "name:password" (got ${line ? 'something else' : 'nothing'})`,
    );
  }
  return { name: line.slice(0, colon), password: line.slice(colon + 1) };
}

/** The credentials from `DIPTYCH_ADMIN`, or `null` when it is not set. */
export function credentialsFromEnv(env: NodeJS.ProcessEnv = process.env): AdminCredentials | null {
  const value = env['DIPTYCH_ADMIN'];
  return value ? parseCredentials(value, 'DIPTYCH_ADMIN') : null;
}

/** The credentials stored in `dataDir`, or `null` when there are none. */
export function readStoredCredentials(dataDir: string): AdminCredentials | null {
  const file = join(dataDir, CREDENTIALS_FILE);
  if (!existsSync(file)) return null;
  return parseCredentials(readFileSync(file, 'utf8'), file);
}

/**
 * What `serve` uses: `DIPTYCH_ADMIN`, else the stored file, else new random
 * credentials (`admin` and 24 random bytes). Writes the file (0600) when it
 * is missing or differs. Returns the credentials and the file's path.
 */
export function setUpCredentials(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): { credentials: AdminCredentials; file: string; created: boolean } {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, CREDENTIALS_FILE);
  const stored = readStoredCredentials(dataDir);
  const credentials = credentialsFromEnv(env) ??
    stored ?? { name: 'admin', password: randomBytes(24).toString('base64url') };
  const changed =
    !stored || stored.name !== credentials.name || stored.password !== credentials.password;
  if (changed) {
    writeFileSync(file, `${credentials.name}:${credentials.password}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return { credentials, file, created: !stored };
}
