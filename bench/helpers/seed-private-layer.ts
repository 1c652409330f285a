/**
 * Puts annotations into a reader's private layer on the server, 1,000 per
 * `_bulk_docs` request, as the sync benches' starting state. Throws unless
 * every document was written.
 */
import type { Annotation } from '../../annotations/model/annotation.ts';
import { privateDatabaseName, toAnnotationDoc } from '../../annotations/sync/index.ts';
import { call } from '../../tests/server/helpers/http.ts';

/** Writes `annotations` into `user`'s private database at `couchUrl` (the user exists already). */
export async function seedPrivateLayer(
  couchUrl: string,
  user: { name: string; password: string },
  annotations: readonly Annotation[],
): Promise<void> {
  const db = privateDatabaseName(user.name);
  for (let i = 0; i < annotations.length; i += 1000) {
    const docs = annotations.slice(i, i + 1000).map((a) => toAnnotationDoc(a, user.name));
    const answer = await call(couchUrl, user, 'POST', `${db}/_bulk_docs`, { docs });
    const results = answer.body as unknown as { ok?: boolean }[];
    if (answer.status !== 201 || !results.every((x) => x.ok))
      throw new Error(`seeding the server failed (HTTP ${answer.status})`);
  }
}
