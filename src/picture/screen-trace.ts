/**
 * The screens a walkthrough's steps left, for the HTML report: each screen kept once (steps that
 * change nothing on screen share it), and for each step which one and how long the step took.
 */
import { goldenText } from '../golden/golden-text.js';
import type { ScreenCapture } from './screen-capture.js';

/** A step that ran: as written (its first line) and where (line, and the file it is written in), the screen it left (an index into the screens), how long it took. */
export type StepTrace = {
  readonly step: string;
  readonly line: number;
  readonly file?: string;
  readonly screen: number;
  readonly ms: number;
};

export class ScreenTrace {
  private readonly screens: ScreenCapture[] = [];
  private readonly seen = new Map<string, number>();
  private readonly steps: StepTrace[] = [];

  add(
    step: { readonly source: string; readonly file?: string; readonly at: { readonly line: number } },
    capture: ScreenCapture,
    ms: number,
  ): void {
    const key = goldenText(capture);
    let index = this.seen.get(key);
    if (index === undefined) {
      index = this.screens.push(capture) - 1;
      this.seen.set(key, index);
    }
    this.steps.push({
      step: step.source.split('\n')[0] ?? '',
      line: step.at.line,
      ...(step.file ? { file: step.file } : {}),
      screen: index,
      ms,
    });
  }

  result(): { readonly screens: readonly ScreenCapture[]; readonly trace: readonly StepTrace[] } {
    return { screens: [...this.screens], trace: [...this.steps] };
  }
}
