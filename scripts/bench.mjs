// Benchmarks pos-sim against references measured in the same run, and prints one table with the
// target and PASS/MISS per line. `npm run bench` builds first. Needs tmux and util-linux `script`.
//
//   (a) cold start: process spawn until the first whole frame is on the pseudo-terminal, beside
//       `node -e 0` (spawn until exit) and a minimal Ink app bundled with the same esbuild options.
//   (b) the shipped P1 walkthrough played headless through the API (dist/index.js) beside the same
//       steps played on the real UI in tmux, each waiting for its screen (real time: the boot after
//       its power cycle takes 1.6 s there, none headless).
//   (c) keypress to screen: a key written to the pseudo-terminal until the redrawn frame is read back.
//   (d) peak RSS of the interactive UI (over the key session of (c)) and of a headless `run` of the shipped suite,
//       beside the minimal Ink app and `node -e 0`.
//   (e) scale (scripts/bench-scale.mjs): 10,000 walkthroughs on worker threads against one runner, the CPU
//       of a walkthrough once warm, peak RSS at 45 and at 10,000, one walkthrough's process against `node -e 0`.
//
// BENCH_RUNS sets the repetitions (default 9). Everything runs one at a time, so runs do not
// compete for the CPU; cold starts interleave the three programs so that a busy machine slows all
// alike. The header prints the load average: figures from a loaded machine are not comparable.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import stringWidth from 'string-width';
import { parse as parseYaml } from 'yaml';
import { measureScale } from './bench-scale.mjs';
import { esbuildOptions } from './build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 9));
const NODE = process.execPath;
const BIN = join(root, 'bin/pos-sim.js');
const PASSWORD = '123456';
const HOME = '按[菜单]键进入设置';
/** After a boot the terminal asks for 签到 first; 设置 opens from there too, as from the home screen. */
const SIGN_IN = '请输入操作员号';
const ready = (screen) => (screen.includes(HOME) || screen.includes(SIGN_IN)) && !booting(screen);
const COLUMNS = 80;
const ROWS = 24;
/** Both the device and the minimal app draw a 40-column classic box: its top and bottom edges. */
const EDGE = `+${'-'.repeat(38)}+`;

const work = mkdtempSync(join(tmpdir(), 'pos-sim-bench-'));
const sockets = [];
let tmuxServers = 0;
/** Ends a tmux server of ours and removes its socket file (tmux leaves it behind). */
const killTmux = (socket) => {
  const path = spawnSync('tmux', ['-L', socket, 'display-message', '-p', '#{socket_path}'], { encoding: 'utf8' }).stdout?.trim();
  spawnSync('tmux', ['-L', socket, 'kill-server'], { stdio: 'ignore' });
  if (path) rmSync(path, { force: true });
};
process.on('exit', () => {
  for (const socket of sockets) killTmux(socket);
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
/** Prints the CPU time (user + system) the process used until its first whole frame. */
const CPU_HOOK = `data:text/javascript,${encodeURIComponent(`import {writeSync} from 'node:fs';
const edge = '+' + '-'.repeat(38) + '+';
const write = process.stdout.write.bind(process.stdout);
let seen = '';
process.stdout.write = (chunk, ...rest) => {
  if (seen !== undefined) {
    seen += String(chunk);
    if (seen.split(edge).length > 2) {
      const used = process.cpuUsage();
      seen = undefined;
      writeSync(2, '\\ncpu_to_frame_ms=' + (used.user + used.system) / 1000 + '\\n');
    }
  }
  return write(chunk, ...rest);
};`)}`;

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
          if (closed && !test(this.output.slice(from)))
            reject(new Error(`pty: the program ended before ${what}; got:\n${this.output.slice(from)}`));
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
    this.socket = `pos-sim-bench-${process.pid}-${++tmuxServers}`;
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
    killTmux(this.socket);
    sockets.splice(sockets.indexOf(this.socket), 1);
  }
}

