/**
 * What `diptych users` and `diptych groups` share: the server address
 * (`--server`, default http://localhost:5984) and the admin credentials
 * (`DIPTYCH_ADMIN=name:password`, else the file `diptych serve` keeps in its
 * data folder: `--data`, else the default folder).
 */
import {
  CREDENTIALS_FILE,
  credentialsFromEnv,
  defaultDataDir,
  readStoredCredentials,
} from '../server/admin-credentials.ts';
import { CouchAdmin, CouchAdminError, resolveCouchUrl } from '../server/couch-admin.ts';
import { CliError } from './io.ts';
import { join, resolve } from 'node:path';

/** The server `diptych serve` starts by default. */
export const DEFAULT_SERVER = 'http://localhost:5984';

/** An admin connection to the server named by `--server`, with credentials as above. */
export async function connectAdmin(flags: {
  /** `--server <url>`. */
  readonly server?: string;
  /** `--data <dir>`, where `diptych serve` keeps the admin credentials. */
  readonly data?: string;
}): Promise<CouchAdmin> {
  const server = flags.server ?? DEFAULT_SERVER;
  const dataDir = resolve(flags.data ?? defaultDataDir());
  let credentials;
  try {
    credentials = credentialsFromEnv() ?? readStoredCredentials(dataDir);
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error), 2);
  }
  if (!credentials) {
    throw new CliError(
      `no admin credentials: set DIPTYCH_ADMIN=name:password, or give --data <dir>, the data folder of the \`diptych serve\` that made them (looked for ${join(dataDir, CREDENTIALS_FILE)})`,
      2,
    );
  }
  try {
    return new CouchAdmin(await resolveCouchUrl(server), credentials);
  } catch (error) {
    if (error instanceof CouchAdminError) throw new CliError(error.message);
    throw error;
  }
}

/** Runs `action`, turning a `CouchAdminError` into a one-line CLI error. */
export async function asCliErrors<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof CouchAdminError) throw new CliError(error.message);
    throw error;
  }
}
