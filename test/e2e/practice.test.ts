// `pos-sim practice` as a technician meets it: the built executable in a real 80x24 terminal (tmux),
// a task played by keystrokes with a hint on the way, the score card fitting the screen, `q` to
// leave, and the result in the history.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRAME_HEIGHT, FRAME_WIDTH } from '../../src/ui/device-frame.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/pos-sim.js');
const SOCKET = `pos-sim-practice-${process.pid}`;
const dataDir = mkdtempSync(join(tmpdir(), 'pos-sim-practice-e2e-'));

const tmux = async (...args: string[]): Promise<string> =>
  (await run('tmux', ['-f', '/dev/null', '-L', SOCKET, ...args], { encoding: 'utf8' })).stdout;

/** The tmux session the helpers read and type into: each test starts its own on the one server. */
let session = '0';

const screen = () => tmux('capture-pane', '-p', '-t', session);

const waitFor = async (text: string, timeout = 10_000): Promise<string> => {
  const deadline = Date.now() + timeout;
  for (;;) {
    const shown = await screen();
    if (shown.includes(text)) return shown;
    if (Date.now() > deadline) throw new Error(`Waited ${timeout} ms for "${text}"; the terminal shows:\n${shown}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/** Sends keys one at a time, each once the screen has taken the one before. */
const keys = async (...names: string[]) => {
  for (const name of names) {
    const before = await screen();
    await tmux('send-keys', '-t', session, name);
    const deadline = Date.now() + 5_000;
    while ((await screen()) === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 15));
  }
};

/**
 * Every line fits 80 columns; the device frame starts on the first row (nothing scrolled off the
 * 24) and its right border is in line on every row.
 */
const expectFits = (shown: string) => {
  const lines = shown.split('\n');
  for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
  expect(lines[0]).toMatch(/^\+-+\+/);
  for (const line of lines.slice(0, FRAME_HEIGHT)) {
    const border = line[0] === '+' ? '+' : '|';
    expect(stringWidth(line.slice(0, line.indexOf(border, 1) + 1)), line).toBe(FRAME_WIDTH);
  }
};

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/cli.js'))) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
});

afterAll(async () => {
  await tmux('kill-server').catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('pos-sim practice in an 80x24 terminal', () => {
  it('plays P2 with a hint, ends on the score card, and records the result', async () => {
    const command = `node '${BIN}' practice p2-password-free-off --data-dir '${dataDir}'; echo "exit=$?"; sleep 30`;
    await tmux('new-session', '-d', '-x', '80', '-y', '24', '-c', ROOT, command);
    let shown = await waitFor('按[菜单]键进入设置');
    expect(shown).toContain('练习 P2 关闭免密支付并使其生效');
    expectFits(shown);
    await keys('?');
    shown = await waitFor('按[菜单]键(键盘 m)进入设置。');
    expectFits(shown);
    // 设置, password, 2 支付方式管理, 1 免密支付, 1 untick 开启免密支付, 8 保存设置, password, 确认 restart.
    await keys('m', '1', '2', '3', '4', '5', '6', 'Enter', '2', '1', '1', '8', '1', '2', '3', '4', '5', '6', 'Enter');
    await waitFor('是否立即重启');
    await keys('Enter');
    shown = await waitFor('得分 95/100');
    expect(shown).toContain('目标已达成');
    expect(shown).toMatch(/使用提示\s+1\s+-5/);
    expectFits(shown);
    await keys('q');
    shown = await waitFor('exit=0');
    expect(shown).toContain('练习结果已记入');
    const history = execFileSync(process.execPath, [BIN, 'practice', '--history', '--data-dir', dataDir], { encoding: 'utf8' });
    expect(history.split('\n')[1]).toMatch(/P2 关闭免密支付并使其生效\s+达成\s+\d+:\d\d\s+0\s+1\s+95$/);
  }, 60_000);

  it('from the chooser: the task’s frame starts on the first row, as when the task is named', async () => {
    session = 'chooser';
    const command = `node '${BIN}' practice --data-dir '${dataDir}'; sleep 30`;
    await tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', '-c', ROOT, command);
    await waitFor('选择练习任务');
    await keys('Enter');
    expectFits(await waitFor('按[菜单]键进入设置'));
  }, 60_000);
});
