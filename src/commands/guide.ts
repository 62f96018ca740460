/**
 * `pos-sim guide WALKTHROUGH`: a step-by-step procedure guide made from a walkthrough that passes,
 * with a picture of the screen at every step — one HTML page, or Markdown with its pictures in a
 * folder beside it. The walkthrough is found as `pos-sim demo` finds it (P2, a name, a file).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import type { GuideFormat } from '../cli-args.js';
import { UsageError } from '../errors.js';
import { guideHtml, guideMarkdown } from '../guide/guide-document.js';
import { planGuide, type Guide } from '../guide/guide-plan.js';
import type { Lang } from '../i18n/messages.js';
import { toolText } from '../i18n/tool-lang.js';
import { ScreenPainter } from '../picture/screenshot.js';
import { loadProfile } from '../profile/load-profile.js';
import { shownPath } from '../shown-path.js';
import { loadWalkthroughs } from '../walkthrough/load-walkthroughs.js';
import { resolveFixtureArgument } from '../walkthrough/suite.js';
import { resolveProcedure } from './demo.js';

export type GuideCommandOptions = {
  readonly walkthrough: string;
  readonly format: GuideFormat;
  /** The guide's language: --lang, else the walkthrough's own. */
  readonly lang: Lang | undefined;
  readonly out: string | undefined;
  readonly fixture: string | undefined;
};

/** The walkthrough's guide, played on its profile or the one given. */
export const guideOf = (
  walkthroughName: string,
  { lang, fixture }: { readonly lang: Lang | undefined; readonly fixture: string | undefined },
): Guide => {
  const file = resolveProcedure(walkthroughName);
  const [walkthrough] = loadWalkthroughs([file], fixture);
  if (!walkthrough) throw new UsageError(toolText('demoCli.noWalkthrough', { procedure: walkthroughName }));
  return planGuide(walkthrough, {
    ...(lang ? { lang } : {}),
    ...(fixture ? { profile: loadProfile(resolveFixtureArgument(fixture)) } : {}),
  });
};

/** Every screen of the guide as SVG: the start, then one per step. */
export const guidePictures = async (guide: Guide): Promise<string[]> => {
  const painter = new ScreenPainter();
  try {
    const pictures: string[] = [];
    for (const screen of [guide.start, ...guide.steps.map((step) => step.screen)]) pictures.push(await painter.svg(screen));
    return pictures;
  } finally {
    painter.dispose();
  }
};

/** Writes the guide; returns what to tell the user. */
export const guideCommand = async (options: GuideCommandOptions): Promise<string[]> => {
  const guide = guideOf(options.walkthrough, options);
  const pictures = await guidePictures(guide);
  const stem = basename(guide.walkthrough.file, extname(guide.walkthrough.file));
  const out = resolve(options.out ?? `${stem}.${guide.lang}.${options.format}`);
  mkdirSync(dirname(out), { recursive: true });
  if (options.format === 'html') {
    writeFileSync(out, guideHtml(guide, pictures));
    return [toolText('guide.written', { file: shownPath(out) })];
  }
  const folder = join(dirname(out), `${basename(out, extname(out))}-images`);
  mkdirSync(folder, { recursive: true });
  const images = pictures.map((svg, index) => {
    const file = join(folder, `${String(index).padStart(2, '0')}.svg`);
    writeFileSync(file, svg);
    return relative(dirname(out), file).split('\\').join('/');
  });
  writeFileSync(out, guideMarkdown(guide, images));
  return [
    toolText('guide.written', { file: shownPath(out) }),
    toolText('guide.pictures', { folder: shownPath(folder), count: images.length }),
  ];
};
