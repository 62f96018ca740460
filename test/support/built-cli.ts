// The built executable for tests that run pos-sim as a user does: where it is, and building dist/
// first when it is missing or older than the sources (a test must never run yesterday's bundle).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';

export const ROOT = resolve(import.meta.dirname, '../..');

/** Node's require in a test's own bundle (an ES module) of modules that bundle CommonJS (signal-exit 3). */
const REQUIRE_BANNER = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

/**
 * A script for a child process (an ES module importing pos-sim's sources), bundled into `dir` as
 * NAME.mjs; its path.
 */
export const bundleScript = (dir: string, name: string, source: string): string => {
  const entry = join(dir, `${name}-entry.mjs`);
  writeFileSync(entry, source);
  const outfile = join(dir, `${name}.mjs`);
  buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
    banner: { js: REQUIRE_BANNER },
  });
  return outfile;
};

export const BIN = join(ROOT, 'bin/pos-sim.js');

/** Newest modification time of the files under `dir`. */
export const newest = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);

/** Builds dist/ when it is missing or older than src/ and menus/. */
export const buildWhenStale = (): void => {
  const dist = join(ROOT, 'dist/cli.js');
  if (existsSync(dist) && statSync(dist).mtimeMs >= Math.max(newest(join(ROOT, 'src')), newest(join(ROOT, 'menus')))) return;
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stderr}`);
};
