/**
 * Timeline extraction quality (issue 17): precision and recall of the
 * extracted dated events against the dated expressions listed by reading
 * both texts (`tests/fixtures/timeline/dated-expressions.json`; target ≥ 0.9
 * both), with the bare year rule alone as the baseline (what a regex for
 * four-digit years finds), and the extraction time.
 */
import { readFileSync } from 'node:fs';
import { builtinEditions } from '../sources/builtin.ts';
import {
  extractEvents,
  matchDateRules,
  referenceTime,
  scoreExtraction,
  type DatedEvent,
  type ListedExpression,
} from '../sources/timeline/index.ts';

/** Prints precision and recall per text and overall, against the year-only baseline. */
export async function run(): Promise<void> {
  const listed = (
    JSON.parse(
      readFileSync(
        new URL('../tests/fixtures/timeline/dated-expressions.json', import.meta.url),
        'utf8',
      ),
    ) as { expressions: ListedExpression[] }
  ).expressions;
  const editions = builtinEditions();
  const t0 = performance.now();
  const events = editions.flatMap((e) => {
    const reference = referenceTime(e.id);
    return extractEvents(e, reference ? { reference } : {});
  });
  const ms = performance.now() - t0;
  // Baseline: only the bare four-digit-year rule, each year its own event.
  const baseline: DatedEvent[] = editions.flatMap((e) =>
    [...e.blocks.filter((b) => b.role !== 'chrome'), ...e.footnotes].flatMap((b) =>
      b.sentences.flatMap((s) =>
        matchDateRules(s.text)
          .filter((m) => m.by === 'rule:year')
          .map(
            (m) =>
              ({
                id: `${s.address}@${m.start}`,
                source: e.id,
                address: s.address,
                expression: s.text.slice(m.start, m.end),
                start: m.start,
                kind: m.kind,
                precision: m.precision,
                from: m.from,
                to: m.to,
                sentence: s.text,
                by: m.by,
              }) as DatedEvent,
          ),
      ),
    ),
  );
  const f3 = (x: number) => x.toFixed(3);
  console.log(`${listed.length} dated expressions listed by reading both texts`);
  for (const e of editions) {
    const mine = events.filter((x) => x.source === e.id);
    const theirs = listed.filter((l) => l.address.startsWith(`${e.id}:`));
    const s = scoreExtraction(mine, theirs);
    console.log(
      `${e.id.padEnd(28)} events ${String(mine.length).padStart(3)}  precision ${f3(s.precision)}  recall ${f3(s.recall)}`,
    );
  }
  const s = scoreExtraction(events, listed);
  const b = scoreExtraction(baseline, listed);
  console.log(
    `${'both'.padEnd(28)} events ${String(events.length).padStart(3)}  precision ${f3(s.precision)}  recall ${f3(s.recall)}  (target ≥ 0.9 both)`,
  );
  console.log(
    `${'baseline: four-digit years'.padEnd(28)} events ${String(baseline.length).padStart(3)}  precision ${f3(b.precision)}  recall ${f3(b.recall)}`,
  );
  console.log(
    `inferred (relative) events: ${events.filter((x) => x.inferred).length}; extraction ${ms.toFixed(0)} ms for both texts`,
  );
  for (const m of s.missed) console.log(`  missed   ${m.address} ${m.expression}`);
  for (const x of s.spurious) console.log(`  spurious ${x.address} ${x.expression}`);
}
