/** Looks up a text in the chosen language and fills in its {placeholders}. */
import { en } from './en.js';
import { chartTexts } from './tool/chart-texts.js';
import { cliTexts } from './tool/cli-texts.js';
import { dataTexts } from './tool/data-texts.js';
import { pictureTexts } from './tool/picture-texts.js';
import { phoneTexts } from './tool/phone-texts.js';
import { trainingTexts } from './tool/training-texts.js';
import { walkthroughTexts } from './tool/walkthrough-texts.js';
import { phoneDeviceTexts } from './phone.js';
import { workingDayTexts } from './working-day.js';
import { zh } from './zh.js';

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const isLang = (value: string | undefined): value is Lang => (LANGS as readonly (string | undefined)[]).includes(value);

type Merged<Parts extends readonly object[]> = Parts extends readonly [infer First, ...infer Rest extends readonly object[]]
  ? First & Merged<Rest>
  : unknown;

/**
 * The parts as one object, later parts winning, as a spread would: V8 builds a spread of some 1,500
 * texts one hidden class at a time (~6 ms a language at every start), Object.assign in 0.3 ms.
 */
const merged = <const Parts extends readonly object[]>(...parts: Parts): Merged<Parts> => Object.assign({}, ...parts) as Merged<Parts>;

/** The device's texts and the tool's own (usage, errors, reports), one catalog per language. */
export const CATALOGS = {
  zh: merged(
    zh,
    workingDayTexts.zh,
    cliTexts.zh,
    walkthroughTexts.zh,
    trainingTexts.zh,
    dataTexts.zh,
    chartTexts.zh,
    phoneDeviceTexts.zh,
    phoneTexts.zh,
    pictureTexts.zh,
  ),
  en: merged(
    en,
    workingDayTexts.en,
    cliTexts.en,
    walkthroughTexts.en,
    trainingTexts.en,
    dataTexts.en,
    chartTexts.en,
    phoneDeviceTexts.en,
    phoneTexts.en,
    pictureTexts.en,
  ),
} as const;

export type MessageKey = keyof typeof CATALOGS.zh;

export type Translate = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;

/** Texts that replace some of a catalog's for one display (a classic LCD's shorter wording). */
export type ShorterTexts = Readonly<Record<Lang, Partial<Record<MessageKey, string>>>>;

export const translator =
  (lang: Lang, shorter?: ShorterTexts): Translate =>
  (key, params) => {
    const text = shorter?.[lang][key] ?? (CATALOGS[lang] as Record<MessageKey, string>)[key];
    // Most texts have no placeholder and are asked for after every key: they need no replacing.
    if (params === undefined || !text.includes('{')) return text;
    const parts = templateParts(text);
    let filled = parts[0] as string;
    for (let index = 1; index < parts.length; index += 2) {
      const name = parts[index] as string;
      filled += (name in params ? String(params[name]) : `{${name}}`) + (parts[index + 1] as string);
    }
    return filled;
  };

/**
 * A catalog text with placeholders split once into text and names (`a {x} b` → a , x,  b):
 * filling it is then a join, where a replace with a function cost some 7 times more, at every
 * screen a device shows.
 */
const templateParts = (text: string): readonly string[] => {
  let parts = TEMPLATES.get(text);
  if (!parts) {
    parts = text.split(/\{(\w+)\}/);
    TEMPLATES.set(text, parts);
  }
  return parts;
};
/** By catalog text: as many as the catalogs have texts with placeholders. */
const TEMPLATES = new Map<string, readonly string[]>();
