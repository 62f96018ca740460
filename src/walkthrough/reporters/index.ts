/** The reporters `pos-sim run --reporter` offers. */
import type { WalkthroughResult } from '../run-walkthrough.js';
import { htmlReporter } from './html.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import { prettyReporter } from './pretty.js';
import type { ReporterName, TextReporterName } from './reporter-names.js';
import type { Reporter, RunEnd, RunPlan } from './reporter.js';
import { tapReporter } from './tap.js';

export { REPORTERS, type ReporterName, type TextReporterName } from './reporter-names.js';

const TEXT_REPORTERS: Record<TextReporterName, () => Reporter> = {
  pretty: prettyReporter,
  tap: tapReporter,
  junit: junitReporter,
  json: jsonReporter,
};

export const createReporter = (name: ReporterName): Reporter<string | Promise<string>> =>
  name === 'html' ? htmlReporter() : TEXT_REPORTERS[name]();

/** A whole report of finished results at once (the command streams them instead). */
export const formatResults = (
  name: TextReporterName,
  results: readonly WalkthroughResult[],
  plan: Partial<RunPlan> = {},
  end: RunEnd = {},
): string => {
  const reporter = TEXT_REPORTERS[name]();
  const parts = [
    reporter.start({ total: results.length, perProfile: false, startedAt: new Date(), ...plan }),
    ...results.map((result) => reporter.result(result)),
    reporter.end(end),
  ];
  return parts.filter((part) => part !== undefined).join('\n');
};

export type { Reporter, RunEnd, RunPlan } from './reporter.js';
