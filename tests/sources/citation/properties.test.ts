/**
 * Properties (fast-check): for any paragraph, range or footnote number, the
 * citation carries exactly that pinpoint, and the wrapper never throws on a
 * well-formed address.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatAddress } from '../../../sources/address.ts';
import { createCiter, type Citer } from '../../../sources/citation/create-citer.ts';
import { citeTargetOf } from '../../../sources/citation/locator.ts';
import { nodeCslLoader } from '../../../sources/citation/node-csl-loader.ts';
import type { SourceId } from '../../../sources/edition.ts';
import { scaled } from '../../slowdown.ts';

let mla: Citer;
let apa: Citer;
beforeAll(async () => {
  mla = await createCiter('mla', nodeCslLoader);
  apa = await createCiter('apa', nodeCslLoader);
}, scaled(120_000));

const source = fc.constantFrom('lankov-2007', 'winstanley-chesters-2015') as fc.Arbitrary<SourceId>;
const n = fc.integer({ min: 1, max: 999 });

const cite = (citer: Citer, address: string) => {
  const target = citeTargetOf(address);
  return citer.cite(target.source, target.locator, { pinpoint: 'paragraph' }).citation.text;
};

describe('citation properties', () => {
  it('a paragraph or sentence cites its paragraph number', () => {
    fc.assert(
      fc.property(
        source,
        n,
        fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
        (src, p, s) => {
          const address =
            s === undefined
              ? formatAddress({ kind: 'paragraph', source: src, n: p })
              : formatAddress({ kind: 'sentence', source: src, n: p, s });
          expect(cite(mla, address)).toMatch(new RegExp(`, par\\. ${p}\\)$`));
          expect(cite(apa, address)).toMatch(new RegExp(`, para\\. ${p}\\)$`));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a range cites both ends with an en dash', () => {
    fc.assert(
      fc.property(source, n, fc.integer({ min: 1, max: 50 }), (src, from, span) => {
        const address = formatAddress({ kind: 'range', source: src, from, to: from + span });
        expect(cite(mla, address)).toMatch(new RegExp(`, pars\\. ${from}–${from + span}\\)$`));
      }),
      { numRuns: 60 },
    );
  });

  it('a footnote cites its number as a note', () => {
    fc.assert(
      fc.property(source, n, (src, k) => {
        expect(cite(mla, formatAddress({ kind: 'footnote', source: src, n: k }))).toMatch(
          new RegExp(`, n\\. ${k}\\)$`),
        );
      }),
      { numRuns: 60 },
    );
  });
});
