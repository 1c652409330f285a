/**
 * Refuses, before parsing, the Markdown shapes that make remark-parse
 * (micromark) run for minutes or overflow the stack: containers nested very
 * deep, square brackets nested very deep or piled into one paragraph, and
 * long runs of emphasis markers. Measured on remark-parse 11 (issue 12,
 * item 3): `"- " × 10,000` took 26 s in the browser, 2,000 indented list
 * levels never finished, `"[" × 100k … "]" × 100k` took 22 s, `"*" × 10,000`
 * around a word took 98 s and then overflowed the stack; every one grows at
 * least quadratically with the depth or the count. The limits below are far
 * above what prose uses (a list six deep, a few citations in brackets per
 * paragraph) and far below where the cost shows.
 *
 * What it is for: one linear pass over the text that names the first line
 * over a limit. What it is not for: parsing. It only approximates
 * CommonMark's container rules (it counts every `>` and list marker at the
 * start of a line, plus two columns of indentation before a marker as one
 * level), erring towards a higher count, which only matters for texts far
 * beyond the limits anyway. Fenced code is skipped: brackets and markers in
 * code are literal text to micromark, and cheap.
 *
 * The time limit (`PARSE_TIME_LIMIT_MS`) is the backstop for whatever shape
 * this pass does not know: the browser and the CLI run the pipeline in a
 * worker and stop it when the limit passes.
 */

/** Deepest nesting of lists and blockquotes a line may open. */
export const MAX_NESTING_DEPTH = 32;
/** Deepest nesting of square brackets within one paragraph. */
export const MAX_BRACKET_DEPTH = 32;
/** Most `[` in one paragraph (micromark's link resolution is quadratic in them). */
export const MAX_BRACKETS_PER_PARAGRAPH = 2_000;
/** Longest run of `*` or `_` next to text (emphasis resolution is quadratic in it). */
export const MAX_DELIMITER_RUN = 32;
/** How long the browser and the CLI let the pipeline run on one text before stopping it. */
export const PARSE_TIME_LIMIT_MS = 90_000;

/** Why a text is refused: a reason that reads after the file's name, and its line (1-based). */
export interface NestingProblem {
  readonly line: number;
  /** E.g. `nests lists and blockquotes 10,000 deep on line 1 (the limit is 32)`. */
  readonly reason: string;
}

const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

const count = (n: number): string => n.toLocaleString('en-US');

/** Lists and blockquotes opened at the start of `line` (see the head comment). */
export function containerDepth(line: string): number {
  let depth = 0;
  let columns = 0;
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ') {
      columns++;
      i++;
    } else if (c === '\t') {
      columns += 4 - (columns % 4);
      i++;
    } else if (c === '>') {
      depth += 1 + Math.floor(columns / 2);
      columns = 0;
      i++;
    } else {
      const marker = LIST_MARKER.exec(line.slice(i, i + 11));
      if (!marker) break;
      depth += 1 + Math.floor(columns / 2);
      columns = 0;
      i += marker[0].length;
    }
  }
  return depth;
}

/** True when the characters on both sides of a run are whitespace (or the line's ends). */
function isolated(line: string, start: number, end: number): boolean {
  const before = start === 0 ? ' ' : line[start - 1]!;
  const after = end >= line.length ? ' ' : line[end]!;
  return /\s/.test(before) && /\s/.test(after);
}

/** The first place where `text` is over one of the limits, or null. */
export function checkNesting(text: string): NestingProblem | null {
  const lines = text.split('\n');
  let fence: string | null = null;
  let bracketDepth = 0;
  let brackets = 0;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    const fenceMatch = FENCE.exec(line);
    if (fence !== null) {
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length)
        fence = null;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1]!;
      continue;
    }
    if (line.trim() === '') {
      bracketDepth = 0;
      brackets = 0;
      continue;
    }
    const depth = containerDepth(line);
    if (depth > MAX_NESTING_DEPTH) {
      return {
        line: n + 1,
        reason: `nests lists and blockquotes ${count(depth)} deep on line ${n + 1} (the limit is ${MAX_NESTING_DEPTH})`,
      };
    }
    const checkRuns = !THEMATIC_BREAK.test(line);
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (c === '\\') {
        i++;
      } else if (c === '[') {
        bracketDepth++;
        brackets++;
        if (bracketDepth > MAX_BRACKET_DEPTH) {
          let deepest = bracketDepth;
          for (let j = i + 1; j < line.length && line[j] === '['; j++) deepest++;
          return {
            line: n + 1,
            reason: `nests square brackets ${count(deepest)} deep on line ${n + 1} (the limit is ${MAX_BRACKET_DEPTH})`,
          };
        }
        if (brackets > MAX_BRACKETS_PER_PARAGRAPH) {
          return {
            line: n + 1,
            reason: `has more than ${count(MAX_BRACKETS_PER_PARAGRAPH)} square brackets in the paragraph that reaches line ${n + 1}`,
          };
        }
      } else if (c === ']') {
        if (bracketDepth > 0) bracketDepth--;
      } else if ((c === '*' || c === '_') && checkRuns) {
        let end = i + 1;
        while (end < line.length && line[end] === c) end++;
        const run = end - i;
        if (run > MAX_DELIMITER_RUN && !isolated(line, i, end)) {
          return {
            line: n + 1,
            reason: `has a run of ${count(run)} “${c}” on line ${n + 1} (the limit is ${MAX_DELIMITER_RUN})`,
          };
        }
        i = end - 1;
      }
    }
  }
  return null;
}
