/**
 * TAP for prove, tap-parser and CI plugins: version 13 (which TAP 14 readers take too), the plan up
 * front, a YAML block under each failure, `# SKIP` for a walkthrough that does not apply to the
 * profile, `Bail out!` when --bail stops the run. A name is one line with `#` and `\` escaped as
 * TAP 14 says, so no name can end a test line early or add one.
 */
import type { WalkthroughResult } from '../run-walkthrough.js';
import { Counter, profileName, tallyText, type Reporter } from './reporter.js';

/** Text for a test line: one line, `\` and `#` escaped, control characters as spaces. */
export const tapText = (text: string): string =>
  text
    .replace(/[\\#]/g, (char) => `\\${char}`)

    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .trim();

const NOT_PRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;

/** A YAML double-quoted scalar (JSON's escapes are YAML's; YAML also wants DEL, C1 and line separators escaped). */
const quoted = (text: string): string =>
  JSON.stringify(text).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff]/g,
    (char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );

/**
 * A YAML diagnostic block, indented under its test line and closed by `...`, in the plain subset
 * that prove's YAMLish reader takes as well as full YAML readers (tap-parser): quoted scalars, a
 * literal block for the screen (and the phone's), a list of states.
 */
const diagnostics = (fields: Readonly<Record<string, string | readonly string[] | undefined>>): string[] => [
  '  ---',
  ...Object.entries(fields).flatMap(([key, value]) => {
    if (value === undefined) return [];
    if (typeof value !== 'string') return [`  ${key}:`, ...value.map((item) => `    - ${quoted(item)}`)];
    if ((key === 'screen' || key === 'phone') && !NOT_PRINTABLE.test(value))
      return [`  ${key}: |`, ...value.split('\n').map((line) => `    ${line}`)];
    return [`  ${key}: ${quoted(value)}`];
  }),
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
      const name = tapText(perProfile ? `${result.name} · ${profileName(result)}` : result.name);
      switch (result.status) {
        case 'passed':
          return `ok ${number} - ${name}`;
        case 'skipped':
          return `ok ${number} - ${name} # SKIP ${tapText(result.reason ?? '')}`;
        case 'error':
          return [
            `not ok ${number} - ${tapText(result.name || result.file)}`,
            ...diagnostics({ profile: profileName(result), message: result.reason ?? '' }),
          ].join('\n');
        case 'failed': {
          // A walkthrough whose only failure is in after: reports that one, and says so.
          const failure = result.failure ?? result.afterFailure;
          const after = result.failure ? result.afterFailure : undefined;
          return [
            `not ok ${number} - ${name}`,
            ...diagnostics({
              ...(result.failure ? {} : { phase: 'after' }),
              at: failure?.at,
              calledFrom: failure?.calledFrom?.map((call) => `${call.at}  ${call.step}`),
              profile: profileName(result),
              step: failure?.step,
              stepsRun: `${result.stepsRun}/${result.steps}`,
              message: failure?.message,
              screen: failure?.screen,
              states: failure?.states,
              phone: failure?.phone?.screen,
              phoneStates: failure?.phone?.states,
              after: after && `${after.at}  ${after.step}\n${after.message}`,
            }),
          ].join('\n');
        }
      }
    },
    end: (end) =>
      [...(end.bailedOut !== undefined ? [`Bail out! ${tapText(end.bailedOut)}`] : []), `# ${tallyText(counter.all)}`].join('\n'),
  };
};
