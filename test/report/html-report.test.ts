// `pos-sim run --reporter html`: one self-contained page (nothing from the network), every
// walkthrough with its status, profile and time, each step's screen as a picture (each distinct
// screen stored once), the failing step with the golden's screen beside the device's, coverage,
// and names that hold markup shown as text.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWalkthroughsCommand } from '../../src/commands/run-walkthroughs.js';
import { setToolLang } from '../../src/i18n/tool-lang.js';
import { REPORT_DATA } from '../../src/report/report-page.js';

type ReportJson = {
  readonly screens: readonly string[];
  readonly walkthroughs: readonly {
    readonly status: string;
    readonly trace: readonly { readonly step: string; readonly line: number; readonly screen: number; readonly ms: number }[];
    readonly failure?: { readonly message: string; readonly snapshot?: { readonly expected?: number; readonly actual: number } };
  }[];
};

let dir: string;
let page: string;
let code: number;

const OPEN = ['  - press: 菜单', '  - type: "123456"', '  - press: 确认', '  - select: 免密支付'];

beforeAll(async () => {
  setToolLang('en');
  dir = mkdtempSync(join(tmpdir(), 'pos-sim-html-'));
  mkdirSync(join(dir, '__snapshots__', 'b-snapshot'), { recursive: true });
  writeFileSync(
    join(dir, 'a-passes.yaml'),
    ['name: "opens 免密支付 </script><img src=x onerror=alert(1)>"', 'steps:', ...OPEN, '  - expect: "[x] 开启免密支付"', ''].join('\n'),
  );
  writeFileSync(
    join(dir, 'b-snapshot.yaml'),
    ['name: unticks', 'steps:', ...OPEN, '  - select: 开启免密支付', '  - snapshot: editing', ''].join('\n'),
  );
  writeFileSync(
    join(dir, 'c-skipped.yaml'),
    ['name: only offline', 'when: { network: offline }', 'steps:', '  - press: 菜单', ''].join('\n'),
  );
  // The golden shows the box still ticked: the screen differs.
  await runWalkthroughsCommand(
    {
      paths: [join(dir, 'b-snapshot.yaml')],
      reporter: 'json',
      bail: false,
      coverage: false,
      snapshotDir: join(dir, 'pictures'),
      updateSnapshots: true,
    },
    () => undefined,
    () => undefined,
  );
  writeFileSync(join(dir, 'b-snapshot.yaml'), ['name: unticks', 'steps:', ...OPEN, '  - snapshot: editing', ''].join('\n'));
  const out: string[] = [];
  code = await runWalkthroughsCommand(
    { paths: [dir], reporter: 'html', bail: false, coverage: false, snapshotDir: join(dir, 'pictures') },
    (text) => out.push(text),
    () => undefined,
  );
  page = out[0] ?? '';
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  setToolLang('zh');
});

const data = (): ReportJson =>
  JSON.parse(gunzipSync(Buffer.from(REPORT_DATA.exec(page)?.[1] ?? '', 'base64')).toString('utf8')) as ReportJson;

