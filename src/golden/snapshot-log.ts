/**
 * What a walkthrough's snapshot checks came to, for its result: the snapshot names its steps use
 * (to tell which goldens are no longer used), the goldens --update-snapshots wrote or replaced, and
 * a failed check's screens to show side by side with the differences.
 */
import { toolText } from '../i18n/tool-lang.js';
import type { ScreenCapture } from '../picture/screen-capture.js';
import { shownPath } from '../shown-path.js';
import type { Walkthrough } from '../walkthrough/walkthrough.js';
import { snapshotNames, type SnapshotCheck } from './golden-files.js';

/** A screen that does not match its golden: the golden's screen (when there is one to read) and the device's. */
export type SnapshotMismatch = {
  readonly name: string;
  /** The golden file, as reports show paths. */
  readonly golden: string;
  readonly kind: 'missing' | 'differs' | 'unreadable';
  /** The differences, row by row (differs). */
  readonly diff: readonly string[];
  readonly expected?: ScreenCapture;
  readonly actual: ScreenCapture;
};

/** What is wrong with a snapshot check, as the step's failure says it; undefined when it passed. */
export const snapshotProblem = (name: string, check: SnapshotCheck): string | undefined => {
  switch (check.kind) {
    case 'matched':
    case 'written':
    case 'updated':
      return undefined;
    case 'missing':
      return toolText('snapshot.missing', { name, golden: shownPath(check.golden) });
    case 'unreadable':
      return toolText('snapshot.unreadable', { golden: shownPath(check.golden), line: check.line, form: check.form });
    case 'differs':
      return [
        toolText('snapshot.differs', { name, golden: shownPath(check.golden) }),
        ...check.diff.map((line) => `  ${line}`),
        toolText('snapshot.acceptChange'),
      ].join('\n');
  }
};

export class SnapshotLog {
  private readonly written: string[] = [];
  private readonly updated: string[] = [];
  private readonly names: readonly string[];
  /** The last check that failed. */
  mismatch: SnapshotMismatch | undefined;

  constructor(walkthrough: Pick<Walkthrough, 'before' | 'steps' | 'after'>) {
    this.names = snapshotNames(walkthrough);
  }

  add(name: string, check: SnapshotCheck): void {
    if (check.kind === 'matched') return;
    if (check.kind === 'written' || check.kind === 'updated') {
      (check.kind === 'written' ? this.written : this.updated).push(check.golden);
      return;
    }
    this.mismatch = {
      name,
      golden: shownPath(check.golden),
      kind: check.kind,
      diff: check.kind === 'differs' ? check.diff : [],
      ...(check.kind === 'differs' ? { expected: check.expected } : {}),
      actual: check.actual,
    };
  }

  /** The part of the walkthrough's result it adds, when its steps use snapshots. */
  result(): {
    readonly snapshots?: { readonly names: readonly string[]; readonly written: readonly string[]; readonly updated: readonly string[] };
  } {
    return this.names.length > 0 ? { snapshots: { names: this.names, written: [...this.written], updated: [...this.updated] } } : {};
  }
}
