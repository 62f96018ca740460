/**
 * A reporter turns a run's results into text as they come, in run order: `start` when it is known
 * what will run, `result` for each walkthrough on each profile, `end` with the totals. Pretty and
 * TAP print as they go; JUnit and JSON keep the results (a few hundred bytes each) for the end.
 */
import { toolText } from '../../i18n/tool-lang.js';
import type { CoverageReport } from '../coverage.js';
import type { RunStatus, WalkthroughResult } from '../run-walkthrough.js';

export type RunPlan = {
  /** How many results there will be, unless the run stops early (--bail). */
  readonly total: number;
  /** Whether the same walkthroughs run on several profiles (--fixture all): results then name their profile. */
  readonly perProfile: boolean;
  /** When the run started, for JUnit's timestamp. */
  readonly startedAt: Date;
};

export type RunEnd = {
  /** Set when --bail stopped the run: the failure that stopped it. */
  readonly bailedOut?: string;
  /** What the run covered, for reports that show it (html). */
  readonly coverage?: CoverageReport;
};

/** `End`: what `end` gives, a Promise for a report drawn at the end (html). */
export type Reporter<End extends string | Promise<string> = string> = {
  readonly start: (plan: RunPlan) => string | undefined;
  readonly result: (result: WalkthroughResult) => string | undefined;
  readonly end: (end: RunEnd) => End;
};

export type Tally = Record<RunStatus, number>;

/** The profile a result ran on, as a report names it ("(profile unknown)" for a file that could not be read). */
export const profileName = (result: WalkthroughResult): string => result.profile ?? toolText('report.noProfile');

/** Counts results by how they ended. */
export class Counter {
  readonly all: Tally = { passed: 0, failed: 0, skipped: 0, error: 0 };
  readonly byProfile = new Map<string, Tally>();

  add(result: WalkthroughResult): void {
    this.all[result.status] += 1;
    const name = profileName(result);
    const profile = this.byProfile.get(name) ?? { passed: 0, failed: 0, skipped: 0, error: 0 };
    profile[result.status] += 1;
    this.byProfile.set(name, profile);
  }
}

/** "3 passed, 1 failed", with ", 2 skipped" and ", 1 could not run" when there are any. */
export const tallyText = (tally: Tally): string =>
  [
    toolText('report.tally', { passed: tally.passed, failed: tally.failed }),
    ...(tally.skipped > 0 ? [toolText('report.tallySkipped', { skipped: tally.skipped })] : []),
    ...(tally.error > 0 ? [toolText('report.tallyErrors', { errors: tally.error })] : []),
  ].join(toolText('report.tallyJoin'));

/** Why a run stopped at this result with --bail, in one line. */
export const bailReason = (result: WalkthroughResult): string => {
  const failure = result.failure ?? result.afterFailure;
  return failure ? `${failure.at} ${result.name}` : (result.reason?.split('\n')[0] ?? result.file);
};
