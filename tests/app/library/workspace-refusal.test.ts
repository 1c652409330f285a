// The notice for a workspace whose annotations were refused: plain advice, not the import's technical summary.
import { describe, expect, it } from 'vitest';
import { importAnnotations } from '../../../annotations/io/import-annotations.ts';
import { builtinEditions } from '../../../sources/builtin.ts';
import { annotationsRefused } from '../../../app/library/workspace-refusal.ts';

describe('annotationsRefused', () => {
  it('names the file and says what to do, without JSON paths or selectors', () => {
    const outcome = importAnnotations(
      JSON.stringify({
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'AnnotationCollection',
        first: { type: 'AnnotationPage', items: [{ type: 'Annotation', target: 42 }] },
      }),
      { existing: new Set<string>(), editions: builtinEditions() },
    );
    expect(outcome.ok).toBe(false);
    // The technical summary is what the notice used to show.
    expect(outcome.summary).toMatch(/items\[0\].*W3C §/);
    const notice = annotationsRefused('seminar.json', outcome.advice);
    expect(notice).toMatch(
      /^Nothing was imported from “seminar\.json”: its annotations were refused\. /,
    );
    expect(notice).toMatch(/damaged or incomplete/);
    expect(notice).not.toMatch(/items\[0\]|W3C|§|"id"/);
    expect(notice.match(/Nothing was imported/g)).toHaveLength(1);
  });

  it('keeps advice that does not start with the usual lead whole, and stands alone without advice', () => {
    expect(annotationsRefused('a.json', 'Add that text, then import again.')).toBe(
      'Nothing was imported from “a.json”: its annotations were refused. Add that text, then import again.',
    );
    expect(annotationsRefused('a.json', undefined)).toBe(
      'Nothing was imported from “a.json”: its annotations were refused.',
    );
  });
});
