// The HTML report and a generated guide in a real browser (Debian's Chromium, headless, driven by
// playwright-core; one browser for the file): they render, their pictures show the screens' text,
// the report's filters work, and a screenshot of the report keeps its layout — compared as a coarse
// grid of where the page has something drawn, not pixel by pixel. UPDATE_LAYOUT=1 writes the grid.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guideCommand } from '../../src/commands/guide.js';
import { runWalkthroughsCommand } from '../../src/commands/run-walkthroughs.js';
import { setToolLang } from '../../src/i18n/tool-lang.js';
import { launchChromium } from '../../scripts/chromium.mjs';

const LAYOUT = join(import.meta.dirname, '../fixtures/report-layout.txt');
/** The grid's cell, in CSS pixels, and the share of cells that may differ from the stored layout. */
const CELL = 24;
const TOLERANCE = 0.04;

let browser: Browser;
let dir: string;
let report: string;
let guide: string;

const OPEN = ['  - press: 菜单', '  - type: "123456"', '  - press: 确认', '  - select: 免密支付'];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pos-sim-browser-'));
  const suite = join(dir, 'qa');
  mkdirSync(suite);
  writeFileSync(join(suite, 'a-opens.yaml'), ['name: 打开免密支付', 'steps:', ...OPEN, '  - expect: "[x] 开启免密支付"', ''].join('\n'));
  writeFileSync(
    join(suite, 'b-unticks.yaml'),
    ['name: 取消勾选', 'steps:', ...OPEN, '  - select: 开启免密支付', '  - snapshot: editing', ''].join('\n'),
  );
  writeFileSync(join(suite, 'c-pax.yaml'), ['name: 百富打开免密支付', 'fixture: pax-a920', 'steps:', ...OPEN, ''].join('\n'));
  const quiet = () => undefined;
  await runWalkthroughsCommand(
    {
      paths: [join(suite, 'b-unticks.yaml')],
      reporter: 'json',
      bail: false,
      coverage: false,
      snapshotDir: join(dir, 'pictures'),
      updateSnapshots: true,
    },
    quiet,
    quiet,
  );
  // The screen changes: the golden keeps the box unticked, the walkthrough no longer unticks it.
  writeFileSync(join(suite, 'b-unticks.yaml'), ['name: 取消勾选', 'steps:', ...OPEN, '  - snapshot: editing', ''].join('\n'));
  const out: string[] = [];
  await runWalkthroughsCommand(
    { paths: [suite], reporter: 'html', bail: false, coverage: false, snapshotDir: join(dir, 'pictures') },
    (text) => out.push(text),
    quiet,
  );
  report = join(dir, 'report.html');
  writeFileSync(report, out.join('\n'));
  guide = join(dir, 'guide.html');
  await guideCommand({ walkthrough: 'P2', format: 'html', lang: 'zh', out: guide, fixture: undefined });
  setToolLang('zh');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const open = async (file: string): Promise<Page> => {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const requests: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('file:') && !request.url().startsWith('data:')) requests.push(request.url());
  });
  await page.goto(pathToFileURL(file).href);
  if (file === report) await page.waitForSelector('body[data-ready="1"] details.wt.failed li.fail');
  expect(requests).toEqual([]);
  return page;
};

/** The text a picture shows: its <text> rows, no-break spaces as spaces. */
const pictureText = (page: Page, selector: string) =>
  page.$$eval(`${selector} svg text`, (rows) => rows.map((row) => (row.textContent ?? '').replace(/\u00a0/g, ' ')).join('\n'));