/** The rows inside the device frame, border and padding removed (display columns: Chinese is 2 wide). */
const frameRows = (screen) => {
  const lines = screen.split('\n');
  const top = lines.findIndex((line) => line.startsWith(EDGE));
  const bottom = lines.findIndex((line, index) => index > top && line.startsWith(EDGE));
  if (top < 0 || bottom < 0) return [];
  return lines.slice(top + 1, bottom).map((line) => {
    let text = '';
    let at = 0;
    for (const char of line) {
      if (at >= 2 && at < EDGE.length - 2) text += char;
      at += stringWidth(char);
    }
    return text.trimEnd();
  });
};
const shownText = (screen) =>
  frameRows(screen)
    .map((row) => row.trim())
    .filter((row) => !/^-+$/.test(row))
    .join('\n');
const shownTitle = (screen) => (frameRows(screen)[2] ?? '').trim();
const selectedRow = (screen) => frameRows(screen).find((row) => row.startsWith('> '));
/** The boot's progress bar is on the display. */
const booting = (screen) => frameRows(screen).some((row) => /^[#.]{10,}$/.test(row.trim()));

/** The terminal keys of src/keys/key-map.ts, as tmux names them, for the device keys scripts use. */
const TMUX_KEYS = {
  确认: 'Enter',
  ENTER: 'Enter',
  取消: 'Escape',
  CANCEL: 'Escape',
  清除: 'BSpace',
  CLEAR: 'BSpace',
  上: 'Up',
  UP: 'Up',
  下: 'Down',
  DOWN: 'Down',
  菜单: 'm',
  MENU: 'm',
};

/** Waits (at most 2 s) for the screen to change after a key, as a person reads it before the next. */
const settle = (term, before) => term.waitFor((screen) => screen !== before, 2_000).catch(() => undefined);

const tmuxKey = async (term, name) => {
  const before = term.tmux('capture-pane', '-p', '-t', '0');
  if (/^\d$/.test(name)) term.type(name);
  else if (TMUX_KEYS[name.toUpperCase()] ?? TMUX_KEYS[name]) term.send(TMUX_KEYS[name.toUpperCase()] ?? TMUX_KEYS[name]);
  else throw new Error(`the bench has no terminal key for "${name}"`);
  await settle(term, before);
};

/** Highlights the item with `label` by arrow keys, reading the screen after each, then presses 确认. */
const tmuxSelect = async (term, label) => {
  await term.waitFor((screen) => frameRows(screen).some((row) => row.includes(label)));
  for (let moves = 0; moves < 30; moves++) {
    const current = selectedRow(term.screen);
    if (current?.includes(label)) return tmuxKey(term, '确认');
    const rows = frameRows(term.screen);
    const target = rows.findIndex((row) => row.includes(label));
    const at = rows.findIndex((row) => row.startsWith('> '));
    term.send(at < 0 || target > at ? 'Down' : 'Up');
    await term.waitFor((screen) => selectedRow(screen) !== current);
  }
  throw new Error(`tmux: could not highlight ${label}`);
};

// ---------------------------------------------------------------------------------------------
// The P1 walkthrough as shipped (fixtures/walkthroughs): its steps drive both the API and the UI.

const FULLWIDTH = { '，': ',', '：': ':', '？': '?', '！': '!', '（': '(', '）': ')', '；': ';' };
const normalise = (text) => text.replace(/[，：？！（）；]/g, (char) => FULLWIDTH[char]);
const listOf = (value) => (value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)]);
/** Whether `text` shows `wanted` (a substring, or a /regular expression/), also across wrapped rows. */
const shows = (text, wanted) => {
  const candidates = [normalise(text), normalise(text.replace(/\n\s*/g, ''))];
  const regex = /^\/(.+)\/([a-z]*)$/.exec(wanted);
  return regex
    ? candidates.some((candidate) => new RegExp(regex[1], regex[2]).test(candidate))
    : candidates.some((candidate) => candidate.includes(normalise(wanted)));
};
/** What the screen does not show of an expectation (its state and store checks are for the headless runner). */
const unmet = (expectation, text, title) => [
  ...expectation.screen.filter((wanted) => !shows(text, wanted)).map((wanted) => `no "${wanted}" on screen`),
  ...(expectation.title !== undefined && !shows(title, expectation.title) ? [`the title is "${title}", not "${expectation.title}"`] : []),
  ...expectation.not.filter((wanted) => shows(text, wanted)).map((wanted) => `"${wanted}" is on screen`),
];
const readStep = (step) => {
  if ('press' in step) return { kind: 'press', keys: listOf(step.press) };
  if ('type' in step) {
    const digits = String(step.type);
    return { kind: 'type', digits: digits.startsWith('$') ? (process.env[digits.slice(1)] ?? PASSWORD) : digits };
  }
  if ('select' in step) return { kind: 'select', label: String(step.select) };
  if ('wait' in step) {
    const [, amount, unit] = /^(\d+(?:\.\d+)?)\s*(ms|s|min)$/.exec(String(step.wait)) ?? [];
    return { kind: 'wait', ms: Number(amount) * { ms: 1, s: 1000, min: 60_000 }[unit] };
  }
  if ('power' in step) return { kind: 'power', mode: step.power };
  if ('expect' in step) {
    const written = typeof step.expect === 'object' && !Array.isArray(step.expect) ? step.expect : { screen: step.expect };
    return {
      kind: 'expect',
      expectation: {
        screen: listOf(written.screen),
        title: written.title === undefined ? undefined : String(written.title),
        not: listOf(written.not),
      },
    };
  }
  return { kind: 'other', step };
};
const SHIPPED = join(root, 'fixtures/walkthroughs');
/**
 * A walkthrough's steps as written, the steps of the pieces it calls (`run: FILE`, with the piece's
 * default parameters) in their place: the bench plays them as a person would.
 */
