// A device process killed by a signal (SIGTERM; SIGHUP when its terminal window is closed) leaves
// neither its lock nor its --fresh folder behind: Node runs no 'exit' handlers on a signal.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUIRE_BANNER, ROOT } from '../support/built-cli.js';

/** Takes a fresh folder and the device lock in it, says where they are, and waits to be killed. */
const HOLDER = `
import { throwAwayDataDir } from ${JSON.stringify(join(ROOT, 'src/store/data-dir.ts'))};
import { lockDevice } from ${JSON.stringify(join(ROOT, 'src/store/device-lock.ts'))};
const dir = throwAwayDataDir();
const lock = lockDevice(dir, 'default');
console.log(JSON.stringify({ dir, lock: lock.file }));
setInterval(() => {}, 1000);
`;

let scratch: string;
let holderFile: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'pos-sim-signal-'));
  const entry = join(scratch, 'holder-entry.mjs');
  writeFileSync(entry, HOLDER);
  holderFile = join(scratch, 'holder.mjs');
  buildSync({
    entryPoints: [entry],
    outfile: holderFile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
    banner: { js: REQUIRE_BANNER },
  });
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('a device process ended by a signal', () => {
  it.each(['SIGTERM', 'SIGHUP'] as const)('removes its lock and its --fresh folder on %s, and still ends by it', async (signal) => {
    const child = spawn(process.execPath, [holderFile], { stdio: ['ignore', 'pipe', 'inherit'] });
    const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, by) => resolve(by)));
    const [line] = (await createInterface({ input: child.stdout })[Symbol.asyncIterator]().next()).value.split('\n') as [string];
    const { dir, lock } = JSON.parse(line) as { dir: string; lock: string };
    expect(existsSync(lock)).toBe(true);
    child.kill(signal);
    expect(await ended).toBe(signal);
    expect(existsSync(lock)).toBe(false);
    expect(existsSync(dir)).toBe(false);
  });
});
