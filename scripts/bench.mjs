// Benchmarks pos-sim against references measured in the same run, and prints one table with the
// target and PASS/MISS per line. `npm run bench` builds first. Needs tmux and util-linux `script`.
//
//   (a) cold start: process spawn until the first whole frame is on the pseudo-terminal, beside
//       `node -e 0` (spawn until exit) and a minimal Ink app bundled with the same esbuild options.
//   (b) the P1 walkthrough headless through the API (dist/index.js) beside the same keys driven
//       through the real UI in tmux, each step waiting for its screen.
//   (c) keypress to screen: a key written to the pseudo-terminal until the redrawn frame is read back.
//   (d) peak RSS of the interactive UI (through P1) and of a headless `run` of the shipped suite,
//       beside the minimal Ink app and `node -e 0`.
//
// BENCH_RUNS sets the repetitions (default 9). Everything runs one at a time, so runs do not
// compete for the CPU.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { esbuildOptions } from './build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 9));
const NODE = process.execPath;
const BIN = join(root, 'bin/pos-sim.js');
const PASSWORD = '123456';
const HOME = '按[菜单]键进入设置';
const COLUMNS = 80;
const ROWS = 24;
/** Both the device and the minimal app draw a 40-column classic box: its top and bottom edges. */
const EDGE = `+${'-'.repeat(38)}+`;

const work = mkdtempSync(join(tmpdir(), 'pos-sim-bench-'));
const sockets = [];
process.on('exit', () => {
  for (const socket of sockets) spawnSync('tmux', ['-L', socket, 'kill-server'], { stdio: 'ignore' });
  rmSync(work, { recursive: true, force: true });
});

