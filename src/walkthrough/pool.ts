/**
 * Plays a suite's files on worker threads and hands their results on in file order, exactly as a
 * run in one process would: files go out in order, a few batches ahead of what is reported, so
 * what waits to be reported stays small however long the suite. With --bail the pool stops at
 * the first failure in file order and drops whatever the workers ran past it.
 */
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../package-root.js';
import type { CoverageTracker } from './coverage.js';
import type { WalkthroughResult } from './run-walkthrough.js';
import type { FromWorker, ToWorker, WorkerSetup } from './worker-messages.js';

/** The bundled worker (`npm run build` writes it): a worker thread runs built JavaScript. */
export const WORKER_FILE = join(packageRoot, 'dist', 'run-worker.js');

/** Batches each worker has in hand, so that it never waits for the next. */
const IN_HAND = 2;

/**
 * A worker's heap: a walkthrough's device lives a few milliseconds, so its garbage dies young. A
 * young generation of 12 MB lets it die there: at 6 MB a scavenge ran every ~2 MB allocated (a few
 * per walkthrough) and promoted live devices to the old generation, which then needed marking on
 * the helper threads (~15% more CPU); at 16 MB the CPU was the same as at 12 and the peak RSS
 * ~14 MB higher (now that a walkthrough allocates less). The old generation stays well above what
 * a run keeps (~25 MB with its bounded caches full), so memory stays flat.
 */
const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 12, maxOldGenerationSizeMb: 64 } as const;

/**
 * Young-generation GCs on the worker's own thread. V8 scavenges in parallel on its helper threads
 * by default; a worker allocates fast and scavenges some 500 times a thousand walkthroughs, and the
 * helpers cost more CPU than they saved (a run on one worker took ~1.3 cores, so two workers had
 * no second core to gain and ran only ~1.3× faster). V8 reads this flag at each scavenge, so it
 * may be set while the process runs; it is set only for a pool's run.
 */
const SCAVENGE_ON_OWN_THREAD = '--no-parallel-scavenge';

/**
 * No allocation-site pretenuring. V8 counts, for each place that makes objects, how many of them
 * are still alive at a scavenge; where it finds most (a worker's first walkthroughs, whose devices
 * and parsed steps are all alive at once, in xstate's actor and action code and zod's pipes), it
 * allocates that place's objects in the old generation from then on. A walkthrough's objects die in
 * milliseconds, so they filled the old generation instead: a mark-compact every ~70 walkthroughs,
 * each of which also dropped the optimised code of every function alive only in short-lived
 * closures, for TurboFan to compile again on the helper threads (~35 functions each time). Without
 * it, 2,000 walkthroughs on one worker: 9 mark-compacts, not 27; ~600 fewer compilations; ~17%
 * less CPU (helper threads ~3.7 → ~2.7 s). Like the scavenge flag, V8 reads it as it goes; set
 * before the workers start, it holds for all their allocation sites.
 */
const NO_PRETENURING = '--no-allocation-site-pretenuring';

export type PoolOptions = {
  readonly workers: number;
  readonly setup: WorkerSetup;
  readonly tracker?: CoverageTracker;
};

/**
 * Runs the files; `report` hears each file's results in file order and returns false to stop
 * (--bail). Resolves when every file is reported or the run stopped.
 */
export const runInWorkers = (
  files: readonly string[],
  options: PoolOptions,
  report: (results: readonly WalkthroughResult[]) => boolean,
): Promise<void> =>
  new Promise((resolve, reject) => {
    setFlagsFromString(SCAVENGE_ON_OWN_THREAD);
    setFlagsFromString(NO_PRETENURING);
    // Batches small enough that every worker gets several, large enough that messages stay few.
    const size = Math.max(1, Math.min(16, Math.floor(files.length / (options.workers * 8))));
    const batches: string[][] = [];
    for (let start = 0; start < files.length; start += size) batches.push(files.slice(start, start + size));
    const done = new Map<number, readonly (readonly WalkthroughResult[])[]>();
    let sent = 0;
    let reported = 0;
    let stopped = false;
    const finished = new Set<Worker>();
    const workers: Worker[] = [];

    const end = (error?: unknown) => {
      if (stopped) return;
      stopped = true;
      if (error) {
        for (const worker of workers) void worker.terminate();
        reject(error);
      }
    };

    const sendNext = (worker: Worker) => {
      if (sent >= batches.length || stopped) return;
      const message: ToWorker = { type: 'run', id: sent, files: batches[sent] ?? [] };
      sent += 1;
      worker.postMessage(message);
    };

    const flush = () => {
      for (let next = done.get(reported); next !== undefined && !stopped; next = done.get(reported)) {
        done.delete(reported);
        reported += 1;
        for (const results of next) {
          if (!report(results)) {
            stopped = true;
            Promise.all(workers.map((worker) => worker.terminate())).then(() => resolve(), reject);
            return;
          }
        }
      }
      if (reported === batches.length && !stopped) {
        for (const worker of workers) worker.postMessage({ type: 'finish' } satisfies ToWorker);
      }
    };

    for (let index = 0; index < Math.min(options.workers, batches.length); index += 1) {
      const worker = new Worker(WORKER_FILE, { workerData: options.setup, resourceLimits: RESOURCE_LIMITS });
      workers.push(worker);
      worker.on('error', end);
      // A worker that ends before it has said it finished has lost its files: never wait for them.
      worker.on('exit', (code) => {
        if (!stopped && !finished.has(worker))
          end(new Error(`pos-sim run: a worker thread ended (exit code ${code}) before its files were played`));
      });
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') for (let batch = 0; batch < IN_HAND; batch += 1) sendNext(worker);
        else if (message.type === 'results') {
          done.set(message.id, message.results);
          sendNext(worker);
          flush();
        } else if (message.type === 'finished') {
          if (message.reached) options.tracker?.merge(message.reached);
          finished.add(worker);
          if (finished.size === workers.length) {
            stopped = true;
            resolve();
          }
        }
      });
    }
  });
