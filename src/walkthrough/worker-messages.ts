/** What the run's pool and its workers say to each other (structured-cloned plain data). */
import type { Lang } from '../i18n/messages.js';
import type { Reached } from './coverage.js';
import type { WalkthroughResult } from './run-walkthrough.js';
import type { TagSelection } from './suite.js';

/** What every file of the run is played with. */
export type WorkerSetup = {
  readonly lang: Lang;
  readonly fixtures?: readonly string[];
  readonly coverage: boolean;
  /** --update-snapshots: goldens that differ are written anew. */
  readonly updateSnapshots?: boolean;
  /** Keep every step's screen (the HTML report). */
  readonly trace?: boolean;
  /** `--env NAME=value`. */
  readonly given?: Readonly<Record<string, string>>;
  readonly tags?: TagSelection;
};

export type ToWorker =
  | { readonly type: 'setup'; readonly setup: WorkerSetup }
  | { readonly type: 'run'; readonly id: number; readonly files: readonly string[] }
  | { readonly type: 'finish' };

export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'results'; readonly id: number; readonly results: readonly (readonly WalkthroughResult[])[] }
  | { readonly type: 'finished'; readonly reached?: Reached };
