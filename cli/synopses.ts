/**
 * Each command's synopsis — its name, arguments and every option it takes —
 * written once, for both places that print it: `diptych --help` (and
 * `diptych <command> --help`) in `main.ts`, and the command's own usage
 * error in `cli/commands/<name>.ts`. Written twice, they drifted: `--help`
 * left out `cite`'s `--pinpoint`, `--style-file` and `--set`, `bib`'s
 * `--style-file` and `--set`, `align`'s `--no-anchors` and `serve`'s
 * `--no-build`, which the commands took all along.
 *
 * Not for: the option parsing itself (each command's `parseFlags` or
 * `parseArgs` call), nor the README's table, which adds what each prints.
 * A plain module with no imports, so that `main.ts` can print the help
 * without loading any command.
 */

/** Command name → its synopsis, without the leading `diptych `. */
export const SYNOPSES = {
  edition: 'edition <sourceId>',
  parse: 'parse <file> [--summary] [--id <id>] [--lang <bcp47>] [--time-limit <seconds>]',
  search: 'search "<query>" [--limit N]',
  related: 'related <address> [--k N]',
  align: 'align <sourceA> <sourceB> [--no-anchors]',
  timeline: 'timeline [<sourceId>…]',
  claims: 'claims [--format jsonld|markdown|csv] [--relation R[,R…]] [--topic T]',
  cite: 'cite <address>… [--style <id> | --style-file <path.csl>] [--format text|html|pandoc|latex] [--pinpoint paragraph|section|none] [--narrative] [--prefix <text>] [--suffix <text>] [--quote] [--short] [--set FIELD=value]…',
  bib: 'bib [--format bibtex|ris|csl-json|text|html] [--style <id> | --style-file <path.csl>] [--set <source>:FIELD=value]…',
  annotations: 'annotations <file> [--digest | --w3c]',
  serve:
    'serve [--port 5984] [--data <dir>] [--host <addr>] [--cors <origin,…>] [--reader <dir>] [--no-build]',
  users: 'users add <name> [--password <pw>] [--server <url>] [--data <dir>]',
  groups:
    'groups create <group> --owner <name> [--member <name>…] | groups add <group> <name> (both: [--server <url>] [--data <dir>])',
} as const;

/** A command's name. */
export type CommandName = keyof typeof SYNOPSES;

/** The usage error a command throws: `usage: diptych <synopsis>`. */
export const usageOf = (name: CommandName): string => `usage: diptych ${SYNOPSES[name]}`;
