/**
 * The HTML report of a run as one self-contained page (no network: styles, script, pictures and
 * data are all inside). The walkthroughs are listed as the page loads, each with its status,
 * profile and time; a walkthrough's steps with the screen each left are drawn when it is opened
 * (failed ones open, drawn as they come into view, the failing step marked, the golden screen
 * beside the device's), so a report of a thousand walkthroughs opens fast. Each distinct screen is
 * stored once, and the data is gzipped.
 */
import type { Lang } from '../i18n/messages.js';
import { stepCount, toolText } from '../i18n/tool-lang.js';
import type { CoverageReport } from '../walkthrough/coverage.js';
import type { RunStatus } from '../walkthrough/run-walkthrough.js';
import type { Tally } from '../walkthrough/reporters/reporter.js';
import { gzipSync } from 'node:zlib';
import { escapeHtml } from './html.js';

/** A failed snapshot check, its screens as indexes into the report's screens. */
export type ReportSnapshot = {
  readonly name: string;
  readonly golden: string;
  readonly diff: readonly string[];
  readonly expected?: number;
  readonly actual: number;
};

/** A failed step: where, as written, the calls it was played from (innermost first, as lines), what was wrong. */
export type ReportFailure = {
  /** The failed step's place in the walkthrough's trace (steps of `after:` may follow it there). */
  readonly index: number;
  readonly at: string;
  readonly step: string;
  readonly calledFrom: readonly string[];
  readonly message: string;
  readonly states: readonly string[];
  readonly snapshot?: ReportSnapshot;
};

export type ReportWalkthrough = {
  readonly name: string;
  readonly file: string;
  readonly profile: string;
  readonly status: RunStatus;
  readonly steps: number;
  readonly stepsRun: number;
  readonly ms: number;
  /** Each step that ran: its first line as written, where (its file when that is a piece), the screen it left, its time. */
  readonly trace: readonly {
    readonly step: string;
    readonly line: number;
    readonly file?: string;
    readonly screen: number;
    readonly ms: number;
  }[];
  readonly failure?: ReportFailure;
  /** A step of `after:` that failed (reported apart). */
  readonly afterFailure?: ReportFailure;
  readonly reason?: string;
};

export type ReportData = {
  readonly lang: Lang;
  readonly startedAt: Date;
  readonly durationMs: number;
  readonly tally: Tally;
  readonly walkthroughs: readonly ReportWalkthrough[];
  /** Every distinct screen, as SVG. */
  readonly screens: readonly string[];
  readonly coverage?: CoverageReport;
  readonly bailedOut?: string;
};

/** The page's data as JSON, gzipped, in base64 (the script unpacks it with the browser's DecompressionStream). */
export const packed = (data: unknown): string => gzipSync(JSON.stringify(data), { level: 9 }).toString('base64');

/** The page's data back from its text (for tests and tools). */
export const REPORT_DATA = /<script type="application\/gzip" id="report-data">([^<]*)<\/script>/;

const STATUSES: readonly RunStatus[] = ['failed', 'error', 'passed', 'skipped'];
const MARKS: Record<RunStatus, string> = { passed: '✓', failed: '✗', skipped: '-', error: '!' };
/** The slowest walkthroughs listed under the timings. */
const SLOWEST = 10;

