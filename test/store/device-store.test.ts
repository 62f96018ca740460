// The device's flash on disk: seeded from the profile on first run, no clear-text passwords,
// damaged files reported and kept (never overwritten), and one process per device.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { resetDevice } from '../../src/commands/reset-device.js';
import { setToolLang } from '../../src/i18n/tool-lang.js';
import { confMedium, createSimulator, DeviceInUseError, loadProfile, SIMULATION_START, StoreCorruptError } from '../../src/index.js';
import { lockDevice } from '../../src/store/device-lock.js';
import { DeviceStore } from '../../src/store/device-store.js';
import { seedFlash } from '../../src/store/flash-data.js';
import { PASSWORD_HASH_PATTERN } from '../../src/store/password-hash.js';

const profile = loadProfile('default');
const NAME = profile.name;

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pos-sim-store-'));
  file = join(dir, `${NAME}.json`);
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const openStore = () => new DeviceStore({ profile, medium: confMedium(dir, NAME), now: () => SIMULATION_START });
const readStored = () => JSON.parse(readFileSync(file, 'utf8')) as unknown;

describe('DeviceStore on a conf medium', () => {
  it('seeds a first run from the profile and writes it at once', () => {
    expect(existsSync(file)).toBe(false);
    const store = openStore();
    expect(readStored()).toEqual(seedFlash(profile));
    const data = store.snapshot();
    expect(data.profile).toBe('default');
    expect(data.network).toBe('online');
    expect(data.bindings.map((binding) => binding.id)).toEqual(['merchant', 'settlement-card', 'unionpay-qr', 'wechat-pay', 'alipay']);
    expect(Object.keys(data.operators).sort()).toEqual(['00', '01', '99']);
    expect(data.passwordFree).toEqual({
      active: {
        enabled: true,
        channels: [
          { id: 'unionpay', smallAmountEnabled: true, limit: 1000 },
          { id: 'wechat', smallAmountEnabled: true, limit: 500 },
          { id: 'alipay', smallAmountEnabled: true, limit: 500 },
        ],
      },
    });
    expect(data.lockouts).toEqual({});
    expect(data.records).toEqual([]);
  });

  it('a later run reads what is stored instead of seeding again', () => {
    openStore().deregister('alipay', '00');
    const again = openStore();
    expect(again.bindings().map((binding) => binding.id)).not.toContain('alipay');
    expect(again.snapshot().records).toEqual([expect.objectContaining({ action: 'deregister', operator: '00' })]);
  });

  it('reads and saves a data file an editor saved with a byte order mark, as pos-sim records reads it', () => {
    openStore().deregister('alipay', '00');
    writeFileSync(file, `\uFEFF${readFileSync(file, 'utf8')}`);
    const again = openStore();
    again.deregister('wechat-pay', '00');
    expect(
      openStore()
        .bindings()
        .map((binding) => binding.id),
    ).toEqual(['merchant', 'settlement-card', 'unionpay-qr']);
  });

  it('gives a factory password typed right the OWASP cost in the data file (the profiles ship it cheap: it is published)', () => {
    const factory = profile.operators.find((operator) => operator.id === '00')?.passwordHash ?? '';
    expect(factory).toMatch(/^scrypt\$ln=10,r=8,p=1\$/);
    const store = openStore();
    expect(store.checkPassword('00', '123456')).toEqual({ result: 'accepted' });
    const stored = readStored() as { operators: Record<string, { passwordHash: string }> };
    expect(stored.operators['00']?.passwordHash).toMatch(/^scrypt\$ln=13,r=8,p=10\$/);
    // The others, not typed yet, keep the shipped hash until they are.
    expect(stored.operators['99']?.passwordHash).toMatch(/^scrypt\$ln=10,r=8,p=1\$/);
  });

  it('keeps no clear-text password in the stored file, whatever was typed', () => {
    const sim = createSimulator({ medium: confMedium(dir, NAME) });
    sim.press('菜单');
    // Wrong guesses that are the other operators' default passwords, then the right one.
    for (const typed of ['0000', '12345678', '123456']) {
      sim.type(typed);
      sim.press('确认');
    }
    sim.select('绑定管理');
    sim.select('云闪付');
    sim.press('确认', '确认');
    sim.type('123456');
    sim.press('确认');
    expect(sim.session.matchText()).toContain('云闪付服务已关闭');
    sim.stop();

    const text = readFileSync(file, 'utf8');
    for (const password of ['123456', '0000', '12345678']) expect(text).not.toContain(password);
    const stored = JSON.parse(text) as { operators: Record<string, { passwordHash: string }>; records: unknown[] };
    for (const operator of Object.values(stored.operators)) expect(operator.passwordHash).toMatch(PASSWORD_HASH_PATTERN);
    expect(stored.records).toHaveLength(1);
  });

  describe('a damaged data file', () => {
    beforeEach(() => setToolLang('en'));
    afterEach(() => setToolLang('zh'));

    const valid = () => seedFlash(profile);
    // `at` follows the file name in the message: line and column for broken JSON, else the field.
    it.each([
      { damage: 'garbage', text: () => 'this is not {json', at: ':1:', says: 'the device data is damaged' },
      {
        // Cut off where a power loss might: the file ends on line 17, in the middle of the bindings.
        damage: 'a truncated file',
        text: () => {
          const whole = JSON.stringify(valid(), null, 2);
          const cut = whole.slice(0, whole.indexOf('"bindings": [') + '"bindings": ['.length);
          expect(cut.split('\n')).toHaveLength(17);
          return cut;
        },
        at: ':17:',
        says: 'the file ends here, but the [ at line 17, column 15 is never closed',
      },
      {
        damage: 'a wrongly typed field',
        text: () => JSON.stringify({ ...valid(), passwordFree: { active: { ...valid().passwordFree.active, enabled: 'yes' } } }),
        at: ': the device data is damaged',
        says: 'passwordFree.active.enabled:',
      },
      {
        damage: 'a clear-text password',
        text: () => JSON.stringify({ ...valid(), operators: { '00': { passwordHash: '123456' } } }),
        at: ': the device data is damaged',
        says: 'operators.00.passwordHash: must be a scrypt hash',
      },
      { damage: 'an array instead of the data', text: () => '[]', at: ': the device data is damaged', says: '(top level)' },
    ])('$damage: StoreCorruptError naming the file and where, and the file is left as it was', ({ text, at, says }) => {
      const original = text();
      writeFileSync(file, original);
      let caught: unknown;
      try {
        openStore();
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(StoreCorruptError);
      const message = (caught as Error).message;
      expect(message).toContain(`${file}${at}`);
      expect(message).toContain(says);
      expect(message).toContain('pos-sim reset');
      expect(readFileSync(file, 'utf8')).toBe(original);
      expect(readdirSync(dir)).toEqual([`${NAME}.json`]);
    });

    it('`pos-sim reset` keeps the damaged file aside as .broken-* with its content and starts again from the profile', async () => {
      const original = '{"format": 1, "bindings": [';
      writeFileSync(file, original);
      const messages = await resetDevice(profile, dir, { now: new Date(SIMULATION_START) });

      const aside = readdirSync(dir).filter((name) => name.startsWith(`${NAME}.json.broken-`));
      expect(aside).toHaveLength(1);
      const asidePath = join(dir, aside[0] as string);
      expect(readFileSync(asidePath, 'utf8')).toBe(original);
      expect(messages.join('\n')).toContain(asidePath);
      expect(openStore().snapshot()).toEqual(seedFlash(profile));
    });
  });
});

describe('reset asks before it replaces anything', () => {
  it('is asked, with the data file, only when there is data; a no changes nothing', async () => {
    const asked: string[] = [];
    const no = (at: string) => {
      asked.push(at);
      return false;
    };
    await resetDevice(profile, dir, { confirm: no });
    expect(asked).toEqual([]);
    openStore().deregister('alipay', '00');
    const before = readFileSync(file, 'utf8');
    setToolLang('en');
    try {
      expect(await resetDevice(profile, dir, { confirm: no })).toEqual(['Not reset; nothing was changed.']);
    } finally {
      setToolLang('zh');
    }
    expect(asked).toEqual([file]);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(readdirSync(dir)).toEqual([`${NAME}.json`]);
    await resetDevice(profile, dir, { confirm: () => true });
    expect(openStore().snapshot()).toEqual(seedFlash(profile));
  });
});

describe('damaged data and reset in Chinese (the default language)', () => {
  /** The StoreCorruptError opening the device on `text` throws. */
  const damagedBy = (text: string): string => {
    writeFileSync(file, text);
    try {
      openStore();
    } catch (error) {
      expect(error).toBeInstanceOf(StoreCorruptError);
      return (error as Error).message;
    }
    throw new Error('the damaged file was read');
  };
  const hint = () =>
    `没有改动任何东西。请手工修复这个文件，或运行 \`pos-sim reset --data-dir ${dir}\` 把它另存一边(保留为 ${file}.broken-<时间>)，再从设备配置重新开始。`;

  it('broken JSON names the file, the line and column, and the fix', () => {
    const message = damagedBy('this is not {json');
    // The reason in brackets is JSON.parse's own, as Node words it.
    expect(message).toMatch(new RegExp(`^${escape(file)}:1:1: 设备数据已损坏\\(.+\\)。\\n`));
    expect(message.endsWith(`。\n${hint()}`)).toBe(true);
  });

  it('data that does not fit names each field, in Chinese', () => {
    const valid = seedFlash(profile);
    const text = JSON.stringify({ ...valid, network: 42, operators: { '00': { passwordHash: '123456' } } });
    expect(damagedBy(text)).toBe(
      `${file}：设备数据已损坏：\n  network：无效选项：期望以下之一 "online"|"offline"\n  operators.00.passwordHash：应为 scrypt 哈希值\n${hint()}`,
    );
    expect(damagedBy('[]')).toContain('\n  (顶层)：无效输入：期望 object，实际接收 数组\n');
  });

  it('`pos-sim reset` says where the damaged file went and that the device is back to its profile', async () => {
    writeFileSync(file, '{"format": 1, "bindings": [');
    const [kept, done] = await resetDevice(profile, dir, { now: new Date(SIMULATION_START) });
    const aside = readdirSync(dir).find((name) => name.startsWith(`${NAME}.json.broken-`)) as string;
    expect(kept).toBe(`损坏的设备数据已保留为 ${join(dir, aside)}`);
    expect(done).toBe(`设备 "default" 已恢复到设备配置：${file}`);
  });
});

describe('device lock', () => {
  const holderScript = fileURLToPath(new URL('../../src/store/device-lock.ts', import.meta.url));
  let holder: ChildProcess | undefined;

  afterEach(() => {
    holder?.kill('SIGKILL');
    holder = undefined;
  });

  /** Another process that takes the lock and keeps it; resolves once it holds it. */
  const lockInAnotherProcess = async (): Promise<ChildProcess> => {
    const script = join(dir, 'hold-lock.mts');
    writeFileSync(
      script,
      `import { lockDevice } from ${JSON.stringify(holderScript)};\n` +
        `lockDevice(${JSON.stringify(dir)}, ${JSON.stringify(NAME)});\n` +
        `process.stdout.write('locked\\n');\n` +
        'setInterval(() => {}, 1000);\n',
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    holder = child;
    await new Promise<void>((resolve, reject) => {
      let errors = '';
      child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
      child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
      child.on('exit', (code) => reject(new Error(`lock holder exited (${code}): ${errors}`)));
    });
    return child;
  };

  const exited = (child: ChildProcess) =>
    new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.on('exit', () => resolve())));

  it('a second lock on the same device, held by another process, throws DeviceInUseError saying who and what to do (en)', async () => {
    setToolLang('en');
    onTestFinished(() => setToolLang('zh'));
    const child = await lockInAnotherProcess();
    let caught: unknown;
    try {
      lockDevice(dir, NAME);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DeviceInUseError);
    const message = (caught as Error).message;
    expect(message).toContain(`"${NAME}"`);
    expect(message).toContain(`process ${child.pid}`);
    expect(message).toContain(dir);
    expect(message).toMatch(/--fresh|--data-dir/);
    expect(readFileSync(join(dir, `${NAME}.lock`), 'utf8')).toBe(String(child.pid));

    // Another device in the same folder is not affected.
    const other = lockDevice(dir, 'offline');
    other.release();
  });

  it('says so in Chinese by default', async () => {
    const child = await lockInAnotherProcess();
    expect(() => lockDevice(dir, NAME)).toThrow(
      new DeviceInUseError(
        `设备 "default" 正被另一个 pos-sim 使用(进程 ${child.pid})，数据在 ${dir}。\n请先关闭那一个，或用 --fresh 在一台全新的临时设备上运行，或用 --data-dir 换一份数据。`,
      ),
    );
  });

  it('a released lock can be taken again', () => {
    const lock = lockDevice(dir, NAME);
    expect(readFileSync(lock.file, 'utf8')).toBe(String(process.pid));
    lock.release();
    expect(existsSync(lock.file)).toBe(false);
    const again = lockDevice(dir, NAME);
    expect(readFileSync(again.file, 'utf8')).toBe(String(process.pid));
    again.release();
    expect(existsSync(again.file)).toBe(false);
  });

  it('a stale lock left by a killed process is taken over', async () => {
    const child = await lockInAnotherProcess();
    child.kill('SIGKILL');
    await exited(child);
    const lockFile = join(dir, `${NAME}.lock`);
    expect(readFileSync(lockFile, 'utf8')).toBe(String(child.pid));

    const lock = lockDevice(dir, NAME);
    expect(readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
    lock.release();
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
