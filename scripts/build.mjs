// Bundles the CLI as CommonJS (dist/cli.cjs, which dist/cli.js starts from V8's code cache, written
// here after warm-up runs: see src/code-cache.ts), the programmatic API, the run's worker and the
// vitest matchers as ESM with esbuild (unbundled Ink costs ~0.5 s at start-up), conf on its own (see
// lazyConf), and writes the API's TypeScript declarations with tsc (dist/types, what package.json's
// "types" names). scripts/bench.mjs bundles its minimal Ink reference app with the same options
// (esbuildOptions).
import { execFileSync, spawn } from 'node:child_process';
import { build } from 'esbuild';
import { isAscii } from 'node:buffer';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * yoga-layout (Ink's layout engine) ships its WebAssembly as a base64 data: URL and loads it with
 * fetch() whenever fetch exists. On Node that loads undici first, some 30-60 ms of every start
 * before the first frame. With fetch shadowed inside the loader it decodes the same bytes itself.
 */
const YOGA_LOADER = /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/;
const YOGA_ANCHOR = 'var loadYoga = (() => {';
const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(esbuild) {
    esbuild.onLoad({ filter: YOGA_LOADER }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes(YOGA_ANCHOR)) {
        return {
          contents: source,
          loader: 'js',
          warnings: [{ text: `yoga-layout's loader changed: it fetches its wasm again (slower start-up); update ${YOGA_ANCHOR}` }],
        };
      }
      return { contents: source.replace(YOGA_ANCHOR, `${YOGA_ANCHOR} const fetch = undefined;`), loader: 'js' };
    });
  },
};

/**
 * string-width measures non-ASCII text with Intl.Segmenter and emoji regexes (compiled on first use):
 * a UI in Chinese pays that on its first frame and on every new string Ink lays out. Printable
 * ASCII and the common CJK blocks (ideographs, CJK punctuation, full-width forms), with colour
 * codes around them, hold no emoji, marks or clusters: 1 column per ASCII character, 2 per other;
 * string-width itself is loaded when other text first needs it.
 * Every importer (Ink, wrap-ansi, ours) keeps its own string-width version for all other text.
 */
const plainStringWidth = {
  name: 'plain-string-width',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.pluginData?.real) return undefined;
      const real = await esbuild.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: { real: true } });
      return real.errors.length > 0 ? { errors: real.errors } : { path: real.path, namespace: 'plain-string-width' };
    });
    esbuild.onLoad({ filter: /.*/, namespace: 'plain-string-width' }, (args) => ({
      loader: 'js',
      resolveDir: root,
      // The real string-width is required lazily: loading it makes an Intl.Segmenter and compiles
      // emoji regexes (~25 ms), which text that is all plain never needs.
      contents: String.raw`let stringWidth;
const plain = /^[\u0020-\u007E\u3000-\u3029\u3030-\u303E\u4E00-\u9FFF\uFF01-\uFF5E]*$/;
const colors = /\x1b\[[\d;]*m/g;
export default function plainStringWidth(text, options) {
  const bare = typeof text === 'string' && text.includes('\x1b') ? text.replace(colors, '') : text;
  if (options !== undefined || typeof text !== 'string' || !plain.test(bare)) {
    stringWidth ??= require(${JSON.stringify(args.path)}).default;
    return stringWidth(text, options);
  }
  let width = bare.length;
  for (let index = 0; index < bare.length; index++) if (bare.charCodeAt(index) > 0x7e) width++;
  return width;
}
`,
    }));
  },
};

/**
 * zod's `z` namespace re-exports all of its ~40 message locales (some 350 kB that every command
 * would compile at start-up); pos-sim uses two: English (zod's default) and Chinese.
 */
