// The CLI's code cache (src/code-cache.ts): used only for the very source it was made for and only
// whole; without it, or with one that does not fit, the bundle runs all the same. And the build's
// caches are ones this Node accepts.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { compileBundle, readCodeCache, runBundle, writeCodeCache } from '../src/code-cache.js';
import { buildWhenStale, ROOT } from './support/built-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'pos-sim-code-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * A bundle, a CommonJS module wrapped as require() wraps one, that says what it ran with through a
 * global (the runs share this process).
 */
const moduleSource = (word: string) =>
  Buffer.from(`(function (exports, require, module, __filename, __dirname) {
const { basename } = require('node:path');
const twice = (text) => text + text;
globalThis.codeCacheProbe = { said: twice(${JSON.stringify(word)}), file: basename(__filename), exported: exports === module.exports };
})`);

const probe = () => (globalThis as { codeCacheProbe?: unknown }).codeCacheProbe;

/** A bundle in the scratch folder with the code V8 compiled for it once it ran. */
const bundleWithCache = (name: string, word: string) => {
  const file = join(scratch, `${name}.cjs`);
  const cache = `${file}.cache`;
  const source = moduleSource(word);
  writeFileSync(file, source);
  const script = compileBundle(file, source);
  (script.runInThisContext() as (...args: unknown[]) => void)({}, createRequire(file), {}, file, scratch);
  writeCodeCache(cache, source, script.createCachedData());
  return { file, cache, source };
};

describe('the code cache', () => {
  it('is read back for its own source and accepted by V8', () => {
    const { file, cache, source } = bundleWithCache('own', 'ok');
    const code = readCodeCache(cache, source);
    expect(code).toBeInstanceOf(Buffer);
    expect(compileBundle(file, source, code).cachedDataRejected).toBe(false);
  });

  it('is not used for another source, even one of the same length (V8 would take it)', () => {
    const { cache } = bundleWithCache('other', 'ok');
    expect(readCodeCache(cache, moduleSource('no'))).toBeUndefined();
  });

  it('is not used when another Node made it (same V8 version, another build or architecture)', () => {
    const { cache, source } = bundleWithCache('node', 'ok');
    const code = readFileSync(cache).subarray(32);
    const madeBy = (runtime: string) => Buffer.concat([createHash('sha256').update(runtime).update(source).update(code).digest(), code]);
    writeFileSync(cache, madeBy(`v20.0.0 ${process.arch} ${process.versions.v8}`));
    expect(readCodeCache(cache, source)).toBeUndefined();
    writeFileSync(cache, madeBy(`${process.version} ${process.arch} ${process.versions.v8}`));
    expect(readCodeCache(cache, source)).toEqual(code);
  });

  it('is not used when damaged, cut short, empty or missing', () => {
    const { cache, source } = bundleWithCache('damaged', 'ok');
    const whole = readFileSync(cache);
    const damaged = Buffer.from(whole);
    damaged[damaged.length - 10] = (damaged[damaged.length - 10] ?? 0) ^ 0xff;
    for (const bytes of [damaged, whole.subarray(0, whole.length - 1), Buffer.alloc(0), whole.subarray(0, 32)]) {
      writeFileSync(cache, bytes);
      expect(readCodeCache(cache, source)).toBeUndefined();
    }
    expect(readCodeCache(join(scratch, 'missing.cache'), source)).toBeUndefined();
  });

  it('runs the bundle as require() would, with a cache, a wrong one, or none', () => {
    const { file, cache } = bundleWithCache('runs', 'ok');
    for (const prepare of [() => {}, () => writeFileSync(cache, 'not a cache'), () => rmSync(cache)]) {
      prepare();
      delete (globalThis as { codeCacheProbe?: unknown }).codeCacheProbe;
      runBundle(file, cache);
      expect(probe()).toEqual({ said: 'okok', file: 'runs.cjs', exported: true });
    }
  });

  it('of the built CLI, both of them, is accepted by the Node that built it', async () => {
    buildWhenStale();
    // In a process of its own, as the CLI starts (V8 takes the cache only with the same flags).
    const check = join(scratch, 'check.mjs');
    await build({
      stdin: {
        contents: `import { readFileSync } from 'node:fs';
import { compileBundle, readCodeCache } from './src/code-cache.ts';
const file = ${JSON.stringify(join(ROOT, 'dist/cli.cjs'))};
const source = readFileSync(file);
for (const cache of ['cli-run.cache', 'cli.cache']) {
  const code = readCodeCache(${JSON.stringify(join(ROOT, 'dist'))} + '/' + cache, source);
  console.log(cache, code === undefined ? 'missing' : compileBundle(file, source, code).cachedDataRejected ? 'rejected' : 'accepted');
}`,
        resolveDir: ROOT,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: check,
      logLevel: 'error',
    });
    const run = spawnSync(process.execPath, [check], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim().split('\n')).toEqual(['cli-run.cache accepted', 'cli.cache accepted']);
  }, 60_000);
});
