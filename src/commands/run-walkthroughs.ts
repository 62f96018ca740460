/**
 * `pos-sim run`: plays walkthroughs headless and reports as they finish, in file order; exit 0 all
 * passed (or skipped), 1 any failed, 2 any file that cannot run. Files are read, played and
 * dropped one at a time, on N worker threads when the suite is big enough to gain from them.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { PosSimError } from '../errors.js';
import { DEFAULT_SNAPSHOT_DIR, SnapshotReport } from '../golden/snapshot-report.js';
import { toolLang } from '../i18n/tool-lang.js';
import { visibleControls } from '../visible-controls.js';
import { createReporter, type ReporterName } from '../walkthrough/reporters/index.js';
import { bailReason } from '../walkthrough/reporters/reporter.js';
import type { ProfileCache } from '../walkthrough/run-file.js';
import type { WalkthroughResult } from '../walkthrough/run-walkthrough.js';
import { findWalkthroughFiles, resolveFixtureArgument, shardOf, type Shard, type TagSelection } from '../walkthrough/suite.js';

export type RunCommandOptions = {
  readonly paths: readonly string[];
  readonly reporter: ReporterName;
  readonly bail: boolean;
  readonly coverage: boolean;
  /** Where the pictures of screens that differ from their golden snapshots go. */
  readonly snapshotDir: string | undefined;
  /** Write golden snapshots anew where the screen differs, and remove those no step uses. */
  readonly updateSnapshots?: boolean | undefined;
  /** Plays every walkthrough on this profile instead of the one it names; `all`: on every shipped profile. */
  readonly fixture?: string | undefined;
  /** Worker threads; the machine's cores when absent. */
  readonly workers?: number | undefined;
  readonly shard?: Shard | undefined;
  /** `--env NAME=value`: values for the walkthroughs' `${NAME}`s, before the environment's. */
  readonly env?: Readonly<Record<string, string>> | undefined;
  /** `--include-tags` / `--exclude-tags`: the walkthroughs not picked are reported skipped. */
  readonly tags?: TagSelection | undefined;
};

/**
 * Walkthroughs (files × profiles) each worker must have for the workers to pay: a worker loads the
 * simulator anew and runs it cold (~0.15 s and some 40 MB), about what a hundred warm walkthroughs cost.
 */
export const PLAYS_PER_WORKER = 100;

/**
 * Suites this small play in the pos-sim process itself, which starts fastest and needs least
 * memory; larger ones on worker threads, whose memory is bounded (flat however many files).
 */
export const IN_PROCESS_PLAYS = 2 * PLAYS_PER_WORKER;

/**
 * The profiles `--fixture` names: a name or a file, `all` (every shipped profile), or a list of them
 * with commas (`all,./qa/mine.json`), each once. A file whose own name holds a comma is one profile.
 */
const fixtureList = async (fixture: string): Promise<string[]> => {
  const { shippedProfileNames } = await import('../profile/load-profile.js');
  const onePath = fixture !== 'all' && resolveFixtureArgument(fixture) !== fixture && existsSync(fixture);
  const parts = onePath ? [fixture] : fixture.split(',').filter((part) => part.trim() !== '');
  return [...new Set(parts.flatMap((part) => (part.trim() === 'all' ? shippedProfileNames() : [resolveFixtureArgument(part.trim())])))];
};

/** The profiles to play on instead of each walkthrough's own, checked before anything runs. */
const givenFixtures = async (fixture: string, profiles: ProfileCache): Promise<readonly string[]> => {
  const fixtures = await fixtureList(fixture);
  for (const name of fixtures) {
    try {
      profiles.get(name);
    } catch (error) {
      if (error instanceof PosSimError) throw new PosSimError(`--fixture: ${error.message}`);
      throw error;
    }
  }
  return fixtures;
};

/**
 * How many worker threads a run of this many plays (files × profiles) uses: --workers N as asked
 * (never more than the plays); by default none for a small suite, else up to the cores, each with
 * PLAYS_PER_WORKER plays or more.
 */
export const workerCount = (plays: number, requested: number | undefined): number => {
  if (plays === 0) return 0;
  if (requested !== undefined) return Math.min(requested, plays);
  return plays < IN_PROCESS_PLAYS ? 0 : Math.max(1, Math.min(availableParallelism(), Math.floor(plays / PLAYS_PER_WORKER)));
};

