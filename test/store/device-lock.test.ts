// One process per device, race-free. Real processes contend for the lock at the same moment: on a
// free device and on a lock left behind by a process that is gone (killed), exactly one wins,
// round after round; the others are told the device is in use. Contenders are small node
// processes running the lock module (bundled once for the test), steered line by line on stdin.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockDevice } from '../../src/store/device-lock.js';
import { bundleScript, ROOT } from '../support/built-cli.js';

const CONTENDERS = 8;
const ROUNDS = 25;

/** A contender: on `lock DIR` it tries to take the device, on `release` it lets it go. */
const WORKER = `
import { createInterface } from 'node:readline';
import { lockDevice } from ${JSON.stringify(join(ROOT, 'src/store/device-lock.ts'))};
let held;
console.log('ready');
for await (const line of createInterface({ input: process.stdin })) {
  const [command, dir] = line.split(' ');
  if (command === 'lock') {
    try {
      held = lockDevice(dir, 'default');
      console.log('won');
    } catch (error) {
      console.log(error.name === 'DeviceInUseError' ? 'in use' : 'failed: ' + error.message);
    }
  } else if (command === 'release') {
    held?.release();
    held = undefined;
    console.log('released');
  }
}
`;

let scratch: string;
let workerFile: string;

/** A pid that belonged to a process that has ended. */
const deadPid = (): number => {
  const gone = spawnSync(process.execPath, ['-e', ''], { encoding: 'utf8' });
  if (gone.pid === undefined) throw new Error('could not start node');
  return gone.pid;
};

type Contender = { readonly child: ChildProcessWithoutNullStreams; next(): Promise<string> };

const startContender = async (): Promise<Contender> => {
  const child = spawn(process.execPath, [workerFile], { stdio: 'pipe' });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const line = await lines.next();
    if (line.done) throw new Error(`a contender ended: ${child.stderr.read() as string}`);
    return line.value;
  };
  expect(await next()).toBe('ready');
  return { child, next };
};

/** Every contender asks for the device at once; what each was told. */
const contend = async (contenders: readonly Contender[], dir: string): Promise<string[]> => {
  const answers = contenders.map((contender) => contender.next());
  for (const { child } of contenders) child.stdin.write(`lock ${dir}\n`);
  return Promise.all(answers);
};

const releaseAll = async (contenders: readonly Contender[]): Promise<void> => {
  const answers = contenders.map((contender) => contender.next());
  for (const { child } of contenders) child.stdin.write('release\n');
  expect(await Promise.all(answers)).toEqual(contenders.map(() => 'released'));
};

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'pos-sim-lock-'));
  workerFile = bundleScript(scratch, 'worker', WORKER);
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('the device lock', () => {
  it('is held in a file naming this process, and free again once released', () => {
    const dir = join(scratch, 'plain');
    const first = lockDevice(dir, 'default');
    expect(readFileSync(first.file, 'utf8')).toBe(String(process.pid));
    first.release();
    expect(existsSync(first.file)).toBe(false);
    const again = lockDevice(dir, 'default');
    again.release();
  });

  it('takes over a lock whose owner was killed mid-takeover, and clears what killed starters left', () => {
    const dir = join(scratch, 'killed-mid-takeover');
    mkdirSync(dir);
    const [owner, taker, drafter] = [deadPid(), deadPid(), deadPid()];
    writeFileSync(join(dir, 'default.lock'), String(owner));
    writeFileSync(join(dir, `default.lock.takeover-${owner}`), String(taker));
    writeFileSync(join(dir, `default.lock.${drafter}`), String(drafter));
    writeFileSync(join(dir, 'default.json'), '{}');
    const lock = lockDevice(dir, 'default');
    expect(readdirSync(dir).sort()).toEqual(['default.json', 'default.lock']);
    expect(readFileSync(lock.file, 'utf8')).toBe(String(process.pid));
    lock.release();
  });

  it('a starter that is taking a stale lock over has the device: another is told it is in use', () => {
    const dir = join(scratch, 'taking-over');
    mkdirSync(dir);
    const owner = deadPid();
    const taker = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
    try {
      writeFileSync(join(dir, 'default.lock'), String(owner));
      writeFileSync(join(dir, `default.lock.takeover-${owner}`), String(taker.pid));
      expect(() => lockDevice(dir, 'default')).toThrow(`(进程 ${taker.pid})`);
      expect(readFileSync(join(dir, 'default.lock'), 'utf8')).toBe(String(owner));
    } finally {
      taker.kill();
    }
  });

  it(
    `many processes at once, on a free device and on a stale lock: exactly one wins, ${ROUNDS} rounds out of ${ROUNDS}`,
    { timeout: 180_000 },
    async () => {
      const contenders = await Promise.all(Array.from({ length: CONTENDERS }, startContender));
      try {
        for (let round = 0; round < ROUNDS; round += 1) {
          const dir = join(scratch, `round-${round}`);
          mkdirSync(dir);
          // Half the rounds start from a lock whose owner was killed.
          const stale = round % 2 === 1;
          if (stale) writeFileSync(join(dir, 'default.lock'), String(deadPid()));
          const answers = await contend(contenders, dir);
          expect(
            answers.filter((answer) => answer === 'won'),
            `round ${round} (${stale ? 'stale lock' : 'free'}): ${answers.join(', ')}`,
          ).toHaveLength(1);
          expect(answers.filter((answer) => answer !== 'won')).toEqual(Array<string>(CONTENDERS - 1).fill('in use'));
          const winner = contenders[answers.indexOf('won')];
          expect(readFileSync(join(dir, 'default.lock'), 'utf8')).toBe(String(winner?.child.pid));
          await releaseAll(contenders);
          // Nothing is left behind: no lock, no draft, no marker.
          expect(readdirSync(dir)).toEqual([]);
        }
      } finally {
        for (const { child } of contenders) child.stdin.end();
      }
    },
  );
});
