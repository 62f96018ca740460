/** The report a person reads in a terminal: a line per walkthrough, the failing step with the screen, the totals. */
import { stepCount, toolText } from '../../i18n/tool-lang.js';
import { visibleControls } from '../../visible-controls.js';
import type { StepFailure, WalkthroughResult } from '../run-walkthrough.js';
import { Counter, profileName, tallyText, type Reporter, type RunPlan } from './reporter.js';

const indent = (text: string, prefix: string) =>
  text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');

/** A failed step: where (and the calls it was played from, innermost first), why, and the screen. */
const failureLines = (failure: StepFailure): string[] => [
  `  ${failure.at}  ${failure.step.split('\n')[0]}`,
  ...(failure.calledFrom ?? []).map((call) => `  ${toolText('report.calledAt', { at: call.at, step: call.step.split('\n')[0] ?? '' })}`),
  indent(failure.message, '  '),
  `  ${toolText('report.screen')}`,
  indent(failure.screen, '  | '),
  `  ${toolText('report.states', { states: failure.states.join(', ') })}`,
  ...(failure.phone
    ? [
        `  ${toolText('report.phone')}`,
        indent(failure.phone.screen, '  | '),
        `  ${toolText('report.states', { states: failure.phone.states.join(', ') })}`,
      ]
    : []),
];

export const prettyReporter = (): Reporter => {
  const counter = new Counter();
  let perProfile = false;
  const resultText = (result: WalkthroughResult): string => {
    const name = perProfile ? `${result.name} · ${profileName(result)}` : result.name;
    const time = `${result.durationMs.toFixed(1)} ms`;
    switch (result.status) {
      case 'passed':
        return toolText('report.walkthrough', { mark: '✓', name, steps: stepCount(result.steps), time });
      case 'skipped':
        return toolText('report.skipped', { name, reason: result.reason ?? '' });
      case 'error':
        return `${toolText('report.error', { name })}\n${indent(result.reason ?? '', '  ')}`;
      case 'failed': {
        const { failure, afterFailure } = result;
        return [
          failure
            ? toolText('report.failed', { name, ran: result.stepsRun, total: result.steps, time })
            : toolText('report.afterFailed', { name, time }),
          ...(failure ? failureLines(failure) : []),
          ...(afterFailure ? [toolText('report.after'), ...failureLines(afterFailure)] : []),
        ].join('\n');
      }
    }
  };
  return {
    start: (plan: RunPlan) => {
      perProfile = plan.perProfile;
      return undefined;
    },
    // Names and what steps wrote come from the suite's files: shown, never obeyed, by the terminal.
    result: (result: WalkthroughResult) => {
      counter.add(result);
      return visibleControls(resultText(result));
    },
    end: (end) => {
      const lines = [''];
      if (end.bailedOut !== undefined) lines.push(toolText('report.bailedOut', { reason: end.bailedOut }));
      if (perProfile) for (const [profile, tally] of counter.byProfile) lines.push(`${profile}: ${tallyText(tally)}`);
      lines.push(tallyText(counter.all));
      return visibleControls(lines.join('\n'));
    },
  };
};