const ZOD_LOCALES = /zod[\\/]v4[\\/]locales[\\/]index\.js$/;
const twoZodLocales = {
  name: 'two-zod-locales',
  setup(esbuild) {
    esbuild.onLoad({ filter: ZOD_LOCALES }, () => ({
      loader: 'js',
      contents: 'export { default as en } from "./en.js";\nexport { default as zhCN } from "./zh-CN.js";\n',
    }));
  },
};

/**
 * conf (with ajv, some 430 kB) is only needed once a device keeps its data on disk. It is bundled
 * on its own into dist/conf.cjs (CONF_BUNDLE), which the main bundle requires when the first Conf
 * is made: the other commands (`pos-sim run`, the API) neither load nor compile it.
 */
const CONF_BUNDLE = 'dist/conf.cjs';
const lazyConf = {
  name: 'lazy-conf',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^conf$/ }, () => ({ path: 'conf', namespace: 'lazy-conf' }));
    esbuild.onLoad({ filter: /.*/, namespace: 'lazy-conf' }, () => ({
      loader: 'js',
      resolveDir: root,
      contents: `import { packageRoot } from './src/package-root.ts';
let Conf;
export default function LazyConf(options) {
  Conf ??= require(packageRoot + ${JSON.stringify(`/${CONF_BUNDLE}`)}).default;
  return new Conf(options);
}
`,
    }));
  },
};

/**
 * Edits a dependency's file as it is bundled: every `[from, to]` must be found, or the build fails
 * (the dependency changed: look at the edit again).
 */
const editFile = (name, filter, edits) => ({
  name,
  setup(esbuild) {
    esbuild.onLoad({ filter }, (args) => {
      let source = readFileSync(args.path, 'utf8');
      for (const [from, to] of edits) {
        if (!source.includes(from)) return { errors: [{ text: `${name}: ${args.path} no longer holds ${JSON.stringify(from)}` }] };
        source = source.replace(from, to);
      }
      return { contents: source, loader: 'js' };
    });
  },
});

/**
 * A CommonJS bundle has no top-level await, which three spots of Ink's start use; each does the same
 * synchronously here. Yoga (Ink's layout engine) instantiates its WebAssembly, from the bytes its
 * loader decodes, with `new WebAssembly.Instance` instead of awaiting `WebAssembly.instantiate`, so
 * its module is ready when `loadYoga` returns. Ink, when DEV=true, loads its devtools bridge
 * (react-devtools-core, a stub in these bundles) and its package.json with require().
 */
const withoutTopLevelAwait = [
  editFile('yoga-sync-loader', YOGA_LOADER, [
    [
      'if(h.instantiateWasm)try{',
      'if(!h.instantiateWasm){a(new WebAssembly.Instance(new WebAssembly.Module(wa()),d));return{}}if(h.instantiateWasm)try{',
    ],
  ]),
  editFile('yoga-sync', /yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/, [
    ['const Yoga = wrapAssembly(await loadYoga());', 'const loaded = {};\nloadYoga(loaded);\nconst Yoga = wrapAssembly(loaded);'],
  ]),
  editFile('ink-sync-devtools', /ink[\\/]build[\\/]reconciler\.js$/, [
    ["await import('./devtools.js');", "require('./devtools.js');"],
    ['? await loadPackageJson()', "? JSON.parse(require('node:fs').readFileSync(new URL('../package.json', import.meta.url), 'utf8'))"],
  ]),
];

export const esbuildOptions = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
  // Ink imports react-devtools-core only when DEV is set; bundled, the optional import must resolve.
  alias: { 'react-devtools-core': './scripts/devtools-stub.mjs' },
  // signal-exit (via Ink) calls require() at run time.
  banner: { js: "import {createRequire as __cr} from 'node:module'; const require = __cr(import.meta.url);" },
  plugins: [yogaWithoutFetch, plainStringWidth, twoZodLocales, lazyConf],
};

/**
 * A script compiled from V8's code cache loses the callback that import() needs (Node 20), so the
 * CLI bundle has no import(): a package it leaves out (resvg, a native addon, CommonJS) is imported
 * with require() instead, when it is first needed as before.
 */
