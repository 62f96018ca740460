/**
 * The language of the tool's own messages (usage, errors, reports): Chinese unless `--lang en` or
 * POS_SIM_LANG=en. It is chosen once when pos-sim starts, before the command line is checked, so
 * even a mistyped flag is reported in the user's language; the functions that report read it here.
 * Used from code (createSimulator, pos-sim/vitest), where no command line is read, POS_SIM_LANG
 * chooses it as the module loads.
 */
import { isLang, translator, type Lang, type Translate } from './messages.js';

let current: Lang = isLang(process.env.POS_SIM_LANG) ? process.env.POS_SIM_LANG : 'zh';

export const setToolLang = (lang: Lang): void => {
  current = lang;
};

export const toolLang = (): Lang => current;

/** A text of the tool in the language chosen at start. */
export const toolText: Translate = (key, params) => translator(current)(key, params);

/** "1 step", "3 steps" (步 either way). */
export const stepCount = (count: number): string => toolText(count === 1 ? 'count.step' : 'count.steps', { count });

/** `--lang X` / `--lang=X` when it names a language, else POS_SIM_LANG, else Chinese. */
export const langOfCommandLine = (argv: readonly string[], env: NodeJS.ProcessEnv): Lang => {
  const index = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  const flag = index < 0 ? undefined : argv[index]?.startsWith('--lang=') ? argv[index]?.slice('--lang='.length) : argv[index + 1];
  if (isLang(flag)) return flag;
  return isLang(env.POS_SIM_LANG) ? env.POS_SIM_LANG : 'zh';
};
