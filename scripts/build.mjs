// Bundles the CLI and the programmatic API with esbuild: unbundled Ink costs ~0.5 s at start-up.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const common = {
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
};

await build({ ...common, entryPoints: { cli: 'src/cli.tsx', index: 'src/index.ts' }, outdir: 'dist', splitting: true, chunkNames: 'chunks/[name]-[hash]' });
