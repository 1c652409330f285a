/** The notice after New version…: how many of the text's annotations the new version cannot place. */
import { describe, expect, it } from 'vitest';
import { anchor } from '../../../annotations/anchoring/anchor.ts';
import { describe as describeSelection } from '../../../annotations/anchoring/describe.ts';
import {
  completeAnnotation,
  type Annotation,
  type AnnotationId,
} from '../../../annotations/model/annotation.ts';
import { versionReport } from '../../../app/library/version-report.ts';
import type { Edition } from '../../../sources/edition.ts';
import { importDecodedText } from '../../../sources/import-text.ts';

const V1 = `# Rail notes

Moscow kept investing in the railway from Khasan to the port of Rajin.

The weather in Vladivostok is cold in winter, and the ferries stop.
`;
const ID = 'rail-notes-0123456789';

async function edition(text: string, id = ID): Promise<Edition> {
  const r = await importDecodedText(text, 'rail-notes.md', { id });
  if (!r.ok) throw new Error(r.reason);
  return r.text.edition;
}

let n = 0;
/** A highlight on the first `length` characters of paragraph `k`, made as the app makes them. */
function highlight(e: Edition, k: number, length: number): Annotation {
  const block = e.blocks.find((b) => b.n === k)!;
  const d = describeSelection(e, block.start, block.start + length)!;
  n++;
  return completeAnnotation(
    {
      motivation: 'highlighting',
      tags: [],
      targets: [
        {
          source: e.id,
          selectors: { quote: d.quote!, position: d.position!, address: d.address! },
        },
      ],
    },
    `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}` as AnnotationId,
    new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
  );
}

describe('versionReport', () => {
  it('names how many annotations the new version cannot place', async () => {
    const v1 = await edition(V1);
    const list = [highlight(v1, 1, 28), highlight(v1, 2, 30)];
    const v2 = await edition(V1.replace(/^The weather.*$/m, 'A new last paragraph.'));
    expect(versionReport('Rail notes', 2, v2, { list, anchor })).toBe(
      '“Rail notes” is now version 2. 1 of its 2 annotations could not be placed in it: it is kept, listed under Unplaced in Annotations.',
    );
  });

  it('says so when every annotation is placed (moved text included)', async () => {
    const v1 = await edition(V1);
    const list = [highlight(v1, 1, 28), highlight(v1, 2, 30)];
    const v2 = await edition(
      V1.replace('# Rail notes\n', '# Rail notes\n\nA new first paragraph.\n'),
    );
    expect(versionReport('Rail notes', 3, v2, { list, anchor })).toBe(
      '“Rail notes” is now version 3. All 2 of its annotations were placed in it.',
    );
  });

  it('only the version, for a text without annotations or when they cannot be checked', async () => {
    const v1 = await edition(V1);
    const other = await edition(V1, 'other-0123456789');
    const list = [highlight(other, 1, 10)];
    expect(versionReport('Rail notes', 2, v1, { list, anchor })).toBe(
      '“Rail notes” is now version 2.',
    );
    expect(versionReport('Rail notes', 2, v1)).toBe('“Rail notes” is now version 2.');
  });
});
