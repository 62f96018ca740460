/**
 * Where the flash lives: a conf file on disk (atomic writes), or memory for throw-away devices
 * (scripts, tests). A file that does not parse or validate is reported and left as it is.
 */
import Conf from 'conf';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DataWriteError, FileError, StoreCorruptError } from '../errors.js';
import { fileReason } from '../file-problem.js';
import { toolText } from '../i18n/tool-lang.js';
import { checkSchema, describeIssues, parseJson } from '../json-source.js';
import { isNotAFolder } from './data-dir.js';
import { flashDataSchema, type FlashData } from './flash-data.js';
import type { HashStrength } from './password-hash.js';
import { PRIVATE_FILE_MODE, privateDir } from './private-files.js';
import { resetCommand } from './reset-command.js';

export interface FlashMedium {
  /** The stored data, or undefined when the device has never run. */
  read(): FlashData | undefined;
  write(data: FlashData): void;
  /** Where the data is, for messages. */
  readonly location: string;
  /** How hard the password hashes it keeps are made: on disk at the OWASP cost (when absent), in memory cheaply. */
  readonly hashStrength?: HashStrength;
}

/**
 * The flash in memory. A write keeps the data as it is, uncopied: the store writes at every change
 * (a few times a step), never changes data it has written (each change is a new FlashData), and
 * copying it each time was a good part of a headless run's work. A read hands out a copy.
 */
export const memoryMedium = (initial?: FlashData): FlashMedium => {
  let stored = initial && structuredClone(initial);
  return {
    location: '(memory)',
    hashStrength: 'throwaway',
    read: () => stored && structuredClone(stored),
    write: (data) => {
      stored = data;
    },
  };
};

/** How confMedium behaves beyond its file. */
export type ConfMediumOptions = {
  /** The profile as the user gave it, for the reset command a damaged file's message gives. */
  readonly fixture?: string;
  /**
   * Hears a save that failed, instead of the writer (a device key handler, a machine action) hearing
   * it thrown: the interactive device ends cleanly on it. Without it the DataWriteError is thrown.
   */
  readonly onWriteFailure?: (error: DataWriteError) => void;
};

/**
 * The device data file `<dir>/<name>.json`, written through conf (atomically: a failed save leaves
 * the file as it was); folder and file kept private.
 */
export const confMedium = (dir: string, name: string, { fixture = name, onWriteFailure }: ConfMediumOptions = {}): FlashMedium => {
  const file = join(dir, `${name}.json`);
  const resetHint = () => toolText('store.resetHint', { file, command: resetCommand(fixture, dir) });
  // conf reads the file as it opens it, so it is opened only once the file is known to be sound.
  let conf: Conf<Record<string, unknown>> | undefined;
  return {
    location: file,
    hashStrength: 'stored',
    read: () => {
      if (isNotAFolder(dir)) throw new FileError(toolText('store.notAFolder', { dir }));
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw new FileError(toolText('store.unreadable', { file, reason: fileReason(error) }));
      }
      const parsed = parseJson(text);
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
      try {
        privateDir(dir);
        conf ??= new Conf({
          cwd: dir,
          configName: name,
          projectName: 'pos-sim',
          clearInvalidConfig: false,
          configFileMode: PRIVATE_FILE_MODE,
          // read() passes over a byte order mark (an editor's): conf's own read must too.
          deserialize: (text) => JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text) as Record<string, unknown>,
        });
        conf.store = data;
      } catch (error) {
        const failure = new DataWriteError(toolText('store.saveFailed', { file, reason: fileReason(error) }));
        if (!onWriteFailure) throw failure;
        onWriteFailure(failure);
      }
    },
  };
};

/**
 * Removes what saves of device `name` left when they were interrupted (killed, power lost): conf
 * writes through a temp file `<name>.json.tmp-<10 digits><6 hex>` that it renames over the data.
 * Only for the process that holds the device's lock: no save of another can be under way.
 */
export const removeInterruptedSaves = (dir: string, name: string): void => {
  const temp = new RegExp(`^${name}\\.json\\.tmp-\\d{10}[0-9a-f]{6}$`);
  for (const entry of readdirSync(dir)) if (temp.test(entry)) rmSync(join(dir, entry), { force: true });
};
