/**
 * Reads walkthrough YAML into steps, checking everything before anything runs (down to whether
 * the profile it names exists): an error names file:line:col, what is wrong and what is allowed.
 */
import { dirname, resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { PosSimError } from '../errors.js';
import { isLang, LANGS, type Lang } from '../i18n/messages.js';
import { toolLang, toolText } from '../i18n/tool-lang.js';
import { deviceKeyNames, parseDeviceKey } from '../keys/device-keys.js';
import { DEFAULT_PROFILE, profilePath } from '../profile/load-profile.js';
import {
  SMS_CODE_VARIABLE,
  STEP_KINDS,
  type Caption,
  type Expectation,
  type SourcePosition,
  type Step,
  type StepAction,
  type StoreCheck,
  type TextMatcher,
  type Walkthrough,
} from './walkthrough.js';

/** A walkthrough file that cannot be run; the message lists every problem found. */
export class WalkthroughError extends PosSimError {
  override readonly name = 'WalkthroughError';
}

const TOP_LEVEL_KEYS = ['name', 'description', 'fixture', 'lang', 'steps'] as const;
export const EXPECT_KEYS = ['screen', 'title', 'not', 'state', 'store', 'sms'] as const;
const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m)$/;

class Problems {
  readonly list: string[] = [];
  constructor(
    private readonly file: string,
    private readonly lines: LineCounter,
  ) {}
  at(node: Node | Pair | null | undefined): SourcePosition {
    const target = node && 'range' in node ? node : node && 'key' in node ? (node.key as Node | null) : undefined;
    const offset = target?.range?.[0] ?? 0;
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }
  add(node: Node | Pair | null | undefined, message: string): undefined {
    const { line, column } = this.at(node);
    this.list.push(`${this.file}:${line}:${column}: ${message}`);
    return undefined;
  }
}

const parseTextMatcher = (value: string): TextMatcher | string => {
  const regex = /^\/(.*)\/([gimsuy]*)$/s.exec(value);
  if (!regex) return { kind: 'text', text: value };
  try {
    return { kind: 'regex', regex: new RegExp(regex[1] ?? '', regex[2]) };
  } catch (error) {
    return toolText('walkthrough.badRegex', { pattern: value, reason: (error as Error).message });
  }
};

const scalarString = (node: unknown): string | undefined =>
  isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') ? String(node.value) : undefined;

const matcherList = (node: unknown, what: string, problems: Problems): TextMatcher[] | undefined => {
  const items = isSeq(node) ? node.items : [node];
  const matchers: TextMatcher[] = [];
  for (const item of items) {
    const text = scalarString(item);
    if (text === undefined) return problems.add(item as Node, toolText('walkthrough.matcherNeedsText', { what }));
    const matcher = parseTextMatcher(text);
    if (typeof matcher === 'string') return problems.add(item as Node, matcher);
    matchers.push(matcher);
  }
  return matchers;
};

const storeCheck = (node: unknown): StoreCheck | undefined => {
  if (isMap(node) && node.items.length === 1) {
    const [pair] = node.items;
    const key = scalarString(pair?.key);
    const value = (pair?.value as Node | null)?.toJSON();
    if (key === 'includes' || key === 'excludes') return { kind: key, value };
    return undefined;
  }
  return { kind: 'equals', value: (node as Node | null)?.toJSON() ?? null };
};

