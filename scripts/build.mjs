// Bundles the CLI, the programmatic API, the run's worker and the vitest matchers with esbuild
// (unbundled Ink costs ~0.5 s at start-up), conf on its own (see lazyConf), and writes the API's
// TypeScript declarations with tsc
// (dist/types, what package.json's "types" names). scripts/bench.mjs bundles its minimal Ink
// reference app with the same options (esbuildOptions).
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
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

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const result = await build({
    ...esbuildOptions,
    entryPoints: { cli: 'src/cli.tsx', index: 'src/index.ts', 'run-worker': 'src/walkthrough/run-worker.ts', vitest: 'src/vitest.ts' },
    // pos-sim/vitest extends the test runner's own expect; resvg (PNG pictures) is a native addon.
    external: ['vitest', '@resvg/resvg-js'],
    outdir: 'dist',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
  });
  // conf as CommonJS, for lazyConf's require: a Conf is made in the middle of a synchronous read.
  await build({
    ...esbuildOptions,
    entryPoints: ['conf'],
    plugins: [],
    format: 'cjs',
    banner: {},
    outfile: CONF_BUNDLE,
  });
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
