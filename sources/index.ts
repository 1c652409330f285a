/**
 * The public surface of `sources/` for the browser and other folders:
 * types, addresses, metadata and the pipeline. Node-only helpers
 * (`builtin.ts`) are imported directly by Node callers.
 */
export type {
  Address,
  Block,
  BlockRole,
  Edition,
  EditionMessage,
  Footnote,
  FootnoteRef,
  Inline,
  RunLanguage,
  Sentence,
  SourceId,
} from './edition.ts';
export { BLOCK_SEPARATOR, NUMBERED_ROLES } from './edition.ts';
export type { ParsedAddress, Passage } from './address.ts';
export {
  findPassage,
  formatAddress,
  parseAddress,
  passageText,
  sourceOfAddress,
} from './address.ts';
export type { CslItem, EditorialDeclaration, SourceMetadata } from './metadata.ts';
export { BUILTIN_SOURCES, sourceMetadata } from './metadata.ts';
export type { ParseEditionOptions } from './pipeline.ts';
export { parseEdition } from './pipeline.ts';
export type { ParseProgress } from './pipeline.ts';
export { TextRefusedError } from './pipeline.ts';
export type { NestingProblem } from './check-nesting.ts';
export { checkNesting, PARSE_TIME_LIMIT_MS } from './check-nesting.ts';
