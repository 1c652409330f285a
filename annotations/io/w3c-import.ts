/**
 * Reading one W3C Web Annotation (JSON-LD) into our model: ours, written by
 * `w3c-export.ts` (read back identically), or another tool's.
 *
 * What it is for: "what we accept" from W3C files, one item at a time, each
 * to an `Annotation` or to an error with the JSON path of what is wrong.
 * Not for: finding the items in a file, duplicates, or all-or-nothing
 * (`import-annotations.ts`), nor versions (`migrations.ts`).
 *
 * Accepted beyond what we write: `bodyValue` (§3.2.5) as the note; bodies
 * without `type` that carry a `value`; `purpose` and `motivation` as arrays;
 * a `type` array; an `id` array of one; a selector given as one object or a
 * list; dates with any time zone. Ignored: non-textual bodies, selectors
 * other than TextQuote/TextPosition (see `model/selectors.ts` for why),
 * `creator`, `audience`, `rights` and the like (we have nowhere to keep them).
 * A target that is a bare IRI (or a resource without a selector) annotates a
 * whole document, not a passage; such an item is skipped, not an error.
 *
 * Security: a TextualBody in `text/html` (some tools write them) is kept as
 * its literal text, markup and all. It becomes a plain-string note, which the
 * app renders through `parseNoteMarkdown`, where raw HTML stays text.
 */
import type { ItemProblem } from './import-advice.ts';
import {
  AnnotationIdSchema,
  COLORS,
  MOTIVATIONS,
  OriginSchema,
  motivationFor,
  type Color,
  type Link,
  type Motivation,
  type Origin,
} from '../model/annotation.ts';
import type { Target } from '../model/selectors.ts';
import { DIPTYCH_NAMESPACE } from './format.ts';
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

/** What the file's envelope says about every item in it. */
export interface W3cFileInfo {
  /** The file's `generator` (its id or name), for `origin`. */
  readonly generator?: string;
  /** True when the file is ours (it carries `diptych:formatVersion`): its items get no `origin`. */
  readonly ours: boolean;
}

/** True when a JSON-LD `@context` declares our namespace: an annotation Diptych wrote on its own (`exportW3cAnnotation`). */
function declaresOurNamespace(context: unknown): boolean {
  return asArray(context).some((c) => isRecord(c) && c['diptych'] === DIPTYCH_NAMESPACE);
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The first purpose or motivation of a body or annotation. */
function firstOf(value: unknown): string | undefined {
  return asArray(value).find((v): v is string => typeof v === 'string');
}

/** Reads the target's raw selectors; `null` for a target that is a bare IRI. */
function rawTarget(
  target: unknown,
  path: string,
): RawTarget | { error: string; path: string } | null {
  if (typeof target === 'string') return null;
  if (!isRecord(target)) return { error: 'a target must be an IRI or an object', path };
  // A resource without a selector (an External Web Resource, §3.2.1) is a whole document, like a bare IRI.
  if (target['selector'] === undefined && target['diptych:address'] === undefined) return null;
  const sourceValue = isRecord(target['source']) ? target['source']['id'] : target['source'];
  const source = str(sourceValue);
  let quote: RawTarget['quote'];
  let position: RawTarget['position'];
  let quotePath: string | undefined;
  let positionPath: string | undefined;
  const selectors = asArray(target['selector']);
  const selectorPath = (i: number): string =>
    Array.isArray(target['selector']) ? child(child(path, 'selector'), i) : child(path, 'selector');
  for (const [i, selector] of selectors.entries()) {
    if (!isRecord(selector)) continue;
    const here = selectorPath(i);
    if (hasType(selector['type'], 'TextQuoteSelector') && quote === undefined) {
      const exact = selector['exact'];
      if (typeof exact !== 'string')
        return { error: 'a TextQuoteSelector needs "exact", a string', path: here };
      for (const key of ['prefix', 'suffix'] as const) {
        if (selector[key] !== undefined && typeof selector[key] !== 'string') {
          return {
            error: `a TextQuoteSelector's "${key}" must be a string`,
            path: child(here, key),
          };
        }
      }
      quote = {
        exact,
        prefix: str(selector['prefix']) ?? '',
        suffix: str(selector['suffix']) ?? '',
      };
      quotePath = here;
    } else if (hasType(selector['type'], 'TextPositionSelector') && position === undefined) {
      const { start, end } = selector;
      if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || (start as number) < 0) {
        return {
          error: 'a TextPositionSelector needs "start" and "end", whole numbers from 0',
          path: here,
        };
      }
      position = { start: start as number, end: end as number };
      positionPath = here;
    }
  }
  const address = target['diptych:address'];
  if (address !== undefined && typeof address !== 'string') {
    return { error: '"diptych:address" must be a string', path: child(path, 'diptych:address') };
  }
  return {
    ...(source === undefined ? {} : { source }),
    ...(quote === undefined ? {} : { quote }),
    ...(position === undefined ? {} : { position }),
    ...(address === undefined ? {} : { address }),
    paths: {
      target: path,
      source: child(path, 'source'),
      address: child(path, 'diptych:address'),
      ...(quotePath === undefined ? {} : { quote: quotePath }),
      ...(positionPath === undefined ? {} : { position: positionPath }),
    },
  };
}

