// The scale part of `npm run bench`: a suite of 10,000 walkthroughs (copies of the shipped one),
// run by `pos-sim run` on worker threads against one runner; the CPU a walkthrough (and a step)
// costs once warm; the peak memory of a run of the shipped suite and of the 10,000 (one runner
// each, so the figures show the streaming, not the number of threads); one walkthrough's whole process against
// `node -e 0`; and how fast a worker thread and a child process start. Each run is a fresh process;
// CPU is the process's own (user + system, its worker threads included), memory its peak RSS.
// `node scripts/bench-scale.mjs` runs this part alone (after `npm run build`).
import { fork, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const root = fileURLToPath(new URL('..', import.meta.url));
const NODE = process.execPath;
const BIN = join(root, 'bin/pos-sim.js');
const WORKER = join(root, 'dist/run-worker.js');
const SHIPPED = join(root, 'fixtures/walkthroughs');
const P1 = join(SHIPPED, 'p1-deregister-unionpay.yaml');
const SUITE_SIZE = Number(process.env.BENCH_SUITE ?? 10_000);
/** How many times the suite is run by one runner and by the workers (each side's best run counts). */
const SCALE_RUNS = Math.max(1, Number(process.env.BENCH_SCALE_RUNS ?? 2));
/** The file that configures a suite folder (src/walkthrough/format.ts), which is no walkthrough. */
const SUITE_FILE = 'pos-sim.suite.yaml';

/** Prints the process's CPU (user + system, all threads) and peak RSS when it exits. */
const USAGE_HOOK = `data:text/javascript,${encodeURIComponent(
  "import {writeSync} from 'node:fs'; process.on('exit', () => { const u = process.resourceUsage(); writeSync(2, '\\ncpu_ms=' + (u.userCPUTime + u.systemCPUTime) / 1000 + ' maxrss_kb=' + u.maxRSS + '\\n'); });",
)}`;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Runs a node command; its wall time, CPU and peak RSS. */
const measure = (args, cwd = root) => {
  const started = performance.now();
  const run = spawnSync(NODE, ['--import', USAGE_HOOK, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = performance.now() - started;
  const usage = /cpu_ms=([\d.]+) maxrss_kb=(\d+)/.exec(run.stderr);
  if (!usage) throw new Error(`${args.join(' ')} exited ${run.status} without its usage:\n${run.stderr.slice(-2000)}`);
  return { wall, cpu: Number(usage[1]), rss: Number(usage[2]) / 1024, status: run.status, stdout: run.stdout };
};

/** How many walkthroughs a run played and their steps, from its report: `✓ P1 …  (31 步，…)`, `(31 steps, …)`. */
const played = (report) => {
  const results = [...report.matchAll(/\((\d+) (?:步|steps?)[，,]/g)];
  return { walkthroughs: results.length, steps: results.reduce((sum, match) => sum + Number(match[1]), 0) };
};

/**
 * The shipped suite copied until it has `size` walkthroughs (each copy keeps its pieces, suite file
 * and profiles beside it); how many there are, and how many the shipped suite has. Only walkthrough
 * files count, as a run finds them: not the pieces in folders named `_…` nor the suite file.
 */
const makeSuite = (dir, size) => {
  const walkthroughs = (folder) =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? entry.name.startsWith('_')
          ? []
          : walkthroughs(join(folder, entry.name)).map((name) => join(entry.name, name))
        : entry.name.endsWith('.yaml') && entry.name !== SUITE_FILE
          ? [entry.name]
          : [],
    );
  const shipped = walkthroughs(SHIPPED);
  let count = 0;
  for (let copy = 0; count < size; copy += 1) {
    const target = join(dir, `copy-${String(copy).padStart(4, '0')}`);
    cpSync(SHIPPED, target, { recursive: true });
    count += shipped.length;
    // The last copy keeps only as many walkthroughs as the size needs.
    for (const name of shipped.slice(shipped.length - Math.max(0, count - size))) rmSync(join(target, name));
  }
  return { size: Math.min(count, size), shipped: shipped.length };
};

/** How long a worker of the run takes to load and say it is ready: as a worker thread, and as a child process. */
const workerStarts = async (runs) => {
  const thread = [];
  const child = [];
  for (let run = 0; run < runs; run += 1) {
    let started = performance.now();
    await new Promise((resolve, reject) => {
      const worker = new Worker(WORKER, { workerData: { lang: 'en', coverage: false } });
      worker.once('message', () => {
        thread.push(performance.now() - started);
        worker.terminate().then(resolve, reject);
      });
      worker.once('error', reject);
    });
    started = performance.now();
    await new Promise((resolve, reject) => {
      const process = fork(WORKER, [], { stdio: 'ignore' });
      process.once('message', () => {
        child.push(performance.now() - started);
        process.kill();
        resolve();
      });
      process.once('error', reject);
    });
  }
  return { thread: median(thread), child: median(child) };
};

/** What the machine gives two busy processes at once: 2 × one loop's time / two loops' time (2.0 on two free cores). */
const parallelCapacity = async () => {
  const loop = ['-e', 'let x = 0; for (let i = 0; i < 2e8; i++) x += i % 7;'];
  const time = async (count) => {
    const started = performance.now();
    await Promise.all(
      Array.from({ length: count }, () => new Promise((resolve) => spawn(NODE, loop, { stdio: 'ignore' }).on('exit', resolve))),
    );
    return performance.now() - started;
  };
  const one = median([await time(1), await time(1), await time(1)]);
  const two = median([await time(2), await time(2), await time(2)]);
  return (2 * one) / two;
};

/**
 * Measures, and hands each figure to `row(name, value, reference, target, pass)`. Runs one at a
 * time so that the runs do not compete for the CPU (the parallel run needs both cores).
 */
export const measureScale = async (row, progress = () => {}) => {
  const work = mkdtempSync(join(tmpdir(), 'pos-sim-bench-scale-'));
  try {
    progress('(e) making the suite');
    const suite = join(work, 'suite');
    mkdirSync(suite);
    const { size, shipped: shippedSize } = makeSuite(suite, SUITE_SIZE);

    progress('(e) what two cores give right now');
    const capacity = await parallelCapacity();
    // One runner and the workers in turn, SCALE_RUNS times each: a machine shared with others slows
    // some runs, so each side's time is its best run; its CPU and memory the median, as for the 64.
    const serialRuns = [];
    const parallelRuns = [];
    for (let run = 1; run <= SCALE_RUNS; run += 1) {
      progress(`(e) ${size} walkthroughs, one runner (${run}/${SCALE_RUNS})`);
      serialRuns.push(measure([BIN, 'run', suite, '--workers', '1']));
      progress(`(e) ${size} walkthroughs, ${cpus().length} workers (${run}/${SCALE_RUNS})`);
      parallelRuns.push(measure([BIN, 'run', suite, '--workers', String(cpus().length)]));
    }
    for (const run of [...serialRuns, ...parallelRuns]) {
      if (run.status !== 0) throw new Error(`the ${size}-walkthrough suite did not pass (exit ${run.status})`);
      if (run.stdout.replace(/\d+\.\d ms/g, '') !== serialRuns[0].stdout.replace(/\d+\.\d ms/g, ''))
        throw new Error('the parallel report differs from the serial one');
    }
    const best = (runs) => ({
      ...runs.reduce((fastest, run) => (run.wall < fastest.wall ? run : fastest)),
      cpu: median(runs.map((run) => run.cpu)),
      rss: median(runs.map((run) => run.rss)),
    });
    const serial = best(serialRuns);
    const parallel = best(parallelRuns);
    if (played(serial.stdout).walkthroughs !== size)
      throw new Error(`the suite played ${played(serial.stdout).walkthroughs} walkthroughs, not ${size}`);

    progress(`(e) the shipped ${shippedSize}, one walkthrough, node -e 0`);
    // One runner, as the 10,000 are run: the difference is the walkthroughs, not a second worker's start and heap.
    const shipped = [1, 2, 3].map(() => measure([BIN, 'run', SHIPPED, '--workers', '1']));
    const one = [1, 2, 3, 4, 5].map(() => measure([BIN, 'run', P1]));
    const node = [1, 2, 3, 4, 5].map(() => measure(['-e', '0']));
    progress('(e) worker start');
    const starts = await workerStarts(5);

    const speedUp = serial.wall / parallel.wall;
    row(
      `(e) ${size} walkthroughs, ${cpus().length} workers`,
      `${(parallel.wall / 1000).toFixed(1)} s`,
      `one runner ${(serial.wall / 1000).toFixed(1)} s (best of ${SCALE_RUNS} each) · two busy loops ran ${capacity.toFixed(2)}× one`,
      `≥ 1.8× faster (${speedUp.toFixed(2)}×)`,
      speedUp >= 1.8,
    );
    const shippedCpu = median(shipped.map((run) => run.cpu));
    const warm = (serial.cpu - shippedCpu) / (size - shippedSize);
    const steps = played(serial.stdout).steps - played(shipped[0]?.stdout ?? '').steps;
    row(
      `(e) CPU per walkthrough, warm`,
      `${warm.toFixed(2)} ms`,
      `(CPU of ${size} − CPU of ${shippedSize}) / ${size - shippedSize}: ${(serial.cpu / 1000).toFixed(1)} s − ${(shippedCpu / 1000).toFixed(2)} s · ${((serial.cpu - shippedCpu) / steps).toFixed(3)} ms a step (${(steps / (size - shippedSize)).toFixed(1)} steps a walkthrough)`,
      '≤ 3 ms',
      warm <= 3,
    );
    const shippedRss = median(shipped.map((run) => run.rss));
    row(
      `(e) peak RSS, ${size} walkthroughs`,
      `${serial.rss.toFixed(1)} MB`,
      `${shippedSize} walkthroughs ${shippedRss.toFixed(1)} MB · ${cpus().length} workers ${parallel.rss.toFixed(1)} MB`,
      `≤ 1.3× the ${shippedSize} (${(serial.rss / shippedRss).toFixed(2)}×)`,
      serial.rss <= 1.3 * shippedRss,
    );
    const oneCpu = median(one.map((run) => run.cpu));
    const nodeCpu = median(node.map((run) => run.cpu));
    row(
      '(e) one walkthrough, process CPU',
      `${oneCpu.toFixed(0)} ms`,
      `node -e 0 ${nodeCpu.toFixed(0)} ms`,
      `≤ 3× node -e 0 (${(oneCpu / nodeCpu).toFixed(2)}×)`,
      oneCpu <= 3 * nodeCpu,
    );
    row(
      '(e) a worker starts',
      `${starts.thread.toFixed(0)} ms`,
      `as a child process ${starts.child.toFixed(0)} ms`,
      'threads start faster',
      starts.thread < starts.child,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = [];
  const load = loadavg()[0].toFixed(1);
  await measureScale(
    (...cells) => rows.push(cells),
    (text) => process.stderr.isTTY && process.stderr.write(`\r\x1b[K${text}`),
  );
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  console.log(`pos-sim bench (scale) · node ${process.version} · ${cpus().length} CPUs, load average ${load} → ${loadavg()[0].toFixed(1)}`);
  for (const [name, value, reference, target, pass] of rows)
    console.log([name, value, reference, target, pass ? 'PASS' : 'MISS'].join('  ·  '));
}