const parseExpect = (node: unknown, problems: Problems): Expectation | undefined => {
  if (!isMap(node)) {
    const screen = matcherList(node, 'expect', problems);
    return screen && { screen, not: [], state: [], store: [], sms: [] };
  }
  let screen: TextMatcher[] = [];
  let not: TextMatcher[] = [];
  let title: TextMatcher | undefined;
  let state: string[] = [];
  let sms: TextMatcher[] = [];
  const store: { path: string; check: StoreCheck }[] = [];
  for (const pair of node.items) {
    const key = scalarString(pair.key);
    switch (key) {
      case 'screen':
        screen = matcherList(pair.value, 'expect.screen', problems) ?? [];
        break;
      case 'not':
        not = matcherList(pair.value, 'expect.not', problems) ?? [];
        break;
      case 'sms':
        sms = matcherList(pair.value, 'expect.sms', problems) ?? [];
        break;
      case 'title': {
        const [matcher, ...rest] = matcherList(pair.value, 'expect.title', problems) ?? [];
        if (rest.length > 0) problems.add(pair.value as Node, toolText('walkthrough.titleTakesOne'));
        title = matcher;
        break;
      }
      case 'state': {
        const items = isSeq(pair.value) ? pair.value.items : [pair.value];
        state = items.flatMap((item) => {
          const name = scalarString(item);
          return name ? [name] : (problems.add(item as Node, toolText('walkthrough.stateNeedsName')), []);
        });
        break;
      }
      case 'store':
        if (!isMap(pair.value)) {
          problems.add(pair.value as Node, toolText('walkthrough.storeNeedsMap'));
          break;
        }
        for (const entry of pair.value.items) {
          const path = scalarString(entry.key);
          const check = storeCheck(entry.value);
          if (!path) problems.add(entry, toolText('walkthrough.storePathNeedsText'));
          else if (!check) problems.add(entry.value as Node, toolText('walkthrough.badStoreCheck'));
          else store.push({ path, check });
        }
        break;
      default:
        problems.add(pair, toolText('walkthrough.unknownExpectKey', { key: key ?? '', keys: EXPECT_KEYS.join(', ') }));
    }
  }
  if (screen.length + not.length + state.length + store.length + sms.length === 0 && !title) {
    return problems.add(node, toolText('walkthrough.expectNeedsCheck', { keys: EXPECT_KEYS.join(', ') }));
  }
  return { screen, not, state, store, sms, ...(title ? { title } : {}) };
};

/** `{ zh: …, en: … }`: one text per language, at least one; `field` names it in messages. */
const parseTexts = (node: unknown, field: string, problems: Problems): Partial<Record<Lang, string>> | undefined => {
  if (!isMap(node) || node.items.length === 0) return undefined;
  const texts: Partial<Record<Lang, string>> = {};
  for (const entry of node.items) {
    const key = scalarString(entry.key);
    const value = scalarString(entry.value);
    if (!isLang(key)) return problems.add(entry, toolText('walkthrough.unknownTextLang', { field, key: key ?? '', langs: LANGS.join(', ') }));
    if (!value?.trim()) return problems.add(entry, toolText('walkthrough.langTextNeedsText', { field, key: key ?? '' }));
    texts[key] = value;
  }
  return texts;
};

const LANG_EXAMPLE = `{ ${LANGS.map((name) => `${name}: …`).join(', ')} }`;

/** `caption: text` (in the walkthrough's language) or `caption: { zh: …, en: … }`: what a demo shows for the step. */
const parseCaption = (pair: Pair, lang: Lang, problems: Problems): Caption | undefined => {
  const text = scalarString(pair.value);
  if (text !== undefined && text.trim() !== '') return { [lang]: text };
  if (isMap(pair.value) && pair.value.items.length > 0) return parseTexts(pair.value, 'caption', problems);
  return problems.add((pair.value as Node | null) ?? pair, toolText('walkthrough.badCaption', { example: LANG_EXAMPLE }));
};

/**
 * `name: text` or `name: { zh: …, en: … }`, resolved once for the tool's language (the other
 * language when that one is missing), so reports, demos and paths all take a plain name.
 */
const parseName = (root: YAMLMap, problems: Problems): string | undefined => {
  const node = root.get('name', true);
  const text = scalarString(node);
  if (text !== undefined && text.trim() !== '') return text;
  if (isMap(node) && node.items.length > 0) {
    const texts = parseTexts(node, 'name', problems);
    return texts && [toolLang(), ...LANGS].map((lang) => texts[lang]).find((name) => name !== undefined);
  }
  return problems.add((node as Node | undefined) ?? root, toolText('walkthrough.needsName', { example: LANG_EXAMPLE }));
};

