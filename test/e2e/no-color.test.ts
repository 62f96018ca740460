// NO_COLOR at a real terminal (tmux): the built executable draws the device without colour — the
// status line, legend and keys plain — while the selected menu row stays inverse. The same run
// without NO_COLOR shows colour, so the check can fail.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, isBuilt, ROOT, shellQuote, Terminal } from './terminal.js';

/** SGR sequences that set a colour (tmux writes cell colours as 3x/4x/9x, 38;5;n or 38;2;…; 39 and 49 only reset). */
const COLOR = /\u001B\[(?:[\d;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;[\d;]*)?m/;
const INVERSE = /\u001B\[(?:[\d;]*;)?7(?:;[\d;]*)?m/;

const terminals: Terminal[] = [];

beforeAll(() => {
  if (!isBuilt()) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
});

afterAll(async () => {
  await Promise.all(terminals.map((terminal) => terminal.close()));
});

/** The 设置 menu as the terminal shows it, escape sequences included (capture-pane -e). */
const settingsMenu = async (noColor: string): Promise<string> => {
  const terminal = await Terminal.open(`CI=true NO_COLOR=${shellQuote(noColor)} node ${shellQuote(BIN)} --fresh`);
  terminals.push(terminal);
  // The device starts at 签到; 设置 opens from there too.
  await terminal.waitFor('请输入操作员号', { timeout: 15_000 });
  await terminal.send('m');
  await terminal.waitFor('请输入密码');
  await terminal.type('123456');
  await terminal.waitFor('******');
  await terminal.send('Enter');
  await terminal.waitFor('> 1.绑定管理');
  return terminal.tmux('capture-pane', '-p', '-e', '-t', '0');
};

describe.concurrent('NO_COLOR at a real terminal', () => {
  it('draws no colour, and keeps the selection inverse', async () => {
    const screen = await settingsMenu('1');
    expect(screen).toContain('绑定管理');
    expect(screen).not.toMatch(COLOR);
    expect(screen).toMatch(INVERSE);
  });

  it('draws colour when NO_COLOR is empty (the standard: present and not empty)', async () => {
    expect(await settingsMenu('')).toMatch(COLOR);
  });
});
