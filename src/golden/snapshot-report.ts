/**
 * What a run did with golden screen snapshots, told once it has ended: the goldens
 * --update-snapshots wrote or replaced, the pictures of each screen that did not match its golden
 * (expected and actual, written to --snapshot-dir to look at side by side), and the goldens no step
 * uses any more (removed with --update-snapshots).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { toolText } from '../i18n/tool-lang.js';
import { shownPath } from '../shown-path.js';
import type { WalkthroughResult } from '../walkthrough/run-walkthrough.js';
import { goldenText } from './golden-text.js';
import { removeSnapshots, unusedSnapshots } from './golden-files.js';
import type { SnapshotMismatch } from './snapshot-log.js';

/** Where a run writes the pictures of screens that did not match, unless --snapshot-dir says. */
export const DEFAULT_SNAPSHOT_DIR = 'pos-sim-snapshots';

export class SnapshotReport {
  private readonly names = new Map<string, Set<string>>();
  private readonly written: string[] = [];
  private readonly updated: string[] = [];
  private readonly mismatches: { readonly file: string; readonly mismatch: SnapshotMismatch }[] = [];

  add(result: WalkthroughResult): void {
    // A file that cannot be read, or a walkthrough left out (by tags or its when:), says nothing of
    // the snapshots its steps would use: its goldens are neither unused nor removed.
    if (result.status === 'error' || result.status === 'skipped') return;
    const names = this.names.get(result.file) ?? new Set<string>();
    for (const name of result.snapshots?.names ?? []) names.add(name);
    this.names.set(result.file, names);
    this.written.push(...(result.snapshots?.written ?? []));
    this.updated.push(...(result.snapshots?.updated ?? []));
    if (result.failure?.snapshot) this.mismatches.push({ file: result.file, mismatch: result.failure.snapshot });
  }

  /** Writes the pictures, removes unused goldens when updating; the lines that say what was done. */
  async finish({ dir, update }: { readonly dir: string; readonly update: boolean }): Promise<string[]> {
    const lines: string[] = [];
    if (this.written.length > 0)
      lines.push(toolText('snapshot.written', { count: this.written.length }), ...this.written.map((file) => `  ${shownPath(file)}`));
    if (this.updated.length > 0)
      lines.push(toolText('snapshot.updated', { count: this.updated.length }), ...this.updated.map((file) => `  ${shownPath(file)}`));
    if (this.mismatches.length > 0) {
      const { ScreenPainter } = await import('../picture/screenshot.js');
      const painter = new ScreenPainter();
      try {
        lines.push(toolText('snapshot.pictures'));
        for (const { file, mismatch } of this.mismatches) {
          const stem = join(dir, basename(file, extname(file)), basename(mismatch.golden, '.txt'));
          mkdirSync(dirname(stem), { recursive: true });
          const written: string[] = [];
          if (mismatch.expected) {
            writeFileSync(`${stem}.expected.svg`, await painter.svg(mismatch.expected));
            written.push(`${stem}.expected.svg`);
          }
          writeFileSync(`${stem}.actual.svg`, await painter.svg(mismatch.actual));
          writeFileSync(`${stem}.actual.txt`, goldenText(mismatch.actual));
          written.push(`${stem}.actual.svg`, `${stem}.actual.txt`);
          lines.push(...written.map((path) => `  ${shownPath(path)}`));
        }
      } finally {
        painter.dispose();
      }
    }
    const unused = [...this.names].flatMap(([file, names]) => unusedSnapshots(file, [...names]));
    if (unused.length > 0) {
      if (update) removeSnapshots(unused);
      lines.push(
        toolText(update ? 'snapshot.removed' : 'snapshot.unused', { count: unused.length }),
        ...unused.map((file) => `  ${shownPath(file)}`),
      );
    }
    return lines;
  }
}
