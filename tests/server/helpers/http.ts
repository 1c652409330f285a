/**
 * A small HTTP client for the sync server tests: one call per request,
 * answering `{ status, body }`, with basic auth, a cookie, or nothing.
 */

/** Who makes a request: a user's name and password, a session cookie, or no one. */
export type Who =
  { readonly name: string; readonly password: string } | { readonly cookie: string } | null;

/** One answer. */
export interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown> & { rows?: unknown[] };
  readonly headers: Headers;
}

/** Sends `method path` (relative to `couchUrl`) as `who`, with an optional JSON body. */
export async function call(
  couchUrl: string,
  who: Who,
  method: string,
  path: string,
  body?: unknown,
): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (who && 'name' in who)
    headers['authorization'] =
      `Basic ${Buffer.from(`${who.name}:${who.password}`).toString('base64')}`;
  if (who && 'cookie' in who) headers['cookie'] = who.cookie;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(new URL(path, couchUrl), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    parsed = { text };
  }
  return { status: response.status, body: parsed, headers: response.headers };
}