/** A profile name, or a path that is relative to the walkthrough's folder. */
const resolveFixture = (fixture: string, file: string): string =>
  fixture.includes('/') || fixture.endsWith('.json') ? resolve(dirname(file), fixture) : fixture;

/** `type: $POS_SIM_PASSWORD` types an environment variable, so a script need not hold a password. */
const ENV_REFERENCE = /^\$([A-Z_][A-Z0-9_]*)$/;

const parseStep = (kind: string, value: unknown, pair: Pair, problems: Problems, env: NodeJS.ProcessEnv): StepAction | undefined => {
  const text = scalarString(value);
  switch (kind) {
    case 'press': {
      const items = isSeq(value) ? value.items : [value];
      const keys: string[] = [];
      for (const item of items) {
        const name = scalarString(item);
        if (name === undefined || !parseDeviceKey(name)) {
          return problems.add((item as Node) ?? pair, toolText('walkthrough.noSuchKey', { key: name ?? '', keys: deviceKeyNames().join(', ') }));
        }
        keys.push(name);
      }
      return keys.length > 0 ? { kind, keys } : problems.add(pair, toolText('walkthrough.pressNeedsKeys'));
    }
    case 'type': {
      if (!isScalar(value) || typeof value.value !== 'string') {
        return problems.add((value as Node) ?? pair, toolText('walkthrough.typeNeedsQuotes'));
      }
      const variable = ENV_REFERENCE.exec(value.value)?.[1];
      // The code is only known once the phone has it: the runner reads it when the step runs.
      if (variable === SMS_CODE_VARIABLE) return { kind: 'typeSmsCode' };
      const digits = variable === undefined ? value.value : env[variable];
      if (variable !== undefined && (digits === undefined || !/^\d+$/.test(digits))) {
        return problems.add(value, toolText(digits === undefined ? 'walkthrough.typeVariableUnset' : 'walkthrough.typeVariableNotDigits', { variable }));
      }
      if (digits === undefined || !/^\d+$/.test(digits)) {
        return problems.add(value, toolText('walkthrough.typeNeedsDigits', { smsCode: SMS_CODE_VARIABLE }));
      }
      return { kind, digits };
    }
    case 'select':
      return text ? { kind, label: text } : problems.add(pair, toolText('walkthrough.selectNeedsLabel'));
    case 'expect': {
      const expectation = parseExpect(value, problems);
      return expectation && { kind, expectation };
    }
    case 'wait': {
      const duration = text ? DURATION.exec(text) : null;
      if (!duration) return problems.add((value as Node) ?? pair, toolText('walkthrough.waitNeedsDuration'));
      const unit = { ms: 1, s: 1000, m: 60_000 }[duration[2] as 'ms' | 's' | 'm'];
      return { kind, ms: Math.round(Number(duration[1]) * unit) };
    }
    case 'network':
      return text === 'down' || text === 'up' ? { kind, state: text } : problems.add((value as Node) ?? pair, toolText('walkthrough.badNetwork'));
    case 'power':
      return text === 'cycle' || text === 'cut'
        ? { kind, mode: text }
        : problems.add((value as Node) ?? pair, toolText('walkthrough.badPower'));
    case 'snapshot':
      return text && /^[\w.-]+$/.test(text)
        ? { kind, name: text }
        : problems.add((value as Node) ?? pair, toolText('walkthrough.badSnapshot'));
    default:
      return problems.add(pair, toolText('walkthrough.unknownStep', { kind, steps: STEP_KINDS.join(', ') }));
  }
};

export type ParseOptions = {
  /** Whether the walkthrough's own profile must exist; false when `--fixture` replaces it. Default true. */
  readonly checkFixture?: boolean;
};

