/**
 * The worker thread behind `diptych parse`, as the build compiles it
 * (`dist-cli/parse-thread.mjs`, an entry of `cli/build/build-cli.mjs`): the
 * job's code is in the bundle, so no TypeScript loader starts in the thread.
 * Run from source (the tests, `tsx`), `parse-in-thread.ts` uses
 * `parse-thread.js` instead, which registers tsx first.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runParseJob, type ParseJob } from './parse-job.ts';

parentPort?.postMessage(runParseJob(workerData as ParseJob));
