// The start-up shortcuts in scripts/build.mjs change nothing but speed: the bundled string-width
// gives string-width's own answers, Ink's layout engine loads without fetch (and undici), and the
// CLI's CommonJS bundle loads Ink without top-level await and lays out as Ink does.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import stringWidth from 'string-width';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ROOT } from './terminal.js';

type Width = (text: string, options?: { ambiguousIsNarrow?: boolean }) => number;
type Options = BuildOptions & { plugins: Plugin[] };
type BuildScript = { esbuildOptions: Options; cliBundleOptions: Options; asciiRegExps: (file: string) => Promise<void> };

const scratch = mkdtempSync(join(tmpdir(), 'pos-sim-bundle-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const buildScript = async () => (await import(pathToFileURL(join(ROOT, 'scripts/build.mjs')).href)) as BuildScript;
const options = async (): Promise<Options> => (await buildScript()).esbuildOptions;

/** Bundles `contents` (resolved from `resolveDir`) with the build's options into the scratch folder. */
const bundle = async (name: string, contents: string, resolveDir = ROOT, plugins?: Plugin[]) => {
  const base = await options();
  const outfile = join(scratch, `${name}.mjs`);
  await build({ ...base, ...(plugins ? { plugins } : {}), stdin: { contents, resolveDir, loader: 'js' }, outfile, logLevel: 'error' });
  return outfile;
};

/** Every character the shortcut may take, alone and coloured, and text it must leave to string-width. */
const samples = (): string[] => {
  const texts: string[] = [];
  const shortcut = /[\u0020-\u007E\u3000-\u303F\u4E00-\u9FFF\uFF00-\uFF60]/;
  for (let code = 0x20; code <= 0xffff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    // All of the blocks the shortcut covers (and their edges), a sample of the rest.
    if (shortcut.test(String.fromCharCode(code)) || code % 7 === 0) texts.push(String.fromCharCode(code));
  }
  return [
    ...texts,
    '云闪付 abc，重启后生效',
    '[ ] 开启免密支付 *未保存',
    '\u001b[36mBackspace \u001b[39m清除',
    '\u001b[1m\u001b[7m> 3.云闪付\u001b[27m\u001b[22m',
    '\u001b]8;;https://example.com\u0007链接\u001b]8;;\u0007',
    '👍 好',
    'é e\u0301 中\u0301',
    '한국어 ｶﾞ',
    '·—“”',
  ];
};

describe('the bundle', () => {
  it('measures text exactly as string-width does, for Ink and for wrap-ansi', async () => {
    const ours = (await import(await bundle('width', "export { default } from 'string-width';"))) as { default: Width };
    const texts = samples();
    const wrong = texts.filter((text) => ours.default(text) !== stringWidth(text));
    expect(wrong.map((text) => `${JSON.stringify(text)}: ${ours.default(text)}, string-width ${stringWidth(text)}`)).toEqual([]);
    expect(ours.default('中', { ambiguousIsNarrow: false })).toBe(stringWidth('中', { ambiguousIsNarrow: false }));

    // wrap-ansi (inside Ink) has a string-width of its own version; the bundle keeps it for wrap-ansi.
    const wrapAnsi = join(ROOT, 'node_modules/wrap-ansi');
    const ownCopy = join(wrapAnsi, 'node_modules/string-width/index.js');
    if (existsSync(ownCopy)) {
      const theirs = (await import(pathToFileURL(ownCopy).href)) as { default: Width };
      const bundled = (await import(await bundle('width-wrap-ansi', "export { default } from 'string-width';", wrapAnsi))) as {
        default: Width;
      };
      expect(texts.filter((text) => bundled.default(text) !== theirs.default(text))).toEqual([]);
    }
  }, 60_000);

  it('loads Ink without fetching its layout engine (no undici at start-up)', async () => {
    const probe = "import 'ink'; setTimeout(() => console.log(process.moduleLoadList.some((name) => name.includes('undici'))), 50);";
    const run = (file: string) => execFileSync(process.execPath, [file], { encoding: 'utf8' }).trim();
    expect(run(await bundle('ink', probe))).toBe('false');
    // Without the build's yoga plugin, the same probe does load undici: the check can tell.
    const others = (await options()).plugins.filter((plugin) => plugin.name !== 'yoga-without-fetch');
    expect(run(await bundle('ink-fetching', probe, ROOT, others))).toBe('true');
  }, 60_000);

  it('loads Ink in the CLI bundle (CommonJS) synchronously, without fetch, and lays out as Ink does', async () => {
    const probe = `import { Box, Text, render } from 'ink';
import { PassThrough } from 'node:stream';
const out = Object.assign(new PassThrough(), { columns: 30, rows: 5, isTTY: false });
let frame = '';
out.on('data', (chunk) => (frame = String(chunk)));
const app = render(<Box width={20} borderStyle="classic" justifyContent="flex-end"><Text>ok</Text></Box>, { stdout: out, debug: true, patchConsole: false });
app.unmount();
console.log(JSON.stringify({ frame, undici: process.moduleLoadList.some((name) => name.includes('undici')) }));`;
    const outfile = join(scratch, 'ink-cli.cjs');
    await build({
      ...(await buildScript()).cliBundleOptions,
      stdin: { contents: probe, resolveDir: ROOT, loader: 'jsx' },
      jsx: 'automatic',
      outfile,
      logLevel: 'error',
    });
    // Run as dist/cli.js runs the CLI's bundle (src/code-cache.ts).
    const runner = join(scratch, 'run-bundle.mjs');
    await build({
      stdin: {
        contents: "import { runBundle } from './src/code-cache.ts'; runBundle(process.argv[2], process.argv[2] + '.cache');",
        resolveDir: ROOT,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: runner,
      logLevel: 'error',
    });
    // Ink draws only the last frame in CI (is-in-ci): the layout is what is checked here, so not in CI.
    const { CI: _ci, CONTINUOUS_INTEGRATION: _ci2, ...env } = process.env;
    const result = JSON.parse(execFileSync(process.execPath, [runner, outfile], { encoding: 'utf8', env }).trim()) as {
      frame: string;
      undici: boolean;
    };
    expect(result.undici).toBe(false);
    expect(result.frame.trim().split('\n')).toEqual(['+------------------+', '|                ok|', '+------------------+']);
  }, 60_000);

  it('makes the CLI bundle ASCII with regular expressions that match as their literals did', async () => {
    const file = join(scratch, 'regexps.cjs');
    const module = `const half = 8/2/2;
const literal = (re) => [re.source, re.flags, re.lastIndex];
function yes(answer) { if (answer) return/^\\s*(y|yes|是)\\s*$/i.test(answer); return false }
export default {
  half,
  yes: ['是', ' yes ', '否'].map(yes),
  full: '好，吗？'.replace(/[，：？]/g, '.'),
  menu: 'press: [1, 菜单]'.replace(/, 菜单\\]$/, ']'),
  slash: /\\/是/.test('/是'),
  astral: /^[😀好]$/u.test('😀'),
  kept: ['/[，]/', \`是\`, String.raw\`好\`],
  literals: [/[，：？]/g, /, 菜单\\]$/, /\\/是/, /^[😀好]$/u, /ascii/].map(literal),
};
`;
    // As esbuild writes it (its output escapes all other characters).
    await build({
      stdin: { contents: module, loader: 'js' },
      format: 'cjs',
      platform: 'node',
      minifyWhitespace: true,
      outfile: file,
      logLevel: 'error',
    });
    const before = createRequire(import.meta.url)(file) as unknown;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await (await buildScript()).asciiRegExps(file);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`${file} is not all ASCII`));
    warn.mockRestore();
    const after = readFileSync(file, 'utf8');
    // The tagged template keeps its character (String.raw reads it as written), of which the build warns.
    expect(after.replace('String.raw`好`', '')).toMatch(/^[\x00-\x7f]*$/);
    expect(after).toContain('(new RegExp(');
    expect(after).toContain('/ascii/');
    expect(after).toContain('8/2/2');
    const copy = join(scratch, 'regexps-ascii.cjs');
    writeFileSync(copy, after);
    expect(createRequire(import.meta.url)(copy)).toEqual(before);
  });
});
