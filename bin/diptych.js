#!/usr/bin/env node
// Runs the compiled CLI (`dist-cli/diptych.mjs`, built from `cli/` by
// `npm ci` through the `prepare` script, or by `npm run build:cli`): no
// TypeScript compiler runs when a command runs.
import { existsSync } from 'node:fs';

// `diptych edition x | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const compiled = new URL('../dist-cli/diptych.mjs', import.meta.url);
if (!existsSync(compiled)) {
  process.stderr.write(
    'diptych: the command line is not built yet: run `npm run build:cli` (npm ci does it)\n',
  );
  process.exit(70);
}
const { main } = await import(compiled.href);
process.exitCode = await main(process.argv.slice(2));
