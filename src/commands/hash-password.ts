/** `pos-sim hash-password`: reads a password (not echoed) and prints the hash a profile stores. */
import { UsageError } from '../errors.js';
import { toolText } from '../i18n/tool-lang.js';
import { hashPassword } from '../store/password-hash.js';

const readHidden = async (prompt: string): Promise<string> => {
  const { stdin, stderr } = process;
  if (!stdin.isTTY) {
    let text = '';
    for await (const chunk of stdin) text += String(chunk);
    if (text === '') throw new UsageError(toolText('hashPassword.nothingRead'));
    return text.replace(/\r?\n$/, '');
  }
  stderr.write(prompt);
  stdin.setRawMode(true);
  let password = '';
  try {
    for await (const chunk of stdin) {
      for (const char of String(chunk)) {
        if (char === '\r' || char === '\n') return password;
        if (char === '\u0003') throw new UsageError(toolText('hashPassword.cancelled'));
        if (char === '\u007f' || char === '\b') password = password.slice(0, -1);
        else password += char;
      }
    }
    return password;
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
    stderr.write('\n');
  }
};

export const hashPasswordCommand = async (): Promise<string> => {
  const password = await readHidden(toolText('hashPassword.prompt'));
  if (!/^\d{4,12}$/.test(password)) throw new UsageError(toolText('hashPassword.notDigits'));
  return hashPassword(password);
};
