// End to end: the shipped executable in a real terminal (tmux), driven only by keystrokes and
// checked only by what the screen shows — the way a technician uses it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { loadProfile } from '../../src/profile/load-profile.js';
import { frameSize } from '../../src/ui/device-frame.js';
import { loadWalkthroughs } from '../../src/walkthrough/load-walkthroughs.js';
import { playInTerminal, selectItem } from './play-in-terminal.js';
import {
  BIN,
  FRAME_HEIGHT,
  FRAME_WIDTH,
  frameLines,
  frameProblems,
  frameRows,
  isBuilt,
  ROOT,
  shellQuote,
  Terminal,
  titleOf,
  type WaitOptions,
} from './terminal.js';

const PASSWORD = '123456';
const P1 = join(ROOT, 'fixtures/walkthroughs/p1-deregister-unionpay.yaml');
const P2 = join(ROOT, 'fixtures/walkthroughs/p2-password-free-off.yaml');
const HOME = '按[菜单]键进入设置';
/** What a terminal shows after power-on: 签到 comes first. */
const SIGN_IN = '请输入操作员号';
const CASHIER = { id: '01', password: '0000' };

const dataDirs: string[] = [];
const newDataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'pos-sim-e2e-'));
  dataDirs.push(dir);
  return dir;
};

// CI=true as in CI: at a real terminal pos-sim must still draw every frame (Ink would draw only the last).
const startCommand = (dataDir: string) => `CI=true node ${shellQuote(BIN)} --data-dir ${shellQuote(dataDir)}`;

/** Waits for a screen and checks that the device frame on it lines up. */
const expectScreen = async (terminal: Terminal, test: string | ((screen: string) => boolean), options?: WaitOptions) => {
  const screen = await terminal.waitFor(test, options);
  expect(frameProblems(screen), screen).toEqual([]);
  return screen;
};

const expectTitle = (terminal: Terminal, title: string, options?: WaitOptions) =>
  expectScreen(terminal, (screen) => titleOf(screen) === title, { what: `the screen titled ${title}`, ...options });

/** 签到 as the cashier after power-on, up to the home screen. */
const signIn = async (terminal: Terminal) => {
  await expectScreen(terminal, SIGN_IN, { timeout: 15_000 });
  await terminal.type(CASHIER.id);
  await terminal.send('Enter');
  await expectTitle(terminal, '请输入操作员密码');
  await terminal.type(CASHIER.password);
  await terminal.send('Enter');
  await expectScreen(terminal, '批次号 000001', { what: '签到成功' });
  await terminal.send('Enter');
  return expectScreen(terminal, HOME);
};

/** Types the password, checks it is masked, and confirms it. */
const enterPassword = async (terminal: Terminal) => {
  await terminal.type(PASSWORD);
  const screen = await expectScreen(terminal, '*'.repeat(PASSWORD.length));
  expect(frameRows(screen).join('\n')).not.toContain(PASSWORD);
  await terminal.send('Enter');
};

const openSettings = async (terminal: Terminal) => {
  await terminal.send('m');
  await expectScreen(terminal, '请输入密码');
  await enterPassword(terminal);
  await expectTitle(terminal, '设置');
};