const sh = (word) => `'${String(word).replaceAll("'", `'\\''`)}'`;
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const progress = (text) => process.stderr.isTTY && process.stderr.write(`\r\x1b[K${text}`);
let dataDirs = 0;
const freshDataDir = () => mkdtempSync(join(work, `data-${++dataDirs}-`));
const countOf = (text, part) => text.split(part).length - 1;

// ---------------------------------------------------------------------------------------------
// The minimal Ink app, bundled with scripts/build.mjs's own options, so that the comparison is fair.

const inkHello = join(work, 'ink-hello');
await build({
  ...esbuildOptions,
  stdin: {
    contents: `import { render, Box, Text, useInput } from 'ink';
const Hello = () => { useInput(() => {}); return <Box width={40} borderStyle="classic"><Text>hello</Text></Box>; };
render(<Hello />, { exitOnCtrlC: true });`,
    resolveDir: root,
    loader: 'jsx',
    sourcefile: 'ink-hello.jsx',
  },
  jsx: 'automatic',
  outdir: inkHello,
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});
const INK_HELLO = join(inkHello, 'stdin.mjs');

// ---------------------------------------------------------------------------------------------
// A pseudo-terminal: util-linux `script` gives the command a pty of 80x24; we write keys to it
// and read what the program draws.

/** Prints the peak RSS of a node process when it exits (process.resourceUsage, in KiB). */
const RSS_HOOK = `data:text/javascript,${encodeURIComponent(
  "import {writeSync} from 'node:fs'; process.on('exit', () => writeSync(2, '\\nmaxrss_kb=' + process.resourceUsage().maxRSS + '\\n'));",
)}`;
const readRss = (text) => {
  const match = /maxrss_kb=(\d+)/.exec(text);
  return match ? Number(match[1]) / 1024 : NaN;
};

class Pty {
  constructor(argv) {
    this.output = '';
    this.startedAt = performance.now();
    this.child = spawn('script', ['-qfec', `stty rows ${ROWS} cols ${COLUMNS} 2>/dev/null; exec ${argv.map(sh).join(' ')}`, '/dev/null'], {
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    this.waiters = [];
    this.closed = new Promise((resolve) => this.child.on('close', resolve));
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (chunk) => {
      const at = performance.now();
      this.output += chunk;
      this.waiters = this.waiters.filter((waiter) => !waiter(at));
    });
    this.child.on('close', () => {
      const at = performance.now();
      for (const waiter of this.waiters) waiter(at, true);
      this.waiters = [];
    });
  }

  /** Resolves with the time at which `test(output since from)` first held. */
  until(test, { from = 0, timeout = 10_000, what = 'output' } = {}) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`pty: no ${what} within ${timeout} ms; got:\n${this.output.slice(from)}`)), timeout);
      const waiter = (at, closed) => {
        if (test(this.output.slice(from)) || closed) {
          clearTimeout(timer);
          if (closed && !test(this.output.slice(from))) reject(new Error(`pty: the program ended before ${what}; got:\n${this.output.slice(from)}`));
          else resolve(at);
          return true;
        }
        return false;
      };
      if (!waiter(performance.now())) this.waiters.push(waiter);
    });
  }

  write(keys) {
    this.child.stdin.write(keys);
  }

  /** Ctrl+C, then the end of the process. */
  async stop() {
    if (this.child.exitCode === null) this.write('\x03');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3_000);
    await this.closed;
    clearTimeout(timer);
  }
}

const wholeFrame = (text) => countOf(text, EDGE) >= 2;

/** Spawn until the first whole frame (or, with no frame to wait for, until exit). */
const coldStart = async (argv, { frame = true } = {}) => {
  const pty = new Pty(argv);
  const at = frame ? await pty.until(wholeFrame, { what: 'a frame' }) : await pty.closed.then(() => performance.now());
  await pty.stop();
  return at - pty.startedAt;
};

// ---------------------------------------------------------------------------------------------
// The real UI in tmux, read with capture-pane, as a person reads the screen.

class Tmux {
  constructor(command) {
    this.socket = `pos-sim-bench-${process.pid}-${sockets.length}`;
    sockets.push(this.socket);
    this.tmux('new-session', '-d', '-x', String(COLUMNS), '-y', String(ROWS), '-c', root, command);
    this.screen = '';
  }
  tmux(...args) {
    return execFileSync('tmux', ['-f', '/dev/null', '-L', this.socket, ...args], { encoding: 'utf8' });
  }
  send(...keys) {
    this.tmux('send-keys', '-t', '0', ...keys);
  }
  type(text) {
    this.tmux('send-keys', '-t', '0', '-l', text);
  }
  async waitFor(test, timeout = 10_000) {
    const matches = typeof test === 'string' ? (screen) => screen.includes(test) : test;
    const deadline = Date.now() + timeout;
    for (;;) {
      this.screen = this.tmux('capture-pane', '-p', '-t', '0');
      if (matches(this.screen)) return this.screen;
      if (Date.now() > deadline) throw new Error(`tmux: waited ${timeout} ms; the screen shows:\n${this.screen}`);
      await sleep(2);
    }
  }
  close() {
    spawnSync('tmux', ['-L', this.socket, 'kill-server'], { stdio: 'ignore' });
  }
}

const selectedRow = (screen) => /^\| > (.*?)\s*\|/m.exec(screen)?.[1];

/** Highlights the item with `label` by arrow keys, reading the screen after each, then presses Enter. */
const tmuxSelect = async (term, label) => {
  for (let moves = 0; moves < 20; moves++) {
    const current = selectedRow(term.screen);
    if (current?.includes(label)) return term.send('Enter');
    const rows = term.screen.split('\n');
    const target = rows.findIndex((row) => row.includes(label));
    const at = rows.findIndex((row) => row.startsWith('| > '));
    if (target < 0) throw new Error(`tmux: no "${label}" on screen:\n${term.screen}`);
    term.send(at < 0 || target > at ? 'Down' : 'Up');
    await term.waitFor((screen) => selectedRow(screen) !== current);
  }
  throw new Error(`tmux: could not highlight ${label}`);
};

const titleIs = (title) => (screen) => new RegExp(`^\\| ${title}\\s+\\|`, 'm').test(screen);

/** P1 through the real UI: from the home screen until 绑定管理 shows without 云闪付. */
const p1InTmux = async () => {
  const term = new Tmux(`${sh(NODE)} ${sh(BIN)} --data-dir ${sh(freshDataDir())}`);
  try {
    await term.waitFor(HOME);
    const started = performance.now();
    term.send('m');
    await term.waitFor('请输入密码');
    term.type(PASSWORD);
    await term.waitFor('******');
    term.send('Enter');
    await term.waitFor(titleIs('设置'));
    await tmuxSelect(term, '绑定管理');
    await term.waitFor(titleIs('绑定管理'));
    await tmuxSelect(term, '云闪付');
    await term.waitFor('按[确认]注销');
    term.send('Enter');
    await term.waitFor('确认注销 云闪付');
    term.send('Enter');
    await term.waitFor('请输入密码确认注销');
    term.type(PASSWORD);
    await term.waitFor('******');
    term.send('Enter');
    await term.waitFor('注销成功');
    term.send('Enter');
    await term.waitFor((screen) => titleIs('绑定管理')(screen) && !screen.includes('云闪付'));
    return performance.now() - started;
  } finally {
    term.close();
  }
};

// ---------------------------------------------------------------------------------------------
// P1 headless, through the programmatic API.

const api = await import(pathToFileURL(join(root, 'dist/index.js')).href);
const p1Headless = () => {
  const started = performance.now();
  const sim = api.createSimulator({ fixture: 'default' });
  const expectOn = (text, present = true) => {
    if (sim.screen().includes(text) !== present) throw new Error(`headless P1: expected ${present ? '' : 'no '}"${text}" on:\n${sim.screen()}`);
  };
  sim.press('菜单');
  expectOn('请输入密码');
  sim.type(PASSWORD);
  sim.press('确认');
  sim.select('绑定管理');
  expectOn('云闪付');
  sim.select('云闪付');
  expectOn('按[确认]注销');
  sim.press('确认');
  sim.press('确认');
  expectOn('请输入密码确认注销');
  sim.type(PASSWORD);
  sim.press('确认');
  expectOn('注销成功');
  sim.press('确认');
  expectOn('微信支付');
  expectOn('云闪付', false);
  sim.stop();
  return performance.now() - started;
};

// ---------------------------------------------------------------------------------------------
// The measurements.

const results = [];
const row = (name, value, unit, reference, target, pass) => results.push({ name, value, unit, reference, target, pass });
const ms = (value) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
const mb = (value) => `${value.toFixed(1)} MB`;
const started = performance.now();

// (a) cold start, interleaved so that drift on a noisy machine hits all three alike.
const starts = { node: [], ink: [], posSim: [] };
for (let run = 0; run < RUNS; run++) {
  progress(`(a) cold start ${run + 1}/${RUNS}`);
  starts.node.push(await coldStart([NODE, '-e', '0'], { frame: false }));
  starts.ink.push(await coldStart([NODE, INK_HELLO]));
  starts.posSim.push(await coldStart([NODE, BIN, '--data-dir', freshDataDir()]));
}
const coldNode = median(starts.node);
const coldInk = median(starts.ink);
const coldPosSim = median(starts.posSim);

// (b) P1 headless and through the UI.
progress('(b) P1 headless');
const firstHeadless = p1Headless();
const headless = [];
for (let run = 0; run < Math.max(RUNS, 11); run++) headless.push(p1Headless());
const tui = [];
for (let run = 0; run < Math.min(RUNS, 7); run++) {
  progress(`(b) P1 through the UI in tmux ${run + 1}/${Math.min(RUNS, 7)}`);
  tui.push(await p1InTmux());
}
const headlessP1 = median(headless);
const tuiP1 = median(tui);

// (c) keypress to screen, and (d) the interactive UI's peak RSS over the same session.
progress('(c) keypress latency');
const latencies = [];
const interactiveRss = [];
for (let session = 0; session < 3; session++) {
  const pty = new Pty([NODE, '--import', RSS_HOOK, BIN, '--data-dir', freshDataDir()]);
  await pty.until((text) => text.includes(HOME), { what: 'the home screen' });
  const step = async (keys, test) => {
    const from = pty.output.length;
    const sent = performance.now();
    pty.write(keys);
    return (await pty.until((text) => wholeFrame(text) && test(text), { from, what: `the screen after ${JSON.stringify(keys)}` })) - sent;
  };
  latencies.push(await step('m', (text) => text.includes('请输入密码')));
  for (let key = 0; key < 10; key++) {
    // Typing speed, not a burst: Ink draws at most every 1/30 s and would hold a key pressed sooner.
    await sleep(60);
    latencies.push(await step(key % 2 ? '\x7f' : '1', (text) => (key % 2 ? !text.includes('*') : text.includes('*'))));
  }
  // The rest of P1, so that the peak memory covers a real session.
  for (const [keys, test] of [
    [`${PASSWORD}\r`, (text) => text.includes('1.绑定管理')],
    ['\r', (text) => text.includes('云闪付')],
    ['\x1b[B', (text) => text.includes('> 2.')],
    ['\x1b[B', (text) => text.includes('> 3.云闪付')],
    ['\r', (text) => text.includes('按[确认]注销')],
    ['\r', (text) => text.includes('注销前请确认')],
    ['\r', (text) => text.includes('请输入密码确认注销')],
    [`${PASSWORD}\r`, (text) => text.includes('注销成功')],
  ]) {
    await sleep(60);
    latencies.push(await step(keys, test));
  }
  await pty.stop();
  interactiveRss.push(readRss(pty.output));
}
const latency = median(latencies);
const latencyMax = Math.max(...latencies);

// (d) peak RSS: headless suite run, the minimal Ink app, node -e 0.
progress('(d) peak memory');
const suiteRss = [];
const nodeRss = [];
const inkRss = [];
for (let run = 0; run < 3; run++) {
  const suite = spawnSync(NODE, ['--import', RSS_HOOK, BIN, 'run', 'fixtures/walkthroughs'], { cwd: root, encoding: 'utf8' });
  if (suite.status !== 0) throw new Error(`pos-sim run fixtures/walkthroughs exited ${suite.status}:\n${suite.stdout}${suite.stderr}`);
  suiteRss.push(readRss(suite.stderr));
  nodeRss.push(readRss(spawnSync(NODE, ['--import', RSS_HOOK, '-e', '0'], { encoding: 'utf8' }).stderr));
  const ink = new Pty([NODE, '--import', RSS_HOOK, INK_HELLO]);
  await ink.until(wholeFrame, { what: 'a frame' });
  // Give it the moment the device gets to take raw mode, so that Ctrl+C ends it through Ink.
  await sleep(300);
  await ink.stop();
  inkRss.push(readRss(ink.output));
}
progress('');

row('(a) cold start → first frame', ms(coldPosSim), '', `minimal Ink ${ms(coldInk)} · node -e 0 ${ms(coldNode)}`,
  `≤ 1.5× minimal Ink (${(coldPosSim / coldInk).toFixed(2)}×)`, coldPosSim <= 1.5 * coldInk);
row('(b) P1 headless via API', ms(headlessP1), '', `via the UI in tmux ${ms(tuiP1)} · first headless run ${ms(firstHeadless)}`,
  `≥ 100× faster (${Math.round(tuiP1 / headlessP1)}×)`, tuiP1 / headlessP1 >= 100);
row('(c) keypress → screen (pty)', ms(latency), '', `max ${ms(latencyMax)} over ${latencies.length} keys`, '< 30 ms', latency < 30);
const interactive = median(interactiveRss);
const inkMb = median(inkRss);
const suiteMb = median(suiteRss);
const nodeMb = median(nodeRss);
row('(d) peak RSS, interactive UI (P1)', mb(interactive), '', `minimal Ink ${mb(inkMb)} · node -e 0 ${mb(nodeMb)}`,
  `≤ 2× minimal Ink (${(interactive / inkMb).toFixed(2)}×)`, interactive <= 2 * inkMb);
row('(d) peak RSS, headless suite run', mb(suiteMb), '', `node -e 0 ${mb(nodeMb)}`, `≤ 3× node -e 0 (${(suiteMb / nodeMb).toFixed(2)}×)`,
  suiteMb <= 3 * nodeMb);

const headers = ['measure', 'median', 'reference (same run)', 'target', ''];
const cells = results.map((r) => [r.name, r.value, r.reference, r.target, r.pass ? 'PASS' : 'MISS']);
const widths = headers.map((header, column) => Math.max(header.length, ...cells.map((cell) => cell[column].length)));
const line = (cell) => cell.map((text, column) => text.padEnd(widths[column])).join('  ').trimEnd();
console.log(`pos-sim bench · node ${process.version} · ${RUNS} runs per cold start · ${((performance.now() - started) / 1000).toFixed(0)} s`);
console.log(line(headers));
console.log(widths.map((width) => '-'.repeat(width)).join('  '));
for (const cell of cells) console.log(line(cell));
console.log(
  'raw cold starts (ms): pos-sim ' + starts.posSim.map((v) => v.toFixed(0)).join(' ') + ' | ink ' + starts.ink.map((v) => v.toFixed(0)).join(' ') +
    ' | node ' + starts.node.map((v) => v.toFixed(0)).join(' '),
);
process.exitCode = results.every((r) => r.pass) ? 0 : 1;
