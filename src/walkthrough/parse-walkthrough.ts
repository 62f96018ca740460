/**
 * Reads walkthrough YAML into steps, checking everything before anything runs: an error names
 * file:line:col, what is wrong and what is allowed.
 */
import { dirname, resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import { PosSimError } from '../errors.js';
import { LANGS, type Lang } from '../i18n/messages.js';
import { deviceKeyNames, parseDeviceKey } from '../keys/device-keys.js';
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
    return `invalid regular expression ${value}: ${(error as Error).message}`;
  }
};

const scalarString = (node: unknown): string | undefined =>
  isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') ? String(node.value) : undefined;

const matcherList = (node: unknown, what: string, problems: Problems): TextMatcher[] | undefined => {
  const items = isSeq(node) ? node.items : [node];
  const matchers: TextMatcher[] = [];
  for (const item of items) {
    const text = scalarString(item);
    if (text === undefined) return problems.add(item as Node, `${what} takes text or /regex/ (or a list of them)`);
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
        if (rest.length > 0) problems.add(pair.value as Node, 'expect.title takes one text or /regex/');
        title = matcher;
        break;
      }
      case 'state': {
        const items = isSeq(pair.value) ? pair.value.items : [pair.value];
        state = items.flatMap((item) => {
          const name = scalarString(item);
          return name ? [name] : (problems.add(item as Node, 'expect.state takes a state name like bindingManagement.detail or home'), []);
        });
        break;
      }
      case 'store':
        if (!isMap(pair.value)) {
          problems.add(pair.value as Node, 'expect.store takes a map of store paths to values, e.g. passwordFree.active.enabled: false');
          break;
        }
        for (const entry of pair.value.items) {
          const path = scalarString(entry.key);
          const check = storeCheck(entry.value);
          if (!path) problems.add(entry, 'a store path is text, e.g. bindings[*].id');
          else if (!check) problems.add(entry.value as Node, 'a store check is a value, or {includes: X} or {excludes: X}');
          else store.push({ path, check });
        }
        break;
      default:
        problems.add(pair, `expect has no "${key}"; use ${EXPECT_KEYS.join(', ')}`);
    }
  }
  if (screen.length + not.length + state.length + store.length + sms.length === 0 && !title) {
    return problems.add(node, `expect needs at least one of ${EXPECT_KEYS.join(', ')}`);
  }
  return { screen, not, state, store, sms, ...(title ? { title } : {}) };
};

/** `caption: text` (in the walkthrough's language) or `caption: { zh: …, en: … }`: what a demo shows for the step. */
const parseCaption = (pair: Pair, lang: Lang, problems: Problems): Caption | undefined => {
  const text = scalarString(pair.value);
  if (text !== undefined && text.trim() !== '') return { [lang]: text };
  if (isMap(pair.value) && pair.value.items.length > 0) {
    const caption: Partial<Record<Lang, string>> = {};
    for (const entry of pair.value.items) {
      const key = scalarString(entry.key);
      const value = scalarString(entry.value);
      if (!(LANGS as readonly (string | undefined)[]).includes(key)) return problems.add(entry, `caption has no "${key}"; use ${LANGS.join(', ')}`);
      if (!value) return problems.add(entry, `caption.${key} takes text`);
      caption[key as Lang] = value;
    }
    return caption;
  }
  return problems.add((pair.value as Node | null) ?? pair, `caption takes text, or one per language: { ${LANGS.map((name) => `${name}: …`).join(', ')} }`);
};

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
          return problems.add((item as Node) ?? pair, `no device key "${name ?? ''}"; keys are ${deviceKeyNames().join(', ')}`);
        }
        keys.push(name);
      }
      return keys.length > 0 ? { kind, keys } : problems.add(pair, 'press needs a key or a list of keys');
    }
    case 'type': {
      if (!isScalar(value) || typeof value.value !== 'string') {
        return problems.add((value as Node) ?? pair, 'type takes quoted digits, e.g. type: "123456" (unquoted, YAML reads 0000 as the number 0)');
      }
      const variable = ENV_REFERENCE.exec(value.value)?.[1];
      // The code is only known once the phone has it: the runner reads it when the step runs.
      if (variable === SMS_CODE_VARIABLE) return { kind: 'typeSmsCode' };
      const digits = variable === undefined ? value.value : env[variable];
      if (variable !== undefined && (digits === undefined || !/^\d+$/.test(digits))) {
        return problems.add(value, `type: $${variable} ${digits === undefined ? 'is not set' : 'is not all digits'}; set the environment variable to the digits to type (e.g. the password)`);
      }
      if (digits === undefined || !/^\d+$/.test(digits)) {
        return problems.add(
          value,
          `type takes quoted digits, e.g. type: "123456", $NAME to type an environment variable (e.g. $POS_SIM_PASSWORD), or $${SMS_CODE_VARIABLE} for the code in the last SMS`,
        );
      }
      return { kind, digits };
    }
    case 'select':
      return text ? { kind, label: text } : problems.add(pair, 'select takes the label (or part of it) of a menu item');
    case 'expect': {
      const expectation = parseExpect(value, problems);
      return expectation && { kind, expectation };
    }
    case 'wait': {
      const duration = text ? DURATION.exec(text) : null;
      if (!duration) return problems.add((value as Node) ?? pair, 'wait takes a duration like 500ms, 5s or 5m (simulated time)');
      const unit = { ms: 1, s: 1000, m: 60_000 }[duration[2] as 'ms' | 's' | 'm'];
      return { kind, ms: Math.round(Number(duration[1]) * unit) };
    }
    case 'network':
      return text === 'down' || text === 'up' ? { kind, state: text } : problems.add((value as Node) ?? pair, 'network is down or up');
    case 'power':
      return text === 'cycle' || text === 'cut'
        ? { kind, mode: text }
        : problems.add((value as Node) ?? pair, 'power is cycle (restart) or cut (the power fails)');
    case 'snapshot':
      return text && /^[\w.-]+$/.test(text)
        ? { kind, name: text }
        : problems.add((value as Node) ?? pair, 'snapshot takes a file name: letters, digits, _ . -');
    default:
      return problems.add(pair, `unknown step "${kind}"; steps are ${STEP_KINDS.join(', ')}`);
  }
};