/** The pid in the device's lock file: the running simulator. */
const ownerOf = (dataDir: string) => Number(readFileSync(join(dataDir, 'default.lock'), 'utf8').trim());

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const waitUntilGone = async (pid: number, timeout = 10_000) => {
  const deadline = Date.now() + timeout;
  while (isAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`pos-sim (process ${pid}) is still running ${timeout} ms after its terminal closed`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

beforeAll(() => {
  // `npm test` builds first; a bare `vitest run` builds here when the bundle is missing.
  if (!isBuilt()) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
});

afterAll(() => {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

describe.concurrent('pos-sim in a real terminal', () => {
  it('plays P1 and P2 by keystrokes, and a relaunch after a kill shows what they left', async ({ onTestFinished }) => {
    const dataDir = newDataDir();
    let terminal = await Terminal.open(startCommand(dataDir));
    onTestFinished(() => terminal.close());
    const [p1, p2] = loadWalkthroughs([P1, P2]);
    if (!p1 || !p2) throw new Error('P1 and P2 walkthroughs are missing');
    const checkFrame = (screen: string) => expect(frameProblems(screen), screen).toEqual([]);

    await expectScreen(terminal, '系统启动中', { what: 'the boot screen' });
    await signIn(terminal);
    // P1 · 绑定管理 → 云闪付 → 注销, as fixtures/walkthroughs says, on the real screen.
    await playInTerminal(terminal, p1, checkFrame);
    // Back to the home screen by the power key (a restart asks for 签到 again), for P2.
    await terminal.type('p');
    await signIn(terminal);
    // P2 · 支付方式管理 → 免密支付: off, save, password, restart now.
    await playInTerminal(terminal, p2, checkFrame);
    await expectScreen(terminal, (s) => s.includes('[ ] 开启免密支付'), { what: '免密支付, off' });

    // Kill it (closing the terminal hangs it up), then start again on the same data.
    const pid = ownerOf(dataDir);
    await terminal.close();
    await waitUntilGone(pid);
    terminal = await Terminal.open(startCommand(dataDir));
    let screen = await signIn(terminal);
    expect(screen).not.toContain('有设置待重启生效');
    await openSettings(terminal);
    await selectItem(terminal, '绑定管理');
    screen = await expectTitle(terminal, '绑定管理');
    expect(screen).toContain('微信支付');
    expect(frameRows(screen).join('\n')).not.toContain('云闪付');
    await terminal.send('Escape');
    await expectTitle(terminal, '设置');
    await selectItem(terminal, '支付方式管理');
    await expectTitle(terminal, '支付方式管理');
    await selectItem(terminal, '免密支付');
    screen = await expectScreen(terminal, (s) => titleOf(s) === '免密支付' && s.includes('[ ] 开启免密支付'), { what: '免密支付, off' });
    expect(screen).not.toContain('未保存');
    expect(screen).not.toContain('待重启生效');
  }, 90_000);

  it('exits on Ctrl+C and gives the shell back a sane terminal', async ({ onTestFinished }) => {
    const dataDir = newDataDir();
    const terminal = await Terminal.open(`PS1='e2e$ ' bash --norc --noprofile`);
    onTestFinished(() => terminal.close());
    await terminal.waitFor('e2e$');
    await terminal.type(
      `clear; before=$(stty -g); ${startCommand(dataDir)}; echo "exit=$?"; ` +
        `[ "$(stty -g)" = "$before" ] && tty=restored || tty=changed; echo "tty:$tty"`,
    );
    await terminal.send('Enter');
    await expectScreen(terminal, SIGN_IN, { timeout: 15_000 });
    expect(await terminal.format('#{cursor_flag}')).toBe('0');
    await terminal.send('C-c');
    const screen = await terminal.waitFor((s) => /tty:(restored|changed)\n(.*\n)*e2e\$/.test(s), { what: 'the shell prompt' });
    expect(screen).toContain('exit=0');
    expect(screen).toContain('tty:restored');
    expect(await terminal.format('#{alternate_on}')).toBe('0');
    expect(await terminal.format('#{cursor_flag}')).toBe('1');
    expect(await terminal.format('#{pane_current_command}')).toBe('bash');
  }, 45_000);

  it('shows a message, not a broken frame, in a terminal too small for the device', async ({ onTestFinished }) => {
    const terminal = await Terminal.open(startCommand(newDataDir()), { columns: 30, rows: 10 });
    onTestFinished(() => terminal.close());
    const screen = await terminal.waitFor('终端窗口太小');
    expect(screen.replaceAll('\n', '')).toContain('40x17');
    expect(frameLines(screen)).toBeUndefined();
    expect(screen).not.toMatch(/[+|]-{5,}/);
    for (const line of screen.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(30);
    // Enlarged, the device is drawn whole.
    await terminal.tmux('resize-window', '-t', '0', '-x', '80', '-y', '24');
    await expectScreen(terminal, (s) => frameLines(s) !== undefined && !s.includes('终端窗口太小'), { what: 'the frame' });
  }, 45_000);

  it('refuses a second instance on the same data with an "in use" message', async ({ onTestFinished }) => {
    const dataDir = newDataDir();
    const first = await Terminal.open(startCommand(dataDir));
    onTestFinished(() => first.close());
    await expectScreen(first, (s) => frameLines(s) !== undefined, { what: 'the frame' });
    const second = await Terminal.open(`${startCommand(dataDir)}; echo "exit=$?"; sleep 60`);
    onTestFinished(() => second.close());
    await second.waitFor((s) => /exit=\d+/.test(s), { what: 'the second instance to exit' });
    // The message is longer than a line: read it with wrapped lines joined.
    const screen = await second.tmux('capture-pane', '-p', '-J', '-t', '0');
    expect(screen).toContain('正被另一个 pos-sim 使用');
    expect(screen).toContain(`进程 ${ownerOf(dataDir)}`);
    expect(screen).toContain('exit=2');
    expect(frameLines(second.screen)).toBeUndefined();
    // The first one still works, and keys that arrive in one chunk (typed fast, pasted) all count;
    // 设置 opens from the 签到 prompt, as on a real terminal.
    await expectScreen(first, SIGN_IN, { timeout: 15_000 });
    await first.type(`m${PASSWORD}\r`);
    await expectTitle(first, '设置');
  }, 45_000);

  it('takes keys sent in one burst, Esc included, as it takes them one by one', async ({ onTestFinished }) => {
    const terminal = await Terminal.open(startCommand(newDataDir()));
    onTestFinished(() => terminal.close());
    await signIn(terminal);
    await terminal.type(`m${PASSWORD}\r1`);
    await expectTitle(terminal, '绑定管理');
    // Esc Esc: back to 设置, then back home (not once, as Alt+Esc).
    await terminal.send('Escape', 'Escape');
    await expectScreen(terminal, HOME);
    // Esc 2 on the password prompt: cancelled, and the 2 is not typed into it (not Alt+2).
    await terminal.send('m');
    await expectScreen(terminal, '请输入密码');
    await terminal.send('Escape', '2');
    const screen = await expectScreen(terminal, HOME);
    expect(frameRows(screen).join('\n')).not.toContain('*');
  }, 45_000);

  it('t fast-forwards the device clock: a lockout ends at once', async ({ onTestFinished }) => {
    const terminal = await Terminal.open(startCommand(newDataDir()));
    onTestFinished(() => terminal.close());
    await expectScreen(terminal, SIGN_IN, { timeout: 15_000 });
    await terminal.type(`m111111\r111111\r111111\r`);
    await expectScreen(terminal, '密码错误次数过多');
    await terminal.send('t');
    const screen = await expectScreen(terminal, '设备时钟已快进 5分0秒');
    expect(screen).not.toContain('密码错误次数过多');
    await terminal.type(`${PASSWORD}\r`);
    await expectTitle(terminal, '设置');
  }, 45_000);

  it('plays 解绑 on the classic 16x4 terminal: Chinese lines up, the phone fits beside it, t shows 资金已划转', async ({
    onTestFinished,
  }) => {
    const size = frameSize(loadProfile('classic-s80').device.display);
    const terminal = await Terminal.open(`${startCommand(newDataDir())} --fixture classic-s80`);
    onTestFinished(() => terminal.close());
    const classicScreen = async (test: string) => {
      const screen = await terminal.waitFor(test, { timeout: 15_000 });
      expect(frameProblems(screen, size), screen).toEqual([]);
      return screen;
    };
    await classicScreen(SIGN_IN);
    await terminal.type(`${CASHIER.id}\r`);
    await classicScreen('请输入操作员密码');
    await terminal.type(`${CASHIER.password}\r`);
    await classicScreen('签到成功');
    await terminal.type(`\rm${PASSWORD}\r`);
    await classicScreen('1.绑定管理');
    await terminal.type('12');
    await classicScreen('类型：结算卡');
    await terminal.send('Down', 'Down');
    await classicScreen('柜台申请解绑');
    await terminal.type('\r3\r');
    const withPhone = await classicScreen('手机 138****1234');
    for (const line of withPhone.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    // The phone may break the text before the code: the code is the next six digits on its screen.
    const code = /验证码为\D*?(\d{6})/.exec(withPhone)?.[1] ?? 'none';
    await terminal.type(`${code}\r`);
    await classicScreen('解绑成功');
    await terminal.send('Down');
    await classicScreen('解绑申请已提交');
    await terminal.send('Enter', 'Escape', 'Escape');
    await classicScreen('西湖面馆 1/4');
    await terminal.send('Down', 'Down');
    await classicScreen('解绑审核中');
    await terminal.send('t');
    await classicScreen('设备时钟已快进');
    await classicScreen('资金已划转');
  }, 45_000);

  it('has a frame check that catches a border out of line', ({ expect }) => {
    const edge = `+${'-'.repeat(FRAME_WIDTH - 2)}+`;
    const row = (text: string) => `| ${text}${' '.repeat(FRAME_WIDTH - 4 - stringWidth(text))} |`;
    const frame = (middle: string) => [edge, ...Array.from({ length: FRAME_HEIGHT - 3 }, () => row('')), middle, edge, ''].join('\n');
    expect(frameProblems(frame(row('云闪付 OK')))).toEqual([]);
    // A wide character counted as one column pushes the border one column right.
    expect(frameProblems(frame(`${row('云闪付 OK').slice(0, -2)}  |`)).join('\n')).toMatch(/line 16 has no "\|" at column 40/);
  });
});
