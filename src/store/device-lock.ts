/**
 * One process per device: a lock file beside the device data holds the owner's pid. A lock whose
 * process is gone (killed) is stale and taken over.
 *
 * Every step that decides who owns the lock is a single file-system operation that only one
 * process can win, so two starters never both get the device:
 * - a free lock is taken by link(2)ing a finished draft to the lock's name (it fails when the name
 *   exists, and no one ever sees an empty lock);
 * - a stale lock left by process X is replaced (rename over it) only by the starter holding the
 *   marker `<lock>.takeover-X`, and that marker is itself taken like a lock: whoever links it
 *   first. A starter killed while it holds a marker leaves a stale marker, taken over the same way.
 */
import { linkSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { atExit } from '../at-exit.js';
import { DeviceInUseError } from '../errors.js';
import { toolText } from '../i18n/tool-lang.js';
import { inDataDir } from './data-dir.js';
import { PRIVATE_FILE_MODE, privateDir } from './private-files.js';

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The live process a lock file names, or undefined when it names none (gone, or not a pid). */
const liveOwner = (content: string): number | undefined => {
  const pid = Number(content.trim());
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid) ? pid : undefined;
};

/** The lock file's content, or undefined when there is no such file. */
const readLock = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
};

/** A file holding this process's pid, complete before anyone can see it under `file`'s name. */
const draftFor = (file: string): string => {
  const draft = `${file}.${process.pid}`;
  writeFileSync(draft, String(process.pid), { mode: PRIVATE_FILE_MODE });
  return draft;
};

const markerPrefix = (file: string) => `${file}.takeover-`;

/** Takes `file` for this process; returns undefined once taken, or the live process that has it. */
const take = (file: string): number | undefined => {
  for (;;) {
    const draft = draftFor(file);
    try {
      linkSync(draft, file);
      return undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      rmSync(draft, { force: true });
    }
    const content = readLock(file);
    // Released in the meantime: try again.
    if (content === undefined) continue;
    const owner = liveOwner(content);
    if (owner !== undefined) return owner;
    // Stale. Only the holder of this stale owner's marker may replace it.
    const marker = `${markerPrefix(file)}${/^\d+$/.test(content.trim()) ? content.trim() : 'unknown'}`;
    const takingOver = take(marker);
    // Another live starter is taking this lock over: the device is about to be theirs.
    if (takingOver !== undefined) return takingOver;
    try {
      // Unless a starter before us finished the takeover, the lock still names the process that is gone.
      if (readLock(file) === content) {
        renameSync(draftFor(file), file);
        return undefined;
      }
    } finally {
      rmSync(marker, { force: true });
    }
  }
};

/** Drafts and takeover markers of this lock left by processes that were killed while they held them. */
const removeLeftovers = (dir: string, file: string): void => {
  const name = file.slice(dir.length + 1);
  // default.lock.123, default.lock.takeover-456.123: a draft, and the pid that wrote it.
  const draft = new RegExp(`^${name.replaceAll('.', '\\.')}(?:\\.takeover-[^.]+)*\\.(\\d+)$`);
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    const writer = draft.exec(entry)?.[1];
    const left =
      writer !== undefined
        ? Number(writer) === process.pid || !isRunning(Number(writer))
        : entry.startsWith(markerPrefix(name)) && liveOwner(readLock(path) ?? '') === undefined;
    if (left) rmSync(path, { force: true });
  }
};

export type DeviceLock = { readonly file: string; release(): void };

/** Takes the device `name` in `dir` for this process; throws DeviceInUseError when another has it. */
export const lockDevice = (dir: string, name: string): DeviceLock => {
  const file = join(dir, `${name}.lock`);
  const owner = inDataDir(dir, () => {
    privateDir(dir);
    return take(file);
  });
  if (owner !== undefined) throw new DeviceInUseError(toolText('lock.inUse', { name, pid: owner, dir }));
  inDataDir(dir, () => removeLeftovers(dir, file));
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    cancel();
    try {
      if (readLock(file) === String(process.pid)) rmSync(file, { force: true });
    } catch {
      // A folder that became read-only keeps the lock file; it names this process, so once this
      // process has ended the next start takes it over as stale.
    }
  };
  // Released as the process ends, by a signal too (the terminal window closed: SIGHUP).
  const cancel = atExit(release);
  return { file, release };
};
