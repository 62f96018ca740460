/**
 * `pos-sim screenshot WALKTHROUGH [--step N] [--out FILE]`: a picture of the screen after step N
 * of a walkthrough (numbered as its guide and demo number them; 0 is the screen before the first),
 * as SVG or, for a .png file, PNG.
 */
import { writeFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import type { Lang } from '../i18n/messages.js';
import { toolText } from '../i18n/tool-lang.js';
import { screenshotSvg } from '../picture/screenshot.js';
import { shownPath } from '../shown-path.js';
import { guideOf } from './guide.js';

export type ScreenshotCommandOptions = {
  readonly walkthrough: string;
  readonly step: number | undefined;
  readonly lang: Lang | undefined;
  readonly out: string | undefined;
  readonly fixture: string | undefined;
};

export const screenshotCommand = async (options: ScreenshotCommandOptions): Promise<string[]> => {
  const guide = guideOf(options.walkthrough, options);
  const number = options.step ?? guide.steps.length;
  if (number > guide.steps.length) {
    throw new UsageError(
      toolText('screenshot.noSuchStep', { file: shownPath(guide.walkthrough.file), count: guide.steps.length, step: number }),
    );
  }
  const screen = number === 0 ? guide.start : guide.steps[number - 1]?.screen;
  if (!screen)
    throw new UsageError(
      toolText('screenshot.noSuchStep', { file: shownPath(guide.walkthrough.file), count: guide.steps.length, step: number }),
    );
  const out = resolve(options.out ?? `${basename(guide.walkthrough.file, extname(guide.walkthrough.file))}-${number}.svg`);
  const svg = await screenshotSvg(screen);
  if (extname(out).toLowerCase() === '.png') {
    const { svgToPng } = await import('../picture/png.js');
    writeFileSync(out, await svgToPng(svg));
  } else writeFileSync(out, svg);
  return [toolText('screenshot.written', { file: shownPath(out) })];
};
