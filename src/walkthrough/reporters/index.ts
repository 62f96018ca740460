/** The reporters `pos-sim run --reporter` offers. */
import type { WalkthroughResult } from '../run-walkthrough.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import { prettyReporter } from './pretty.js';
import type { Reporter, RunEnd, RunPlan } from './reporter.js';
import { tapReporter } from './tap.js';

export const REPORTERS = ['pretty', 'tap', 'junit', 'json'] as const;
export type ReporterName = (typeof REPORTERS)[number];

export const createReporter = (name: ReporterName): Reporter => ({ pretty: prettyReporter, tap: tapReporter, junit: junitReporter, json: jsonReporter })[name]();

/** A whole report of finished results at once (the command streams them instead). */
export const formatResults = (
  name: ReporterName,
  results: readonly WalkthroughResult[],
  plan: Partial<RunPlan> = {},
  end: RunEnd = {},
): string => {
  const reporter = createReporter(name);
  const parts = [
    reporter.start({ total: results.length, perProfile: false, startedAt: new Date(), ...plan }),
    ...results.map((result) => reporter.result(result)),
    reporter.end(end),
  ];
  return parts.filter((part) => part !== undefined).join('\n');
};

export type { Reporter, RunEnd, RunPlan } from './reporter.js';