/** Parses walkthrough text; `file` names it in messages and anchors relative fixture paths. */
export const parseWalkthrough = (text: string, file: string, env: NodeJS.ProcessEnv = process.env, options: ParseOptions = {}): Walkthrough => {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const problems = new Problems(file, lines);
  if (doc.errors.length > 0) {
    const [error] = doc.errors;
    const { line, col } = lines.linePos(error?.pos[0] ?? 0);
    throw new WalkthroughError(`${file}:${line}:${col}: ${toolText('walkthrough.notYaml', { reason: error?.message.split('\n')[0] ?? '' })}`);
  }
  const root = doc.contents;
  if (!isMap(root)) {
    throw new WalkthroughError(`${file}:1:1: ${toolText('walkthrough.notAMap', { keys: TOP_LEVEL_KEYS.join(', ') })}`);
  }
  for (const pair of root.items) {
    const key = scalarString(pair.key);
    if (!(TOP_LEVEL_KEYS as readonly (string | undefined)[]).includes(key)) {
      problems.add(pair, toolText('walkthrough.unknownField', { key: key ?? '', keys: TOP_LEVEL_KEYS.join(', ') }));
    }
  }
  const name = parseName(root, problems);
  const fixtureNode = root.get('fixture', true);
  const fixture = fixtureNode === undefined ? DEFAULT_PROFILE : scalarString(fixtureNode);
  const resolvedFixture = fixture?.trim() ? resolveFixture(fixture, file) : problems.add(fixtureNode ?? root, toolText('walkthrough.needsFixture', { fallback: DEFAULT_PROFILE }));
  if (resolvedFixture !== undefined && options.checkFixture !== false) {
    try {
      profilePath(resolvedFixture);
    } catch (error) {
      if (!(error instanceof PosSimError)) throw error;
      problems.add(fixtureNode ?? root, `fixture: ${error.message}`);
    }
  }
  const langNode = root.get('lang', true);
  const lang = scalarString(langNode) ?? 'zh';
  if (!isLang(lang)) problems.add(langNode, toolText('walkthrough.badLang', { langs: LANGS.join(', ') }));
  const stepsNode = root.get('steps', true);
  const steps: Step[] = [];
  if (!isSeq(stepsNode) || stepsNode.items.length === 0) {
    problems.add(stepsNode ?? root, toolText('walkthrough.needsSteps', { steps: STEP_KINDS.join(', ') }));
  } else {
    for (const item of stepsNode.items) {
      // Besides its one step key, a step may carry a `caption:` for demos.
      const captionPair = isMap(item) ? item.items.find((candidate) => scalarString(candidate.key) === 'caption') : undefined;
      const stepPairs = isMap(item) ? item.items.filter((candidate) => candidate !== captionPair) : [];
      if (!isMap(item) || stepPairs.length !== 1) {
        problems.add(item as Node, toolText('walkthrough.oneStepKey', { steps: STEP_KINDS.map((kind) => `${kind}: …`).join(', ') }));
        continue;
      }
      const [pair] = stepPairs as [Pair];
      const action = parseStep(scalarString(pair.key) ?? '', pair.value, pair, problems, env);
      const caption = captionPair && parseCaption(captionPair, lang as Lang, problems);
      // With a caption, the step as written is its step key alone (reports show one line).
      const [start, end] = captionPair ? [(pair.key as Node).range?.[0] ?? 0, (pair.value as Node | null)?.range?.[1] ?? 0] : ((item as Node).range ?? [0, 0]);
      if (action) steps.push({ ...action, ...(caption ? { caption } : {}), at: problems.at(item as Node), source: text.slice(start, end).trim() });
    }
  }
  if (problems.list.length > 0) throw new WalkthroughError(problems.list.join('\n'));
  return { file, name: name ?? '', fixture: resolvedFixture ?? DEFAULT_PROFILE, lang: lang as Lang, steps };
};
