/**
 * JUnit XML as Jenkins, GitLab and the other CI tools read it: one <testsuite> per profile (its
 * name says which, so runs with another --fixture can be told apart), each walkthrough a <testcase>
 * with its file; <failure>, <error> (a file that cannot run) and <skipped>. Any text is made
 * well-formed: the five XML characters escaped, characters XML 1.0 cannot hold written as \uXXXX.
 */
import { hostname } from 'node:os';
import { toolText } from '../../i18n/tool-lang.js';
import { shownPath } from '../../shown-path.js';
import type { StepFailure, WalkthroughResult } from '../run-walkthrough.js';
import { Counter, profileName, type Reporter, type Tally } from './reporter.js';

const NOT_IN_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const visible = (char: string) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;

/** Text content: well-formed whatever it holds. */
export const xmlText = (text: string): string =>
  text.replace(NOT_IN_XML, visible).replace(/[&<>]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[char] ?? char);

/** An attribute value: also quotes, and line breaks and tabs kept (an XML reader would turn them into spaces). */
export const xmlAttribute = (text: string): string =>
  xmlText(text).replace(
    /["'\n\r\t]/g,
    (char) => ({ '"': '&quot;', "'": '&apos;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' })[char] ?? char,
  );

const seconds = (ms: number) => (ms / 1000).toFixed(4);
/** xs:dateTime in UTC, to the second. */
const timestamp = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;

/** A failure's text: the step and the calls it was played from, why, the screen and the states (and the phone's). */
const failureBody = (failure: StepFailure): string =>
  [
    `${failure.at}  ${failure.step}`,
    ...(failure.calledFrom ?? []).map((call) => toolText('report.calledAt', { at: call.at, step: call.step }).trim()),
    `${failure.message}\n\n${toolText('report.screen')}\n${failure.screen}\n\n${toolText('report.states', { states: failure.states.join(', ') })}`,
    ...(failure.phone
      ? [
          `\n${toolText('report.phone')}\n${failure.phone.screen}\n\n${toolText('report.states', { states: failure.phone.states.join(', ') })}`,
        ]
      : []),
  ].join('\n');

const failureElement = (failure: StepFailure, type: 'expect' | 'after'): string =>
  `      <failure message="${xmlAttribute(`${type === 'after' ? 'after: ' : ''}${failure.message.split('\n')[0] ?? ''}`)}" type="${type}">${xmlText(failureBody(failure))}</failure>`;

const testcase = (result: WalkthroughResult): string => {
  // Jenkins reads a classname's last dot as package.class: the profile, then the file without its extension.
  const classname = `${profileName(result)}.${shownPath(result.file).replace(/\.ya?ml$/, '')}`;
  const open = `    <testcase classname="${xmlAttribute(classname)}" name="${xmlAttribute(result.name || shownPath(result.file))}" file="${xmlAttribute(shownPath(result.file))}" time="${seconds(result.durationMs)}"`;
  switch (result.status) {
    case 'passed':
      return `${open}/>`;
    case 'skipped':
      return `${open}>\n      <skipped message="${xmlAttribute(result.reason ?? '')}"/>\n    </testcase>`;
    case 'error':
      return `${open}>\n      <error message="${xmlAttribute(result.reason?.split('\n')[0] ?? '')}" type="WalkthroughError">${xmlText(result.reason ?? '')}</error>\n    </testcase>`;
    case 'failed':
      // A failure in after: is its own <failure type="after">, beside the steps' one when both failed.
      return [
        `${open}>`,
        ...(result.failure ? [failureElement(result.failure, 'expect')] : []),
        ...(result.afterFailure ? [failureElement(result.afterFailure, 'after')] : []),
        '    </testcase>',
      ].join('\n');
  }
};

const counts = (tally: Tally, results: readonly WalkthroughResult[]) =>
  `tests="${results.length}" failures="${tally.failed}" errors="${tally.error}" skipped="${tally.skipped}" time="${seconds(results.reduce((sum, result) => sum + result.durationMs, 0))}"`;

export const junitReporter = (): Reporter => {
  const counter = new Counter();
  const byProfile = new Map<string, WalkthroughResult[]>();
  const all: WalkthroughResult[] = [];
  let startedAt = new Date();
  return {
    start: (plan) => {
      startedAt = plan.startedAt;
      return undefined;
    },
    result: (result) => {
      counter.add(result);
      all.push(result);
      byProfile.set(profileName(result), [...(byProfile.get(profileName(result)) ?? []), result]);
      return undefined;
    },
    end: () => {
      const host = xmlAttribute(hostname());
      const suites = [...byProfile].map(([profile, results]) =>
        [
          `  <testsuite name="${xmlAttribute(`pos-sim · ${profile}`)}" ${counts(counter.byProfile.get(profile) ?? counter.all, results)} timestamp="${timestamp(startedAt)}" hostname="${host}">`,
          ...results.map(testcase),
          '  </testsuite>',
        ].join('\n'),
      );
      return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="pos-sim" ${counts(counter.all, all)}>`,
        ...suites,
        '</testsuites>',
      ].join('\n');
    },
  };
};
