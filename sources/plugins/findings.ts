/**
 * What a tree transform found in its input (a footnote cited but never
 * defined, a definition never cited…), and how a plugin reports it: as a
 * non-fatal vfile message, so the pipeline's caller lists it and the parse
 * goes on. The transforms return findings instead of writing to the file, so
 * they stay pure functions of the tree.
 */
import type { VFile } from 'vfile';

/** One thing a transform found, at a line of the input when it knows it. */
export interface Finding<RuleId extends string = string> {
  readonly ruleId: RuleId;
  readonly reason: string;
  readonly line?: number;
}

/** Adds each finding to `file` as a warning from `source` (`source:ruleId`). */
export function reportFindings(file: VFile, findings: readonly Finding[], source: string): void {
  for (const f of findings) {
    const message = file.message(f.reason, {
      place: f.line === undefined ? undefined : { line: f.line, column: 1 },
      ruleId: f.ruleId,
      source,
    });
    message.fatal = undefined;
  }
}
