// The device data holds password hashes: its folder is private (0700) and its files (device data,
// backups, practice history, damaged data kept aside) are private (0600) from the first write, and
// every later save keeps them so, whatever their mode was before (an older pos-sim wrote 0755/0644).
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetDevice } from '../../src/commands/reset-device.js';
import { appendHistory, historyEntry } from '../../src/practice/history.js';
import { loadProfile } from '../../src/profile/load-profile.js';
import { folderShelf } from '../../src/store/backup-shelf.js';
import { DeviceStore } from '../../src/store/device-store.js';
import { confMedium } from '../../src/store/flash-medium.js';
import { privateDir } from '../../src/store/private-files.js';
import { finishedPractice } from '../support/practice.js';

const profile = loadProfile('default');
const NOW = Date.parse('2026-06-01T09:00:00+08:00');

let scratch: string;
let dir: string;
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'pos-sim-private-'));
  // Not there yet: pos-sim makes it.
  dir = join(scratch, 'data');
});
afterEach(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const modeOf = (path: string): string => (statSync(path).mode & 0o777).toString(8);

const openStore = () => new DeviceStore({ profile, medium: confMedium(dir, profile.name), now: () => NOW });

describe('private device data', () => {
  it('the data folder is made 0700 and the data file 0600 on the first save', () => {
    openStore();
    expect(modeOf(dir)).toBe('700');
    expect(modeOf(join(dir, 'default.json'))).toBe('600');
  });

  it('every save keeps them private: a chmod 600 by hand stays, and data an older pos-sim left open is closed', () => {
    const store = openStore();
    const file = join(dir, 'default.json');
    chmodSync(file, 0o600);
    store.deregister('alipay', '00');
    expect(modeOf(file)).toBe('600');
    chmodSync(file, 0o644);
    chmodSync(dir, 0o755);
    store.deregister('wechat-pay', '00');
    expect(modeOf(file)).toBe('600');
    expect(modeOf(dir)).toBe('700');
  });

  it('takes away only what others may do: a folder its owner made read-only stays read-only', () => {
    mkdirSync(dir, { mode: 0o750 });
    chmodSync(dir, 0o550);
    privateDir(dir);
    expect(modeOf(dir)).toBe('500');
  });

  it('backups are 0600 in a 0700 backups folder', () => {
    const shelf = folderShelf(join(dir, 'backups'));
    shelf.put('default-2026-06-01_09-00-00', '{}\n');
    expect(modeOf(join(dir, 'backups'))).toBe('700');
    expect(modeOf(join(dir, 'backups', 'default-2026-06-01_09-00-00.json'))).toBe('600');
  });

  it('the practice history is 0600, also when an older pos-sim left it open', () => {
    const entry = historyEntry(finishedPractice(), NOW);
    const file = appendHistory(dir, entry);
    expect(modeOf(dir)).toBe('700');
    expect(modeOf(file)).toBe('600');
    chmodSync(file, 0o644);
    appendHistory(dir, entry);
    expect(modeOf(file)).toBe('600');
  });

  it('reset keeps damaged data aside as a private file', async () => {
    mkdirSync(dir, { mode: 0o755 });
    writeFileSync(join(dir, 'default.json'), 'garbage {', { mode: 0o644 });
    await resetDevice(profile, dir, { now: new Date(NOW) });
    const [aside] = readdirSync(dir).filter((name) => name.startsWith('default.json.broken-'));
    expect(modeOf(join(dir, aside ?? ''))).toBe('600');
    expect(modeOf(join(dir, 'default.json'))).toBe('600');
    expect(modeOf(dir)).toBe('700');
  });
});
