// End to end: the built pos-sim plays a demo in a real terminal (tmux, 80x24) and records it, then
// waits for q; the recording is a valid asciicast v2 file that ends on the end screen, and played
// back into another terminal it shows the same screens. Without a terminal (CI), --record plays it
// through on its own. The list of demos fits 80 columns.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCast, type CastEvent } from '../../src/demo/cast-writer.js';
import { planDemo } from '../../src/demo/demo-plan.js';
import { playingTimeMs } from '../../src/demo/player.js';
import { CLEAR_SCREEN, SHOW_CURSOR } from '../../src/demo/tee-stdout.js';
import { loadWalkthroughs } from '../../src/walkthrough/load-walkthroughs.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/pos-sim.js');
const BUNDLE = join(ROOT, 'dist/cli.js');
const SLOW = { timeout: 120_000 };
/** How long the end of a demo is left on screen before q is pressed. */
const WAIT_FOR_Q_MS = 2_000;

let scratch = '';
const sockets: string[] = [];

/** The bundle, built when it is missing or older than the demo command. */
beforeAll(() => {
  const stale = !existsSync(BUNDLE) || statSync(BUNDLE).mtimeMs < statSync(join(ROOT, 'src/commands/demo.tsx')).mtimeMs;
  if (stale) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  scratch = mkdtempSync(join(tmpdir(), 'pos-sim-demo-e2e-'));
}, 120_000);

afterAll(() => {
  for (const socket of sockets) spawnSync('tmux', ['-f', '/dev/null', '-L', socket, 'kill-server']);
  rmSync(scratch, { recursive: true, force: true });
});

const shellQuote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;