const requiredPackages = {
  name: 'required-packages',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^[^./]/ }, (args) =>
      args.kind === 'dynamic-import' && esbuild.initialOptions.external?.includes(args.path)
        ? { path: args.path, namespace: 'required-package' }
        : undefined,
    );
    esbuild.onLoad({ filter: /.*/, namespace: 'required-package' }, (args) => ({
      loader: 'js',
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
    }));
  },
};

/**
 * The CLI as one CommonJS bundle, which src/code-cache.ts can compile with V8's code cache. Commands
 * are still evaluated only when chosen: esbuild wraps what is imported dynamically in functions it
 * calls on import.
 */
export const cliBundleOptions = {
  ...esbuildOptions,
  format: 'cjs',
  // Less to read, hash and keep as a string at every start; names stay as they are.
  minifyWhitespace: true,
  // pictures as PNG: resvg is a native addon.
  external: ['@resvg/resvg-js'],
  plugins: [requiredPackages, ...withoutTopLevelAwait, ...esbuildOptions.plugins.filter((plugin) => plugin !== yogaWithoutFetch)],
  // Wrapped as require() wraps a module, which src/code-cache.ts compiles as it is; strict, as the ES
  // modules it is made of; import.meta.url is the bundle's own.
  banner: {
    js: '(function (exports, require, module, __filename, __dirname) {"use strict";\nconst __importMetaUrl = require("node:url").pathToFileURL(__filename).href;',
  },
  footer: { js: '})' },
  define: { ...esbuildOptions.define, 'import.meta.url': '__importMetaUrl' },
};

/**
 * Makes the CLI bundle ASCII. V8 keeps a script's text as long as it runs, in one byte a character
 * only when all of them fit, and src/code-cache.ts decodes ASCII three times as fast. esbuild
 * escapes every non-ASCII character but those in regular expression literals (a few patterns of
 * Chinese words and punctuation): each such literal becomes `new RegExp("…", flags)` with the
 * pattern escaped, the same `source` and, as a literal gives, a new object each time it runs.
 * TypeScript's parser tells the literals apart (a slash may also divide).
 */
