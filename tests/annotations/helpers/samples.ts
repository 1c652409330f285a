/**
 * Builds the sample annotations (`tests/fixtures/annotations/samples.json`)
 * on the real editions: each quote is found in its edition's text (it must
 * occur exactly once) and given its three selectors, as a reader's selection
 * would be. Tests only.
 */
import { readFileSync } from 'node:fs';
import { AnnotationSchema, type Annotation } from '../../../annotations/model/annotation.ts';
import { addressForRange } from '../../../annotations/model/address-for-range.ts';
import { CONTEXT_CHARS } from '../../../annotations/io/resolve-target.ts';
import type { Edition } from '../../../sources/edition.ts';

interface TargetSpec {
  readonly source: string;
  readonly quote?: string;
  readonly from?: string;
  readonly to?: string;
}

type Spec = TargetSpec & Record<string, unknown> & { readonly targets?: readonly TargetSpec[] };

/** The offset of the only occurrence of `needle` in `text`; throws if it is not exactly one. */
export function onlyOccurrence(text: string, needle: string): number {
  const first = text.indexOf(needle);
  if (first === -1 || text.indexOf(needle, first + 1) !== -1) {
    throw new Error(
      `"${needle}" must occur exactly once (found ${first === -1 ? 0 : 'more than one'})`,
    );
  }
  return first;
}

/** A target for a span of an edition, with selectors built from its text. */
export function targetAt(edition: Edition, start: number, end: number) {
  return {
    source: edition.id,
    selectors: {
      quote: {
        exact: edition.text.slice(start, end),
        prefix: edition.text.slice(Math.max(0, start - CONTEXT_CHARS), start),
        suffix: edition.text.slice(end, end + CONTEXT_CHARS),
      },
      position: { start, end },
      address: addressForRange(edition, start, end)!,
    },
  };
}

function target(spec: TargetSpec, editions: readonly Edition[]) {
  const edition = editions.find((e) => e.id === spec.source);
  if (!edition) throw new Error(`no edition ${spec.source}`);
  if (spec.quote !== undefined) {
    const start = onlyOccurrence(edition.text, spec.quote);
    return targetAt(edition, start, start + spec.quote.length);
  }
  const start = onlyOccurrence(edition.text, spec.from!);
  const toAt = edition.text.indexOf(spec.to!, start);
  return targetAt(edition, start, toAt + spec.to!.length);
}

/** The sample annotations, validated. */
export function sampleAnnotations(editions: readonly Edition[]): Annotation[] {
  const file = JSON.parse(
    readFileSync(new URL('../../fixtures/annotations/samples.json', import.meta.url), 'utf8'),
  ) as { annotations: Spec[] };
  return file.annotations.map((spec) => {
    const { source: _s, quote: _q, from: _f, to: _t, targets, ...rest } = spec;
    const built = {
      tags: [],
      ...rest,
      targets: targets ? targets.map((t) => target(t, editions)) : [target(spec, editions)],
    };
    return AnnotationSchema.parse(built);
  });
}
