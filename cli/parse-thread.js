// The worker thread behind `diptych parse` when it runs from source (the tests, tsx; the build
// compiles parse-thread-compiled.ts instead: see cli/parse-in-thread.ts):
// plain JavaScript, because a worker thread starts without the TypeScript
// loader its parent registered; it registers tsx, then runs the job.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { runParseJob } = await import('./parse-job.ts');
parentPort.postMessage(runParseJob(workerData));
