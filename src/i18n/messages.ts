/** Looks up a text in the chosen language and fills in its {placeholders}. */
import { en } from './en.js';
import { zh, type MessageKey } from './zh.js';

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const catalogs: Record<Lang, Record<MessageKey, string>> = { zh, en };

export type Translate = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;

export const translator =
  (lang: Lang): Translate =>
  (key, params = {}) =>
    catalogs[lang][key].replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
