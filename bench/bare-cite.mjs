// The baseline of `bench/cli-cite.ts`: a bare Node script that loads the
// same style and locale into citeproc-js and cites the same item, as one
// would without Diptych. Argument: the path of a JSON file
// `{ style, locale, record, locator }`.
import CSL from 'citeproc';
import { readFileSync } from 'node:fs';

const { style, locale, record, locator } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const engine = new CSL.Engine(
  {
    retrieveLocale: () => readFileSync(locale, 'utf8'),
    retrieveItem: () => record,
  },
  readFileSync(style, 'utf8'),
  'en-US',
  true,
);
engine.updateItems([record.id]);
engine.setOutputFormat('text');
process.stdout.write(`${engine.makeCitationCluster([{ id: record.id, ...locator }])}\n`);