/** Reads one W3C Annotation object found at `path`. */
export function readW3cAnnotation(
  item: unknown,
  path: string,
  ctx: ReadContext,
  file: W3cFileInfo,
): ItemRead {
  const error = (at: string, message: string, cause?: ItemProblem): ItemRead =>
    cause === undefined
      ? { kind: 'error', path: at, message }
      : { kind: 'error', path: at, message, cause };
  if (!isRecord(item)) return error(path, 'an annotation must be a JSON object');
  if (!hasType(item['type'], 'Annotation')) {
    return error(
      child(path, 'type'),
      `expected "type": "Annotation", found ${JSON.stringify(item['type'] ?? null)}`,
    );
  }
  const givenId = Array.isArray(item['id']) && item['id'].length === 1 ? item['id'][0] : item['id'];
  if (typeof givenId !== 'string' || givenId === '') {
    return error(child(path, 'id'), 'an annotation needs an "id" (an IRI); W3C §3.1 requires one');
  }
  // An IRI with characters a URI may not hold (`é`, a space) becomes its URI
  // (RFC 3987 §3.1: percent-encode); `origin.id` keeps what the file said.
  const rawId = AnnotationIdSchema.safeParse(givenId).success ? givenId : encodeURI(givenId);
  if (!AnnotationIdSchema.safeParse(rawId).success) {
    return error(
      child(path, 'id'),
      `the id ${JSON.stringify(givenId.slice(0, 200))} is not an absolute IRI`,
    );
  }

  // Dates: missing ones take the other's value, or the import time.
  const dates: Record<'created' | 'modified', string | undefined> = {
    created: undefined,
    modified: undefined,
  };
  for (const key of ['created', 'modified'] as const) {
    if (item[key] === undefined) continue;
    const date = normalizeDate(item[key]);
    if (date === null)
      return error(
        child(path, key),
        `"${key}" must be a date and time with a time zone, e.g. 2026-01-31T12:00:00Z`,
      );
    dates[key] = date;
  }
  const created = dates.created ?? dates.modified ?? ctx.now;
  const modified = dates.modified ?? created;

  // Bodies.
  const notes: string[] = [];
  const tags: string[] = [];
  const link: {
    relation?: string;
    topic?: string;
    paraphrases: (string | undefined)[];
    note?: string;
  } = {
    paraphrases: [undefined, undefined],
  };
  let hasLinkField = false;
  if (item['bodyValue'] !== undefined) {
    if (typeof item['bodyValue'] !== 'string')
      return error(child(path, 'bodyValue'), '"bodyValue" must be a string');
    notes.push(item['bodyValue']);
  }
  const bodies = asArray(item['body']);
  for (const [i, body] of bodies.entries()) {
    const here = Array.isArray(item['body']) ? child(child(path, 'body'), i) : child(path, 'body');
    if (!isRecord(body)) continue; // an IRI body: a resource we cannot hold
    const isTextual =
      hasType(body['type'], 'TextualBody') ||
      (body['type'] === undefined && body['value'] !== undefined);
    if (!isTextual) continue;
    const value = body['value'];
    if (typeof value !== 'string')
      return error(child(here, 'value'), 'a TextualBody needs a "value", a string');
    const field = body['diptych:field'];
    if (field !== undefined) {
      hasLinkField = true;
      if (field === 'relation') link.relation = value;
      else if (field === 'topic') link.topic = value;
      else if (field === 'linkNote') link.note = value;
      else if (field === 'paraphrase') {
        const t = body['diptych:target'];
        if (t !== 0 && t !== 1)
          return error(child(here, 'diptych:target'), 'a paraphrase names its target as 0 or 1');
        link.paraphrases[t] = value;
      } else
        return error(
          child(here, 'diptych:field'),
          `unknown "diptych:field" ${JSON.stringify(field)}`,
        );
      continue;
    }
    if (firstOf(body['purpose']) === 'tagging') {
      const tag = value.trim();
      if (tag !== '' && !tags.includes(tag)) tags.push(tag);
    } else if (value.trim() !== '') {
      notes.push(value);
    }
  }
  const note = notes.length > 0 ? notes.join('\n\n') : undefined;

  // Targets.
  const rawTargets = asArray(item['target']);
  if (rawTargets.length === 0)
    return error(child(path, 'target'), 'an annotation needs a "target" (W3C §3.1)');
  const targets: Target[] = [];
  let foreignDocument: string | undefined;
  let rederived: { path: string; reason: string } | undefined;
  let unplaced = false;
  for (const [i, t] of rawTargets.entries()) {
    const here = Array.isArray(item['target'])
      ? child(child(path, 'target'), i)
      : child(path, 'target');
    const raw = rawTarget(t, here);
    if (raw === null)
      return {
        kind: 'skipped',
        reason: `${here} annotates a whole document, not a passage of a text`,
      };
    if ('error' in raw) return error(raw.path, raw.error);
    const resolved = resolveTarget(raw, ctx);
    if (!resolved.ok) return error(resolved.path, resolved.message, resolved.cause);
    targets.push(resolved.target);
    foreignDocument ??= resolved.foreignDocument;
    if (resolved.rederived !== undefined) rederived ??= { path: here, reason: resolved.rederived };
    if (resolved.unplaced) unplaced = true;
  }

  // Motivation.
  const declared = firstOf(item['motivation']);
  let motivation: Motivation;
  if (hasLinkField || declared === 'linking') {
    motivation = 'linking';
  } else if (declared !== undefined && (MOTIVATIONS as readonly string[]).includes(declared)) {
    motivation = declared as Motivation;
  } else {
    motivation = motivationFor({ ...(note === undefined ? {} : { note }), tags });
  }
  if (motivation !== 'linking' && targets.length > 1) {
    return error(
      child(path, 'target'),
      `${targets.length} targets; a Diptych annotation has one (a comparison has two, with motivation "linking")`,
    );
  }

  const built: Record<string, unknown> = {
    id: rawId,
    created,
    modified,
    motivation,
    tags,
    targets,
  };
  if (note !== undefined) built['note'] = note;
  if (motivation === 'linking') {
    if (link.relation === undefined || link.topic === undefined) {
      return error(
        path,
        'a linking annotation needs Diptych\'s relation and topic bodies ("diptych:field")',
      );
    }
    const curated = item['diptych:curated'];
    if (curated !== undefined && typeof curated !== 'boolean') {
      return error(child(path, 'diptych:curated'), '"diptych:curated" must be true or false');
    }
    const l: Record<string, unknown> = {
      relation: link.relation,
      topic: link.topic,
      paraphrases: link.paraphrases.map((p) => p ?? null),
      curated: curated ?? false,
    };
    if (link.note !== undefined) l['note'] = link.note;
    built['link'] = l as unknown as Link;
  }
  const color = item['diptych:color'];
  if (color !== undefined) {
    if (!(COLORS as readonly unknown[]).includes(color)) {
      return error(
        child(path, 'diptych:color'),
        `"diptych:color" must be one of ${COLORS.join(', ')}`,
      );
    }
    built['color'] = color as Color;
  }
  const found = originOf(item, file, foreignDocument);
  const origin =
    found !== 'invalid' && found !== undefined && rawId !== givenId
      ? { ...found, id: givenId }
      : found;
  if (origin === 'invalid')
    return error(child(path, 'diptych:origin'), '"diptych:origin" is not an origin Diptych wrote');
  if (origin !== undefined) built['origin'] = origin;
  return validated(built, path, rederived, unplaced);
}