const writtenSteps = (file, values = {}) => {
  const written = parseYaml(readFileSync(file, 'utf8'));
  const own = { ...(written.env ?? {}), ...values };
  const filled = (text) => text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name) => (name in own ? String(own[name]) : whole));
  return (written.steps ?? []).flatMap((step) => {
    if (typeof step.run === 'string' || typeof step.run?.file === 'string') {
      const called = typeof step.run === 'string' ? step.run : step.run.file;
      const path = called.startsWith('pos-sim:') ? join(SHIPPED, called.slice('pos-sim:'.length)) : join(dirname(file), called);
      return writtenSteps(path, typeof step.run === 'object' ? (step.run.env ?? {}) : {});
    }
    return [JSON.parse(filled(JSON.stringify(step)))];
  });
};
const P1_FILE = join(SHIPPED, 'p1-deregister-unionpay.yaml');
const P1 = writtenSteps(P1_FILE).map(readStep);
const cannotPlay = (step) => new Error(`${P1_FILE}: the bench cannot play ${JSON.stringify(step)}`);

/** P1 through the real UI, from the home screen to its last expectation; real time replaces `wait`. */
const p1InTmux = async () => {
  const term = new Tmux(`${sh(NODE)} ${sh(BIN)} --data-dir ${sh(freshDataDir())}`);
  try {
    await term.waitFor(ready);
    const started = performance.now();
    let realTime = 0;
    for (const step of P1) {
      // A person waits for a boot to end before pressing keys.
      if (['press', 'type', 'select'].includes(step.kind)) await term.waitFor((screen) => !booting(screen), 15_000);
      if (step.kind === 'press') for (const key of step.keys) await tmuxKey(term, key);
      else if (step.kind === 'type') {
        const before = term.tmux('capture-pane', '-p', '-t', '0');
        term.type(step.digits);
        await settle(term, before);
      } else if (step.kind === 'select') await tmuxSelect(term, step.label);
      else if (step.kind === 'wait') realTime += step.ms;
      else if (step.kind === 'power' && step.mode === 'cycle') {
        term.type('p');
        await term.waitFor(booting);
        await term.waitFor((screen) => !booting(screen), 15_000);
      } else if (step.kind === 'expect') {
        await term.waitFor((screen) => unmet(step.expectation, shownText(screen), shownTitle(screen)).length === 0, 10_000 + realTime);
        realTime = 0;
      } else throw cannotPlay(step);
    }
    return performance.now() - started;
  } finally {
    term.close();
  }
};

