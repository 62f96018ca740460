/**
 * Ink's useInput, one key at a time. useInput hands a burst of keys (typed fast, or sent together
 * by tmux) to its handler as one input and reads Esc followed by a key as Alt+key, so the Esc is
 * lost; this hook listens to the same parsed input, splits it into keys (splitKeys) and calls the
 * handler once per key, so a burst does exactly what its keys would one by one.
 */
import { useApp, useStdin } from 'ink';
import { useEffect } from 'react';
import { splitKeys, type TerminalKey } from '../keys/terminal-input.js';

/** What Ink sends for Ctrl+C on its own; it leaves the app itself then (exitOnCtrlC). */
const CTRL_C = '\u0003';

export const useTerminalKeys = (handler: (key: TerminalKey) => void, { isActive }: { readonly isActive: boolean }): void => {
  // internal_eventEmitter is the input Ink's own useInput listens to, each chunk already parsed so
  // that an escape sequence split across reads arrives whole.
  const { setRawMode, internal_eventEmitter: input, internal_exitOnCtrlC: exitOnCtrlC } = useStdin();
  const { exit } = useApp();
  useEffect(() => {
    if (!isActive) return undefined;
    setRawMode(true);
    return () => setRawMode(false);
  }, [isActive, setRawMode]);
  useEffect(() => {
    if (!isActive) return undefined;
    const onInput = (raw: string) => {
      for (const key of splitKeys(raw)) {
        if (key.key.ctrl && key.input === 'c' && exitOnCtrlC) {
          // Inside a burst Ink does not see it: leave as Ctrl+C on its own would, keys after it unread.
          if (raw !== CTRL_C) exit();
          return;
        }
        handler(key);
      }
    };
    input.on('input', onInput);
    return () => {
      input.removeListener('input', onInput);
    };
  }, [isActive, input, exitOnCtrlC, exit, handler]);
};