describe('the HTML report', () => {
  it('is one page that needs nothing from the network', () => {
    expect(code).toBe(1);
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).not.toMatch(/<link|<script[^>]+src=|<img|url\(|@import|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('lists every walkthrough with its status, profile and time, and counts them', () => {
    expect(page.match(/<details class="wt /g)).toHaveLength(3);
    expect(page).toMatch(/<details class="wt failed" data-status="failed" data-profile="default" data-index="\d" open>/);
    expect(page).toContain('data-status="skipped"');
    expect(page).toContain('<span class="passed">1 passed</span>');
    expect(page).toContain('<button type="button" data-filter="failed" aria-pressed="false">Failed (1)</button>');
    expect(page).toContain('<option>default</option>');
    expect(page).toMatch(/Coverage: states \d+\/\d+/);
  });

  it('keeps every step with the screen it left, each distinct screen once', () => {
    const { screens, walkthroughs } = data();
    const passed = walkthroughs.find((walkthrough) => walkthrough.status === 'passed');
    expect(passed?.trace.map((step) => step.step)).toEqual([
      'press: 菜单',
      'type: "123456"',
      'press: 确认',
      'select: 免密支付',
      'expect: "[x] 开启免密支付"',
    ]);
    // The expect step leaves the screen as it was; the other walkthrough's steps show the same screens.
    expect(passed?.trace[4]?.screen).toBe(passed?.trace[3]?.screen);
    const failed = walkthroughs.find((walkthrough) => walkthrough.status === 'failed');
    expect(failed?.trace.slice(0, 4).map((step) => step.screen)).toEqual(passed?.trace.slice(0, 4).map((step) => step.screen));
    expect(new Set(screens).size).toBe(screens.length);
    expect(screens[passed?.trace[1]?.screen ?? -1]).toContain('******');
  });

  it('shows the failing step with the golden screen beside the device’s, and the differences', () => {
    const failed = data().walkthroughs.find((walkthrough) => walkthrough.status === 'failed');
    const snapshot = failed?.failure?.snapshot;
    expect(failed?.failure?.message).toContain('line 4:');
    expect(data().screens[snapshot?.expected ?? -1]).toContain('1.[\u00a0]\u00a0开启免密支付\u00a0*未保存');
    expect(data().screens[snapshot?.actual ?? -1]).toContain('1.[x]\u00a0开启免密支付');
  });

  it('shows a name with markup as text', () => {
    expect(page).toContain('opens 免密支付 &lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(page).not.toContain('</script><img');
  });

  it('packs its data small: each distinct screen once, gzipped', () => {
    const { screens } = data();
    const raw = screens.reduce((sum, svg) => sum + svg.length, 0);
    expect(REPORT_DATA.exec(page)?.[1]?.length).toBeLessThan(raw / 3);
  });
});

describe('the HTML report of walkthroughs made of pieces', () => {
  it('names the calls a failing step was played from, shows a failure in after: apart, and never a value given with --env', async () => {
    const pieces = mkdtempSync(join(tmpdir(), 'pos-sim-html-pieces-'));
    try {
      mkdirSync(join(pieces, '_lib'));
      writeFileSync(
        join(pieces, '_lib', 'open.yaml'),
        ['name: open 设置', 'steps:', ...OPEN.slice(0, 3), '  - expect: 不存在的菜单', ''].join('\n'),
      );
      // The terminal number is on the home screen: given with --env, it is a secret there too.
      writeFileSync(
        join(pieces, 'uses-piece.yaml'),
        ['name: uses a piece', 'steps:', '  - expect: ${TERMINAL}', '  - run: _lib/open.yaml', 'after:', '  - expect: 也不存在', ''].join(
          '\n',
        ),
      );
      const out: string[] = [];
      await runWalkthroughsCommand(
        {
          paths: [pieces],
          reporter: 'html',
          bail: false,
          coverage: false,
          snapshotDir: join(pieces, 'pictures'),
          env: { TERMINAL: '10086021' },
        },
        (text) => out.push(text),
        () => undefined,
      );
      const report = out[0] ?? '';
      const json = JSON.parse(gunzipSync(Buffer.from(REPORT_DATA.exec(report)?.[1] ?? '', 'base64')).toString('utf8')) as {
        screens: string[];
        walkthroughs: { failure?: { at: string; calledFrom: string[] }; afterFailure?: { message: string }; trace: { file?: string }[] }[];
      };
      const [walkthrough] = json.walkthroughs;
      expect(walkthrough?.failure?.at).toMatch(/_lib\/open\.yaml:6:5$/);
      expect(walkthrough?.failure?.calledFrom).toEqual([
        expect.stringMatching(/^called at .*uses-piece\.yaml:4:5 {2}run: _lib\/open\.yaml$/),
      ]);
      expect(walkthrough?.afterFailure?.message).toContain('也不存在');
      expect(walkthrough?.trace.some((step) => step.file?.endsWith('_lib/open.yaml'))).toBe(true);
      expect(json.screens.join('\n')).not.toContain('10086021');
      expect(json.screens.join('\n')).toContain('${TERMINAL}');
    } finally {
      rmSync(pieces, { recursive: true, force: true });
    }
  });
});