/** Parses walkthrough text; `file` names it in messages and anchors relative fixture paths. */
export const parseWalkthrough = (text: string, file: string, env: NodeJS.ProcessEnv = process.env): Walkthrough => {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const problems = new Problems(file, lines);
  if (doc.errors.length > 0) {
    const [error] = doc.errors;
    const { line, col } = lines.linePos(error?.pos[0] ?? 0);
    const hint = ' (quote text that holds [ ] { } : or #)';
    throw new WalkthroughError(`${file}:${line}:${col}: not valid YAML: ${error?.message.split('\n')[0]}${hint}`);
  }
  const root = doc.contents;
  if (!isMap(root)) {
    throw new WalkthroughError(`${file}:1:1: a walkthrough is a map with ${TOP_LEVEL_KEYS.join(', ')}`);
  }
  for (const pair of root.items) {
    const key = scalarString(pair.key);
    if (!(TOP_LEVEL_KEYS as readonly (string | undefined)[]).includes(key)) {
      problems.add(pair, `unknown field "${key}"; a walkthrough has ${TOP_LEVEL_KEYS.join(', ')}`);
    }
  }
  const name = scalarString(root.get('name', true));
  if (!name) problems.add(root.get('name', true) ?? root, 'name: give the walkthrough a name');
  const fixtureNode = root.get('fixture', true);
  const fixture = scalarString(fixtureNode);
  if (!fixture) problems.add(fixtureNode ?? root, 'fixture: give a device profile name (e.g. default) or a path to a .json profile');
  const langNode = root.get('lang', true);
  const lang = scalarString(langNode) ?? 'zh';
  if (!(LANGS as readonly string[]).includes(lang)) problems.add(langNode, `lang is one of ${LANGS.join(', ')}`);
  const stepsNode = root.get('steps', true);
  const steps: Step[] = [];
  if (!isSeq(stepsNode) || stepsNode.items.length === 0) {
    problems.add(stepsNode ?? root, `steps: a list of steps (${STEP_KINDS.join(', ')})`);
  } else {
    for (const item of stepsNode.items) {
      // Besides its one step key, a step may carry a `caption:` for demos.
      const captionPair = isMap(item) ? item.items.find((candidate) => scalarString(candidate.key) === 'caption') : undefined;
      const stepPairs = isMap(item) ? item.items.filter((candidate) => candidate !== captionPair) : [];
      if (!isMap(item) || stepPairs.length !== 1) {
        problems.add(item as Node, `each step is one of ${STEP_KINDS.map((kind) => `${kind}: …`).join(', ')} (and may have a caption: …)`);
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
  const resolvedFixture = fixture && (fixture.includes('/') || fixture.endsWith('.json')) ? resolve(dirname(file), fixture) : fixture;
  return { file, name: name ?? '', fixture: resolvedFixture ?? '', lang: lang as Lang, steps };
};
