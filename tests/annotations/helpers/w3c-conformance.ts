/**
 * Runs the W3C Web Annotation Data Model MUST assertions (the official suite,
 * copied to `tests/fixtures/web-annotation/`) against one annotation, the way
 * the W3C harness evaluated them (see that folder's README): JSON Schema
 * draft-04 through `ajv-draft-04`, every definition and assertion added under
 * its `id`, formats from `ajv-formats`.
 *
 * What it is for: tests. The comparisons' test calls `checkW3cConformance`
 * on every curated comparison; the export test on everything we export. Not
 * for: the app (the suite is test data and stays out of the bundle).
 *
 * Node only (reads the fixture files).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

/** The copied suite's folder. */
export const SUITE_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'fixtures',
  'web-annotation',
);

/** One failed assertion. */
export interface ConformanceFailure {
  /** The assertion's `id`, e.g. `3.1-annotationIdValidated.json`. */
  readonly assertion: string;
  /** `must`, `should` or `may` (the suite's `assertionType`). */
  readonly assertionType: string;
  /** The suite's `errorMessage`. */
  readonly message: string;
}

interface Assertion {
  readonly id: string;
  readonly assertionType: string;
  readonly expectedResult: string;
  readonly errorMessage: string;
  readonly validate: ValidateFunction;
}

const readJson = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

let assertions: readonly Assertion[] | undefined;

/** Compiles the suite once: the list in `annotations/annotationMusts.test`. */
function loadAssertions(): readonly Assertion[] {
  if (assertions) return assertions;
  // strict: false because the suite's files carry harness keywords
  // (assertionType, errorMessage, onUnexpectedResult…) that are not JSON Schema.
  const ajv = new Ajv({ strict: false, allErrors: false });
  addFormats(ajv);
  const definitionsDir = join(SUITE_DIR, 'definitions');
  for (const file of readdirSync(definitionsDir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    ajv.addSchema(readJson(join(definitionsDir, file)));
  }
  const test = readJson(join(SUITE_DIR, 'annotations', 'annotationMusts.test')) as {
    assertions: string[];
  };
  const schemas = test.assertions.map((path) => readJson(join(SUITE_DIR, path)));
  for (const schema of schemas) ajv.addSchema(schema);
  assertions = schemas.map((schema) => {
    const id = String(schema['id']);
    return {
      id,
      assertionType: String(schema['assertionType']),
      expectedResult: String(schema['expectedResult'] ?? 'valid'),
      errorMessage: String(schema['errorMessage']),
      validate: ajv.getSchema(id)!,
    };
  });
  return assertions;
}

/** How many assertions the suite lists (54). */
export function assertionCount(): number {
  return loadAssertions().length;
}

/**
 * Every MUST assertion the annotation fails; `[]` when it conforms.
 * `annotation` is one JSON-LD Annotation object. Pass `inheritedContext`
 * for an annotation inside a collection or page that carries no `@context`
 * of its own (it inherits its container's, as in JSON-LD).
 */
export function checkW3cConformance(
  annotation: unknown,
  inheritedContext?: unknown,
): ConformanceFailure[] {
  let subject = annotation;
  if (
    inheritedContext !== undefined &&
    typeof annotation === 'object' &&
    annotation !== null &&
    !('@context' in annotation)
  ) {
    subject = { '@context': inheritedContext, ...annotation };
  }
  const failures: ConformanceFailure[] = [];
  for (const a of loadAssertions()) {
    if (a.assertionType !== 'must') continue;
    const valid = a.validate(subject) === true;
    if (valid !== (a.expectedResult === 'valid')) {
      failures.push({ assertion: a.id, assertionType: a.assertionType, message: a.errorMessage });
    }
  }
  return failures;
}

/**
 * The annotations in a JSON-LD document (a single Annotation, an
 * AnnotationPage, or an AnnotationCollection with an embedded `first` page),
 * each with the `@context` it inherits.
 */
export function annotationsIn(document: unknown): { annotation: unknown; context: unknown }[] {
  if (typeof document !== 'object' || document === null)
    return [{ annotation: document, context: undefined }];
  const doc = document as Record<string, unknown>;
  const context = doc['@context'];
  const pageItems = (page: unknown): unknown[] =>
    typeof page === 'object' &&
    page !== null &&
    Array.isArray((page as Record<string, unknown>)['items'])
      ? ((page as Record<string, unknown>)['items'] as unknown[])
      : [];
  if (doc['type'] === 'AnnotationCollection') {
    return pageItems(doc['first']).map((annotation) => ({ annotation, context }));
  }
  if (doc['type'] === 'AnnotationPage')
    return pageItems(doc).map((annotation) => ({ annotation, context }));
  return [{ annotation: document, context: undefined }];
}
