// A device process ended by a signal (SIGTERM; SIGHUP when its terminal window is closed) leaves
// neither its lock nor its --fresh folder behind: Node runs no 'exit' handlers on a signal. Nor does
// one that exits after Ink unmounts (Ink's older signal-exit puts back the process methods it saw).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleScript, ROOT } from '../support/built-cli.js';

/** Takes a fresh folder and the device lock in it, says where they are, and waits to be killed (or, told anything, exits after Ink would have unmounted). */
const HOLDER = `
import { throwAwayDataDir } from ${JSON.stringify(join(ROOT, 'src/store/data-dir.ts'))};
import { lockDevice } from ${JSON.stringify(join(ROOT, 'src/store/device-lock.ts'))};
import { createRequire as requireBeside } from 'node:module';
// Ink's signal-exit (3.x) hooks the process before the device starts, and unhooks as Ink unmounts.
const inkSignalExit = requireBeside(${JSON.stringify(join(ROOT, 'node_modules/ink/package.json'))})('signal-exit');
const inkUnmounts = inkSignalExit(() => {});
const dir = throwAwayDataDir();
const lock = lockDevice(dir, 'default');
console.log(JSON.stringify({ dir, lock: lock.file }));
process.stdin.on('data', () => {
  inkUnmounts();
  process.exit(0);
});
`;

let scratch: string;
let holderFile: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'pos-sim-signal-'));
  holderFile = bundleScript(scratch, 'holder', HOLDER);
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** Starts the holder: what it took, and how it ended. */
const startHolder = async () => {
  const child = spawn(process.execPath, [holderFile], { stdio: ['pipe', 'pipe', 'inherit'] });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const [line] = (await createInterface({ input: child.stdout })[Symbol.asyncIterator]().next()).value.split('\n') as [string];
  return { child, ended, ...(JSON.parse(line) as { dir: string; lock: string }) };
};

describe('a device process ended by a signal', () => {
  it.each(['SIGTERM', 'SIGHUP'] as const)('removes its lock and its --fresh folder on %s, and still ends by it', async (signal) => {
    const { child, ended, dir, lock } = await startHolder();
    expect(existsSync(lock)).toBe(true);
    child.kill(signal);
    expect((await ended).signal).toBe(signal);
    expect(existsSync(lock)).toBe(false);
    expect(existsSync(dir)).toBe(false);
  });

  it('and one that exits after Ink has unmounted', async () => {
    const { child, ended, dir, lock } = await startHolder();
    child.stdin.write('exit\n');
    expect((await ended).code).toBe(0);
    expect(existsSync(lock)).toBe(false);
    expect(existsSync(dir)).toBe(false);
  });
});