const ms = (value: number): string => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`);
const percent = (part: number, whole: number): string => (whole === 0 ? '100.0' : ((100 * part) / whole).toFixed(1));

const STYLE = `
:root { color-scheme: light; --ok: #1a7f37; --bad: #cf222e; --skip: #6e7781; --err: #9a6700; --line: #d0d7de; --soft: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif; color: #1f2328; background: #fff; }
header, nav, section, main { padding: 0 24px; }
header { padding-top: 16px; border-bottom: 1px solid var(--line); padding-bottom: 12px; }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 16px 0 8px; }
.meta { color: var(--skip); margin: 0; }
.tally { display: flex; gap: 16px; margin-top: 8px; font-weight: 600; }
.tally .passed { color: var(--ok); } .tally .failed { color: var(--bad); } .tally .skipped { color: var(--skip); } .tally .error { color: var(--err); }
nav { position: sticky; top: 0; background: #fff; z-index: 1; display: flex; flex-wrap: wrap; align-items: center; gap: 8px; padding-top: 8px; padding-bottom: 8px; border-bottom: 1px solid var(--line); }
nav button { font: inherit; padding: 4px 12px; border: 1px solid var(--line); border-radius: 16px; background: var(--soft); cursor: pointer; }
nav button[aria-pressed="true"] { background: #0969da; border-color: #0969da; color: #fff; }
nav select { font: inherit; padding: 3px 6px; }
#shown { margin-left: auto; color: var(--skip); }
details.wt { border: 1px solid var(--line); border-radius: 6px; margin: 8px 0; }
details.wt > summary { cursor: pointer; padding: 8px 12px; display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: baseline; list-style: none; }
details.wt > summary::-webkit-details-marker { display: none; }
details.wt[open] > summary { border-bottom: 1px solid var(--line); background: var(--soft); }
.mark { font-weight: 700; width: 1em; } .failed .mark { color: var(--bad); } .passed .mark { color: var(--ok); } .skipped .mark { color: var(--skip); } .error .mark { color: var(--err); }
.name { font-weight: 600; } .profile { background: #ddf4ff; border-radius: 10px; padding: 0 8px; font-size: 12px; }
.file, .time, .count { color: var(--skip); font-size: 12px; } .time { margin-left: auto; }
.body { padding: 8px 12px 12px; }
.failure { border-left: 4px solid var(--bad); background: #fff5f5; padding: 8px 12px; margin-bottom: 12px; }
.failure .at { font-family: ui-monospace, 'DejaVu Sans Mono', monospace; font-size: 12px; }
pre { white-space: pre-wrap; font: 12px/1.45 'Noto Sans Mono CJK SC', 'Sarasa Mono SC', ui-monospace, 'DejaVu Sans Mono', monospace; margin: 6px 0; }
.pair { display: flex; flex-wrap: wrap; gap: 16px; }
figure { margin: 0; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: 12px; color: var(--skip); margin-bottom: 4px; }
.pair figure { flex: 1 1 320px; max-width: 520px; }
.pair .expected figcaption { color: var(--ok); font-weight: 600; } .pair .actual figcaption { color: var(--bad); font-weight: 600; }
ol.steps { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 10px; }
ol.steps li { border: 1px solid var(--line); border-radius: 6px; padding: 6px; }
ol.steps li.fail { border: 2px solid var(--bad); background: #fff5f5; }
.step { font-family: ui-monospace, 'DejaVu Sans Mono', 'Noto Sans Mono CJK SC', monospace; font-size: 12px; display: flex; flex-wrap: wrap; gap: 0 6px; margin-bottom: 4px; }
.step .n { color: var(--skip); } .step code { flex: 1 1 10em; overflow-wrap: anywhere; } .step .t { color: var(--skip); overflow-wrap: anywhere; min-width: 0; }
table { border-collapse: collapse; font-size: 13px; } td, th { border-bottom: 1px solid var(--line); padding: 2px 12px 2px 0; text-align: left; }
.missed { font: 12px/1.4 ui-monospace, monospace; max-height: 240px; overflow: auto; background: var(--soft); padding: 8px; }
[hidden] { display: none !important; }
`;

/**
 * Unpacks the data (gzip, base64: the pictures' text repeats a lot), builds a walkthrough's steps
 * when it is opened and comes into view, filters the list. Plain browser JavaScript.
 */
const SCRIPT = `
(() => {
  const packed = document.getElementById('report-data').textContent;
  const bytes = Uint8Array.from(atob(packed), (char) => char.charCodeAt(0));
  const ready = new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).json();
  const make = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const fill = (template, values) => template.replace(/\\{(\\w+)\\}/g, (match, key) => (key in values ? String(values[key]) : match));
  const build = (data, details) => {
    const body = details.querySelector('.body');
    if (body.dataset.built) return;
    body.dataset.built = '1';
    const texts = data.texts;
    const picture = (index, caption, className) => {
      const figure = make('figure', className);
      if (caption) figure.append(make('figcaption', '', caption));
      const holder = make('div');
      holder.innerHTML = data.screens[index];
      figure.append(holder);
      return figure;
    };
    const walkthrough = data.walkthroughs[Number(details.dataset.index)];
    if (walkthrough.reason) body.append(make('pre', 'reason', walkthrough.reason));
    const showFailure = (failure, heading) => {
      const box = make('div', 'failure');
      if (heading) box.append(make('div', 'at', heading));
      box.append(make('div', 'at', failure.at + '  ' + failure.step));
      for (const call of failure.calledFrom) box.append(make('div', 'at', call));
      box.append(make('pre', 'message', failure.message));
      const failed = walkthrough.trace[failure.index];
      const pair = make('div', 'pair');
      const snapshot = failure.snapshot;
      if (snapshot && snapshot.expected !== undefined) pair.append(picture(snapshot.expected, fill(texts.expected, snapshot), 'expected'));
      if (snapshot) pair.append(picture(snapshot.actual, texts.actual, 'actual'));
      else if (failed) pair.append(picture(failed.screen, texts.actual, 'actual'));
      box.append(pair);
      if (failure.states.length > 0) box.append(make('div', 'states', fill(texts.states, { states: failure.states.join(', ') })));
      body.append(box);
    };
    if (walkthrough.failure) showFailure(walkthrough.failure, '');
    if (walkthrough.afterFailure) showFailure(walkthrough.afterFailure, texts.after);
    const list = make('ol', 'steps');
    walkthrough.trace.forEach((step, index) => {
      const item = make('li');
      if (index === walkthrough.failure?.index || index === walkthrough.afterFailure?.index) item.className = 'fail';
      const head = make('div', 'step');
      head.append(make('span', 'n', String(index + 1) + '.'), make('code', '', step.step), make('span', 't', (step.file ? step.file + ':' : 'L') + step.line + ' · ' + step.ms.toFixed(2) + ' ms'));
      item.append(head, picture(step.screen));
      list.append(item);
    });
    body.append(list);
  };
  const all = [...document.querySelectorAll('details.wt')];
  ready.then((data) => {
    // An open walkthrough is drawn once it comes near the view: a report with many failures opens at once.
    const near = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        near.unobserve(entry.target);
        build(data, entry.target);
      }
    }, { rootMargin: '800px 0px' });
    for (const details of all) {
      details.addEventListener('toggle', () => details.open && build(data, details));
      if (details.open) near.observe(details);
    }
    document.body.dataset.ready = '1';
  });
  let status = 'all';
  const profile = document.getElementById('profile');
  const shown = document.getElementById('shown');
  const apply = () => {
    let count = 0;
    for (const details of all) {
      const visible = (status === 'all' || details.dataset.status === status) && (!profile.value || details.dataset.profile === profile.value);
      details.hidden = !visible;
      if (visible) count += 1;
    }
    shown.textContent = fill(shown.dataset.template, { shown: count, total: all.length });
  };
  for (const button of document.querySelectorAll('nav button[data-filter]')) {
    button.addEventListener('click', () => {
      status = button.dataset.filter;
      for (const other of document.querySelectorAll('nav button[data-filter]')) other.setAttribute('aria-pressed', String(other === button));
      apply();
    });
  }
  profile.addEventListener('change', apply);
  apply();
})();
`;

const summaryOf = (walkthrough: ReportWalkthrough, index: number): string => {
  const count =
    walkthrough.status === 'failed'
      ? toolText('html.failedAt', { ran: walkthrough.stepsRun, total: walkthrough.steps })
      : walkthrough.status === 'passed'
        ? stepCount(walkthrough.steps)
        : toolText(walkthrough.status === 'skipped' ? 'html.skipped' : 'html.error');
  return [
    `<details class="wt ${walkthrough.status}" data-status="${walkthrough.status}" data-profile="${escapeHtml(walkthrough.profile)}" data-index="${index}"${walkthrough.status === 'failed' || walkthrough.status === 'error' ? ' open' : ''}>`,
    `<summary><span class="mark">${MARKS[walkthrough.status]}</span><span class="name">${escapeHtml(walkthrough.name)}</span>`,
    `<span class="profile">${escapeHtml(walkthrough.profile)}</span><span class="file">${escapeHtml(walkthrough.file)}</span>`,
    `<span class="count">${escapeHtml(count)}</span><span class="time">${ms(walkthrough.ms)}</span></summary>`,
    '<div class="body"></div></details>',
  ].join('');
};

const coverageSection = (coverage: CoverageReport): string => {
  const missed = (titleKey: 'coverage.statesMissed' | 'coverage.transitionsMissed', names: readonly string[]) =>
    names.length === 0
      ? ''
      : `<details><summary>${escapeHtml(toolText(titleKey))} ${names.length}</summary><div class="missed">${names.map(escapeHtml).join('<br>')}</div></details>`;
  return [
    `<section id="coverage"><h2>${escapeHtml(toolText('html.coverage'))}</h2>`,
    `<p>${escapeHtml(
      toolText('coverage.summary', {
        states: coverage.states.reached,
        statesTotal: coverage.states.total,
        statesPercent: percent(coverage.states.reached, coverage.states.total),
        transitions: coverage.transitions.reached,
        transitionsTotal: coverage.transitions.total,
        transitionsPercent: percent(coverage.transitions.reached, coverage.transitions.total),
      }),
    )}</p>`,
    missed('coverage.statesMissed', coverage.states.missed),
    missed('coverage.transitionsMissed', coverage.transitions.missed),
    '</section>',
  ].join('');
};

const timingsSection = (walkthroughs: readonly ReportWalkthrough[]): string => {
  const slowest = walkthroughs
    .map((walkthrough, index) => ({ walkthrough, index }))
    .filter(({ walkthrough }) => walkthrough.status === 'passed' || walkthrough.status === 'failed')
    .sort((a, b) => b.walkthrough.ms - a.walkthrough.ms)
    .slice(0, SLOWEST);
  if (slowest.length === 0) return '';
  const rows = slowest.map(
    ({ walkthrough }) =>
      `<tr><td>${ms(walkthrough.ms)}</td><td>${escapeHtml(walkthrough.name)}</td><td>${escapeHtml(walkthrough.profile)}</td></tr>`,
  );
  return `<section id="timings"><h2>${escapeHtml(toolText('html.slowest'))}</h2><table>${rows.join('')}</table></section>`;
};

/** The report as one HTML document. */
export const reportPage = (data: ReportData): string => {
  const profiles = [...new Set(data.walkthroughs.map((walkthrough) => walkthrough.profile))].sort();
  const counts = Object.fromEntries(
    STATUSES.map((status) => [status, data.walkthroughs.filter((walkthrough) => walkthrough.status === status).length]),
  ) as Record<RunStatus, number>;
  const filterButton = (filter: 'all' | RunStatus, label: string, count: number) =>
    `<button type="button" data-filter="${filter}" aria-pressed="${filter === 'all'}">${escapeHtml(label)} (${count})</button>`;
  const texts = {
    expected: toolText('html.expected'),
    actual: toolText('html.actual'),
    states: toolText('report.states', { states: '{states}' }),
    after: toolText('report.after').trim(),
  };
  const title = toolText('html.title');
  return [
    '<!doctype html>',
    `<html lang="${data.lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>`,
    `<header><h1>${escapeHtml(title)}</h1>`,
    `<p class="meta">${escapeHtml(toolText('html.meta', { started: data.startedAt.toISOString().slice(0, 19).replace('T', ' '), duration: ms(data.durationMs), count: data.walkthroughs.length }))}</p>`,
    '<div class="tally">',
    ...STATUSES.filter((status) => data.tally[status] > 0 || status === 'passed' || status === 'failed').map(
      (status) => `<span class="${status}">${escapeHtml(toolText(`html.count.${status}`, { count: data.tally[status] }))}</span>`,
    ),
    '</div>',
    data.bailedOut === undefined ? '' : `<p>${escapeHtml(toolText('report.bailedOut', { reason: data.bailedOut }))}</p>`,
    '</header>',
    '<nav>',
    filterButton('all', toolText('html.filter.all'), data.walkthroughs.length),
    ...STATUSES.filter((status) => counts[status] > 0).map((status) =>
      filterButton(status, toolText(`html.filter.${status}`), counts[status]),
    ),
    `<label>${escapeHtml(toolText('html.profile'))} <select id="profile"><option value="">${escapeHtml(toolText('html.allProfiles'))}</option>`,
    ...profiles.map((profile) => `<option>${escapeHtml(profile)}</option>`),
    `</select></label><span id="shown" data-template="${escapeHtml(toolText('html.shown'))}"></span></nav>`,
    data.coverage ? coverageSection(data.coverage) : '',
    timingsSection(data.walkthroughs),
    `<main id="walkthroughs"><h2>${escapeHtml(toolText('html.walkthroughs'))}</h2>`,
    ...data.walkthroughs.map(summaryOf),
    '</main>',
    `<script type="application/gzip" id="report-data">${packed({
      texts,
      screens: data.screens,
      walkthroughs: data.walkthroughs.map(({ status, trace, failure, afterFailure, reason }) => ({
        status,
        trace,
        ...(failure ? { failure } : {}),
        ...(afterFailure ? { afterFailure } : {}),
        ...(reason === undefined ? {} : { reason }),
      })),
    })}</script>`,
    `<script>${SCRIPT}</script>`,
    '</body></html>',
  ].join('\n');
};
