/**
 * `npm run bench`: every speed or quality figure the issues ask for, each as a
 * ratio against a baseline measured in the same run where a baseline exists.
 * One module per area; each prints its own section. Benchmarks check speed,
 * tests check behaviour: nothing here asserts.
 */
type Bench = { name: string; load: () => Promise<{ run: () => Promise<void> }> };

const BENCHES: Bench[] = [
  { name: 'pipeline', load: () => import('./pipeline.ts') },
  { name: 'search', load: () => import('./search.ts') },
  { name: 'related', load: () => import('./related.ts') },
  { name: 'align', load: () => import('./align.ts') },
  { name: 'timeline', load: () => import('./timeline.ts') },
  { name: 'reader', load: () => import('./reader.ts') },
  { name: 'citation', load: () => import('./citation.ts') },
  { name: 'cli-cite', load: () => import('./cli-cite.ts') },
  { name: 'citer-cache', load: () => import('./citer-cache.ts') },
  { name: 'cite-first', load: () => import('./cite-first.ts') },
  { name: 'annotations-io', load: () => import('./annotations-io.ts') },
  { name: 'annotations', load: () => import('./annotations.ts') },
  { name: 'annotations-sidebar', load: () => import('./annotations-sidebar.ts') },
  { name: 'library', load: () => import('./library.ts') },
  { name: 'library-parse', load: () => import('./library-parse.ts') },
  { name: 'sync-load', load: () => import('./sync-load.ts') },
  { name: 'sync-replication', load: () => import('./sync-replication.ts') },
  { name: 'sync-latency', load: () => import('./sync-latency.ts') },
];

// Names select sections; `--flags` are for the sections (sync-load --quick).
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
for (const bench of BENCHES) {
  if (only.length && !only.includes(bench.name)) continue;
  console.log(`\n## ${bench.name}`);
  try {
    await (await bench.load()).run();
  } catch (error) {
    console.log(`(failed: ${error instanceof Error ? error.message : String(error)})`);
    process.exitCode = 1;
  }
}

export {};
