/**
 * `--reporter html`: the run as one self-contained HTML page (see report/report-page). Results are
 * kept as they come with their screens told apart once for the whole run, and the pictures are
 * drawn at the end, each distinct screen once.
 */
import { goldenText } from '../../golden/golden-text.js';
import { toolLang, toolText } from '../../i18n/tool-lang.js';
import type { ScreenCapture } from '../../picture/screen-capture.js';
import type { ReportFailure, ReportWalkthrough } from '../../report/report-page.js';
import { shownPath } from '../../shown-path.js';
import type { StepFailure, WalkthroughResult } from '../run-walkthrough.js';
import { Counter, profileName, type Reporter } from './reporter.js';

/** The run's distinct screens, each numbered once. */
class Screens {
  readonly captures: ScreenCapture[] = [];
  private readonly numbers = new Map<string, number>();

  number(capture: ScreenCapture): number {
    const key = goldenText(capture);
    let number = this.numbers.get(key);
    if (number === undefined) {
      number = this.captures.push(capture) - 1;
      this.numbers.set(key, number);
    }
    return number;
  }
}

const reportFailure = (failure: StepFailure, index: number, screens: Screens): ReportFailure => {
  const snapshot = failure.snapshot;
  return {
    index,
    at: failure.at,
    step: failure.step,
    calledFrom: (failure.calledFrom ?? []).map((call) =>
      toolText('report.calledAt', { at: call.at, step: call.step.split('\n')[0] ?? '' }).trim(),
    ),
    message: failure.message,
    states: failure.states,
    ...(snapshot
      ? {
          snapshot: {
            name: snapshot.name,
            golden: snapshot.golden,
            diff: snapshot.diff,
            ...(snapshot.expected ? { expected: screens.number(snapshot.expected) } : {}),
            actual: screens.number(snapshot.actual),
          },
        }
      : {}),
  };
};

const reportWalkthrough = (result: WalkthroughResult, screens: Screens): ReportWalkthrough => {
  const own = (result.screens ?? []).map((capture) => screens.number(capture));
  const file = shownPath(result.file);
  return {
    name: result.name,
    file,
    profile: profileName(result),
    status: result.status,
    steps: result.steps,
    stepsRun: result.stepsRun,
    ms: result.durationMs,
    trace: (result.trace ?? []).map(({ file: stepFile, ...step }) => ({
      ...step,
      ...(stepFile && stepFile !== file ? { file: stepFile } : {}),
      screen: own[step.screen] ?? 0,
    })),
    // Every step played is traced. The steps' failure is the last step counted (the count stops
    // there, while `after:` still plays); a failure in `after:` is the last step played.
    ...(result.failure ? { failure: reportFailure(result.failure, result.stepsRun - 1, screens) } : {}),
    ...(result.afterFailure ? { afterFailure: reportFailure(result.afterFailure, (result.trace?.length ?? 0) - 1, screens) } : {}),
    ...(result.reason === undefined ? {} : { reason: result.reason }),
  };
};

export const htmlReporter = (): Reporter<Promise<string>> => {
  const counter = new Counter();
  const screens = new Screens();
  const walkthroughs: ReportWalkthrough[] = [];
  let startedAt = new Date();
  return {
    start: (plan) => {
      startedAt = plan.startedAt;
      return undefined;
    },
    result: (result) => {
      counter.add(result);
      walkthroughs.push(reportWalkthrough(result, screens));
      return undefined;
    },
    end: async (end) => {
      const [{ ScreenPainter }, { reportPage }] = await Promise.all([
        import('../../picture/screenshot.js'),
        import('../../report/report-page.js'),
      ]);
      const painter = new ScreenPainter();
      const pictures: string[] = [];
      try {
        for (const capture of screens.captures) pictures.push(await painter.svg(capture));
      } finally {
        painter.dispose();
      }
      return reportPage({
        lang: toolLang(),
        startedAt,
        durationMs: Date.now() - startedAt.getTime(),
        tally: counter.all,
        walkthroughs,
        screens: pictures,
        ...(end.coverage ? { coverage: end.coverage } : {}),
        ...(end.bailedOut === undefined ? {} : { bailedOut: end.bailedOut }),
      });
    },
  };
};
