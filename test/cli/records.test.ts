// `pos-sim records`, run as a user runs it: the device's operation records as a table (newest
// first, device time) or JSON, a clear word when the device has no data yet, and never a write:
// no device start, no lock taken, the data file left exactly as it was. Also the other small
// commands' words in the default language (Chinese); test/cli/cli.test.ts has them in English.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfile } from '../../src/profile/load-profile.js';
import { deviceFile } from '../../src/store/data-dir.js';
import { lockDevice } from '../../src/store/device-lock.js';
import { DeviceStore } from '../../src/store/device-store.js';
import { confMedium } from '../../src/store/flash-medium.js';
import { BIN, ROOT, buildWhenStale } from '../support/built-cli.js';

const SLOW = { timeout: 240_000 };
/** 2026-06-01 09:00:00 in China. */
const START = Date.parse('2026-06-01T09:00:00+08:00');

let scratch: string;
let count = 0;
const folder = (): string => join(scratch, `data-${(count += 1)}`);

type Run = { readonly code: number | null; readonly stdout: string; readonly stderr: string };

/** Runs pos-sim in English (POS_SIM_LANG=en) unless `lang` says otherwise ('' for the default). */
const posSim = (args: readonly string[], dataDir?: string, lang = 'en'): Run => {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true', NO_COLOR: '1', XDG_DATA_HOME: join(scratch, 'xdg'), POS_SIM_LANG: lang };
  delete env.POS_SIM_DATA_DIR;
  if (dataDir) env.POS_SIM_DATA_DIR = dataDir;
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env, input: '', encoding: 'utf8', timeout: 120_000 });
  if (run.error) throw run.error;
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
};

/** A device that has deregistered 云闪付 at 09:00:00 and written a backup at 09:05:30 (device time). */
const deviceWithRecords = (dataDir: string, profileName = 'default'): void => {
  let now = START;
  const store = new DeviceStore({ profile: loadProfile(profileName), medium: confMedium(dataDir, profileName), now: () => now });
  store.deregister('unionpay-qr', '00');
  now += 5 * 60_000 + 30_000;
  store.backup('99');
};

