// The terminal key map: which device events and trainer controls a run of raw terminal input
// becomes, key by key. A burst (keys typed fast, or sent together by tmux) must do exactly what its
// keys would one at a time, Esc included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIGITS } from '../../menus/device-events.js';
import { KEY_BINDINGS, keyActions, keyLabel, type KeyAction, type KeyBinding } from '../../src/keys/key-map.js';

const ESC = '\u001B';
const device = (type: string, digit?: string): KeyAction =>
  ({ kind: 'device', event: digit === undefined ? { type } : { type, digit } }) as KeyAction;
const digits = (text: string) => [...text].map((value) => device('DIGIT', value));
const trainer = (action: string): KeyAction => ({ kind: 'trainer', action }) as KeyAction;

/** Each key on its own, as a terminal sends it. */
const KEYS = {
  enter: '\r',
  esc: ESC,
  backspace: '\u007F',
  ctrlH: '\b',
  up: `${ESC}[A`,
  down: `${ESC}[B`,
  upApplicationMode: `${ESC}OA`,
  downApplicationMode: `${ESC}OB`,
  delete: `${ESC}[3~`,
} as const;

describe('keyActions: one key', () => {
  it.each([
    ['Enter', KEYS.enter, [device('ENTER')]],
    ['Enter as a line feed', '\n', [device('ENTER')]],
    ['Esc', KEYS.esc, [device('CANCEL')]],
    ['Backspace (DEL, what most terminals send)', KEYS.backspace, [device('CLEAR')]],
    ['Backspace as Ctrl+H', KEYS.ctrlH, [device('CLEAR')]],
    ['Delete', KEYS.delete, [device('CLEAR')]],
    ['Up arrow', KEYS.up, [device('UP')]],
    ['Down arrow', KEYS.down, [device('DOWN')]],
    ['Up arrow, application mode', KEYS.upApplicationMode, [device('UP')]],
    ['Down arrow, application mode', KEYS.downApplicationMode, [device('DOWN')]],
    ['Up arrow with a modifier', `${ESC}[1;2A`, [device('UP')]],
    ["'m'", 'm', [device('MENU')]],
    ["'p'", 'p', [device('POWER_CYCLE')]],
    ["'n'", 'n', [trainer('NETWORK_TOGGLE')]],
    ["'x'", 'x', [trainer('POWER_CUT')]],
    ["'R'", 'R', [trainer('FACTORY_RESET')]],
    ["'h'", 'h', [trainer('PHONE_TOGGLE')]],
    ['Tab', '\t', [{ kind: 'focus' }]],
    ['Shift+Tab', `${ESC}[Z`, []],
  ] as const)('%s', (_, raw, actions) => {
    expect(keyActions(raw)).toEqual(actions);
  });

  it('each digit key presses that digit', () => {
    for (const value of DIGITS) expect(keyActions(value)).toEqual([device('DIGIT', value)]);
  });

  it('ignores keys that are not on the map', () => {
    for (const raw of ['q', 'M', 'P', 'r', `${ESC}[D`, `${ESC}[C`, `${ESC}[5~`, `${ESC}[Z`, '\u0003', '设置', '']) {
      expect(keyActions(raw), JSON.stringify(raw)).toEqual([]);
    }
  });
});

describe('keyActions: a burst does what its keys do one at a time', () => {
  it.each([
    ['digits', '1234', digits('1234')],
    ['a password and Enter', '123456\r', [...digits('123456'), device('ENTER')]],
    ['digits with Backspace', '12\u007F3', [...digits('12'), device('CLEAR'), ...digits('3')]],
    ['menu, password, Enter', 'm123456\r', [device('MENU'), ...digits('123456'), device('ENTER')]],
    ['Esc then a digit (not Alt+2)', `${ESC}2`, [device('CANCEL'), ...digits('2')]],
    ['Esc Esc', `${ESC}${ESC}`, [device('CANCEL'), device('CANCEL')]],
    ['Esc Esc Esc', `${ESC}${ESC}${ESC}`, [device('CANCEL'), device('CANCEL'), device('CANCEL')]],
    ['Esc then Up (not Alt+Up)', `${ESC}${ESC}[A`, [device('CANCEL'), device('UP')]],
    ['Esc then Enter', `${ESC}\r`, [device('CANCEL'), device('ENTER')]],
    ['Esc then m', `${ESC}m`, [device('CANCEL'), device('MENU')]],
    ['Esc then Backspace', `${ESC}\u007F`, [device('CANCEL'), device('CLEAR')]],
    ['Up Down Enter', `${KEYS.up}${KEYS.down}\r`, [device('UP'), device('DOWN'), device('ENTER')]],
    ['a digit then Esc', `1${ESC}`, [...digits('1'), device('CANCEL')]],
    ['trainer letters among device keys', 'n1x', [trainer('NETWORK_TOGGLE'), ...digits('1'), trainer('POWER_CUT')]],
    ['R R', 'RR', [trainer('FACTORY_RESET'), trainer('FACTORY_RESET')]],
    ['unknown keys dropped, the keys around them kept', '1a2q', digits('12')],
  ] as const)('%s', (_, raw, actions) => {
    expect(keyActions(raw)).toEqual(actions);
  });

  it('any run of keys sent at once: the same actions as each key sent alone', () => {
    const oneKey = fc.constantFrom(...Object.values(KEYS), ...DIGITS, 'm', 'p', 'n', 'x', 'R', 'q', `${ESC}[D`);
    fc.assert(
      fc.property(fc.array(oneKey, { maxLength: 12 }), (keys) => {
        expect(keyActions(keys.join(''))).toEqual(keys.flatMap((raw) => keyActions(raw)));
      }),
      { numRuns: 300 },
    );
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
