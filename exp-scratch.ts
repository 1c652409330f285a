import { createCiter } from './sources/citation/create-citer.ts';
import { nodeCslLoader } from './sources/citation/node-csl-loader.ts';
import { STYLE_IDS } from './sources/citation/styles.ts';
import { sectionPlace } from './sources/citation/pinpoint.ts';
import { builtinEdition } from './sources/builtin.ts';
import { parseStyleFile } from './sources/citation/style-file.ts';
import { readFileSync } from 'node:fs';
const w = builtinEdition('winstanley-chesters-2015')!;
for (let n = 1; n <= 21; n++) { const s = sectionPlace(w, n); if (s) process.stdout.write(`${n}:${s.heading}/${s.from} `); }
console.log();
const sec = sectionPlace(w, 12);
const custom = parseStyleFile(readFileSync('tests/fixtures/csl/harvard-cite-them-right.csl', 'utf8'));
for (const id of [...STYLE_IDS, custom] as const) {
  const c = await createCiter(id as never, nodeCslLoader);
  const p = { label: 'paragraph' as const, locator: '12' };
  const show = (r: any) => [r.citation.text, r.subsequentNote?.text, r.narrative?.inText.text, r.pandoc, r.latex].filter(Boolean).join(' | ');
  console.log('==', c.style.id, c.style.locale, c.style.localeNote ?? '');
  console.log(' def W', show(c.cite('winstanley-chesters-2015', p, { section: sec })));
  console.log(' def L', show(c.cite('lankov-2007', p)));
  console.log(' para W', show(c.cite('winstanley-chesters-2015', p, { pinpoint: 'paragraph', section: sec })), c.cite('winstanley-chesters-2015', p, { pinpoint: 'paragraph' }).pinpointNote ? 'DECL' : '');
  try { console.log(' sec W', show(c.cite('winstanley-chesters-2015', p, { pinpoint: 'section', section: sec }))); } catch (e) { console.log(' sec', (e as Error).message); }
  console.log(' note L', show(c.cite('lankov-2007', { label: 'note', locator: '5' })));
  console.log(' narr', show(c.cite('lankov-2007', p, { narrative: true, suffix: 'emphasis added', pinpoint: 'paragraph' })));
  console.log(' pre', show(c.cite('lankov-2007', { label: 'paragraph', locator: '12-13' }, { prefix: 'see', suffix: 'emphasis added', pinpoint: 'paragraph' })));
  console.log(' clu', show(c.citeCluster([{ source: 'winstanley-chesters-2015', locator: p }, { source: 'lankov-2007', locator: { label: 'note', locator: '5' } }], { pinpoint: 'paragraph' })));
  console.log(' xss', c.cite('lankov-2007', p, { prefix: '<b>x</b> & <script>', pinpoint: 'paragraph' }).citation.html);
  for (const b of c.bibliography()) console.log(' bib', b.kind === 'entry' ? b.text : b.reason);
}
