/** A library text's record → the citer: every field the record editor offers reaches citeproc, through the worker's schema. */
import { describe, expect, it } from 'vitest';
import { UserSourceSchema } from '../../../app/citations/citer-protocol.ts';
import { userSourceMetadata } from '../../../app/citations/user-source.ts';
import { recordToCsl } from '../../../app/library/record-to-csl.ts';
import type { TextEntry } from '../../../library/index.ts';
import { exportBibliography } from '../../../sources/citation/export-bibliography.ts';
import { citePassage, createCiter } from '../../../sources/citation/index.ts';
import { missingNote } from '../../../sources/citation/missing-fields.ts';
import { nodeCslLoader } from '../../../sources/citation/node-csl-loader.ts';
import { BUILTIN_SOURCES } from '../../../sources/metadata.ts';
import { scaled } from '../../slowdown.ts';

const chapter = {
  id: 'my-chapter-0123456789',
  title: 'Border notes',
  record: {
    type: 'chapter',
    title: 'Across the Tumen',
    titleShort: 'Tumen',
    authors: [{ family: 'Reader', given: 'Ann' }],
    editors: [{ family: 'Kim', given: 'Suk-Young' }],
    containerTitle: 'Korea and its neighbours',
    page: '45–67',
    publisher: 'Routledge',
    place: 'London',
    issued: '2020',
    doi: '10.4324/9781315000000',
  },
} as unknown as TextEntry;

describe('recordToCsl', () => {
  it(
    'passes the worker’s schema and cites a chapter with its book, editors, pages and DOI',
    async () => {
      const source = UserSourceSchema.parse(recordToCsl(chapter));
      expect(source.csl).toMatchObject({
        type: 'chapter',
        'title-short': 'Tumen',
        editor: [{ family: 'Kim', given: 'Suk-Young' }],
        'container-title': 'Korea and its neighbours',
        page: '45–67',
        'publisher-place': 'London',
        DOI: '10.4324/9781315000000',
      });
      const citer = await createCiter('apa', nodeCslLoader, [
        ...BUILTIN_SOURCES,
        userSourceMetadata(source),
      ]);
      const cited = citePassage(citer, { address: `${chapter.id}:2` });
      expect(cited.citation.text).toBe('(Reader, 2020, para. 2)');
      expect(cited.bibliography).toMatchObject({
        kind: 'entry',
        text: 'Reader, A. (2020). Across the Tumen. In S.-Y. Kim (Ed.), Korea and its neighbours (pp. 45–67). Routledge. https://doi.org/10.4324/9781315000000',
      });
    },
    scaled(60_000),
  );

  it(
    'marks a title the text does not state (its file name) as inferred: the citation, BibTeX and RIS say so',
    async () => {
      const facts = { title: 'untitled', titleFrom: 'file name', authors: [] };
      const untitled = {
        id: 'untitled-815fae3e3c',
        name: 'untitled.txt',
        title: 'untitled',
        facts,
        record: { type: 'manuscript', title: 'untitled', authors: [] },
      } as unknown as TextEntry;
      const source = UserSourceSchema.parse(recordToCsl(untitled));
      expect(source.inferred).toEqual([
        {
          field: 'title',
          evidence:
            'the text states none: “untitled” comes from “untitled.txt”, the name it was added under',
        },
      ]);
      const meta = userSourceMetadata(source);
      const citer = await createCiter('apa', nodeCslLoader, [...BUILTIN_SOURCES, meta]);
      const cited = citePassage(citer, { address: `${untitled.id}:1` });
      expect(cited.missing).toEqual([
        'Incomplete record for untitled: Diptych does not know its title (the text states none: “untitled” comes from “untitled.txt”, the name it was added under), the date of the paper or the institution it comes from (APA); the manuals require them. If you know them, add them with Edit record (title, issued, publisher).',
      ]);
      const bibtex = exportBibliography('bibtex', [meta]);
      expect(bibtex).toMatch(
        /^@comment\{Incomplete record for untitled: Diptych does not know its title/,
      );
      expect(bibtex).toContain('note = {Title inferred; not stated in the source.}');
      expect(exportBibliography('ris', [meta])).toContain(
        'N1  - Title inferred; not stated in the source.',
      );

      // A title the reader typed, or one the text states, is not inferred.
      const renamed = { ...untitled, record: { ...untitled.record, title: 'Seminar minutes' } };
      expect(recordToCsl(renamed as TextEntry).inferred).toBeUndefined();
      const headed = { ...untitled, facts: { ...facts, titleFrom: 'heading' } };
      expect(recordToCsl(headed as TextEntry).inferred).toBeUndefined();

      // A plain-text file's first line taken as its title is inferred too, with its own reason.
      const lined = {
        ...untitled,
        name: 'tumen.txt',
        facts: { ...facts, title: 'Notes on the bridge', titleFrom: 'first line' },
        record: { ...untitled.record, title: 'Notes on the bridge' },
      };
      const lineMeta = userSourceMetadata(UserSourceSchema.parse(recordToCsl(lined as TextEntry)));
      expect(missingNote(lineMeta, 'apa')).toMatch(
        /^Incomplete record for untitled: Diptych does not know its title \(“Notes on the bridge” is the text’s first line, standing alone like a title; the text does not mark it as one\)/,
      );
    },
    scaled(60_000),
  );

  it(
    'marks an author’s name the file gives as one string, split by guess, as inferred until the reader saves the record',
    async () => {
      const facts = {
        title: 'Notes',
        titleFrom: 'heading',
        authors: ['Kim Minji', { family: 'Park', given: 'Jiwoo' }, 'Roe, Jane', 'UNESCO'],
      };
      const entry = {
        id: 'notes-0123456789',
        name: 'notes.md',
        title: 'Notes',
        facts,
        recordEdited: false,
        record: {
          type: 'manuscript',
          title: 'Notes',
          authors: [
            { family: 'Minji', given: 'Kim' },
            { family: 'Park', given: 'Jiwoo' },
            { family: 'Roe', given: 'Jane' },
            { family: 'UNESCO', given: '' },
          ],
          issued: '2024',
          publisher: 'Seoul National University',
        },
      } as unknown as TextEntry;
      const source = UserSourceSchema.parse(recordToCsl(entry));
      expect(source.inferred).toEqual([
        {
          field: 'author',
          evidence:
            'the file gives “Kim Minji” as one string; split at the last space, “Minji” is a guess',
        },
      ]);
      const meta = userSourceMetadata(source);
      const citer = await createCiter('apa', nodeCslLoader, [...BUILTIN_SOURCES, meta]);
      expect(citePassage(citer, { address: `${entry.id}:1` }).missing).toEqual([
        'Incomplete record for Notes: Diptych does not know which part of an author’s name is the family name (the file gives “Kim Minji” as one string; split at the last space, “Minji” is a guess); the manuals require it. If you know it, add it with Edit record (author).',
      ]);
      expect(exportBibliography('bibtex', [meta])).toContain(
        'note = {Author name split at its last space; family name inferred, not stated in the source.}',
      );

      // Saved by the reader (the form showed “Minji, Kim”), or changed: no longer a guess.
      expect(recordToCsl({ ...entry, recordEdited: true }).inferred).toBeUndefined();
      const fixed = {
        ...entry,
        record: { ...entry.record, authors: [{ family: 'Kim', given: 'Minji' }] },
      };
      expect(recordToCsl(fixed).inferred).toBeUndefined();
    },
    scaled(60_000),
  );
});
