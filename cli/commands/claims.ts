/**
 * `diptych claims [--format jsonld|markdown|csv] [--relation R[,R…]] [--topic T]`:
 * the curated claim comparisons. By default the W3C JSON-LD collection,
 * byte for byte the shipped file; `--format markdown|csv` prints the Compare
 * table (grouped by topic, with paragraph addresses). Filters narrow any
 * format; a filtered JSON-LD collection keeps the shipped collection's id and
 * label.
 *
 * The file is loaded through the same importer as a reader's file, so a
 * broken shipped file is reported here as a one-line error, not printed.
 */
import {
  comparisonRows,
  filterComparisons,
  tableRows,
} from '../../annotations/comparisons/comparison-rows.ts';
import {
  CURATED_COLLECTION_ID,
  CURATED_COLLECTION_LABEL,
} from '../../annotations/comparisons/curated-collection.ts';
import { CURATED_AT } from '../../annotations/comparisons/curated.ts';
import {
  comparisonsToCsv,
  comparisonsToMarkdown,
} from '../../annotations/comparisons/export-table.ts';
import {
  curatedCollectionText,
  loadCuratedComparisons,
} from '../../annotations/comparisons/load-curated.ts';
import { serializeW3cCollection } from '../../annotations/io/w3c-export.ts';
import { RELATIONS, type Relation } from '../../annotations/model/annotation.ts';
import { builtinEditions } from '../../sources/builtin.ts';
import { CliError, parseFlags, type Command } from '../io.ts';
import { usageOf } from '../synopses.ts';

const USAGE = usageOf('claims');
const FORMATS = ['jsonld', 'markdown', 'csv'] as const;

function parseRelations(value: string): Relation[] {
  const relations = value
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r !== '');
  for (const r of relations) {
    if (!(RELATIONS as readonly string[]).includes(r)) {
      throw new CliError(`unknown relation "${r}" (valid: ${RELATIONS.join(', ')})`, 2);
    }
  }
  if (relations.length === 0)
    throw new CliError(`--relation needs one of: ${RELATIONS.join(', ')}`, 2);
  return relations as Relation[];
}

/** Prints the curated comparisons. */
export const claims: Command = async (args, io) => {
  const { positional, flags } = parseFlags(args, {
    format: 'string',
    relation: 'string',
    topic: 'string',
  });
  if (positional.length > 0) throw new CliError(USAGE, 2);
  const format = String(flags.format ?? 'jsonld');
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new CliError(`unknown format "${format}" (valid: ${FORMATS.join(', ')})`, 2);
  }
  const relations =
    flags.relation === undefined ? undefined : parseRelations(String(flags.relation));
  const topic = flags.topic === undefined ? undefined : String(flags.topic);

  const editions = builtinEditions();
  const annotations = loadCuratedComparisons(editions);
  const table = comparisonRows(annotations, editions);
  const filtered = filterComparisons(table, {
    ...(relations ? { relations } : {}),
    ...(topic !== undefined ? { topic } : {}),
  });
  if (
    topic !== undefined &&
    filtered.groups.length === 0 &&
    !table.groups.some((g) => g.topic === topic.trim())
  ) {
    throw new CliError(
      `no topic "${topic}" (topics: ${table.groups.map((g) => g.topic).join('; ')})`,
    );
  }

  if (format === 'markdown') {
    io.out(comparisonsToMarkdown(filtered));
  } else if (format === 'csv') {
    io.out(comparisonsToCsv(filtered));
  } else if (relations === undefined && topic === undefined) {
    io.out(curatedCollectionText());
  } else {
    const keep = new Set(tableRows(filtered).map((r) => r.id));
    const selected = annotations.filter((a) => keep.has(a.id));
    io.out(
      serializeW3cCollection(selected, {
        id: CURATED_COLLECTION_ID,
        label: CURATED_COLLECTION_LABEL,
        now: CURATED_AT,
      }),
    );
  }
  return 0;
};
