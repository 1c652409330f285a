/**
 * The notice for a workspace file whose annotations were refused: the file's
 * name, then what is wrong and what to do in the annotation import's plain
 * words (`annotations/io/import-advice.ts`), not its technical summary (JSON
 * paths, selectors), which the caller leaves in the console for whoever
 * repairs the file. Pure.
 */
import { REFUSAL_LEAD } from '../../annotations/io/import-annotations.ts';

/** One notice: "Nothing was imported from “f”: its annotations were refused. <what to do>". */
export function annotationsRefused(fileName: string, advice: string | undefined): string {
  const head = `Nothing was imported from “${fileName}”: its annotations were refused.`;
  if (advice === undefined) return head;
  const rest = advice.startsWith(REFUSAL_LEAD) ? advice.slice(REFUSAL_LEAD.length).trim() : advice;
  return rest === '' ? head : `${head} ${rest}`;
}
