/**
 * How a walkthrough writes text to look for — a text or a /regex/, or a list of them — as a zod
 * schema, shared by `expect:` (format.ts) and `when: { screen: … }` (conditions.ts).
 */
import { z } from 'zod';
import { toolText } from '../i18n/tool-lang.js';
import { says } from '../json-source.js';
import { parseTextMatcher, type TextMatcher } from './text-match.js';

/** A text a script writes; YAML reads 12 or 1.5 as numbers, which are texts here. */
export const text = (what: string) =>
  z.union([z.string(), z.number()], says('walkthrough.matcherNeedsText', { what })).transform((value) => String(value));

/** A text or /regex/ to find. */
export const matcher = (what: string, meta: { readonly description: string }) =>
  text(what)
    .transform((value, context): TextMatcher => {
      const parsed = parseTextMatcher(value);
      if ('invalid' in parsed) {
        context.addIssue({ code: 'custom', message: toolText('walkthrough.badRegex', { pattern: value, reason: parsed.invalid }) });
        return z.NEVER;
      }
      return parsed;
    })
    .meta(meta);

/** One text or /regex/, or a list of them. */
export const matchers = (what: string, meta: { readonly description: string }) =>
  z
    .union(
      [matcher(what, meta), z.array(matcher(what, meta)).min(1, says('walkthrough.listNeedsText', { what }))],
      says('walkthrough.matcherNeedsText', { what }),
    )
    .transform((value) => (Array.isArray(value) ? value : [value]));
