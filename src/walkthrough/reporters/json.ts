/** The whole run as one JSON document, for scripts. */
import { shownPath } from '../../shown-path.js';
import type { WalkthroughResult } from '../run-walkthrough.js';
import { Counter, type Reporter } from './reporter.js';

export const jsonReporter = (): Reporter => {
  const counter = new Counter();
  const walkthroughs: object[] = [];
  return {
    start: () => undefined,
    result: (result: WalkthroughResult) => {
      counter.add(result);
      walkthroughs.push({
        name: result.name,
        // As the other reporters name it: relative to where pos-sim runs, when it is under it.
        file: shownPath(result.file),
        // null, not a sentence in the tool's language, for a file that could not be read.
        profile: result.profile ?? null,
        status: result.status,
        passed: result.status === 'passed',
        steps: result.steps,
        stepsRun: result.stepsRun,
        durationMs: Number(result.durationMs.toFixed(3)),
        ...(result.failure ? { failure: result.failure } : {}),
        ...(result.afterFailure ? { afterFailure: result.afterFailure } : {}),
        ...(result.reason !== undefined ? { reason: result.reason } : {}),
      });
      return undefined;
    },
    end: (end) =>
      JSON.stringify(
        {
          passed: counter.all.passed,
          failed: counter.all.failed,
          skipped: counter.all.skipped,
          errors: counter.all.error,
          ...(end.bailedOut !== undefined ? { bailedOut: end.bailedOut } : {}),
          walkthroughs,
        },
        null,
        2,
      ),
  };
};