/** A tmux terminal of its own (own server socket) running `command`. */
const terminal = (command: string, columns = 80, rows = 24) => {
  const socket = `pos-sim-demo-${process.pid}-${sockets.length}`;
  sockets.push(socket);
  const tmux = (...args: string[]) => execFileSync('tmux', ['-f', '/dev/null', '-L', socket, ...args], { encoding: 'utf8' });
  tmux('new-session', '-d', '-x', String(columns), '-y', String(rows), '-c', ROOT, command);
  const capture = () => tmux('capture-pane', '-p', '-t', '0');
  const keys = (...names: string[]) => void tmux('send-keys', '-t', '0', ...names);
  const waitFor = async (text: string | RegExp, timeout = 90_000): Promise<string> => {
    const deadline = Date.now() + timeout;
    for (;;) {
      const screen = capture();
      if (typeof text === 'string' ? screen.includes(text) : text.test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`waited ${timeout} ms for ${String(text)}; the terminal shows:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  /** Checks the screen until `ms` have passed: for what must not happen by itself (quitting). */
  const stays = async (check: (screen: string) => boolean, ms: number): Promise<void> => {
    const deadline = Date.now() + ms;
    do {
      const screen = capture();
      if (!check(screen)) throw new Error(`within ${ms} ms the terminal changed to:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    } while (Date.now() < deadline);
  };
  return { capture, keys, waitFor, stays };
};

/** What a terminal shows after receiving `output`: it is played into a fresh tmux terminal. */
const replay = async (output: string, name: string, until: string | RegExp): Promise<string> => {
  const file = join(scratch, `${name}.out`);
  writeFileSync(file, output);
  const screen = terminal(`cat ${shellQuote(file)}; printf '\\033[24;1H[replayed]'; sleep 600`);
  return screen.waitFor(until);
};

const outputOf = (events: readonly CastEvent[]) =>
  events
    .filter(([, type]) => type === 'o')
    .map(([, , data]) => data)
    .join('');

/** The checks every recording passes: asciicast v2 header and well-formed, ordered events. */
const expectValidCast = (text: string, size: { width: number; height: number }) => {
  const lines = text.split('\n');
  expect(lines.at(-1)).toBe('');
  for (const line of lines.slice(0, -1)) expect(() => JSON.parse(line), line).not.toThrow();
  const { header, events } = parseCast(text);
  expect(header).toMatchObject({ version: 2, ...size, title: expect.stringContaining('pos-sim demo') });
  expect(Number.isInteger(header.timestamp)).toBe(true);
  expect(typeof header.env.TERM).toBe('string');
  expect(typeof header.env.SHELL).toBe('string');
  let last = 0;
  for (const event of events) {
    expect(event).toHaveLength(3);
    const [seconds, type, data] = event;
    expect(typeof seconds).toBe('number');
    expect(seconds).toBeGreaterThanOrEqual(last);
    expect(['o', 'm', 'r']).toContain(type);
    expect(typeof data).toBe('string');
    last = seconds;
  }
  return { header, events };
};

describe('pos-sim demo in a terminal', () => {
  it('plays P1 to the end at --speed 20 in 80x24, waits for q, and writes a cast that replays the same screens', SLOW, async () => {
    const cast = join(scratch, 'p1.cast');
    const started = Date.now();
    const screen = terminal(
      `node ${shellQuote(BIN)} demo p1-deregister-unionpay --speed 20 --record ${shellQuote(cast)}; echo "EXIT=$?"; sleep 600`,
    );
    const end = await screen.waitFor('演示结束');
    // The end beside the device, until q: recorded or not, a person at the terminal quits.
    expect(end).toMatch(/\| 绑定管理 +\| /);
    expect(end).toContain('[q]退出');
    await screen.stays((shown) => shown.includes('演示结束') && !/EXIT=/.test(shown), WAIT_FOR_Q_MS);
    const recorded = readFileSync(cast, 'utf8');
    const untilQ = (Date.now() - started) / 1000;
    screen.keys('q');
    const last = await screen.waitFor(/EXIT=\d+/);
    expect(last).toContain('EXIT=0');
    // What the command says afterwards is in the tool's language: Chinese by default. The time is
    // the time it played — at least the planned time (timers only run late), and without the wait
    // for q, which began once the end was on screen and lasted at least WAIT_FOR_Q_MS.
    const played = Number(/已演示「P1 注销云闪付」：15 步，用时 (\d+\.\d) 秒。/.exec(last)?.[1]);
    const [p1] = loadWalkthroughs([join(ROOT, 'fixtures/walkthroughs/p1-deregister-unionpay.yaml')]);
    const planned = playingTimeMs(planDemo(p1 as NonNullable<typeof p1>), 20) / 1000;
    expect(played).toBeGreaterThanOrEqual(Math.floor(planned * 10) / 10);
    expect(played).toBeLessThanOrEqual(untilQ - WAIT_FOR_Q_MS / 1000);
    expect(last).toMatch(/已写入 .*p1\.cast\(80x24，\d+ 个事件/);
    // The last frame stays on screen: the end of the demo beside the device.
    expect(last).toMatch(/\| 绑定管理 +\| /);
    expect(last).toContain('演示结束');

    // The recording ended on the end screen, a moment after the end: nothing of the wait for q.
    expect(readFileSync(cast, 'utf8')).toBe(recorded);
    const { events } = expectValidCast(recorded, { width: 80, height: 24 });
    expect(events.at(-1)?.[2]).toBe(SHOW_CURSOR);
    expect(events.at(-1)?.[0]).toBeLessThan(played + WAIT_FOR_Q_MS / 1000);
    const markers = events.filter(([, type]) => type === 'm').map(([, , label]) => label);
    expect(markers).toHaveLength(15);
    // A step inside a piece is marked with the piece it is part of.
    expect(markers[0]).toMatch(/^1\/15 以主管身份进入设置: 按\[菜单\]键进入设置/);
    expect(markers.at(-1)).toMatch(/^15\/15 /);
    const output = outputOf(events);
    expect(output).not.toMatch(/[^\r]\n/);
    expect(output).not.toContain('123456');

    // Played back into a terminal: the final screen is the demo's last one ...
    const replayed = await replay(output, 'p1-end', '[replayed]');
    expect(replayed).toContain('步骤 15/15');
    expect(replayed).toContain('演示结束');
    expect(replayed).toMatch(/\|\s+3\.微信支付\s+\|/);
    expect(replayed).not.toMatch(/\d\.云闪付/);
    // ... and up to the step after the password, the device says the service is gone.
    const markerAt = (label: RegExp) => events.findIndex(([, type, data]) => type === 'm' && label.test(data));
    const afterSuccess = events.slice(0, markerAt(/^10\/15 /));
    const success = await replay(outputOf(afterSuccess), 'p1-success', '[replayed]');
    expect(success).toContain('步骤 9/15');
    expect(success).toMatch(/注销成功|服务已关闭/);
  });
});

describe('pos-sim demo without a terminal', () => {
  const run = (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const { CI: _ci, CONTINUOUS_INTEGRATION: _ci2, POS_SIM_LANG: _lang, ...rest } = process.env;
    return spawnSync(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      input: '',
      env: { ...rest, ...env },
      timeout: 90_000,
    });
  };

  it('needs --record', () => {
    const result = run(['demo', 'p1-deregister-unionpay'], { POS_SIM_LANG: 'en' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^pos-sim: The demo needs an interactive terminal; without one, record it: pos-sim demo p1-deregister-unionpay --record FILE.cast/,
    );
    const zh = run(['demo', 'p1-deregister-unionpay']);
    expect(zh.status).toBe(2);
    expect(zh.stderr).toMatch(
      /^pos-sim: 演示需要交互式终端；没有终端时可以录成文件：pos-sim demo p1-deregister-unionpay --record FILE\.cast/,
    );
  });

  it('lists the demos in 80 columns, a Chinese character taking two', SLOW, () => {
    const result = run(['demo']);
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(20);
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
    expect(lines.some((line) => /^ {2}p1-deregister-unionpay {12}\d+ 秒 {2}P1 注销云闪付$/.test(line))).toBe(true);
  });

  it('names the demos it could mean when the name is wrong or fits several', () => {
    const result = run(['demo', 'p9'], { POS_SIM_LANG: 'en' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^pos-sim: No demo "p9".*The procedures: P1 p1-deregister-unionpay, P2 p2-password-free-off,/);
    const several = run(['demo', 'cancel']);
    expect(several.status).toBe(2);
    expect(several.stderr).toMatch(
      /^pos-sim: "cancel" 对应 \d+ 个演示，请写得更完整些：\n {2}cancel-paths-deregister {2}注销的每一步都可取消\n/,
    );
  });

  it('with --record plays through on its own (demo P2) and records an 80x24 terminal', SLOW, async () => {
    const cast = join(scratch, 'p2.cast');
    // P2, as the README and trainers call it.
    const result = run(['demo', 'P2', '--speed', '20', '--record', cast]);
    // Not even the cursor's escape code: without a terminal there is no cursor to show again.
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^已演示「P2 关闭免密支付并重启生效」：15 步，用时 /);
    const { events } = expectValidCast(readFileSync(cast, 'utf8'), { width: 80, height: 24 });
    // The recording ends as a terminal run's does: a moment after the end, the cursor shown again.
    expect(events.at(-1)?.[2]).toBe(SHOW_CURSOR);
    const output = outputOf(events);
    expect(output).toContain('正在应用新设置');
    const end = await replay(output, 'p2-end', '[replayed]');
    expect(end).toContain('步骤 15/15');
    expect(end).toContain('演示结束');
  });

  it('under CI=true records every frame whole (Ink would draw only the last)', SLOW, async () => {
    const cast = join(scratch, 'p2-ci.cast');
    const result = run(['demo', 'p2-password-free-off', '--speed', '20', '--record', cast, '--lang', 'en'], { CI: 'true' });
    expect(result.status).toBe(0);
    // The walkthrough's name in the tool's language too.
    expect(result.stdout).toMatch(
      /^Played "P2 Turn password-free payment off and restart for it to take effect": 15 steps in \d+\.\d s\.\nWrote .*p2-ci\.cast \(80x24, \d+ events, /,
    );
    const { events } = expectValidCast(readFileSync(cast, 'utf8'), { width: 80, height: 24 });
    const frames = events.filter(([, type]) => type === 'o');
    expect(frames.length).toBeGreaterThan(17);
    expect(frames.filter(([, , data]) => data.startsWith(CLEAR_SCREEN)).length).toBeGreaterThan(17);
    const output = outputOf(events);
    expect(output).toContain('Step 1/15');
    // The recording ends on the last frame, not on a cleared screen.
    const end = await replay(output, 'p2-ci-end', '[replayed]');
    expect(end).toContain('Step 15/15');
    expect(end).toContain('End of the demo');
    expect(end).toMatch(/\| Password-free payment +\|/);
  });

  it('refuses a walkthrough that fails, before drawing or recording anything: exit 1, the step named', SLOW, () => {
    const file = join(scratch, 'drifts.yaml');
    writeFileSync(file, 'name: drifts\nfixture: default\nsteps:\n  - press: 菜单\n  - expect: 不存在的文字\n');
    const cast = join(scratch, 'drifts.cast');
    const result = run(['demo', file, '--record', cast]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/drifts 无界面回放时失败，无法演示.*\n.*drifts\.yaml:5:5 {2}expect: 不存在的文字\n {2}期望屏幕显示/);
    expect(readdirSync(scratch)).not.toContain('drifts.cast');
  });
});
