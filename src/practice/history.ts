/**
 * The practice history: one JSON line per finished practice in the data folder
 * (practice-history.jsonl), appended so that nothing earlier is rewritten, and read back for
 * `pos-sim practice --history` as a table, newest first, each practice with its mistakes in a line
 * under it. A torn line (a practice cut off while it was written) or any other damaged line is
 * skipped and named by file:line, the rest read, and the file left as it is; the next practice starts
 * a line of its own. Lines written before mistakes were noted one by one have only the counts, and
 * still read.
 */
import { appendFileSync, closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { z } from 'zod';
import { FileError } from '../errors.js';
import { fileReason } from '../file-problem.js';
import { inDataDir } from '../store/data-dir.js';
import { cutToWidth, padEnd, padStart } from '../text-width.js';
import { checkSchema, describeIssues } from '../json-source.js';
import { translator, type Lang } from '../i18n/messages.js';
import { toolText } from '../i18n/tool-lang.js';
import { PRIVATE_FILE_MODE, privateDir, privateFile } from '../store/private-files.js';
import { noteText } from './note-text.js';
import { MISTAKE_KINDS } from './score.js';
import type { PracticeResult } from './tracker.js';

export const HISTORY_FILE = 'practice-history.jsonl';

const count = z.number().int().min(0);
const localText = z.object({ zh: z.string(), en: z.string() }).strict();

/** One mistake as the tracker noted it (see MistakeNote). */
const noteSchema = z
  .object({
    kind: z.enum(MISTAKE_KINDS),
    atMs: count,
    what: z.string(),
    where: localText.optional(),
    lockedOut: z.boolean().optional(),
  })
  .strict();

export const historyEntrySchema = z
  .object({
    /** Wall-clock time the practice ended, ISO. */
    at: z.iso.datetime(),
    task: z.string().min(1),
    title: localText,
    procedure: z.string(),
    profile: z.string(),
    goalReached: z.boolean(),
    endedBy: z.enum(['goal', 'quit']),
    elapsedMs: count,
    targetMs: count,
    mistakes: z
      .object(Object.fromEntries(MISTAKE_KINDS.map((kind) => [kind, count])) as Record<(typeof MISTAKE_KINDS)[number], typeof count>)
      .strict(),
    hintsUsed: count,
    score: z.number().int().min(0).max(100),
    /** The mistakes one by one, in the order they happened; none in lines from before they were noted. */
    notes: z.array(noteSchema).default([]),
  })
  .strict();

export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const historyFile = (dataDir: string): string => join(dataDir, HISTORY_FILE);

export const historyEntry = (result: PracticeResult, at: number): HistoryEntry => ({
  at: new Date(at).toISOString(),
  task: result.task.id,
  title: { ...result.task.title },
  procedure: result.task.procedure,
  profile: result.task.profile,
  goalReached: result.goalReached,
  endedBy: result.endedBy,
  elapsedMs: result.elapsedMs,
  targetMs: result.task.targetMs,
  mistakes: { ...result.mistakes },
  hintsUsed: result.hintsUsed,
  score: result.breakdown.score,
  notes: result.notes.map((note) => ({ ...note })),
});

/** Whether the file ends in the middle of a line (a practice cut off while it was written). */
const endsMidLine = (file: string): boolean => {
  const size = statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  if (size === 0) return false;
  const last = Buffer.alloc(1);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, last, 0, 1, size - 1);
  } finally {
    closeSync(fd);
  }
  return last[0] !== 0x0a;
};

/** Adds one practice to the history (creating the data folder and file when needed; both private). */
export const appendHistory = (dataDir: string, entry: HistoryEntry): string => {
  const file = historyFile(dataDir);
  const line = `${JSON.stringify(historyEntrySchema.parse(entry))}\n`;
  inDataDir(dataDir, () => {
    privateDir(dataDir);
    // After a torn line, on a line of its own: the torn one stays the only one lost.
    appendFileSync(file, endsMidLine(file) ? `\n${line}` : line, { mode: PRIVATE_FILE_MODE });
    privateFile(file);
  });
  return file;
};

/** The practices in the history, oldest first, and what was skipped (`file:line: why`). */
export type History = { readonly entries: readonly HistoryEntry[]; readonly skipped: readonly string[] };

