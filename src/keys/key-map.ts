/**
 * How the terminal's keys map onto the device's keypad: one table drives key handling, the
 * on-screen legend and the README's key table.
 */
import type { Key } from 'ink';
import { isDigit, type KeyEvent, type SystemEvent } from '../../menus/device-events.js';
import { translator, type Lang, type MessageKey } from '../i18n/messages.js';

export type KeyBinding = {
  /** What the key does on the device: a keypad key, or a system event such as the power key. */
  readonly action: KeyEvent['type'] | SystemEvent['type'];
  /** The terminal keys, as shown in the legend. */
  readonly terminalKeys: string;
  /** The device key's label, a catalog key. */
  readonly label: MessageKey;
  readonly matches: (input: string, key: Key) => boolean;
};

export const KEY_BINDINGS: readonly KeyBinding[] = [
  { action: 'DIGIT', terminalKeys: '0-9', label: 'keys.label.DIGIT', matches: (input) => isDigit(input) },
  { action: 'ENTER', terminalKeys: 'Enter', label: 'keys.label.ENTER', matches: (_, key) => key.return },
  { action: 'CANCEL', terminalKeys: 'Esc', label: 'keys.label.CANCEL', matches: (_, key) => key.escape },
  {
    action: 'CLEAR',
    terminalKeys: 'Backspace',
    label: 'keys.label.CLEAR',
    matches: (_, key) => key.backspace || key.delete,
  },
  { action: 'UP', terminalKeys: 'Up', label: 'keys.label.UP', matches: (_, key) => key.upArrow },
  { action: 'DOWN', terminalKeys: 'Down', label: 'keys.label.DOWN', matches: (_, key) => key.downArrow },
  { action: 'MENU', terminalKeys: 'm', label: 'keys.label.MENU', matches: (input) => input === 'm' },
  { action: 'F1', terminalKeys: 'f', label: 'keys.label.F1', matches: (input) => input === 'f' },
  { action: 'POWER_CYCLE', terminalKeys: 'p', label: 'keys.label.POWER_CYCLE', matches: (input) => input === 'p' },
];

type DeviceAction = KeyEvent | SystemEvent;

/** What a trainer does to the device from outside it, to show how it copes. */
export type TrainerAction = 'NETWORK_TOGGLE' | 'PAPER_TOGGLE' | 'POWER_CUT' | 'FACTORY_RESET';

export type TrainerBinding = {
  readonly action: TrainerAction;
  readonly terminalKeys: string;
  readonly label: MessageKey;
  readonly input: string;
};

/** Trainer controls: off the device's keypad, so they are letters the device has no key for. */
export const TRAINER_BINDINGS: readonly TrainerBinding[] = [
  { action: 'NETWORK_TOGGLE', terminalKeys: 'n', label: 'keys.label.NETWORK_TOGGLE', input: 'n' },
  { action: 'PAPER_TOGGLE', terminalKeys: 'o', label: 'keys.label.PAPER_TOGGLE', input: 'o' },
  { action: 'POWER_CUT', terminalKeys: 'x', label: 'keys.label.POWER_CUT', input: 'x' },
  { action: 'FACTORY_RESET', terminalKeys: 'R R', label: 'keys.label.FACTORY_RESET', input: 'R' },
];

export const toTrainerAction = (input: string): TrainerAction | undefined =>
  TRAINER_BINDINGS.find((binding) => binding.input === input)?.action;

/** A key's label as this model prints it: the profile's name for the key, else the usual one. */
export const keyLabel = (
  binding: KeyBinding,
  keyLabels: Partial<Record<string, { readonly zh: string; readonly en: string }>>,
  lang: Lang,
): string => {
  const own = keyLabels[binding.action];
  return own ? own[lang] : translator(lang)(binding.label);
};

const toAction = (binding: KeyBinding, char: string): DeviceAction =>
  binding.action === 'DIGIT' && isDigit(char) ? { type: 'DIGIT', digit: char } : ({ type: binding.action } as DeviceAction);

/** Control characters that arrive inside a chunk of typed keys, as the raw terminal sends them. */
const CHUNK_CONTROLS: Readonly<Record<string, 'ENTER' | 'CLEAR'>> = { '\r': 'ENTER', '\n': 'ENTER', '\x7f': 'CLEAR', '\b': 'CLEAR' };

/**
 * The device events for one chunk of terminal input. Keys typed fast (or sent by tmux) arrive as
 * one string, so each character counts; special keys arrive alone.
 */
export const toDeviceEvents = (input: string, key: Key): DeviceAction[] => {
  const special = KEY_BINDINGS.find((binding) => binding.action !== 'DIGIT' && binding.matches(input, key));
  if (special && (input.length <= 1 || !/^[0-9mpf]+$/.test(input))) return [toAction(special, input)];
  return [...input].flatMap((char) => {
    // Inside a chunk ("123456\r"), Enter and Backspace are raw control characters, not parsed keys.
    const control = CHUNK_CONTROLS[char];
    if (control) return [{ type: control } as DeviceAction];
    const binding = KEY_BINDINGS.find((candidate) => candidate.matches(char, key));
    return binding ? [toAction(binding, char)] : [];
  });
};
