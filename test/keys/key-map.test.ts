// The terminal key map: which device events a chunk of terminal input becomes. Inputs are given as
// Ink hands them to useInput (special keys arrive with an empty input and a flag set).
import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { DIGITS } from '../../menus/device-events.js';
import { KEY_BINDINGS, keyLabel, toDeviceEvents, type KeyBinding } from '../../src/keys/key-map.js';

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

const key = (flags: Partial<Key> = {}): Key => ({ ...NO_KEY, ...flags });
const digit = (value: string) => ({ type: 'DIGIT', digit: value });

describe('toDeviceEvents', () => {
  it.each([
    ['Enter', '', { return: true }, 'ENTER'],
    ['Enter (input still holding the carriage return)', '\r', { return: true }, 'ENTER'],
    ['Esc', '', { escape: true, meta: true }, 'CANCEL'],
    ['Backspace', '', { backspace: true }, 'CLEAR'],
    ['Backspace sent as DEL (what most terminals send)', '', { delete: true }, 'CLEAR'],
    ['Up arrow', '', { upArrow: true }, 'UP'],
    ['Down arrow', '', { downArrow: true }, 'DOWN'],
    ["'m'", 'm', {}, 'MENU'],
    ["'p'", 'p', {}, 'POWER_CYCLE'],
  ] as const)('%s → %s', (_, input, flags, type) => {
    expect(toDeviceEvents(input, key(flags))).toEqual([{ type }]);
  });

  it('each digit key presses that digit', () => {
    for (const value of DIGITS) expect(toDeviceEvents(value, key())).toEqual([digit(value)]);
  });

  it('a run of keys typed fast arrives as one string and presses each key in order', () => {
    expect(toDeviceEvents('1234', key())).toEqual(['1', '2', '3', '4'].map(digit));
    expect(toDeviceEvents('0000', key())).toEqual(['0', '0', '0', '0'].map(digit));
    expect(toDeviceEvents('m123456', key())).toEqual([{ type: 'MENU' }, ...['1', '2', '3', '4', '5', '6'].map(digit)]);
    expect(toDeviceEvents('1p', key())).toEqual([digit('1'), { type: 'POWER_CYCLE' }]);
    expect(toDeviceEvents('mp', key())).toEqual([{ type: 'MENU' }, { type: 'POWER_CYCLE' }]);
  });

  it('Enter and Backspace inside a chunk of typed keys count as their raw control characters', () => {
    expect(toDeviceEvents('123456\r', key())).toEqual([...['1', '2', '3', '4', '5', '6'].map(digit), { type: 'ENTER' }]);
    expect(toDeviceEvents('12\u007F3', key())).toEqual([digit('1'), digit('2'), { type: 'CLEAR' }, digit('3')]);
  });

  it('ignores keys that are not on the map', () => {
    expect(toDeviceEvents('x', key())).toEqual([]);
    expect(toDeviceEvents('q', key())).toEqual([]);
    expect(toDeviceEvents('abc', key())).toEqual([]);
    expect(toDeviceEvents('M', key({ shift: true }))).toEqual([]);
    expect(toDeviceEvents('P', key({ shift: true }))).toEqual([]);
    expect(toDeviceEvents('', key({ tab: true }))).toEqual([]);
    expect(toDeviceEvents('', key({ leftArrow: true }))).toEqual([]);
    expect(toDeviceEvents('', key({ rightArrow: true }))).toEqual([]);
    expect(toDeviceEvents('', key({ pageUp: true }))).toEqual([]);
    expect(toDeviceEvents('c', key({ ctrl: true }))).toEqual([]);
    expect(toDeviceEvents('', key())).toEqual([]);
    expect(toDeviceEvents('设置', key())).toEqual([]);
  });

  it('drops the unknown characters of a chunk and keeps the keys around them', () => {
    expect(toDeviceEvents('1a2', key())).toEqual([digit('1'), digit('2')]);
    expect(toDeviceEvents('x m', key())).toEqual([{ type: 'MENU' }]);
  });
});

const zhLabel = (binding: KeyBinding | undefined) => (binding ? keyLabel(binding, {}, 'zh') : undefined);

describe('KEY_BINDINGS (drives the legend and the README table)', () => {
  it('binds each device action once, with the device key caps as Chinese labels', () => {
    const actions = KEY_BINDINGS.map((binding) => binding.action);
    expect(new Set(actions).size).toBe(actions.length);
    const byAction = Object.fromEntries(KEY_BINDINGS.map((binding) => [binding.action, binding]));
    expect(byAction.ENTER?.terminalKeys).toBe('Enter');
    expect(zhLabel(byAction.ENTER)).toBe('确认');
    expect(byAction.CANCEL?.terminalKeys).toBe('Esc');
    expect(zhLabel(byAction.CANCEL)).toBe('取消');
    expect(byAction.CLEAR?.terminalKeys).toBe('Backspace');
    expect(zhLabel(byAction.CLEAR)).toBe('清除');
    expect(byAction.MENU?.terminalKeys).toBe('m');
    expect(byAction.POWER_CYCLE?.terminalKeys).toBe('p');
    expect(keyLabel(byAction.ENTER!, {}, 'en')).toBe('OK');
  });
});
