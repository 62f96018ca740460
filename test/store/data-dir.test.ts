// Where the device data lives on each system, as a table of platform × environment, on made-up home
// folders (nothing is read or written), and the same folders as env-paths (conf's convention) gives.
import { homedir } from 'node:os';
import envPaths from 'env-paths';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveDataDir, type DataDirSystem } from '../../src/store/data-dir.js';

/** Ana's home folder on each system. */
const homeOn = (platform: NodeJS.Platform) =>
  platform === 'darwin' ? '/Users/ana' : platform === 'win32' ? 'C:\\Users\\ana' : '/home/ana';

/** A system on which only `existing` folders exist. */
const system = (platform: NodeJS.Platform, existing: readonly string[] = []): DataDirSystem => ({
  platform,
  home: homeOn(platform),
  exists: (dir) => existing.includes(dir),
});

describe('the data folder', () => {
  it.each([
    // Linux and other Unix: XDG, as before.
    ['linux', {}, [], '/home/ana/.local/share/pos-sim'],
    ['linux', { XDG_DATA_HOME: '/data' }, [], '/data/pos-sim'],
    ['linux', { XDG_DATA_HOME: '' }, [], '/home/ana/.local/share/pos-sim'],
    ['linux', { XDG_DATA_HOME: 'relative/data' }, [], '/home/ana/.local/share/pos-sim'], // XDG: a relative path is ignored
    ['linux', { POS_SIM_DATA_DIR: '/srv/pos', XDG_DATA_HOME: '/data' }, [], '/srv/pos'],
    ['freebsd', {}, [], '/home/ana/.local/share/pos-sim'],
    // macOS: Application Support; XDG is not its convention.
    ['darwin', {}, [], '/Users/ana/Library/Application Support/pos-sim'],
    ['darwin', { XDG_DATA_HOME: '/data' }, [], '/Users/ana/Library/Application Support/pos-sim'],
    ['darwin', { POS_SIM_DATA_DIR: '/srv/pos' }, [], '/srv/pos'],
    // Windows: the local application data.
    ['win32', {}, [], 'C:\\Users\\ana\\AppData\\Local\\pos-sim\\Data'],
    ['win32', { LOCALAPPDATA: 'D:\\Local' }, [], 'D:\\Local\\pos-sim\\Data'],
    ['win32', { POS_SIM_DATA_DIR: 'D:\\pos' }, [], 'D:\\pos'],
    // Data an earlier version left in the XDG folder stays in use until the system's folder exists.
    ['darwin', {}, ['/Users/ana/.local/share/pos-sim'], '/Users/ana/.local/share/pos-sim'],
    [
      'darwin',
      {},
      ['/Users/ana/.local/share/pos-sim', '/Users/ana/Library/Application Support/pos-sim'],
      '/Users/ana/Library/Application Support/pos-sim',
    ],
    ['darwin', { XDG_DATA_HOME: '/data' }, ['/data/pos-sim'], '/data/pos-sim'],
    ['win32', {}, ['C:\\Users\\ana\\.local\\share\\pos-sim'], 'C:\\Users\\ana\\.local\\share\\pos-sim'],
  ] as const)('%s %j (existing %j) → %s', (platform, env, existing, expected) => {
    expect(resolveDataDir(undefined, env, system(platform, existing))).toBe(expected);
  });

  it('takes --data-dir first, relative to the working folder', () => {
    expect(resolveDataDir('/tmp/here', { POS_SIM_DATA_DIR: '/srv/pos' }, system('darwin'))).toBe('/tmp/here');
    expect(resolveDataDir('mine', {}, system('linux'))).toBe(`${process.cwd()}/mine`);
  });
});

describe('the system data folder, as env-paths gives it (the convention conf uses)', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it.each(['linux', 'darwin', 'win32'] as const)('%s', (platform) => {
    vi.spyOn(process, 'platform', 'get').mockReturnValue(platform);
    // env-paths reads the environment itself; both get the same one.
    const env = { XDG_DATA_HOME: '/xdg/data', LOCALAPPDATA: '/local/app/data' };
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    const expected = envPaths('pos-sim', { suffix: '' }).data;
    const ours = resolveDataDir(undefined, env, { platform, home: homedir(), exists: () => false });
    // env-paths joins with this machine's separator; on Windows both use \.
    expect(ours.replaceAll('\\', '/')).toBe(expected);
  });
});
