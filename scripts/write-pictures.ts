// Writes the README's pictures (`npm run pictures`): the device screens in docs/*.svg (a test keeps
// them current), and docs/report.png and docs/guide.png — an HTML report with a failing snapshot and
// the top of the P2 guide, as Debian's Chromium shows them (screenshots: regenerate them by hand,
// with this script, when the report or the guide changes how it looks).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { guideCommand } from '../src/commands/guide.js';
import { runWalkthroughsCommand } from '../src/commands/run-walkthroughs.js';
import { launchChromium } from './chromium.mjs';
import { docsScreens } from './docs-screens.js';

mkdirSync('docs', { recursive: true });
for (const [file, svg] of await docsScreens()) {
  writeFileSync(file, svg);
  console.log(`wrote ${file}`);
}

const dir = mkdtempSync(join(tmpdir(), 'pos-sim-pictures-'));
const quiet = () => undefined;
const open = ['  - press: 菜单', '  - type: "123456"', '  - press: 确认', '  - select: 免密支付'];
const suite = join(dir, 'qa');
mkdirSync(suite);
writeFileSync(join(suite, 'p2-opens.yaml'), ['name: P2 打开免密支付', 'steps:', ...open, '  - expect: "[x] 开启免密支付"', ''].join('\n'));
writeFileSync(join(suite, 'p2-untick.yaml'), ['name: P2 取消勾选开启免密支付', 'steps:', ...open, '  - snapshot: editing', ''].join('\n'));
await runWalkthroughsCommand(
  { paths: [suite], reporter: 'json', bail: false, coverage: false, snapshotDir: join(dir, 'pictures'), updateSnapshots: true },
  quiet,
  quiet,
);
// A change of screen the golden does not know: the walkthrough now unticks the box.
writeFileSync(
  join(suite, 'p2-untick.yaml'),
  ['name: P2 取消勾选开启免密支付', 'steps:', ...open, '  - select: 开启免密支付', '  - snapshot: editing', ''].join('\n'),
);
const report: string[] = [];
process.chdir(dir);
await runWalkthroughsCommand(
  { paths: ['qa'], reporter: 'html', bail: false, coverage: false, snapshotDir: 'pictures' },
  (text) => report.push(text),
  quiet,
);
writeFileSync(join(dir, 'report.html'), report.join('\n'));
await guideCommand({ walkthrough: 'P2', format: 'html', lang: 'zh', out: join(dir, 'guide.html'), fixture: undefined });
process.chdir(pathToFileURL(`${import.meta.dirname}/..`).pathname);

const browser = await launchChromium();
try {
  for (const [page, file, height] of [
    ['report.html', 'docs/report.png', 1000],
    ['guide.html', 'docs/guide.png', 900],
  ] as const) {
    const tab = await browser.newPage({ viewport: { width: 1100, height }, deviceScaleFactor: 1 });
    await tab.goto(pathToFileURL(join(dir, page)).href);
    await tab.screenshot({ path: file });
    console.log(`wrote ${file}`);
  }
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