beforeAll(() => {
  buildWhenStale();
  scratch = mkdtempSync(join(tmpdir(), 'pos-sim-records-cli-'));
}, 120_000);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('pos-sim records', SLOW, () => {
  it('says clearly when the device has no data yet, and creates none', () => {
    const dataDir = folder();
    const run = posSim(['records', '--data-dir', dataDir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('No device data for "default" yet');
    expect(run.stdout).toContain(`${join(dataDir, 'default.json')} does not exist`);
    expect(run.stdout).toContain(`Start it with \`pos-sim --data-dir ${dataDir}\``);
    expect(existsSync(dataDir)).toBe(false);

    const unbound = posSim(['records', '--fixture', 'unbound', '--data-dir', dataDir]);
    expect(unbound.stdout).toContain(`Start it with \`pos-sim --fixture unbound --data-dir ${dataDir}\``);

    // A profile of one's own, copied from default.json (its name too): started by its path, not as the shipped default.
    const mine = join(scratch, 'my profile.json');
    writeFileSync(mine, readFileSync(join(ROOT, 'fixtures/profiles/default.json')));
    const own = posSim(['records', '--fixture', mine], dataDir);
    expect(own.stdout).toContain(`Start it with \`pos-sim --fixture '${mine}' --data-dir ${dataDir}\``);
  });

  it('prints the records as a table, newest first, on the device clock, in Chinese by default', () => {
    const dataDir = folder();
    deviceWithRecords(dataDir);
    const run = posSim(['records', '--data-dir', dataDir], undefined, '');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`设备 "default" 的 2 条操作记录(${join(dataDir, 'default.json')})，最新的在前：`);
    expect(lines[2]).toMatch(/^时间 +操作员 +操作 +内容$/);
    expect(lines[3]).toMatch(/^2026-06-01 09:05:30 {2}99 系统管理员 {2}数据备份 {2}\S*backups\/default-2026-06-01_09-05-30\.json$/);
    expect(lines[4]).toMatch(/^2026-06-01 09:00:00 {2}00 主管 +注销 +云闪付 898310058120134$/);
    expect(lines).toHaveLength(5);
  });

  it('--lang en names the columns and operations in English', () => {
    const dataDir = folder();
    deviceWithRecords(dataDir);
    const run = posSim(['records', '--data-dir', dataDir, '--lang', 'en'], undefined, '');
    expect(run.stdout.split('\n')[0]).toBe(`2 operation records of device "default" (${join(dataDir, 'default.json')}), newest first:`);
    expect(run.stdout).toMatch(/^Time +Operator +Operation +About$/m);
    expect(run.stdout).toMatch(/^2026-06-01 09:00:00 {2}00 Supervisor +Deregister +云闪付 898310058120134$/m);
  });

  it('says in Chinese by default that there is no data yet, or no records yet', () => {
    const dataDir = folder();
    const none = posSim(['records', '--fixture', 'unbound', '--data-dir', dataDir], undefined, '');
    expect(none.stdout).toBe(
      `设备 "unbound" 还没有设备数据(${join(dataDir, 'unbound.json')} 不存在)：设备运行过才有操作记录。用 \`pos-sim --fixture unbound --data-dir ${dataDir}\` 启动它。\n`,
    );
    new DeviceStore({ profile: loadProfile('default'), medium: confMedium(dataDir, 'default'), now: () => START });
    expect(posSim(['records', '--data-dir', dataDir], undefined, '').stdout).toBe(
      `设备 "default" 还没有操作记录(${join(dataDir, 'default.json')})。\n`,
    );
  });

  it('--json prints machine-readable records, newest first, with the device time beside the ISO time', () => {
    const dataDir = folder();
    deviceWithRecords(dataDir);
    const run = posSim(['records', '--json'], dataDir);
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as { profile: string; file: string; hasData: boolean; records: Record<string, unknown>[] };
    expect(document).toMatchObject({ profile: 'default', file: join(dataDir, 'default.json'), hasData: true });
    expect(document.records).toEqual([
      expect.objectContaining({ action: 'backup', operator: '99', at: '2026-06-01T01:05:30.000Z', deviceTime: '2026-06-01 09:05:30' }),
      {
        action: 'deregister',
        operator: '00',
        subject: '云闪付 898310058120134',
        at: '2026-06-01T01:00:00.000Z',
        deviceTime: '2026-06-01 09:00:00',
      },
    ]);
  });

  it('--json without data prints an empty list, and says why on stderr', () => {
    const run = posSim(['records', '--json', '--data-dir', folder()]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ hasData: false, records: [] });
    expect(run.stderr).toContain('No device data for "default" yet');
  });

  it('a device with data but no records says so', () => {
    const dataDir = folder();
    new DeviceStore({ profile: loadProfile('default'), medium: confMedium(dataDir, 'default'), now: () => START });
    const run = posSim(['records', '--data-dir', dataDir]);
    expect(run.stdout).toContain('No operation records yet on device "default"');
  });

  it('reads beside a running device: takes no lock and leaves the data file exactly as it was', () => {
    const dataDir = folder();
    deviceWithRecords(dataDir);
    const file = deviceFile(dataDir, 'default');
    const before = readFileSync(file, 'utf8');
    const modified = statSync(file).mtimeMs;
    // This test process holds the device, as the interactive pos-sim would.
    const lock = lockDevice(dataDir, 'default');
    try {
      const run = posSim(['records', '--data-dir', dataDir]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('2 operation records');
      expect(readFileSync(lock.file, 'utf8')).toBe(String(process.pid));
      expect(posSim(['reset', '--data-dir', dataDir]).code).toBe(2);
    } finally {
      lock.release();
    }
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(statSync(file).mtimeMs).toBe(modified);
    expect(readdirSync(dataDir)).toEqual(['default.json']);
  });

  it('a damaged data file is reported with the file and the fix, exit 2, and left alone', () => {
    const dataDir = folder();
    deviceWithRecords(dataDir);
    const file = deviceFile(dataDir, 'default');
    writeFileSync(file, '{ "format": 1, ');
    const run = posSim(['records', '--data-dir', dataDir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}:1:`);
    expect(run.stderr).toContain('pos-sim reset');
    expect(readFileSync(file, 'utf8')).toBe('{ "format": 1, ');
    const chinese = posSim(['records', '--data-dir', dataDir], undefined, '');
    expect(chinese.code).toBe(2);
    expect(chinese.stderr).toMatch(new RegExp(`^pos-sim: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:\\d+: 设备数据已损坏\\(`));
    expect(chinese.stderr).toContain('没有改动任何东西。');
  });

  it('takes no arguments and only its own flags', () => {
    const extra = posSim(['records', 'today']);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('"records" takes no arguments, got: today');
    const flag = posSim(['records', '--bail']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('--bail does not go with records');
    const json = posSim(['run', 'x.yaml', '--json']);
    expect(json.code).toBe(2);
    expect(json.stderr).toContain('--json does not go with run');
  });

  it('is in the help', () => {
    expect(posSim(['--help']).stdout).toContain('pos-sim records [--json]');
  });
});

describe('the small commands in Chinese (the default language)', SLOW, () => {
  it('reset says the device is back to its profile', () => {
    const dataDir = folder();
    const run = posSim(['reset', '--data-dir', dataDir], undefined, '');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(`设备 "default" 已恢复到设备配置：${join(dataDir, 'default.json')}\n`);
  });

  it('hash-password refuses what is not a terminal password, without echoing it', () => {
    const spawned = spawnSync(process.execPath, [BIN, 'hash-password'], {
      cwd: ROOT,
      env: { ...process.env, CI: 'true', NO_COLOR: '1', POS_SIM_LANG: '' },
      input: 'ab12cd\n',
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(spawned.status).toBe(2);
    expect(spawned.stdout).toBe('');
    expect(spawned.stderr).toBe('pos-sim: 终端密码是 4 到 12 位数字。\n');
  });

  it('starting the device without a terminal says it needs one', () => {
    const dataDir = folder();
    const run = posSim(['--data-dir', dataDir], undefined, '');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('pos-sim: pos-sim 需要交互式终端：请在终端窗口里运行，不要用管道输入。\n');
    expect(existsSync(dataDir)).toBe(false);
  });
});
