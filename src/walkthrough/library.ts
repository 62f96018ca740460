/**
 * What a run's walkthroughs call on, read once per run (or per worker): the YAML of each file, the
 * pieces as each call reads them (kept for the next call with the same values, a bounded number, so
 * memory stays flat however long the suite), the suite file that applies to each folder, and where
 * the pieces shipped with pos-sim are (`pos-sim:_lib/login.yaml`).
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { toolText } from '../i18n/tool-lang.js';
import { packageRoot } from '../package-root.js';
import { readUtf8 } from '../read-utf8.js';
import { shownPath } from '../shown-path.js';
import { readYaml, type YamlProblems, type YamlSource } from '../yaml-source.js';
import { SUITE_FILE } from './format.js';
import type { Call, Step } from './walkthrough.js';

/** `run: pos-sim:_lib/login.yaml` calls a piece shipped with pos-sim, wherever the caller is. */
export const SHIPPED_PREFIX = 'pos-sim:';

/** The shipped suite, and the folder `pos-sim:` paths start in. */
export const SHIPPED_WALKTHROUGHS = join(packageRoot, 'fixtures', 'walkthroughs');

/** The file a `run:` names: relative to the caller's folder, or to the shipped walkthroughs after `pos-sim:`. */
export const piecePath = (written: string, caller: string): string =>
  written.startsWith(SHIPPED_PREFIX) ? join(SHIPPED_WALKTHROUGHS, written.slice(SHIPPED_PREFIX.length)) : resolve(dirname(caller), written);

/** Whether a `pos-sim:` path names a file outside the shipped walkthroughs (pos-sim:../../package.json). */
export const leavesShipped = (written: string): boolean => {
  if (!written.startsWith(SHIPPED_PREFIX)) return false;
  const inside = relative(SHIPPED_WALKTHROUGHS, piecePath(written, SHIPPED_WALKTHROUGHS));
  return inside === '' || inside.startsWith('..') || isAbsolute(inside);
};

/** A YAML file read: its value and where each part is, or what is wrong with it. */
export type ReadFile = { readonly value: unknown; readonly source: YamlSource } | YamlProblems;

/** A piece as one call reads it: its steps, or the problems in it (each `file:line:col: …`). */
export type ReadPiece = { readonly call: Call; readonly steps: readonly Step[] } | { readonly problems: readonly string[] };

/** The steps a suite file adds before and after each walkthrough under its folder, or its problems. */
export type ReadSuite = { readonly before: readonly Step[]; readonly after: readonly Step[] } | { readonly problems: readonly string[] };

/**
 * Pieces (and their files) kept at once: several times what a suite calls on (the shipped suite
 * calls 13 pieces), far fewer than a long suite has calls. A suite calling on more reads the others
 * again as it goes. Each kept file holds its text and its YAML nodes: at 256 a long run kept ~3 MB
 * more, and its peak RSS rose ~4 MB above the figure a run of the shipped suite has.
 */
const PIECES_KEPT = 64;

export class WalkthroughLibrary {
  private readonly files = new Map<string, ReadFile>();
  private readonly pieces = new Map<string, ReadPiece>();
  private readonly suiteFiles = new Map<string, string | undefined>();
  private readonly suites = new Map<string, ReadSuite>();

  /** A YAML file, read once; undefined when there is no such file. */
  yaml(file: string, notYaml: (reason: string) => string = (reason) => toolText('walkthrough.notYaml', { reason })): ReadFile | undefined {
    const known = this.files.get(file);
    if (known) return known;
    if (!existsSync(file) || !statSync(file).isFile()) return undefined;
    const text = readUtf8(file);
    const read = typeof text === 'string' ? readYaml(text, shownPath(file), notYaml) : { problems: [text.problem] };
    // Only the pieces and suite files a run calls on are kept: as many as the suite has.
    if (this.files.size >= PIECES_KEPT) this.files.delete(this.files.keys().next().value as string);
    this.files.set(file, read);
    return read;
  }

  /** A piece read for one set of values, from the cache or by `read`. */
  piece(key: string, read: () => ReadPiece): ReadPiece {
    const known = this.pieces.get(key);
    if (known) {
      this.pieces.delete(key);
      this.pieces.set(key, known);
      return known;
    }
    const piece = read();
    if (this.pieces.size >= PIECES_KEPT) this.pieces.delete(this.pieces.keys().next().value as string);
    this.pieces.set(key, piece);
    return piece;
  }

  /** The suite file that applies to walkthroughs in `dir`: the nearest pos-sim.suite.yaml there or above. */
  suiteFileFor(dir: string): string | undefined {
    if (this.suiteFiles.has(dir)) return this.suiteFiles.get(dir);
    const here = join(dir, SUITE_FILE);
    const parent = dirname(dir);
    const found = existsSync(here) ? here : parent === dir ? undefined : this.suiteFileFor(parent);
    this.suiteFiles.set(dir, found);
    return found;
  }

  /** A suite file's steps, read once. */
  suite(file: string, read: () => ReadSuite): ReadSuite {
    let suite = this.suites.get(file);
    if (!suite) {
      suite = read();
      this.suites.set(file, suite);
    }
    return suite;
  }
}
