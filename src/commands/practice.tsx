/**
 * `pos-sim practice [TASK]`: a task from fixtures/tasks on a fresh throw-away device of the task's
 * profile (the user's own device data is never touched), watched and scored; the result goes to
 * the practice history in the data folder. `--history` prints that history; no TASK lists the tasks.
 */
import { render } from 'ink';
import { DeviceSession } from '../device/device-session.js';
import { UsageError } from '../errors.js';
import { translator, type Lang } from '../i18n/messages.js';
import { toolText } from '../i18n/tool-lang.js';
import { appendHistory, formatHistory, historyEntry, readHistory } from '../practice/history.js';
import { TuiFault } from './tui-fault.js';
import { findTask, shippedTasks, taskFlash } from '../practice/load-tasks.js';
import type { Task } from '../practice/task.js';
import { PracticeTracker } from '../practice/tracker.js';
import { loadProfile } from '../profile/load-profile.js';
import { shownPath } from '../shown-path.js';
import { DeviceStore } from '../store/device-store.js';
import { seedFlash } from '../store/flash-data.js';
import { memoryMedium } from '../store/flash-medium.js';
import { PracticeApp } from '../ui/practice-app.js';
import { TaskChooser } from '../ui/task-chooser.js';

export type PracticeOptions = {
  /** A task's name, its number in the list, or a path to a task file; the list when absent. */
  readonly task: string | undefined;
  readonly history: boolean;
  readonly dataDir: string;
  readonly lang: Lang;
  /** Hears notes for stderr beside what is printed (history lines that were skipped). */
  readonly warn: (note: string) => void;
};

/** The tasks as a numbered list, for a terminal that cannot choose interactively. */
export const taskList = (tasks: readonly Task[], lang: Lang): string[] => [
  translator(lang)('practice.list.title'),
  ...tasks.map((task, index) => `${String(index + 1).padStart(2)}. ${task.procedure} ${task.title[lang]}  (${task.id})`),
  translator(lang)('practice.list.start'),
];

/** A fresh device of the task's profile, prepared as the task says, with its flash in memory. */
export const practiceDevice = (task: Task, lang: Lang, now: () => number = Date.now): DeviceSession => {
  const profile = loadProfile(task.profile);
  const store = new DeviceStore({ profile, medium: memoryMedium(taskFlash(task, seedFlash(profile))), now });
  return new DeviceSession({ store, lang, autoSignIn: true });
};

const chooseTask = async (tasks: readonly Task[], lang: Lang): Promise<Task | undefined> => {
  let chosen: Task | undefined;
  const app = render(<TaskChooser tasks={tasks} lang={lang} onChoose={(task) => (chosen = task)} />, { exitOnCtrlC: true });
  await app.waitUntilExit();
  // The chooser's last frame is empty, and Ink ends a frame with a line break: back up over it, so
  // that the task's frame starts on the row the chooser did.
  if (chosen && process.stdout.isTTY) process.stdout.write('\u001B[1A');
  return chosen;
};

/** Runs the command; returns what to print afterwards. */
export const practiceCommand = async ({ task: choice, history, dataDir, lang, warn }: PracticeOptions): Promise<string[]> => {
  const t = translator(lang);
  if (history) {
    const { entries, skipped } = readHistory(dataDir);
    skipped.forEach(warn);
    return formatHistory(entries, lang);
  }
  const tasks = shippedTasks();
  const interactive = process.stdin.isTTY === true;
  if (choice === undefined && !interactive) return taskList(tasks, lang);
  // A task that is not there is worth saying before anything about the terminal.
  const named = choice === undefined ? undefined : findTask(choice, tasks);
  if (!interactive) throw new UsageError(toolText('practiceCli.needsTerminal'));
  const task = named ?? (await chooseTask(tasks, lang));
  if (!task) return [];

  const session = practiceDevice(task, lang);
  const tracker = new PracticeTracker({ task, session });
  const fault = new TuiFault();
  let saved: string | undefined;
  // Recorded as soon as it is over, so leaving the score card with Ctrl+C loses nothing.
  const unsubscribe = tracker.subscribe(() => {
    const result = tracker.result();
    if (!result || saved !== undefined || fault.reported) return;
    try {
      saved = appendHistory(dataDir, historyEntry(result, Date.now()));
    } catch (error) {
      fault.report(error as Error);
    }
  });
  const app = render(<PracticeApp session={session} tracker={tracker} />, { exitOnCtrlC: true });
  fault.attach(app);
  try {
    await app.waitUntilExit();
    fault.throwIfAny();
  } finally {
    unsubscribe();
    tracker.stop();
    session.stop();
  }
  return [saved === undefined ? t('practice.notSaved') : t('practice.saved', { file: shownPath(saved) })];
};
