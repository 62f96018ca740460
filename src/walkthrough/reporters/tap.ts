/**
 * TAP for prove, tap-parser and CI plugins: version 13 (which TAP 14 readers take too), the plan up
 * front, a YAML block under each failure, `# SKIP` for a walkthrough that does not apply to the
 * profile, `Bail out!` when --bail stops the run. A name is one line with `#` and `\` escaped as
 * TAP 14 says, so no name can end a test line early or add one.
 */
import { stringify } from 'yaml';
import type { WalkthroughResult } from '../run-walkthrough.js';
import { Counter, tallyText, type Reporter } from './reporter.js';

/** Text for a test line: one line, `\` and `#` escaped, control characters as spaces. */
export const tapText = (text: string): string =>
  text
    .replace(/[\\#]/g, (char) => `\\${char}`)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .trim();

/** A YAML diagnostic block, indented under its test line and closed by `...`. */
const diagnostics = (fields: Record<string, unknown>): string[] => [
  '  ---',
  ...stringify(fields, { lineWidth: 0 })
    .trimEnd()
    .split('\n')
    .map((line) => `  ${line}`),
  '  ...',
];

export const tapReporter = (): Reporter => {
  const counter = new Counter();
  let number = 0;
  let perProfile = false;
  return {
    start: (plan) => {
      perProfile = plan.perProfile;
      return ['TAP version 13', `1..${plan.total}`].join('\n');
    },
    result: (result: WalkthroughResult) => {
      counter.add(result);
      number += 1;
      const name = tapText(perProfile ? `${result.name} · ${result.profile}` : result.name);
      switch (result.status) {
        case 'passed':
          return `ok ${number} - ${name}`;
        case 'skipped':
          return `ok ${number} - ${name} # SKIP ${tapText(result.reason ?? '')}`;
        case 'error':
          return [`not ok ${number} - ${tapText(result.name || result.file)}`, ...diagnostics({ profile: result.profile, message: result.reason ?? '' })].join('\n');
        case 'failed': {
          const failure = result.failure;
          return [
            `not ok ${number} - ${name}`,
            ...diagnostics({
              at: failure?.at,
              profile: result.profile,
              step: failure?.step,
              stepsRun: `${result.stepsRun}/${result.steps}`,
              message: failure?.message,
              screen: failure?.screen,
              states: failure?.states,
            }),
          ].join('\n');
        }
      }
    },
    end: (end) => [...(end.bailedOut !== undefined ? [`Bail out! ${tapText(end.bailedOut)}`] : []), `# ${tallyText(counter.all)}`].join('\n'),
  };
};

