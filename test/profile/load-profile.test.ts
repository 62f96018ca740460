// Device profiles: every shipped one loads and boots; a broken one is reported by file and line
// (bad JSON) or file and field (bad values); an unknown name lists the shipped ones.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setToolLang } from '../../src/i18n/tool-lang.js';
import { createSimulator, loadProfile, PosSimError, ProfileError, shippedProfileNames } from '../../src/index.js';
import { profilePath } from '../../src/profile/load-profile.js';

const SHIPPED = ['classic-s80', 'default', 'landi-a8', 'newland-n910', 'offline', 'pax-a920', 'unbound'];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pos-sim-profile-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const defaultText = () => readFileSync(profilePath('default'), 'utf8');

/** Writes `text` as a profile file in the temp folder and returns its path. */
const writeProfile = (text: string, name = 'broken.json') => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

/** The ProfileError loading a profile by name or path throws (fails the test if it loads). */
const loadError = (nameOrPath: string): ProfileError => {
  try {
    loadProfile(nameOrPath);
  } catch (error) {
    expect(error).toBeInstanceOf(ProfileError);
    expect(error).toBeInstanceOf(PosSimError);
    return error as ProfileError;
  }
  throw new Error(`${nameOrPath} loaded, but it should not have`);
};

describe('shipped profiles', () => {
  it('are the ones the docs name', () => {
    expect(shippedProfileNames()).toEqual(SHIPPED);
  });

  it.each(SHIPPED)('%s loads, is named after its file, and boots to the home screen', (name) => {
    const profile = loadProfile(name);
    expect(profile.name).toBe(name);
    expect(profile.operators.map((operator) => operator.id)).toContain(profile.security.settingsOperator);
    const sim = createSimulator({ fixture: name });
    expect(sim.session.activeStates()).toEqual(['device.home']);
    expect(sim.title()).toBe(profile.device.merchantName.zh);
  });

  it('loads by path as well as by name', () => {
    expect(loadProfile(profilePath('unbound'))).toEqual(loadProfile('unbound'));
    expect(loadProfile()).toEqual(loadProfile('default'));
  });
});

// Tests break the profile in ways its type forbids, so it is handled untyped here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

