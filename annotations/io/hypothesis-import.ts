/**
 * Reading one annotation in Hypothesis's API JSON (what
 * `GET /api/annotations/:id` and `/api/search` return, and what Hypothesis's
 * own export writes; https://h.readthedocs.io/en/latest/api-reference/v1/)
 * into our model.
 *
 * What it is for: "what we accept" from Hypothesis, one item at a time.
 * Not for: finding the items in a file (`import-annotations.ts`).
 *
 * The mapping: `text` → note (Hypothesis notes are Markdown too), `tags` →
 * tags, `created`/`updated` → created/modified, `target[0].selector`'s
 * TextQuoteSelector and TextPositionSelector → our selectors (RangeSelector,
 * XPaths into Hypothesis's DOM, is ignored), `target[0].source` or `uri` → the
 * source. Hypothesis ids are not IRIs, so the annotation gets
 * `urn:diptych:hypothesis:<id>` and keeps the original in `origin.id`.
 * Replies (`references`) and page notes (no selector) annotate no passage:
 * they are skipped, not errors. `user`, `group` and `permissions` are not
 * kept: they describe accounts on a server Diptych does not talk to.
 */
import type { ItemProblem } from './import-advice.ts';
import { motivationFor } from '../model/annotation.ts';
import { hypothesisAnnotationIri } from './format.ts';
import { resolveTarget, type RawTarget } from './resolve-target.ts';
import {
  asArray,
  child,
  hasType,
  isRecord,
  normalizeDate,
  validated,
  type ItemRead,
  type JsonRecord,
  type ReadContext,
} from './read-item.ts';
import { plural } from '../../sources/util/plural.ts';

/** True when an object looks like a Hypothesis API annotation rather than a W3C one. */
export function looksLikeHypothesis(value: unknown): value is JsonRecord {
  return (
    isRecord(value) &&
    value['type'] === undefined &&
    value['@context'] === undefined &&
    Array.isArray(value['target']) &&
    (typeof value['uri'] === 'string' ||
      typeof value['text'] === 'string' ||
      typeof value['user'] === 'string')
  );
}

/** Reads one Hypothesis annotation found at `path`. */
export function readHypothesisAnnotation(item: unknown, path: string, ctx: ReadContext): ItemRead {
  const error = (at: string, message: string, cause?: ItemProblem): ItemRead =>
    cause === undefined
      ? { kind: 'error', path: at, message }
      : { kind: 'error', path: at, message, cause };
  if (!isRecord(item)) return error(path, 'an annotation must be a JSON object');
  const id = item['id'];
  if (typeof id !== 'string' || id.trim() === '')
    return error(child(path, 'id'), 'a Hypothesis annotation needs its "id"');
  if (asArray(item['references']).length > 0)
    return { kind: 'skipped', reason: `${path} is a reply, not an annotation on the text` };

  const targets = item['target'];
  if (!Array.isArray(targets) || targets.length === 0) {
    return error(child(path, 'target'), 'a Hypothesis annotation needs a "target" list');
  }
  const targetPath = child(child(path, 'target'), 0);
  const target = targets[0];
  if (!isRecord(target)) return error(targetPath, 'a target must be an object');
  const selectors = asArray(target['selector']);
  if (selectors.length === 0)
    return { kind: 'skipped', reason: `${path} is a page note: it quotes no passage` };

  let quote: RawTarget['quote'];
  let position: RawTarget['position'];
  let quotePath: string | undefined;
  let positionPath: string | undefined;
  for (const [i, selector] of selectors.entries()) {
    const here = child(child(targetPath, 'selector'), i);
    if (!isRecord(selector)) return error(here, 'a selector must be an object');
    if (hasType(selector['type'], 'TextQuoteSelector') && quote === undefined) {
      if (typeof selector['exact'] !== 'string')
        return error(here, 'a TextQuoteSelector needs "exact", a string');
      quote = {
        exact: selector['exact'],
        prefix: typeof selector['prefix'] === 'string' ? selector['prefix'] : '',
        suffix: typeof selector['suffix'] === 'string' ? selector['suffix'] : '',
      };
      quotePath = here;
    } else if (hasType(selector['type'], 'TextPositionSelector') && position === undefined) {
      const { start, end } = selector;
      if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || (start as number) < 0) {
        return error(here, 'a TextPositionSelector needs "start" and "end", whole numbers from 0');
      }
      position = { start: start as number, end: end as number };
      positionPath = here;
    }
  }
  if (quote === undefined && position === undefined) {
    return {
      kind: 'skipped',
      reason: `${path} has no text selector (only ${plural(selectors.length, 'a selector', 'selectors')} Diptych cannot use)`,
    };
  }
  const source =
    typeof target['source'] === 'string'
      ? target['source']
      : typeof item['uri'] === 'string'
        ? item['uri']
        : undefined;
  const resolved = resolveTarget(
    {
      ...(source === undefined ? {} : { source }),
      ...(quote === undefined ? {} : { quote }),
      ...(position === undefined ? {} : { position }),
      paths: {
        target: targetPath,
        source:
          typeof target['source'] === 'string' ? child(targetPath, 'source') : child(path, 'uri'),
        ...(quotePath === undefined ? {} : { quote: quotePath }),
        ...(positionPath === undefined ? {} : { position: positionPath }),
      },
    },
    ctx,
  );
  if (!resolved.ok) return error(resolved.path, resolved.message, resolved.cause);

  const dates: Record<'created' | 'updated', string | undefined> = {
    created: undefined,
    updated: undefined,
  };
  for (const key of ['created', 'updated'] as const) {
    if (item[key] === undefined) continue;
    const date = normalizeDate(item[key]);
    if (date === null)
      return error(child(path, key), `"${key}" must be a date and time with a time zone`);
    dates[key] = date;
  }
  const created = dates.created ?? dates.updated ?? ctx.now;
  const modified = dates.updated ?? created;

  if (item['text'] !== undefined && typeof item['text'] !== 'string')
    return error(child(path, 'text'), '"text" must be a string');
  const note =
    typeof item['text'] === 'string' && item['text'].trim() !== '' ? item['text'] : undefined;
  const tags: string[] = [];
  for (const [i, tag] of asArray(item['tags']).entries()) {
    if (typeof tag !== 'string')
      return error(child(child(path, 'tags'), i), 'a tag must be a string');
    const t = tag.trim();
    if (t !== '' && !tags.includes(t)) tags.push(t);
  }
  const origin: Record<string, string> = { format: 'hypothesis', id };
  if (resolved.foreignDocument !== undefined) origin['document'] = resolved.foreignDocument;
  return validated(
    {
      id: hypothesisAnnotationIri(id),
      created,
      modified,
      motivation: motivationFor({ ...(note === undefined ? {} : { note }), tags }),
      ...(note === undefined ? {} : { note }),
      tags,
      targets: [resolved.target],
      origin,
    },
    path,
    resolved.rederived === undefined ? undefined : { path: targetPath, reason: resolved.rederived },
  );
}