export const asciiRegExps = async (file) => {
  const text = readFileSync(file, 'utf8');
  if (isAscii(Buffer.from(text))) return;
  const { default: ts } = await import('typescript');
  const escaped = (value) => value.replace(/[^\x00-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const edits = [];
  const visit = (node) => {
    if (node.kind !== ts.SyntaxKind.RegularExpressionLiteral) return void ts.forEachChild(node, visit);
    const literal = node.getText(parsed);
    if (isAscii(Buffer.from(literal))) return;
    const end = literal.lastIndexOf('/');
    const pattern = escaped(JSON.stringify(literal.slice(1, end)));
    edits.push({
      start: node.getStart(parsed),
      end: node.end,
      text: `(new RegExp(${pattern}, ${JSON.stringify(literal.slice(end + 1))}))`,
    });
  };
  const parsed = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  visit(parsed);
  let ascii = text;
  for (const edit of edits.reverse()) ascii = ascii.slice(0, edit.start) + edit.text + ascii.slice(edit.end);
  writeFileSync(file, ascii);
  const left = /[^\x00-\x7f]/.exec(ascii);
  if (left)
    console.warn(
      `build: ${file} is not all ASCII (it starts a little slower): ${JSON.stringify(ascii.slice(left.index - 60, left.index + 20))}`,
    );
};

const CLI_BUNDLE = 'dist/cli.cjs';
/**
 * The warm-ups that make the CLI bundle's code caches (scripts/code-cache-warm-up.mjs), one cache
 * each: `pos-sim run` playing a walkthrough, and the simulator up to its first screens after the
 * boot, which every other command starts with (src/cli-entry.ts picks).
 */
const WARM_UPS = [
  { cache: 'dist/cli-run.cache', args: ['run', 'fixtures/walkthroughs/p1-deregister-unionpay.yaml'] },
  { cache: 'dist/cli.cache', args: ['--fresh'], terminal: true },
];

/**
 * Runs the WARM_UPS, each in a process of its own, side by side. Without a cache pos-sim only starts
 * slower: a failed warm-up is a warning.
 */
const keepCodeCaches = async () => {
  const { outputFiles } = await build({
    entryPoints: ['scripts/code-cache-warm-up.mjs'],
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
    write: false,
  });
  await Promise.all(
    WARM_UPS.map(async ({ cache, args, terminal }) => {
      rmSync(join(root, cache), { force: true });
      const warmUp = spawn(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          outputFiles[0].text,
          join(root, CLI_BUNDLE),
          join(root, cache),
          ...(terminal ? ['--terminal'] : []),
          '--',
          ...args,
        ],
        { cwd: root, env: { ...process.env, POS_SIM_LANG: '' }, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let stderr = '';
      warmUp.stderr.on('data', (chunk) => (stderr += chunk));
      const code = await new Promise((resolve) => warmUp.on('close', resolve));
      if (code !== 0 || !existsSync(join(root, cache))) {
        console.warn(`build: no code cache ${cache} (pos-sim ${args[0]} starts slower): the warm-up exited ${code}\n${stderr}`);
      }
    }),
  );
};

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const result = await build({
    ...esbuildOptions,
    entryPoints: { index: 'src/index.ts', 'run-worker': 'src/walkthrough/run-worker.ts', vitest: 'src/vitest.ts' },
    // pos-sim/vitest extends the test runner's own expect; resvg (PNG pictures) is a native addon.
    external: ['vitest', '@resvg/resvg-js'],
    outdir: 'dist',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
  });
  const cli = await build({ ...cliBundleOptions, entryPoints: ['src/cli.tsx'], outfile: CLI_BUNDLE, metafile: true });
  const imported = Object.values(cli.metafile.outputs).flatMap((output) =>
    output.imports.filter((entry) => entry.kind === 'dynamic-import'),
  );
  if (imported.length > 0)
    throw new Error(`${CLI_BUNDLE} may not import(): ${imported.map((entry) => entry.path).join(', ')} (see requiredPackages)`);
  await asciiRegExps(join(root, CLI_BUNDLE));
  await build({ ...esbuildOptions, entryPoints: { cli: 'src/cli-entry.ts' }, outdir: 'dist', banner: {} });
  // conf as CommonJS, for lazyConf's require: a Conf is made in the middle of a synchronous read.
  await build({
    ...esbuildOptions,
    entryPoints: ['conf'],
    plugins: [],
    format: 'cjs',
    banner: {},
    outfile: CONF_BUNDLE,
  });
  await keepCodeCaches();
  // Chunk names carry a content hash: drop earlier builds' chunks, or dist/ (and the package) keeps them all.
  const written = new Set(Object.keys(result.metafile.outputs).map((file) => resolve(root, file)));
  const chunks = join(root, 'dist', 'chunks');
  if (existsSync(chunks)) {
    for (const name of readdirSync(chunks)) if (!written.has(join(chunks, name))) rmSync(join(chunks, name), { force: true });
  }
  // tsc writes the declarations incrementally (a full emit costs ~13 s of CPU on every npm test).
  // Its record of what it wrote only holds while the declarations are there.
  const typesRecord = join(root, 'node_modules', '.cache', 'pos-sim', 'types.tsbuildinfo');
  if (!existsSync(join(root, 'dist', 'types', 'src', 'index.d.ts'))) rmSync(typesRecord, { force: true });
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      join(root, 'tsconfig.build.json'),
      '--incremental',
      '--tsBuildInfoFile',
      typesRecord,
    ],
    { stdio: 'inherit' },
  );
}
