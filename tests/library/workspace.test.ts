/** The workspace file: what we write we can read; a damaged or foreign file is refused in plain words. */
import { describe, expect, it } from 'vitest';
import { readWorkspace, serializeWorkspace } from '../../library/index.ts';
import { recordFromFacts } from '../../library/model.ts';
import { importDecodedText } from '../../sources/import-text.ts';

async function oneText() {
  const r = await importDecodedText('# Notes\n\nA paragraph.\n', 'notes.md');
  if (!r.ok) throw new Error(r.reason);
  const t = r.text;
  const time = '2026-01-01T00:00:00.000Z';
  return {
    entry: {
      id: t.id,
      name: t.name,
      title: t.edition.title,
      format: t.format,
      version: 1,
      size: t.content.length,
      added: time,
      modified: time,
      facts: { ...t.facts, authors: [...t.facts.authors] },
      record: recordFromFacts({ ...t.facts, authors: [...t.facts.authors] }, t.format),
      recordEdited: false,
    },
    content: t.content,
  };
}

describe('workspace file', () => {
  it('round-trips texts and the annotation collection', async () => {
    const text = await oneText();
    const collection = { type: 'AnnotationCollection', total: 0 };
    const read = readWorkspace(serializeWorkspace([text], collection, '2026-01-02T00:00:00.000Z'));
    expect(read).toEqual({
      ok: true,
      file: {
        type: 'DiptychWorkspace',
        version: 1,
        generated: '2026-01-02T00:00:00.000Z',
        texts: [text],
        annotations: collection,
      },
    });
  });

  it.each([
    ['not JSON', 'nope', /not JSON/],
    ['another file', '{"type":"AnnotationCollection"}', /not a Diptych workspace/],
    ['a newer version', '{"type":"DiptychWorkspace","version":9}', /newer Diptych/],
    [
      'a damaged text',
      '{"type":"DiptychWorkspace","version":1,"generated":"2026-01-01T00:00:00.000Z","texts":[{"entry":{"id":"x"},"content":"a"}],"annotations":{}}',
      /damaged at texts\.0\.entry/,
    ],
  ])('refuses %s', (_, text, reason) => {
    const read = readWorkspace(text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toMatch(reason);
  });

  it('refuses the same text twice', async () => {
    const text = await oneText();
    const json = JSON.parse(serializeWorkspace([text], {}));
    json.texts.push(json.texts[0]);
    const read = readWorkspace(JSON.stringify(json));
    expect(read.ok).toBe(false);
  });
});
