/**
 * Nothing lost: every word of the verbatim text (Markdown markup aside) ends
 * up in exactly one block or footnote, in order. The check walks the input's
 * blank-line-separated chunks in order and consumes each one's words from
 * the front of exactly one edition unit (block or footnote); at the end every
 * unit must be fully consumed, and running-text blocks must have been entered
 * in reading order. A chunk may only continue the unit it started in (a
 * page-broken paragraph) or start a new one.
 */
import { describe, expect, it } from 'vitest';
import { builtinEdition, builtinText } from '../../sources/builtin.ts';
import { BUILTIN_SOURCES } from '../../sources/metadata.ts';

/** The words of a raw chunk as a reader sees them: Markdown escapes, emphasis and autolink brackets removed, superscript markers dropped. */
function rawWords(chunk: string): string[] {
  const plain = chunk
    .replace(/\\([\\`*_{}[\]()#+\-.!$])/g, '$1')
    .replace(/<(https?:[^>\s]+)>/g, '$1')
    .replace(/\*/g, '')
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, ' ');
  return plain.split(/\s+/).filter(Boolean);
}

const words = (text: string) =>
  text
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);

describe('reconstruction', () => {
  for (const meta of BUILTIN_SOURCES) {
    it(`${meta.id}: every word of the verbatim text is in exactly one block or footnote, in order`, () => {
      const edition = builtinEdition(meta.id)!;
      const units = [...edition.blocks, ...edition.footnotes].map((u) => ({
        address: u.address,
        remaining: words(u.text),
      }));
      const entered: string[] = [];
      for (const chunk of builtinText(meta).split(/\n\s*\n/)) {
        const w = rawWords(chunk);
        if (w.length === 0) continue;
        // A chunk continues a unit already entered (a page-broken paragraph) or starts a new one.
        const unit = units.find(
          (u) => u.remaining.length >= w.length && w.every((word, i) => u.remaining[i] === word),
        );
        expect(unit, `no unit starts with: ${w.slice(0, 8).join(' ')}`).toBeDefined();
        unit!.remaining.splice(0, w.length);
        if (!entered.includes(unit!.address)) entered.push(unit!.address);
      }
      for (const u of units)
        expect(u.remaining, `${u.address} has words the input lacks`).toEqual([]);
      const runningOrder = entered.filter((a) => !/:n\d+$/.test(a));
      expect(runningOrder).toEqual(edition.blocks.map((b) => b.address));
      expect(entered.filter((a) => /:n\d+$/.test(a))).toEqual(
        edition.footnotes.map((f) => f.address),
      );
    });
  }
});
