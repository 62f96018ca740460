/**
 * A worker of `pos-sim run --workers N`: it plays the files it is sent, a batch at a time, and sends
 * the results back; at the end, what its coverage tracker saw. It runs as a worker thread (what the
 * pool uses: it starts faster) or, for the benchmark's comparison, as a child process.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { setToolLang } from '../i18n/tool-lang.js';
import { CoverageTracker } from './coverage.js';
import { WalkthroughLibrary } from './library.js';
import { ProfileCache, runFile } from './run-file.js';
import type { FromWorker, ToWorker, WorkerSetup } from './worker-messages.js';

const port = {
  on: (listener: (message: ToWorker) => void) =>
    parentPort ? parentPort.on('message', listener) : process.on('message', listener as (message: unknown) => void),
  send: (message: FromWorker) => (parentPort ? parentPort.postMessage(message) : process.send?.(message)),
};

let setup: WorkerSetup | undefined = parentPort ? (workerData as WorkerSetup) : undefined;
const profiles = new ProfileCache();
const library = new WalkthroughLibrary();
let tracker: CoverageTracker | undefined;

const start = (given: WorkerSetup) => {
  setup = given;
  setToolLang(given.lang);
  tracker = given.coverage ? new CoverageTracker() : undefined;
};
if (setup) start(setup);

port.on((message) => {
  switch (message.type) {
    case 'setup':
      start(message.setup);
      port.send({ type: 'ready' });
      return;
    case 'run': {
      const options = {
        profiles,
        library,
        ...(setup?.given ? { given: setup.given } : {}),
        ...(setup?.tags ? { tags: setup.tags } : {}),
        ...(setup?.fixtures ? { fixtures: setup.fixtures } : {}),
        ...(setup?.updateSnapshots ? { snapshots: 'update' as const } : {}),
        ...(setup?.trace ? { trace: true } : {}),
        ...(tracker ? { observe: tracker.observe } : {}),
      };
      port.send({ type: 'results', id: message.id, results: message.files.map((file) => runFile(file, options)) });
      return;
    }
    case 'finish':
      port.send({ type: 'finished', ...(tracker ? { reached: tracker.reached() } : {}) });
      if (parentPort) parentPort.close();
      else process.disconnect?.();
      return;
  }
});
port.send({ type: 'ready' });
