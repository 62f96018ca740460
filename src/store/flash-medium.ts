/**
 * Where the flash lives: a conf file on disk (atomic writes), or memory for throw-away devices
 * (scripts, tests). A file that does not parse or validate is reported and left as it is.
 */
import Conf from 'conf';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StoreCorruptError } from '../errors.js';
import { toolText } from '../i18n/tool-lang.js';
import { checkSchema, describeIssues, parseJson } from '../json-source.js';
import { flashDataSchema, type FlashData } from './flash-data.js';
import { PRIVATE_FILE_MODE, privateDir } from './private-files.js';
import { resetCommand } from './reset-command.js';

export interface FlashMedium {
  /** The stored data, or undefined when the device has never run. */
  read(): FlashData | undefined;
  write(data: FlashData): void;
  /** Where the data is, for messages. */
  readonly location: string;
}

export const memoryMedium = (initial?: FlashData): FlashMedium => {
  let stored = initial && structuredClone(initial);
  return {
    location: '(memory)',
    read: () => stored && structuredClone(stored),
    write: (data) => {
      stored = structuredClone(data);
    },
  };
};



/**
 * The device data file `<dir>/<name>.json`, written through conf; folder and file kept private.
 * `fixture` is the profile as the user gave it, for the reset command a damaged file's message gives.
 */
export const confMedium = (dir: string, name: string, fixture: string = name): FlashMedium => {
  const file = join(dir, `${name}.json`);
  const resetHint = () => toolText('store.resetHint', { file, command: resetCommand(fixture, dir) });
  // conf reads the file as it opens it, so it is opened only once the file is known to be sound.
  let conf: Conf<Record<string, unknown>> | undefined;
  return {
    location: file,
    read: () => {
      if (!existsSync(file)) return undefined;
      const parsed = parseJson(readFileSync(file, 'utf8'));
      if (!parsed.ok) {
        const { line, column, reason } = parsed.failure;
        throw new StoreCorruptError(toolText('store.damagedJson', { file, line, column, reason, hint: resetHint() }));
      }
      const result = checkSchema(flashDataSchema, parsed.value);
      if (!result.success) {
        throw new StoreCorruptError(toolText('store.damaged', { file, issues: describeIssues(result.error), hint: resetHint() }));
      }
      return result.data;
    },
    write: (data) => {
      privateDir(dir);
      conf ??= new Conf({ cwd: dir, configName: name, projectName: 'pos-sim', clearInvalidConfig: false, configFileMode: PRIVATE_FILE_MODE });
      conf.store = data;
    },
  };
};
