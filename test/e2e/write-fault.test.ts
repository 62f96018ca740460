// A save that fails while the device runs (here: its data folder made read-only under it, a real
// EACCES) ends pos-sim cleanly: a message naming the data file, exit 2, the terminal given back as it
// was (cursor shown, stty as before), and nothing already saved lost; the next start takes over the
// lock the read-only folder kept. When the tests run as root (who may write anywhere) pos-sim runs
// as the user nobody.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, isBuilt, ROOT, shellQuote, Terminal } from './terminal.js';

/** The device starts at 签到 (请输入操作员号), where it already saves and trainer keys work. */
const HOME = '请输入操作员号';
const NOBODY = 65_534;
const asRoot = process.getuid?.() === 0;

let scratch: string;

beforeAll(() => {
  if (!isBuilt()) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  scratch = mkdtempSync(join(tmpdir(), 'pos-sim-write-fault-'));
  chmodSync(scratch, 0o755);
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** pos-sim on `dataDir`, as nobody when the tests run as root. */
const startCommand = (dataDir: string) =>
  `${asRoot ? `setpriv --reuid=${NOBODY} --regid=${NOBODY} --clear-groups ` : ''}env CI=true HOME=${shellQuote(dataDir)} node ${shellQuote(BIN)} --data-dir ${shellQuote(join(dataDir, 'data'))}`;

describe('a save that fails while the device runs', () => {
  it('ends with the message naming the file, exit 2, the terminal restored, nothing saved lost', async ({ onTestFinished }) => {
    const dir = join(scratch, 'device');
    mkdirSync(dir);
    if (asRoot) chownSync(dir, NOBODY, NOBODY);
    const data = join(dir, 'data');
    const file = join(data, 'default.json');
    const terminal = await Terminal.open(`PS1='e2e$ ' bash --norc --noprofile`);
    onTestFinished(() => terminal.close());
    await terminal.waitFor('e2e$');
    await terminal.type(
      `clear; before=$(stty -g); ${startCommand(dir)}; echo "exit=$?"; ` +
        `[ "$(stty -g)" = "$before" ] && tty=restored || tty=changed; echo "tty:$tty"`,
    );
    await terminal.send('Enter');
    await terminal.waitFor(HOME, { timeout: 15_000 });
    const saved = readFileSync(file, 'utf8');
    expect(JSON.parse(saved)).toMatchObject({ network: 'online' });

    chmodSync(data, 0o500);
    // The trainer's network key: the device saves that it is offline, and cannot.
    await terminal.send('n');
    const screen = await terminal.waitFor((s) => /tty:(restored|changed)\n(.*\n)*e2e\$/.test(s), {
      what: 'the shell prompt',
      timeout: 15_000,
    });
    const text = screen.replaceAll('\n', '');
    expect(text).toContain(
      `pos-sim: ${file}：设备数据没能保存：没有权限(EACCES)。设备之前保存的数据仍在这个文件里，最后一次修改没有保存。`,
    );
    expect(text).not.toMatch(/\s+at [\w.]+ \(/);
    expect(screen).toContain('exit=2');
    expect(screen).toContain('tty:restored');
    expect(await terminal.format('#{cursor_flag}')).toBe('1');
    expect(readFileSync(file, 'utf8')).toBe(saved);

    // Writable again: the lock the read-only folder kept names a process that is gone, and is taken over.
    chmodSync(data, 0o700);
    await terminal.type(`clear; ${startCommand(dir)}; echo "exit=$?"`);
    await terminal.send('Enter');
    await terminal.waitFor(HOME, { timeout: 15_000 });
    await terminal.send('C-c');
    await terminal.waitFor('exit=0');
  }, 60_000);
});
