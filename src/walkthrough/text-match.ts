/**
 * How walkthrough texts and /regexes/ are found on the screen (and in texts on the phone): Chinese
 * and ASCII punctuation match each other, so a script need not type full-width commas. Plain texts
 * and regexes are normalised alike: the screen, the text and the pattern's literal characters.
 */

/** Text to find: a plain substring or a /regular expression/. */
export type TextMatcher =
  | { readonly kind: 'text'; readonly text: string }
  /** `text` is the regex as written (/…/flags), for messages. */
  | { readonly kind: 'regex'; readonly regex: RegExp; readonly text: string };

const FULLWIDTH_PUNCTUATION: Readonly<Record<string, string>> = {
  '，': ',',
  '：': ':',
  '？': '?',
  '！': '!',
  '（': '(',
  '）': ')',
  '；': ';',
};
const FULLWIDTH = /[，：？！（）；]/g;

/** Chinese punctuation as its ASCII twin. */
export const normalisePunctuation = (text: string): string => text.replace(FULLWIDTH, asciiTwin);
// Module level, not a closure made at each call: V8 optimised each anew.
const asciiTwin = (char: string): string => FULLWIDTH_PUNCTUATION[char] ?? char;

/** Characters with a meaning in a regex, which an ASCII twin must be escaped as. */
const REGEX_SYNTAX = /[\\^$.*+?()[\]{}|/]/;

/**
 * A regex source with its full-width punctuation as the ASCII twin the normalised screen shows.
 * Full-width punctuation has no regex meaning, so its twin is always literal: `（` becomes `\(`, and
 * an escaped `\（` the same; ASCII punctuation keeps its meaning (`?` is still a quantifier).
 */
export const normaliseRegexSource = (source: string): string => {
  let out = '';
  for (let index = 0; index < source.length; index += 1) {
    const char = source[index] as string;
    if (char === '\\') {
      const next = source[index + 1];
      const twin = next === undefined ? undefined : FULLWIDTH_PUNCTUATION[next];
      if (twin !== undefined) out += REGEX_SYNTAX.test(twin) ? `\\${twin}` : twin;
      else out += char + (next ?? '');
      index += 1;
      continue;
    }
    const twin = FULLWIDTH_PUNCTUATION[char];
    out += twin === undefined ? char : REGEX_SYNTAX.test(twin) ? `\\${twin}` : twin;
  }
  return out;
};

/**
 * Reads a text as written in a script: `/pattern/flags` is a regex, anything else a plain text.
 * Returns the reason when the pattern is not a valid regex.
 */
export const parseTextMatcher = (value: string): TextMatcher | { readonly invalid: string } => {
  const regex = /^\/(.*)\/([dgimsuvy]*)$/s.exec(value);
  if (!regex) return { kind: 'text', text: value };
  try {
    // A global or sticky regex would remember where it last matched between checks.
    const flags = (regex[2] ?? '').replace(/[gy]/g, '');
    return { kind: 'regex', regex: new RegExp(normaliseRegexSource(regex[1] ?? ''), flags), text: value };
  } catch (error) {
    return { invalid: (error as Error).message };
  }
};

/** Whether the text shows what the matcher asks for, with punctuation normalised on both sides. */
export const shows = (matcher: TextMatcher, text: string): boolean =>
  matcher.kind === 'text' ? normalisedScreen(text).includes(normalisedMatcher(matcher.text)) : matcher.regex.test(normalisedScreen(text));

// An expect checks one screen against several matchers, and scripts check the same texts over and
// over: the screen is normalised once for all of them, a matcher's text once for all its checks.
let lastScreen = '';
let lastNormalised = '';
const normalisedScreen = (text: string): string => {
  if (text !== lastScreen) {
    lastScreen = text;
    lastNormalised = normalisePunctuation(text);
  }
  return lastNormalised;
};
const MATCHER_TEXTS = new Map<string, string>();
const MATCHER_TEXTS_KEPT = 1_000;
const normalisedMatcher = (text: string): string => {
  let normalised = MATCHER_TEXTS.get(text);
  if (normalised === undefined) {
    normalised = normalisePunctuation(text);
    if (MATCHER_TEXTS.size >= MATCHER_TEXTS_KEPT) MATCHER_TEXTS.clear();
    MATCHER_TEXTS.set(text, normalised);
  }
  return normalised;
};

/** The matcher as a script writes it, for messages: "text" or /regex/. */
export const describeMatcher = (matcher: TextMatcher): string => (matcher.kind === 'text' ? `"${matcher.text}"` : matcher.text);
