/**
 * The one formatter of zod validation failures for messages a reader (or a
 * CLI user) sees. A failure usually has one cause worth naming, so we name
 * the first issue, at its path, in plain words; `z.prettifyError` lists every
 * issue on its own line with symbols, which suits a log, not a status line.
 */
import type { z } from 'zod';

/** One zod issue, its path joined the way a reader would write it. */
export interface IssueAt {
  /** `annotations.3.target`, or `''` when the whole value is wrong. */
  readonly path: string;
  readonly message: string;
}

/** Every issue of `error` with its path joined by dots. */
export function issuesOf(error: Pick<z.ZodError, 'issues'>): IssueAt[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/**
 * The first issue as `path: message` (`message` alone when the whole value is
 * wrong, or `where: message` when `where` names the top level, e.g. "its top level").
 */
export function firstIssue(error: Pick<z.ZodError, 'issues'>, where?: string): string {
  const issue = issuesOf(error)[0];
  if (!issue) return where ? `${where}: invalid` : 'invalid';
  const path = issue.path || where;
  return path ? `${path}: ${issue.message}` : issue.message;
}