/** Runs the walkthroughs and returns the exit code. */
export const runWalkthroughsCommand = async (
  options: RunCommandOptions,
  out: (text: string) => void = console.log,
  err: (text: string) => void = console.error,
): Promise<number> => {
  const files = shardOf(findWalkthroughFiles(options.paths), options.shard);
  const profilesEach = options.fixture === undefined ? 1 : (await fixtureList(options.fixture)).length;
  const workers = workerCount(files.length * profilesEach, options.workers);
  // Profiles and the simulator are loaded here only when the files play in this process or
  // --fixture must be checked; workers load their own.
  const here = workers === 0 || options.fixture !== undefined ? await import('../walkthrough/run-file.js') : undefined;
  const profiles = here && new here.ProfileCache();
  const fixtures = options.fixture !== undefined && profiles ? await givenFixtures(options.fixture, profiles) : undefined;
  // The HTML report shows the coverage whether or not it is printed.
  const coverage = options.coverage || options.reporter === 'html' ? await import('../walkthrough/coverage.js') : undefined;
  const tracker = coverage ? new coverage.CoverageTracker() : undefined;
  const reporter = createReporter(options.reporter);
  const started = reporter.start({
    total: files.length * (fixtures?.length ?? 1),
    perProfile: (fixtures?.length ?? 1) > 1,
    startedAt: new Date(),
  });
  if (started !== undefined) out(started);

  let failed = false;
  let unreadable = false;
  let bailedOut: string | undefined;
  const snapshots = new SnapshotReport();
  /** A file's results, one per profile it is played on. */
  const report = (results: readonly WalkthroughResult[]): boolean => {
    const told = new Set<string>();
    for (const result of results) {
      snapshots.add(result);
      const text = reporter.result(result);
      if (text !== undefined) out(text);
      if (result.status === 'error') {
        unreadable = true;
        // Machine-readable reports keep stdout parseable; the problem is told beside them too, once a file.
        const reason = result.reason ?? '';
        if (options.reporter !== 'pretty' && !told.has(reason)) err(`pos-sim: ${visibleControls(reason)}`);
        told.add(reason);
      }
      if (result.status === 'failed') failed = true;
      if (options.bail && (result.status === 'failed' || result.status === 'error')) {
        bailedOut = bailReason(result);
        return false;
      }
    }
    return true;
  };

  const trace = options.reporter === 'html';
  const picked = {
    ...(options.env && Object.keys(options.env).length > 0 ? { given: options.env } : {}),
    ...(options.tags ? { tags: options.tags } : {}),
  };
  if (workers === 0 && here && profiles) {
    const { WalkthroughLibrary } = await import('../walkthrough/library.js');
    const fileOptions = {
      profiles,
      library: new WalkthroughLibrary(),
      ...picked,
      ...(fixtures ? { fixtures } : {}),
      ...(options.updateSnapshots ? { snapshots: 'update' as const } : {}),
      ...(trace ? { trace } : {}),
      ...(tracker ? { observe: tracker.observe } : {}),
    };
    for (const file of files) if (!report(here.runFile(file, fileOptions))) break;
  } else {
    const setup = {
      lang: toolLang(),
      coverage: tracker !== undefined,
      ...picked,
      ...(fixtures ? { fixtures } : {}),
      ...(options.updateSnapshots ? { updateSnapshots: true } : {}),
      ...(trace ? { trace } : {}),
    };
    // Worker threads (and node:worker_threads) are loaded only for a suite that runs on them.
    const { runInWorkers } = await import('../walkthrough/pool.js');
    await runInWorkers(files, { workers, setup, ...(tracker ? { tracker } : {}) }, report);
  }
  out(
    await reporter.end({ ...(bailedOut === undefined ? {} : { bailedOut }), ...(tracker && trace ? { coverage: tracker.report() } : {}) }),
  );
  // Machine-readable reports stay parseable on stdout; the coverage summary and the snapshots' news go beside them.
  const aside = options.reporter === 'pretty' ? out : err;
  if (tracker && coverage && options.coverage) aside(`\n${coverage.formatCoverage(tracker.report())}`);
  const news = await snapshots.finish({ dir: options.snapshotDir ?? DEFAULT_SNAPSHOT_DIR, update: options.updateSnapshots === true });
  if (news.length > 0) aside(`\n${news.join('\n')}`);
  return unreadable ? 2 : failed ? 1 : 0;
};
