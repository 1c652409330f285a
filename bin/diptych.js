#!/usr/bin/env node
// The CLI runs the TypeScript sources directly through tsx, so `npx diptych`
// works right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

// `diptych edition x | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
