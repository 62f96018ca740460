/**
 * Raw terminal input split into the keys that were pressed, one at a time. Keys typed fast (or sent
 * by tmux) reach the program together: "123456\r" is six digits and Enter, "\x1b2" is Esc then 2,
 * "\x1b\x1b[A" is Esc then Up. Ink hands such a burst over as one input and reads Esc followed by a
 * key as Alt+key (meta), which loses the Esc; splitting here gives every key its own turn, exactly
 * as if the keys had come one by one. A terminal cannot tell Alt+key from Esc then key, and the
 * device has no Alt: it is always read as Esc then the key.
 */
import type { Key } from 'ink';

/** One key as a key handler hears it: the character typed (empty for a special key) and its flags. */
export type TerminalKey = { readonly input: string; readonly key: Key };

const ESC = '\u001B';

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

const special = (flags: Partial<Key>): TerminalKey => ({ input: '', key: { ...NO_KEY, ...flags } });

/** CSI and SS3 sequences by their final letter (ESC [ A, ESC O A): arrows, Home, End, Shift+Tab. */
const BY_FINAL: Readonly<Record<string, Partial<Key>>> = {
  A: { upArrow: true },
  B: { downArrow: true },
  C: { rightArrow: true },
  D: { leftArrow: true },
  H: { home: true },
  F: { end: true },
  Z: { tab: true, shift: true },
};

/** ESC [ n ~ sequences by their number. */
const BY_NUMBER: Readonly<Record<string, Partial<Key>>> = {
  '1': { home: true },
  '3': { delete: true },
  '4': { end: true },
  '5': { pageUp: true },
  '6': { pageDown: true },
  '7': { home: true },
  '8': { end: true },
};

/** Single control characters. */
const CONTROLS: Readonly<Record<string, Partial<Key>>> = {
  '\r': { return: true },
  '\n': { return: true },
  '\t': { tab: true },
  '\u007F': { backspace: true },
  '\b': { backspace: true },
};

const isFinalByte = (code: number) => code >= 0x40 && code <= 0x7e;
const isParameterOrIntermediate = (code: number) => code >= 0x20 && code <= 0x3f;

/** The escape sequence starting at `at` (ESC [ … final, or ESC O final) and its end, if one is there. */
const escapeSequence = (raw: string, at: number): { readonly key: TerminalKey; readonly end: number } | undefined => {
  const kind = raw[at + 1];
  if (kind === 'O') {
    const final = raw[at + 2];
    if (final === undefined || !isFinalByte(final.charCodeAt(0))) return undefined;
    return { key: special(BY_FINAL[final] ?? {}), end: at + 3 };
  }
  if (kind !== '[') return undefined;
  let index = at + 2;
  // Old terminals' ESC [ [ A (F1-F5).
  if (raw[index] === '[') index += 1;
  while (index < raw.length && isParameterOrIntermediate(raw.charCodeAt(index))) index += 1;
  const final = raw[index];
  if (final === undefined || !isFinalByte(final.charCodeAt(0))) return undefined;
  const parameters = raw.slice(at + 2, index);
  const flags = final === '~' ? BY_NUMBER[parameters.split(';')[0] ?? ''] : parameters.startsWith('[') ? undefined : BY_FINAL[final];
  return { key: special(flags ?? {}), end: index + 1 };
};

/** A character that is not an escape: a control key, Ctrl+letter, or a printable character. */
const characterKey = (char: string): TerminalKey => {
  const control = CONTROLS[char];
  if (control) return special(control);
  const code = char.codePointAt(0) ?? 0;
  if (code >= 1 && code <= 26) return { input: String.fromCharCode(code + 96), key: { ...NO_KEY, ctrl: true } };
  if (code < 0x20) return special({});
  return { input: char, key: { ...NO_KEY, shift: /^[A-Z]$/.test(char) } };
};

/** The keys in a run of raw terminal input, in the order they were pressed. */
export const splitKeys = (raw: string): TerminalKey[] => {
  const keys: TerminalKey[] = [];
  let index = 0;
  while (index < raw.length) {
    if (raw[index] === ESC) {
      const sequence = escapeSequence(raw, index);
      if (sequence) {
        keys.push(sequence.key);
        index = sequence.end;
      } else {
        // Esc on its own, or followed by a key of its own (another Esc, a digit, a letter).
        keys.push(special({ escape: true }));
        index += 1;
      }
      continue;
    }
    const char = String.fromCodePoint(raw.codePointAt(index) ?? 0);
    keys.push(characterKey(char));
    index += char.length;
  }
  return keys;
};
