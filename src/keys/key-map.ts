/**
 * How the terminal's keys map onto the device's keypad: one table drives key handling, the
 * on-screen legend and the README's key table.
 */
import type { Key } from 'ink';
import { isDigit, type KeyEvent, type SystemEvent } from '../../menus/device-events.js';
import { translator, type Lang, type MessageKey } from '../i18n/messages.js';
import { splitKeys, type TerminalKey } from './terminal-input.js';

export type KeyBinding = {
  /**
   * What the key does on the device: a keypad key, or a system event such as the power key; FOCUS
   * moves the keypad between the terminal and the phone beside it.
   */
  readonly action: KeyEvent['type'] | SystemEvent['type'] | 'FOCUS';
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
  // The phone answers to the digits, Enter, Esc, Backspace and the arrows; m, f and p stay the terminal's.
  { action: 'FOCUS', terminalKeys: 'Tab', label: 'keys.label.FOCUS', matches: (_, key) => key.tab && !key.shift },
];

/** The terminal key that moves the keypad between the terminal and the phone, as the legend shows it. */
export const FOCUS_KEY = KEY_BINDINGS.find((binding) => binding.action === 'FOCUS')?.terminalKeys ?? 'Tab';

type DeviceAction = KeyEvent | SystemEvent;

/** What a trainer does to the device from outside it, to show how it copes. */
export type TrainerAction =
  'NETWORK_TOGGLE' | 'PAPER_TOGGLE' | 'POWER_CUT' | 'FACTORY_RESET' | 'FAST_FORWARD' | 'SCREENSHOT' | 'PHONE_TOGGLE';

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
  { action: 'FAST_FORWARD', terminalKeys: 't', label: 'keys.label.FAST_FORWARD', input: 't' },
  // A picture of the screen for slides and guides (an SVG file in the current folder).
  { action: 'SCREENSHOT', terminalKeys: 's', label: 'keys.label.SCREENSHOT', input: 's' },
  { action: 'PHONE_TOGGLE', terminalKeys: 'h', label: 'keys.label.PHONE_TOGGLE', input: 'h' },
];

const toTrainerAction = (input: string): TrainerAction | undefined => TRAINER_BINDINGS.find((binding) => binding.input === input)?.action;

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

/** What one terminal key does: press a device key, work a trainer control, move the focus, or nothing. */
export type KeyAction =
  | { readonly kind: 'device'; readonly event: DeviceAction }
  | { readonly kind: 'trainer'; readonly action: TrainerAction }
  | { readonly kind: 'focus' };

/** The action of one key, as it comes from splitKeys. */
export const keyAction = ({ input, key }: TerminalKey): KeyAction | undefined => {
  const trainer = toTrainerAction(input);
  if (trainer) return { kind: 'trainer', action: trainer };
  const binding = KEY_BINDINGS.find((candidate) => candidate.matches(input, key));
  if (binding?.action === 'FOCUS') return { kind: 'focus' };
  return binding ? { kind: 'device', event: toAction(binding, input) } : undefined;
};

/**
 * The actions of a run of raw terminal input, key by key: a burst (keys typed fast, or sent
 * together by tmux) does exactly what its keys would one at a time.
 */
export const keyActions = (raw: string): KeyAction[] =>
  splitKeys(raw).flatMap((key) => {
    const action = keyAction(key);
    return action ? [action] : [];
  });