describe('a hand-broken profile', () => {
  beforeEach(() => setToolLang('en'));
  afterEach(() => setToolLang('zh'));

  it.each<{ field: string; says: string; breakIt: (profile: Json) => void }>([
    { field: 'security.maxAttempts', says: 'security.maxAttempts:', breakIt: (p) => (p.security.maxAttempts = 0) },
    { field: 'security.lockoutSeconds', says: 'security.lockoutSeconds:', breakIt: (p) => (p.security.lockoutSeconds = '300') },
    {
      field: 'security.settingsOperator',
      says: 'security.settingsOperator: no operator "42"',
      breakIt: (p) => (p.security.settingsOperator = '42'),
    },
    {
      field: 'operators[0].passwordHash',
      says: 'operators[0].passwordHash: store a hash, never the password',
      breakIt: (p) => (p.operators[0].passwordHash = '123456'),
    },
    { field: 'bindings[2].boundAt', says: 'bindings[2].boundAt: use a date like', breakIt: (p) => (p.bindings[2].boundAt = '2024/05/02') },
    { field: 'bindings[3].id', says: 'bindings[3].id: "merchant" is used twice', breakIt: (p) => (p.bindings[3].id = 'merchant') },
    {
      field: 'passwordFree.channels[0].limit',
      says: 'passwordFree.channels[0].limit: 800 is not among passwordFree.limitOptions',
      breakIt: (p) => (p.passwordFree.channels[0].limit = 800),
    },
    {
      field: 'device.terminalId',
      says: 'device.terminalId: a terminal number has 8 digits',
      breakIt: (p) => (p.device.terminalId = '123'),
    },
    { field: 'an unknown key', says: '(top level): Unrecognized key: "colour"', breakIt: (p) => (p.colour = 'blue') },
  ])('$field: ProfileError naming the file and the field', ({ says, breakIt }) => {
    const profile = JSON.parse(defaultText()) as Json;
    breakIt(profile);
    const file = writeProfile(JSON.stringify(profile, null, 2));
    const { message } = loadError(file);
    expect(message).toContain(`${file}: this device profile is not valid`);
    expect(message).toContain(says);
  });

  it('a profile with no 免密支付 item in its menu says which flow is missing', () => {
    const profile = JSON.parse(defaultText()) as Json;
    profile.settingsMenu = profile.settingsMenu.slice(0, 1);
    const { message } = loadError(writeProfile(JSON.stringify(profile)));
    expect(message).toContain('settingsMenu: no menu item runs the "passwordFree" flow');
  });

  it('invalid JSON names the file and the line where it breaks', () => {
    const lines = defaultText().split('\n');
    const index = lines.findIndex((line) => line.includes('"maxAttempts"'));
    expect(lines[index]).toMatch(/,$/);
    lines[index] = (lines[index] as string).replace(/,$/, '');
    const file = writeProfile(lines.join('\n'));
    // The missing comma shows where the next property starts.
    expect(loadError(file).message).toMatch(new RegExp(`^${escape(file)}:${index + 2}:\\d+: not valid JSON`));
  });

  it('a truncated file names the line where it ends, not the first line', () => {
    const text = defaultText();
    const cut = text.slice(0, text.indexOf('"maxAttempts": ') + '"maxAttempts": '.length);
    const file = writeProfile(cut);
    const { message } = loadError(file);
    expect(message).toMatch(new RegExp(`^${escape(file)}:${cut.split('\n').length}:\\d+: not valid JSON`));
    expect(message).toMatch(/: not valid JSON: the file ends here, but the \{ at line \d+, column 15 is never closed$/);
  });
});

describe('a profile that is not there', () => {
  beforeEach(() => setToolLang('en'));
  afterEach(() => setToolLang('zh'));

  it('an unknown name lists the shipped profiles', () => {
    const { message } = loadError('nosuch');
    expect(message).toContain('No device profile named "nosuch"');
    expect(message).toContain(`Shipped profiles: ${SHIPPED.join(', ')}`);
  });

  it('a missing path names the path', () => {
    const file = join(dir, 'missing.json');
    expect(() => loadProfile(file)).toThrow(new ProfileError(`No device profile at ${file}.`));
  });
});

describe('profile errors in Chinese (the default language)', () => {
  it("name the file and each field, in zod's words in Chinese where the schema has none of its own", () => {
    const profile = JSON.parse(defaultText()) as Json;
    profile.security.lockoutSeconds = '300';
    profile.device.terminalId = '123';
    profile.colour = 'blue';
    const file = writeProfile(JSON.stringify(profile, null, 2));
    expect(loadError(file).message.split('\n')).toEqual([
      `${file}：设备配置有误：`,
      '  device.terminalId：终端号是 8 位数字',
      '  security.lockoutSeconds：无效输入：期望 数字，实际接收 string',
      '  (顶层)：出现未知的键(key): "colour"',
    ]);
  });

  it('say what is inconsistent across fields', () => {
    const profile = JSON.parse(defaultText()) as Json;
    profile.security.settingsOperator = '42';
    const { message } = loadError(writeProfile(JSON.stringify(profile)));
    expect(message).toContain('\n  security.settingsOperator：没有操作员 "42"；请用 00, 01, 99 之一');
  });

  it('invalid JSON names the file, the line and column, and what is wrong there', () => {
    const file = writeProfile('{\n  "name": "x",\n  "description": \n');
    expect(loadError(file).message).toBe(`${file}:4:1: 不是有效的 JSON：文件在这里结束了，但第 1 行第 1 列的 { 还没有闭合`);
  });

  it('an unknown name lists the shipped profiles; a missing path names the path', () => {
    expect(loadError('nosuch').message).toBe(
      `没有名为 "nosuch" 的设备配置。自带的设备配置有：${SHIPPED.join(', ')}；也可以给出 .json 文件的路径。`,
    );
    const file = join(dir, 'missing.json');
    expect(loadError(file).message).toBe(`${file} 处没有设备配置。`);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
