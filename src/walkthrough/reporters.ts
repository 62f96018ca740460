/** Walkthrough results as a person reads them (pretty) or as CI tools read them (TAP, JUnit, JSON). */
import { stepCount, toolText } from '../i18n/tool-lang.js';
import { shownPath } from '../shown-path.js';
import type { WalkthroughResult } from './run-walkthrough.js';

export const REPORTERS = ['pretty', 'tap', 'junit', 'json'] as const;
export type ReporterName = (typeof REPORTERS)[number];

const where = (result: WalkthroughResult) => {
  const file = shownPath(result.walkthrough.file);
  const step = result.failure?.step;
  return step ? `${file}:${step.at.line}:${step.at.column}` : file;
};

const indent = (text: string, prefix: string) =>
  text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');

const tally = (results: readonly WalkthroughResult[]) => {
  const failed = results.filter((result) => !result.passed).length;
  return toolText('report.tally', { passed: results.length - failed, failed });
};

const pretty = (results: readonly WalkthroughResult[]): string => {
  const lines: string[] = [];
  for (const result of results) {
    const time = `${result.durationMs.toFixed(1)} ms`;
    lines.push(toolText('report.walkthrough', { mark: result.passed ? '✓' : '✗', name: result.walkthrough.name, steps: stepCount(result.walkthrough.steps.length), time }));
    if (result.failure) {
      lines.push(
        `  ${where(result)}  ${result.failure.step.source.split('\n')[0]}`,
        indent(result.failure.message, '  '),
        `  ${toolText('report.screen')}`,
        indent(result.failure.screen, '  | '),
        `  ${toolText('report.states', { states: result.failure.states.join(', ') })}`,
      );
    }
  }
  lines.push('', tally(results));
  return lines.join('\n');
};

const tap = (results: readonly WalkthroughResult[]): string => {
  const lines = ['TAP version 13', `1..${results.length}`];
  results.forEach((result, index) => {
    lines.push(`${result.passed ? 'ok' : 'not ok'} ${index + 1} - ${result.walkthrough.name}`);
    if (result.failure) {
      lines.push(
        '  ---',
        `  at: ${JSON.stringify(where(result))}`,
        `  step: ${JSON.stringify(result.failure.step.source)}`,
        `  message: ${JSON.stringify(result.failure.message)}`,
        '  screen: |',
        indent(result.failure.screen, '    '),
        '  ...',
      );
    }
  });
  lines.push(`# ${tally(results)}`);
  return lines.join('\n');
};

const xml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char] ?? char);

const junit = (results: readonly WalkthroughResult[]): string => {
  const failures = results.filter((result) => !result.passed).length;
  const seconds = (ms: number) => (ms / 1000).toFixed(4);
  const total = results.reduce((sum, result) => sum + result.durationMs, 0);
  const cases = results.map((result) => {
    const open = `  <testcase classname="${xml(shownPath(result.walkthrough.file))}" name="${xml(result.walkthrough.name)}" time="${seconds(result.durationMs)}"`;
    if (!result.failure) return `${open}/>`;
    const body = `${where(result)}\n${result.failure.message}\n\n${toolText('report.screen')}\n${result.failure.screen}\n\n${toolText('report.states', { states: result.failure.states.join(', ') })}`;
    return `${open}>\n    <failure message="${xml(result.failure.message.split('\n')[0] ?? '')}">${xml(body)}</failure>\n  </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuite name="pos-sim walkthroughs" tests="${results.length}" failures="${failures}" time="${seconds(total)}">`,
    ...cases,
    '</testsuite>',
  ].join('\n');
};

const json = (results: readonly WalkthroughResult[]): string =>
  JSON.stringify(
    {
      passed: results.filter((result) => result.passed).length,
      failed: results.filter((result) => !result.passed).length,
      walkthroughs: results.map((result) => ({
        name: result.walkthrough.name,
        file: result.walkthrough.file,
        passed: result.passed,
        steps: result.walkthrough.steps.length,
        durationMs: Number(result.durationMs.toFixed(3)),
        ...(result.failure
          ? {
              failure: {
                at: where(result),
                step: result.failure.step.source,
                message: result.failure.message,
                screen: result.failure.screen,
                states: result.failure.states,
              },
            }
          : {}),
      })),
    },
    null,
    2,
  );

export const formatResults = (reporter: ReporterName, results: readonly WalkthroughResult[]): string =>
  ({ pretty, tap, junit, json })[reporter](results);
