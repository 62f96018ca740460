/**
 * The device's keypad as data: each key's event, its Chinese and English names (scripts may use
 * either), and what it does. Scripts, the terminal key map and the README all read this table.
 */
import { isDigit, type FunctionKey, type KeyEvent } from '../../menus/device-events.js';

export type DeviceKeyInfo = {
  readonly key: FunctionKey;
  /** Chinese key cap, as printed on real terminals. */
  readonly zh: string;
  readonly en: string;
};

export const FUNCTION_KEY_INFO: readonly DeviceKeyInfo[] = [
  { key: 'ENTER', zh: '确认', en: 'ENTER' },
  { key: 'CANCEL', zh: '取消', en: 'CANCEL' },
  { key: 'CLEAR', zh: '清除', en: 'CLEAR' },
  { key: 'UP', zh: '上', en: 'UP' },
  { key: 'DOWN', zh: '下', en: 'DOWN' },
  { key: 'MENU', zh: '菜单', en: 'MENU' },
  { key: 'F1', zh: 'F1', en: 'F1' },
  { key: 'F2', zh: 'F2', en: 'F2' },
  { key: 'F3', zh: 'F3', en: 'F3' },
  { key: 'F4', zh: 'F4', en: 'F4' },
];

/** The event for a key name ("确认", "ENTER", "enter", "7"), or undefined for a name the device has no key for. */
export const parseDeviceKey = (name: string): KeyEvent | undefined => {
  const trimmed = name.trim();
  if (isDigit(trimmed)) return { type: 'DIGIT', digit: trimmed };
  const info = FUNCTION_KEY_INFO.find((candidate) => candidate.zh === trimmed || candidate.en === trimmed.toUpperCase());
  return info ? { type: info.key } : undefined;
};

/** Every key name the device accepts, for error messages. */
export const deviceKeyNames = (): string[] => [
  '0-9',
  ...FUNCTION_KEY_INFO.flatMap((info) => (info.zh === info.en ? [info.en] : [`${info.zh}/${info.en}`])),
];

/** The name a key has on the device, for recordings and captions. */
export const keyName = (event: KeyEvent): string => (event.type === 'DIGIT' ? event.digit : event.type);

/** The keys the phone answers to: the digits, 确认, 取消 (back), 清除, 上 and 下 — no 菜单, no F keys. */
export const PHONE_FUNCTION_KEYS: readonly FunctionKey[] = ['ENTER', 'CANCEL', 'CLEAR', 'UP', 'DOWN'];

/** The event for a key on the phone, or undefined for a key the phone does not have. */
export const parsePhoneKey = (name: string): KeyEvent | undefined => {
  const event = parseDeviceKey(name);
  return event && (event.type === 'DIGIT' || PHONE_FUNCTION_KEYS.includes(event.type)) ? event : undefined;
};

/** Every key name the phone accepts, for error messages. */
export const phoneKeyNames = (): string[] => [
  '0-9',
  ...FUNCTION_KEY_INFO.filter((info) => PHONE_FUNCTION_KEYS.includes(info.key)).map((info) => `${info.zh}/${info.en}`),
];