/** The origin to record: the file's own `diptych:origin`, else (for another tool's file) where it came from. */
function originOf(
  item: JsonRecord,
  file: W3cFileInfo,
  document: string | undefined,
): Origin | 'invalid' | undefined {
  if (item['diptych:origin'] !== undefined) {
    const parsed = OriginSchema.safeParse(item['diptych:origin']);
    return parsed.success ? parsed.data : 'invalid';
  }
  if (file.ours || declaresOurNamespace(item['@context'])) return undefined;
  const origin: { format: 'w3c'; generator?: string; document?: string } = { format: 'w3c' };
  const generator = generatorName(item['generator']) ?? file.generator;
  if (generator !== undefined) origin.generator = generator;
  if (document !== undefined) origin.document = document;
  return origin;
}

/** A W3C `generator` (an IRI, or an Agent object with `id` or `name`) as one string, or `undefined`. */
export function generatorName(value: unknown): string | undefined {
  const first = asArray(value)[0];
  if (typeof first === 'string' && first !== '') return first.slice(0, 2048);
  if (isRecord(first)) {
    const name = str(first['id']) ?? str(first['name']) ?? str(asArray(first['name'])[0]);
    return name === undefined || name === '' ? undefined : name.slice(0, 2048);
  }
  return undefined;
}
