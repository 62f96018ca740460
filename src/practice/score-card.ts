/** The score card as rows of text: what the practice UI draws at the end. */
import { translator, type Lang } from '../i18n/messages.js';
import { formatDuration } from './history.js';
import { noteText } from './note-text.js';
import { MISTAKE_KINDS } from './score.js';
import type { PracticeResult } from './tracker.js';

export type ScoreCardRow = {
  readonly label: string;
  /** How many (mistakes, hints); empty for rows that are not counts. */
  readonly count: string;
  /** Points lost, as -5; empty when the row costs nothing by itself. */
  readonly points: string;
};

/** One mistake, in the order they happened. */
export type ScoreCardNote = {
  /** Practice time it happened, m:ss (a forgotten restart: when the practice ended). */
  readonly time: string;
  /** What it was: 走错菜单：进入了「操作记录」. */
  readonly text: string;
};

export type ScoreCard = {
  readonly title: string;
  readonly goal: string;
  readonly goalReached: boolean;
  readonly time: string;
  readonly rows: readonly ScoreCardRow[];
  readonly notes: readonly ScoreCardNote[];
  readonly score: string;
};

const lost = (points: number) => `-${points}`;

export const scoreCard = (result: PracticeResult, lang: Lang): ScoreCard => {
  const t = translator(lang);
  const { breakdown } = result;
  return {
    title: t('practice.score.title', { procedure: result.task.procedure, title: result.task.title[lang] }),
    goal: t(result.goalReached ? 'practice.score.goalReached' : 'practice.score.goalMissed'),
    goalReached: result.goalReached,
    time: t('practice.score.time', { time: formatDuration(result.elapsedMs), target: formatDuration(result.task.targetMs) }),
    rows: [
      ...MISTAKE_KINDS.map((kind) => ({
        label: t(`practice.mistake.${kind}`),
        count: String(result.mistakes[kind]),
        points: lost(breakdown.mistakes[kind]),
      })),
      { label: t('practice.score.hints'), count: String(result.hintsUsed), points: lost(breakdown.hints) },
      { label: t('practice.score.overTime'), count: '', points: lost(breakdown.time) },
    ],
    notes: result.notes.map((note) => ({
      time: formatDuration(note.atMs),
      text: noteText(note, lang),
    })),
    score: t('practice.score.total', { score: breakdown.score }),
  };
};