/** P1 headless through the programmatic API, as the `run` command plays it. */
const api = await import(pathToFileURL(join(root, 'dist/index.js')).href);
const p1Headless = () => {
  const started = performance.now();
  const sim = api.createSimulator({ fixture: 'default' });
  for (const step of P1) {
    if (step.kind === 'press') sim.press(...step.keys);
    else if (step.kind === 'type') sim.type(step.digits);
    else if (step.kind === 'select') sim.select(step.label);
    else if (step.kind === 'wait') sim.advance(step.ms);
    else if (step.kind === 'power' && step.mode === 'cycle') {
      sim.powerCycle();
      sim.advance(api.BOOT_MS);
    } else if (step.kind === 'expect') {
      const problems = unmet(step.expectation, sim.screen(), sim.title());
      if (problems.length > 0) throw new Error(`headless P1: ${problems.join('; ')}; the screen:\n${sim.screen()}`);
    } else throw cannotPlay(step);
  }
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
const loadAtStart = loadavg()[0].toFixed(1);

// (a) cold start, interleaved so that drift on a noisy machine hits all three alike.
// pos-sim starts on one data folder, as a person's does: the untimed first start seeds it.
const startData = freshDataDir();
await coldStart([NODE, BIN, '--data-dir', startData]);
await coldStart([NODE, INK_HELLO]);
const starts = { node: [], ink: [], posSim: [] };
for (let run = 0; run < RUNS; run++) {
  progress(`(a) cold start ${run + 1}/${RUNS}`);
  starts.node.push(await coldStart([NODE, '-e', '0'], { frame: false }));
  starts.ink.push(await coldStart([NODE, INK_HELLO]));
  starts.posSim.push(await coldStart([NODE, BIN, '--data-dir', startData]));
}
// The same, as CPU time: what a busy machine's scheduling does not change.
const cpuToFrame = async (argv) => {
  const pty = new Pty([NODE, '--import', CPU_HOOK, ...argv]);
  await pty.until((text) => /cpu_to_frame_ms=[\d.]+\s/.test(text), { what: 'the first frame' });
  await pty.stop();
  return Number(/cpu_to_frame_ms=([\d.]+)/.exec(pty.output)[1]);
};
const cpu = { ink: [], posSim: [] };
for (let run = 0; run < RUNS; run++) {
  progress(`(a) CPU to the first frame ${run + 1}/${RUNS}`);
  cpu.ink.push(await cpuToFrame([INK_HELLO]));
  cpu.posSim.push(await cpuToFrame([BIN, '--data-dir', startData]));
}
const coldNode = median(starts.node);
const coldInk = median(starts.ink);
const coldPosSim = median(starts.posSim);

// (b) P1 headless and through the UI.
progress('(b) P1 headless');
const firstHeadless = p1Headless();
// Timed in batches of 10 (one P1 is about a millisecond, near the timer's and the GC's grain).
const headless = [];
for (let batch = 0; batch < Math.max(RUNS, 21); batch++) {
  let total = 0;
  for (let run = 0; run < 10; run++) total += p1Headless();
  headless.push(total / 10);
}
const tui = [];
for (let run = 0; run < Math.min(RUNS, 5); run++) {
  progress(`(b) P1 through the UI in tmux ${run + 1}/${Math.min(RUNS, 5)}`);
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
  await pty.until((text) => text.includes(HOME) || text.includes(SIGN_IN), { what: 'the home screen or 签到' });
  const step = async (keys, test) => {
    const from = pty.output.length;
    const sent = performance.now();
    pty.write(keys);
    return (await pty.until((text) => wholeFrame(text) && test(text), { from, what: `the screen after ${JSON.stringify(keys)}` })) - sent;
  };
  const anyFrame = () => true;
  latencies.push(await step('m', (text) => text.includes('请输入密码')));
  for (let key = 0; key < 10; key++) {
    // Typing speed, not a burst: Ink draws at most every 1/30 s and would hold a key pressed sooner.
    await sleep(60);
    latencies.push(await step(key % 2 ? '\x7f' : '1', (text) => (key % 2 ? !text.includes('*') : text.includes('*'))));
  }
  // Into 设置 (password and Enter in one chunk, as a paste), along its menu with 下/上, home with 取消.
  for (const keys of [`${PASSWORD}\r`, '\x1b[B', '\x1b[A', '\x1b[B', '\x1b[A', '\x1b[B', '\x1b[A', '\x1b']) {
    await sleep(60);
    latencies.push(await step(keys, anyFrame));
  }
  await pty.stop();
  interactiveRss.push(readRss(pty.output));
}
const latency = median(latencies);
const latencyMax = Math.max(...latencies);

// (d) peak RSS: headless suite run, the minimal Ink app, node -e 0.
progress('(d) peak memory');
const suiteRss = [];
let suiteStatus = 0;
const nodeRss = [];
const inkRss = [];
for (let run = 0; run < 3; run++) {
  const suite = spawnSync(NODE, ['--import', RSS_HOOK, BIN, 'run', '--snapshot-dir', join(work, 'snapshots'), 'fixtures/walkthroughs'], {
    cwd: root,
    encoding: 'utf8',
  });
  // Exit 1 (a walkthrough failed) still measures the run; anything else is a broken bench.
  if (suite.status !== 0 && suite.status !== 1)
    throw new Error(`pos-sim run fixtures/walkthroughs exited ${suite.status}:\n${suite.stderr}`);
  suiteStatus = Math.max(suiteStatus, suite.status ?? 0);
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

row(
  '(a) cold start → first frame',
  ms(coldPosSim),
  '',
  `minimal Ink ${ms(coldInk)} · node -e 0 ${ms(coldNode)}`,
  `≤ 1.5× minimal Ink (${(coldPosSim / coldInk).toFixed(2)}×)`,
  coldPosSim <= 1.5 * coldInk,
);
const cpuInk = median(cpu.ink);
const cpuPosSim = median(cpu.posSim);
row(
  '(a) CPU time → first frame',
  ms(cpuPosSim),
  '',
  `minimal Ink ${ms(cpuInk)}`,
  `≤ 1.5× minimal Ink (${(cpuPosSim / cpuInk).toFixed(2)}×)`,
  cpuPosSim <= 1.5 * cpuInk,
);
row(
  '(b) P1 headless via API',
  ms(headlessP1),
  '',
  `via the UI in tmux ${ms(tuiP1)} · first headless run ${ms(firstHeadless)}`,
  `≥ 100× faster (${Math.round(tuiP1 / headlessP1)}×)`,
  tuiP1 / headlessP1 >= 100,
);
row('(c) keypress → screen (pty)', ms(latency), '', `max ${ms(latencyMax)} over ${latencies.length} keys`, '< 30 ms', latency < 30);
const interactive = median(interactiveRss);
const inkMb = median(inkRss);
const suiteMb = median(suiteRss);
const nodeMb = median(nodeRss);
row(
  '(d) peak RSS, interactive UI',
  mb(interactive),
  '',
  `minimal Ink ${mb(inkMb)} · node -e 0 ${mb(nodeMb)}`,
  `≤ 2× minimal Ink (${(interactive / inkMb).toFixed(2)}×)`,
  interactive <= 2 * inkMb,
);
row(
  '(d) peak RSS, headless suite run',
  mb(suiteMb),
  '',
  `node -e 0 ${mb(nodeMb)}${suiteStatus ? ' (the suite had failures)' : ''}`,
  `≤ 3× node -e 0 (${(suiteMb / nodeMb).toFixed(2)}×)`,
  suiteMb <= 3 * nodeMb,
);

// (e) a suite of 10,000 walkthroughs on worker threads, memory as it grows, one walkthrough's cost.
await measureScale((name, value, reference, target, pass) => row(name, value, '', reference, target, pass), progress);
progress('');

const headers = ['measure', 'median', 'reference (same run)', 'target', ''];
const cells = results.map((r) => [r.name, r.value, r.reference, r.target, r.pass ? 'PASS' : 'MISS']);
const widths = headers.map((header, column) => Math.max(header.length, ...cells.map((cell) => cell[column].length)));
const line = (cell) =>
  cell
    .map((text, column) => text.padEnd(widths[column]))
    .join('  ')
    .trimEnd();
console.log(
  `pos-sim bench · node ${process.version} · ${cpus().length} CPUs, load average ${loadAtStart} → ${loadavg()[0].toFixed(1)} · ` +
    `${RUNS} runs per cold start · ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
console.log(line(headers));
console.log(widths.map((width) => '-'.repeat(width)).join('  '));
for (const cell of cells) console.log(line(cell));
console.log(
  'raw cold starts (ms): pos-sim ' +
    starts.posSim.map((v) => v.toFixed(0)).join(' ') +
    ' | ink ' +
    starts.ink.map((v) => v.toFixed(0)).join(' ') +
    ' | node ' +
    starts.node.map((v) => v.toFixed(0)).join(' '),
);
process.exitCode = results.every((r) => r.pass) ? 0 : 1;