describe('the HTML report in a browser', () => {
  it('shows the failing walkthrough open, its step marked, the golden screen beside the device’s', async () => {
    const page = await open(report);
    const failed = page.locator('details.wt[data-status="failed"]');
    await expect(failed.getAttribute('open')).resolves.toBe('');
    await expect(failed.locator('li.fail').isVisible()).resolves.toBe(true);
    const expected = await pictureText(page, 'details.wt.failed figure.expected');
    const actual = await pictureText(page, 'details.wt.failed figure.actual');
    expect(expected).toContain('> 1.[ ] 开启免密支付 *未保存');
    expect(actual).toContain('> 1.[x] 开启免密支付');
    expect(actual).not.toContain('未保存');
    const [left, right] = await Promise.all([
      failed.locator('figure.expected svg').boundingBox(),
      failed.locator('figure.actual svg').boundingBox(),
    ]);
    expect(left && right && left.x + left.width <= right.x && Math.abs(left.y - right.y) < 2).toBe(true);
    expect(left?.width).toBeGreaterThan(300);
    await page.close();
  });

  it('draws a walkthrough’s steps with their screens when it is opened', async () => {
    const page = await open(report);
    const passed = page.locator('details.wt[data-status="passed"]').first();
    await expect(passed.locator('ol.steps li').count()).resolves.toBe(0);
    await passed.locator('summary').click();
    // Drawn once it comes into view, after its data is unpacked: wait for the last step.
    await passed.locator('ol.steps li').nth(4).waitFor();
    await expect(passed.locator('ol.steps li').count()).resolves.toBe(5);
    const typed = await passed.locator('ol.steps li').nth(1).locator('svg text').allTextContents();
    expect(typed.join('\n')).toContain('******');
    await page.close();
  });

  it('filters by status and by profile', async () => {
    const page = await open(report);
    const visible = () =>
      page.$$eval('details.wt', (all) =>
        all
          .filter((node) => !(node as HTMLElement).hidden)
          .map((node) => `${(node as HTMLElement).dataset.status} ${(node as HTMLElement).dataset.profile}`),
      );
    expect(await visible()).toHaveLength(3);
    await page.getByRole('button', { name: /^失败/ }).click();
    expect(await visible()).toEqual(['failed default']);
    await page.getByRole('button', { name: /^通过/ }).click();
    expect((await visible()).sort()).toEqual(['passed default', 'passed pax-a920']);
    await page.selectOption('#profile', 'pax-a920');
    expect(await visible()).toEqual(['passed pax-a920']);
    await expect(page.locator('#shown').textContent()).resolves.toBe('显示 1 / 3');
    await page.getByRole('button', { name: /^全部/ }).click();
    await page.selectOption('#profile', '');
    expect(await visible()).toHaveLength(3);
    await page.close();
  });

  it('keeps its layout (a coarse grid of the screenshot, not its pixels)', async () => {
    const page = await open(report);
    const png = await page.screenshot();
    const grid = await page.evaluate(
      async ({ data, cell }) => {
        const image = new Image();
        image.src = `data:image/png;base64,${data}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d');
        if (!context) return '';
        context.drawImage(image, 0, 0);
        const pixels = context.getImageData(0, 0, image.width, image.height).data;
        const rows: string[] = [];
        for (let top = 0; top + cell <= image.height; top += cell) {
          let row = '';
          for (let left = 0; left + cell <= image.width; left += cell) {
            let inked = 0;
            for (let y = top; y < top + cell; y++) {
              for (let x = left; x < left + cell; x++) {
                const at = (y * image.width + x) * 4;
                if ((pixels[at] ?? 255) + (pixels[at + 1] ?? 255) + (pixels[at + 2] ?? 255) < 3 * 235) inked += 1;
              }
            }
            row += inked > cell * cell * 0.04 ? '#' : '.';
          }
          rows.push(row);
        }
        return rows.join('\n');
      },
      { data: png.toString('base64'), cell: CELL },
    );
    if (process.env.UPDATE_LAYOUT === '1' || !existsSync(LAYOUT)) {
      expect(process.env.UPDATE_LAYOUT, `no stored layout: run UPDATE_LAYOUT=1 npx vitest run test/browser to write ${LAYOUT}`).toBe('1');
      writeFileSync(LAYOUT, `${grid}\n`);
    }
    const stored = readFileSync(LAYOUT, 'utf8').trimEnd();
    const cells = stored.replace(/\n/g, '').length;
    let differing = 0;
    stored.split('\n').forEach((row, y) => [...row].forEach((mark, x) => (differing += grid.split('\n')[y]?.[x] === mark ? 0 : 1)));
    expect(grid.split('\n')).toHaveLength(stored.split('\n').length);
    expect(differing / cells, `${differing} of ${cells} cells differ from the stored layout:\n${grid}`).toBeLessThanOrEqual(TOLERANCE);
    await page.close();
  });
});

describe('a failure followed by `after:` steps in the HTML report', () => {
  let afterReport: string;

  beforeAll(async () => {
    // The suite's `after:` leaves 免密支付 after the failure: the failure is still shown on its own screen.
    const suite = join(dir, 'with-after');
    mkdirSync(suite);
    writeFileSync(join(suite, 'pos-sim.suite.yaml'), ['after:', '  - press: 取消', ''].join('\n'));
    writeFileSync(join(suite, 'fails.yaml'), ['name: 失败后还有 after', 'steps:', ...OPEN, '  - expect: 不在屏幕上', ''].join('\n'));
    const out: string[] = [];
    await runWalkthroughsCommand(
      { paths: [suite], reporter: 'html', bail: false, coverage: false, snapshotDir: join(dir, 'pictures') },
      (text) => out.push(text),
      () => undefined,
    );
    setToolLang('zh');
    afterReport = join(dir, 'after-report.html');
    writeFileSync(afterReport, out.join('\n'));
  });

  it('marks the step that failed and shows the screen it failed on, and a step from another file keeps its width', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(pathToFileURL(afterReport).href);
    await page.waitForSelector('body[data-ready="1"] details.wt.failed ol.steps li:nth-child(6)');
    const marked = page.locator('details.wt.failed ol.steps li.fail');
    await expect(marked.count()).resolves.toBe(1);
    await expect(marked.locator('code').textContent()).resolves.toBe('expect: 不在屏幕上');
    const actual = await pictureText(page, 'details.wt.failed .failure figure.actual');
    expect(actual).toContain('免密支付');
    expect(actual).toContain('开启免密支付');
    // The suite's step, its file's path beside it, is not squeezed to a column of single characters.
    const suiteStep = page.locator('details.wt.failed ol.steps li').nth(5);
    await expect(suiteStep.locator('code').textContent()).resolves.toBe('press: 取消');
    const box = await suiteStep.locator('code').boundingBox();
    expect(box?.height).toBeLessThan(40);
    await page.close();
  });
});

describe('a guide in a browser', () => {
  it('shows every step with the picture of its screen and the notes', async () => {
    const page = await open(guide);
    await expect(page.locator('ol.steps > li').count()).resolves.toBe(15);
    await expect(page.locator('ol.steps > li figure svg').count()).resolves.toBe(15);
    expect(await pictureText(page, 'section.start')).toContain('上海浦东便利店');
    expect(await pictureText(page, '#step-1')).toContain('请输入密码');
    expect(await pictureText(page, '#step-5')).toContain('> 1.[ ] 开启免密支付 *未保存');
    const drawn = await page.$$eval('ol.steps > li figure svg', (pictures) =>
      pictures.every((svg) => (svg as SVGSVGElement).getBBox().width > 300),
    );
    expect(drawn).toBe(true);
    await expect(page.locator('.note').allTextContents()).resolves.toEqual([
      '注意：设置已保存，但要重启POS机后才生效；重启之前仍按原来的设置交易。',
      '注意：POS机正在重启：等它回到待机界面，重启过程中不要断电。',
    ]);
    await page.close();
  });
});