/** Every practice in the history; none when there is no history yet. Damaged lines are skipped, and said. */
export const readHistory = (dataDir: string): History => {
  const file = historyFile(dataDir);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR')
      return { entries: [], skipped: [] };
    throw new FileError(toolText('history.unreadable', { file, reason: fileReason(error) }));
  }
  const entries: HistoryEntry[] = [];
  const skipped: string[] = [];
  const fix = toolText('history.fix');
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const skip = (problem: string) => skipped.push(toolText('history.skipped', { where: `${file}:${index + 1}`, problem }));
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      return skip(toolText('history.notJson', { reason: (error as Error).message, fix }));
    }
    const parsed = checkSchema(historyEntrySchema, value);
    if (!parsed.success) return skip(toolText('history.invalid', { issues: describeIssues(parsed.error), fix }));
    entries.push(parsed.data);
  });
  return { entries, skipped };
};

/** m:ss, or h:mm:ss past an hour. */
export const formatDuration = (ms: number): string => {
  const seconds = Math.floor(ms / 1000);
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60];
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
};

/** mm-dd hh:mm in the given time zone; by default the device's (China time), as the records show it. */
const localTime = (iso: string, timeZone = 'Asia/Shanghai'): string => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(Date.parse(iso))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
};

/** Cuts text to a display width, marking the cut with "..". */
const fit = (text: string, width: number): string => cutToWidth(text, width, '..');

/** Where the line of mistakes starts: under the task column. */
const NOTES_INDENT = 13;
const NOTES_WIDTH = 80 - 1 - NOTES_INDENT;
const NOTE_GAP = ' · ';

/** The mistakes in one line of `width`, as many as fit, then how many more (…还有 N 项). */
const notesLine = (texts: readonly string[], width: number, lang: Lang): string => {
  const t = translator(lang);
  const more = (count: number) => t('practice.score.more', { count });
  let line = '';
  for (const [index, text] of texts.entries()) {
    const later = texts.length - index - 1;
    const room = later > 0 ? width - stringWidth(`${NOTE_GAP}${more(later)}`) : width;
    const next = line === '' ? text : `${line}${NOTE_GAP}${text}`;
    if (stringWidth(next) <= room) line = next;
    // The first is shown even when it is too long alone, cut.
    else if (line === '') line = fit(text, room);
    else return `${line}${NOTE_GAP}${more(later + 1)}`;
  }
  return line;
};

/** The history as a table that fits 80 columns, newest first, a practice's mistakes in a line under it. */
export const formatHistory = (entries: readonly HistoryEntry[], lang: Lang, timeZone?: string): string[] => {
  const t = translator(lang);
  if (entries.length === 0) return [t('practice.history.empty')];
  // 11 + 27 + 6 + 7 + 6 + 5 + 5 columns and six gaps of 2: 79.
  const columns = [
    { title: t('practice.history.when'), width: 11, align: 'left' },
    { title: t('practice.history.task'), width: 27, align: 'left' },
    { title: t('practice.history.goal'), width: 6, align: 'left' },
    { title: t('practice.history.time'), width: 7, align: 'right' },
    { title: t('practice.history.mistakes'), width: 6, align: 'right' },
    { title: t('practice.history.hints'), width: 5, align: 'right' },
    { title: t('practice.history.score'), width: 5, align: 'right' },
  ] as const;
  const row = (cells: readonly string[]) =>
    cells
      .map((cell, index) => {
        const column = columns[index];
        if (!column) return cell;
        const text = fit(cell, column.width);
        return column.align === 'left' ? padEnd(text, column.width) : padStart(text, column.width);
      })
      .join('  ')
      .trimEnd();
  const newestFirst = [...entries].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return [
    row(columns.map((column) => column.title)),
    ...newestFirst.flatMap((entry) => [
      row([
        localTime(entry.at, timeZone),
        `${entry.procedure} ${entry.title[lang]}`,
        t(entry.goalReached ? 'practice.reached' : 'practice.notReached'),
        formatDuration(entry.elapsedMs),
        String(MISTAKE_KINDS.reduce((sum, kind) => sum + entry.mistakes[kind], 0)),
        String(entry.hintsUsed),
        String(entry.score),
      ]),
      ...(entry.notes.length > 0
        ? [
            ' '.repeat(NOTES_INDENT) +
              notesLine(
                entry.notes.map((note) => noteText(note, lang)),
                NOTES_WIDTH,
                lang,
              ),
          ]
        : []),
    ]),
  ];
};
