/**
 * Runs the CLI's CommonJS bundle (dist/cli.cjs) with V8's code cache. Node 20 keeps no compile
 * cache (`module.enableCompileCache` is Node 22), and compiling the bundle and the functions a
 * command first calls is a good part of a short command's CPU. So the build runs the CLI once for
 * each cache it keeps (a walkthrough played, the simulator started; scripts/build.mjs) and keeps the
 * code V8 compiled (`script.createCachedData()` at exit, which includes the functions that ran);
 * later processes hand that code to V8 instead of compiling again.
 *
 * V8 itself checks only its version, its flags and the source's length, and a damaged cache crashes
 * it: the cache file starts with a SHA-256 of the Node that made it, the source and the code
 * together, and is used only when that matches. A missing, stale or damaged cache, and one V8 rejects (another Node), cost only
 * the time: the bundle is then compiled as usual.
 */
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

const DIGEST_BYTES = 32;

/**
 * V8 checks its own version but not Node's, whose builds of one V8 version may differ (their V8
 * patches, the architecture): the cache is kept for this very Node, which costs nothing to check.
 */
const RUNTIME = `${process.version} ${process.arch} ${process.versions.v8}`;

const digestOf = (source: Buffer, code: Uint8Array): Buffer => createHash('sha256').update(RUNTIME).update(source).update(code).digest();

/** The V8 code kept in `cacheFile` for exactly this source, whole; undefined when there is none such. */
export const readCodeCache = (cacheFile: string, source: Buffer): Buffer | undefined => {
  let cache: Buffer;
  try {
    cache = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  if (cache.length <= DIGEST_BYTES) return undefined;
  const code = cache.subarray(DIGEST_BYTES);
  return digestOf(source, code).equals(cache.subarray(0, DIGEST_BYTES)) ? code : undefined;
};

/** Keeps `code` for this source in `cacheFile`, written whole or not at all. */
export const writeCodeCache = (cacheFile: string, source: Buffer, code: Buffer): void => {
  const partial = `${cacheFile}.${process.pid}.partial`;
  try {
    writeFileSync(partial, Buffer.concat([digestOf(source, code), code]));
    renameSync(partial, cacheFile);
  } finally {
    rmSync(partial, { force: true });
  }
};

/**
 * The bundle's script, compiled with `code` when V8 accepts it (`cachedDataRejected` says whether it
 * did). A bundle is a CommonJS module written already wrapped as require() wraps one, `(function
 * (exports, require, module, __filename, __dirname) {…})` (scripts/build.mjs): wrapped here, its text
 * would be copied into a second string of several MB, which lives as long as the process.
 */
export const compileBundle = (file: string, source: Buffer, code?: Buffer): Script =>
  new Script(source.toString(isAscii(source) ? 'latin1' : 'utf8'), { filename: file, ...(code ? { cachedData: code } : {}) });

/**
 * Runs the bundle `file` as require() would run the module in it, with the code kept in
 * `cacheFile`. With `keepCode`, the code V8 then holds for it is written to `cacheFile` when the
 * process exits.
 */
export const runBundle = (file: string, cacheFile: string, options: { readonly keepCode?: boolean } = {}): void => {
  const source = readFileSync(file);
  const script = compileBundle(file, source, readCodeCache(cacheFile, source));
  if (options.keepCode) process.on('exit', () => writeCodeCache(cacheFile, source, script.createCachedData()));
  const module = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void).call(
    module.exports,
    module.exports,
    createRequire(file),
    module,
    file,
    dirname(file),
  );
};
