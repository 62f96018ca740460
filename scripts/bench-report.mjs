// How big and how fast the HTML report is (`node scripts/bench-report.mjs [N]`, after `npm run
// build`): a suite of N walkthroughs (copies of the shipped one, 1,000 by default) run with
// `--reporter html` beside the same run with `--reporter json`, and the shipped suite on every
// shipped profile (`--fixture all`: more distinct screens); the page's size, the run's time, and
// how long Debian's Chromium takes to open the page.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './chromium.mjs';

const ROOT = join(import.meta.dirname, '..');
const SHIPPED = join(ROOT, 'fixtures', 'walkthroughs');
const size = Number(process.argv[2] ?? 1000);

const files = (folder) =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? files(join(folder, entry.name)).map((name) => join(entry.name, name))
      : entry.name.endsWith('.yaml')
        ? [entry.name]
        : [],
  );

// A piece (in a folder starting with `_`) and a suite file are copied along but are no walkthrough.
const isWalkthrough = (name) => !name.split(/[\\/]/).some((part) => part.startsWith('_')) && !name.endsWith('pos-sim.suite.yaml');

const makeSuite = (dir, wanted) => {
  const shipped = files(SHIPPED).filter(isWalkthrough);
  let count = 0;
  for (let copy = 0; count < wanted; copy += 1) {
    const target = join(dir, `copy-${String(copy).padStart(4, '0')}`);
    cpSync(SHIPPED, target, { recursive: true });
    count += shipped.length;
    for (const name of shipped.slice(shipped.length - Math.max(0, count - wanted))) rmSync(join(target, name));
  }
  return Math.min(count, wanted);
};

const run = (args, out) => {
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'pos-sim.js'), 'run', ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - started) / 1000;
  if (out) writeFileSync(out, result.stdout);
  return { seconds, bytes: Buffer.byteLength(result.stdout), status: result.status };
};

const opened = async (file) => {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const started = performance.now();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return (performance.now() - started) / 1000;
  } finally {
    await browser.close();
  }
};

const work = mkdtempSync(join(tmpdir(), 'pos-sim-bench-report-'));
try {
  const suite = join(work, 'suite');
  const count = makeSuite(suite, size);
  const page = join(work, 'report.html');
  const json = run([suite, '--reporter', 'json']);
  const html = run([suite, '--reporter', 'html'], page);
  const load = await opened(page);
  const all = join(work, 'all.html');
  const allJson = run([SHIPPED, '--fixture', 'all', '--reporter', 'json']);
  const allHtml = run([SHIPPED, '--fixture', 'all', '--reporter', 'html'], all);
  const allLoad = await opened(all);
  const results = (text) => statSync(text).size;
  const mb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;
  console.log(`${count} walkthroughs (copies of the shipped suite)`);
  console.log(`  --reporter html  ${html.seconds.toFixed(2)} s, page ${mb(html.bytes)}, opened in Chromium in ${load.toFixed(2)} s`);
  console.log(`  --reporter json  ${json.seconds.toFixed(2)} s (the same run without pictures)`);
  console.log(`shipped suite on every shipped profile (--fixture all)`);
  console.log(
    `  --reporter html  ${allHtml.seconds.toFixed(2)} s, page ${mb(results(all))}, opened in Chromium in ${allLoad.toFixed(2)} s`,
  );
  console.log(`  --reporter json  ${allJson.seconds.toFixed(2)} s`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
