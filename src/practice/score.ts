/**
 * The score card's arithmetic. A practice scores 0 unless its goal was reached; a reached goal
 * starts at 100 and loses points for each mistake, each hint, and time over the task's target:
 *
 *   score = goal reached ? max(0, 100 - mistakes - hints - time) : 0
 *   mistakes = 10 x wrong passwords + 5 x detours + 5 x cancelled steps + 20 x forgotten restarts
 *   hints    = 5 x hints used
 *   time     = 1 per full 10 s over the target time, at most 20
 */

/** The kinds of mistake the score card names, in the order it lists them. */
export const MISTAKE_KINDS = ['wrongPassword', 'detour', 'cancelledStep', 'forgottenRestart'] as const;
export type MistakeKind = (typeof MISTAKE_KINDS)[number];

export type MistakeCounts = Readonly<Record<MistakeKind, number>>;

export const noMistakes = (): Record<MistakeKind, number> => ({ wrongPassword: 0, detour: 0, cancelledStep: 0, forgottenRestart: 0 });

/** Points one mistake of each kind costs. */
export const MISTAKE_POINTS: Readonly<Record<MistakeKind, number>> = {
  wrongPassword: 10,
  detour: 5,
  cancelledStep: 5,
  forgottenRestart: 20,
};

export const HINT_POINTS = 5;
/** Over the target time: TIME_POINTS per full TIME_STEP_MS, at most TIME_POINTS_MAX. */
export const TIME_STEP_MS = 10_000;
export const TIME_POINTS = 1;
export const TIME_POINTS_MAX = 20;

export type ScoreInput = {
  readonly goalReached: boolean;
  readonly mistakes: MistakeCounts;
  readonly hintsUsed: number;
  readonly elapsedMs: number;
  readonly targetMs: number;
};

export type ScoreBreakdown = {
  /** Points lost per kind of mistake. */
  readonly mistakes: Readonly<Record<MistakeKind, number>>;
  readonly hints: number;
  readonly time: number;
  /** 0 to 100. */
  readonly score: number;
};

export const timePoints = (elapsedMs: number, targetMs: number): number =>
  Math.min(TIME_POINTS_MAX, Math.floor(Math.max(0, elapsedMs - targetMs) / TIME_STEP_MS) * TIME_POINTS);

export const scorePractice = ({ goalReached, mistakes, hintsUsed, elapsedMs, targetMs }: ScoreInput): ScoreBreakdown => {
  const lost = Object.fromEntries(MISTAKE_KINDS.map((kind) => [kind, mistakes[kind] * MISTAKE_POINTS[kind]])) as Record<
    MistakeKind,
    number
  >;
  const hints = hintsUsed * HINT_POINTS;
  const time = timePoints(elapsedMs, targetMs);
  const total = MISTAKE_KINDS.reduce((sum, kind) => sum + lost[kind], 0) + hints + time;
  return { mistakes: lost, hints, time, score: goalReached ? Math.max(0, 100 - total) : 0 };
};
