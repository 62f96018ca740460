/** `pos-sim run`: plays walkthroughs headless and reports; exit 0 all passed, 1 any failed. */
import { CoverageTracker, formatCoverage } from '../walkthrough/coverage.js';
import { loadWalkthroughs } from '../walkthrough/load-walkthroughs.js';
import { formatResults, type ReporterName } from '../walkthrough/reporters.js';
import { runWalkthrough, type WalkthroughResult } from '../walkthrough/run-walkthrough.js';

export type RunCommandOptions = {
  readonly paths: readonly string[];
  readonly reporter: ReporterName;
  readonly bail: boolean;
  readonly coverage: boolean;
  readonly snapshotDir: string | undefined;
  /** Plays every walkthrough on this profile instead of the one it names. */
  readonly fixture?: string | undefined;
};

/** Runs the walkthroughs and returns the exit code. */
export const runWalkthroughsCommand = (options: RunCommandOptions, out: (text: string) => void = console.log): number => {
  const walkthroughs = loadWalkthroughs(options.paths, options.fixture);
  const tracker = options.coverage ? new CoverageTracker() : undefined;
  const results: WalkthroughResult[] = [];
  for (const walkthrough of walkthroughs) {
    const result = runWalkthrough(walkthrough, {
      ...(options.snapshotDir ? { snapshotDir: options.snapshotDir } : {}),
      ...(tracker ? { observe: tracker.observe } : {}),
    });
    results.push(result);
    if (!result.passed && options.bail) break;
  }
  out(formatResults(options.reporter, results));
  // Machine-readable reports stay parseable on stdout; the coverage summary goes beside them.
  if (tracker) (options.reporter === 'pretty' ? out : console.error)(`\n${formatCoverage(tracker.report())}`);
  return results.every((result) => result.passed) ? 0 : 1;
};
