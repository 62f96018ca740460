// The device screens the README shows (docs/*.svg), drawn from the shipped walkthroughs' guides:
// the same every time (simulated clock), so a test keeps the committed pictures current.
import { guideOf } from '../src/commands/guide.js';
import { ScreenPainter } from '../src/picture/screenshot.js';

/** docs/ file → walkthrough, step (as the guide numbers it) and language. */
export const DOCS_SCREENS = {
  'docs/screen-password-free.svg': { walkthrough: 'P2', step: 5, lang: 'zh' },
  'docs/screen-sms-code.svg': { walkthrough: 'p4-unbind-settlement-card', step: 8, lang: 'zh' },
  'docs/screen-receipt-en.svg': { walkthrough: 'p5-tap-small-password-free', step: 10, lang: 'en' },
} as const;

/** Each docs picture's SVG, by file. */
export const docsScreens = async (): Promise<Map<string, string>> => {
  const painter = new ScreenPainter();
  const pictures = new Map<string, string>();
  try {
    for (const [file, { walkthrough, step, lang }] of Object.entries(DOCS_SCREENS)) {
      const guide = guideOf(walkthrough, { lang, fixture: undefined });
      const screen = guide.steps[step - 1]?.screen;
      if (!screen) throw new Error(`${walkthrough} has no step ${step}`);
      pictures.set(file, await painter.svg(screen));
    }
  } finally {
    painter.dispose();
  }
  return pictures;
};
