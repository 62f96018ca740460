/**
 * Plays a walkthrough (the same YAML the headless runner plays) on the real UI in a terminal:
 * device keys become the terminal keys of the key map, `select` moves the highlight by reading
 * the screen, and `expect` waits until the screen shows what the step says. What only the
 * headless runner can see (state, store, SMS) is not checked here; real time replaces `wait`. A
 * step's `when:` is asked of the profile the terminal runs (its display, its menus); one about the
 * device's network, data or screen fails clearly.
 */
import type { MenuNode } from '../../menus/domain.js';
import { parseDeviceKey } from '../../src/keys/device-keys.js';
import { KEY_BINDINGS } from '../../src/keys/key-map.js';
import { loadProfile } from '../../src/profile/load-profile.js';
import type { Profile } from '../../src/profile/profile-schema.js';
import { asksScreen, type Condition, holds } from '../../src/walkthrough/conditions.js';
import type { Expectation, Step, TextMatcher, Walkthrough } from '../../src/walkthrough/walkthrough.js';
import { frameRows, selectedRow, type Terminal, titleOf } from './terminal.js';

/** tmux names of the terminal keys in the key map's legend. */
const TMUX_KEYS: Readonly<Record<string, string>> = { Enter: 'Enter', Esc: 'Escape', Backspace: 'BSpace', Up: 'Up', Down: 'Down' };

/** The tmux key (or literal text) for a device key name such as 确认, MENU or 7. */
export const terminalKey = (name: string): { readonly key: string; readonly literal: boolean } => {
  const event = parseDeviceKey(name);
  if (!event) throw new Error(`The device has no key "${name}".`);
  if (event.type === 'DIGIT') return { key: event.digit, literal: true };
  const binding = KEY_BINDINGS.find((candidate) => candidate.action === event.type);
  if (!binding) throw new Error(`The terminal has no key for the device's ${event.type}.`);
  const named = TMUX_KEYS[binding.terminalKeys];
  return named ? { key: named, literal: false } : { key: binding.terminalKeys, literal: true };
};

const FULLWIDTH: Readonly<Record<string, string>> = { '，': ',', '：': ':', '？': '?', '！': '!', '（': '(', '）': ')', '；': ';' };
/** Chinese and ASCII punctuation match each other, as in the headless runner. */
const normalise = (text: string) => text.replace(/[，：？！（）；]/g, (char) => FULLWIDTH[char] ?? char);

type Readable = { readonly rows: string; readonly joined: string; readonly title: string };

/** The display's text, row by row and with rows joined (a sentence the display wrapped). */
const readable = (screen: string): Readable => {
  const rows = frameRows(screen)
    .map((row) => row.trim())
    .filter((row) => !/^-+$/.test(row));
  return { rows: normalise(rows.join('\n')), joined: normalise(rows.join('')), title: normalise(titleOf(screen)) };
};

const describe = (matcher: TextMatcher) => (matcher.kind === 'text' ? `"${matcher.text}"` : String(matcher.regex));

const shows = (matcher: TextMatcher, ...texts: string[]) =>
  texts.some((text) => (matcher.kind === 'text' ? text.includes(normalise(matcher.text)) : matcher.regex.test(text)));

/** What the screen does not show of an expectation (empty: it holds). */
export const unmet = (expectation: Expectation, screen: string): string[] => {
  const text = readable(screen);
  return [
    ...expectation.screen
      .filter((matcher) => !shows(matcher, text.rows, text.joined))
      .map((matcher) => `no ${describe(matcher)} on screen`),
    ...(expectation.title && !shows(expectation.title, text.title)
      ? [`the title is "${text.title}", not ${describe(expectation.title)}`]
      : []),
    ...expectation.not.filter((matcher) => shows(matcher, text.rows, text.joined)).map((matcher) => `${describe(matcher)} is on screen`),
  ];
};

/** The boot screen's progress bar (ASCII cells, see text-layout) is on the display. */
const booting = (screen: string) => frameRows(screen).some((row) => /^[#.]{10,}$/.test(row.trim()));

const KEY_SETTLES_MS = 2_000;

/** Waits (boundedly) for the screen to differ from `before`: a person reads the screen before the next key. */
const settle = (terminal: Terminal, before: string) =>
  terminal.waitFor((screen) => screen !== before, { timeout: KEY_SETTLES_MS }).catch(() => undefined);

export const pressKey = async (terminal: Terminal, name: string) => {
  const before = await terminal.capture();
  const { key, literal } = terminalKey(name);
  if (literal) await terminal.type(key);
  else await terminal.send(key);
  await settle(terminal, before);
};

/** The sub-menus (in Chinese) that lead to the one item called `label` in these menus, and the item. */
const routeTo = (label: string, menus: readonly (readonly MenuNode[])[]): string[] | undefined => {
  const routes: string[][] = [];
  const search = (nodes: readonly MenuNode[], route: string[]) => {
    for (const node of nodes) {
      if ('items' in node) search(node.items, [...route, node.label.zh]);
      else if (route.length > 0 && node.label.zh.includes(label)) routes.push([...route, node.label.zh]);
    }
  };
  for (const menu of menus) search(menu, []);
  return routes.length === 1 ? routes[0] : undefined;
};

/** Moves the highlight with 上/下 onto the item containing `label`, reading the screen after each key, then presses 确认. */
export const selectItem = async (terminal: Terminal, label: string, menus: readonly (readonly MenuNode[])[] = []) => {
  // An item not on screen is looked for in the sub-menus, as the headless select does.
  const route = frameRows(terminal.screen).some((row) => row.includes(label)) ? undefined : routeTo(label, menus);
  if (route) {
    for (const step of route) await selectItem(terminal, step, menus);
    return;
  }
  await terminal.waitFor((screen) => frameRows(screen).some((row) => row.includes(label)), { what: `an item "${label}"` });
  for (let moves = 0; moves < 30; moves++) {
    const current = selectedRow(terminal.screen);
    if (current?.includes(label)) return pressKey(terminal, '确认');
    const rows = frameRows(terminal.screen);
    const target = rows.findIndex((row) => row.includes(label));
    const at = rows.findIndex((row) => row.startsWith('> '));
    if (target < 0) throw new Error(`No item "${label}" on the screen:\n${terminal.screen}`);
    await terminal.send(at < 0 || target > at ? 'Down' : 'Up');
    // A capture taken while the terminal redraws may show no highlight at all: wait for one that moved.
    await terminal.waitFor((screen) => ![undefined, current].includes(selectedRow(screen)), { what: 'the highlight to move' });
  }
  throw new Error(`Could not highlight "${label}":\n${terminal.screen}`);
};

/**
 * Whether a step's (or a piece's) `when:` holds on the profile the terminal runs. Only what the
 * profile decides (profile, display, has) can be asked here: the device's network, data and
 * screen are the headless runner's to ask.
 */
const holdsOnProfile = (condition: Condition | undefined, profile: Profile, fixture: string, where: string): boolean => {
  if (!condition) return true;
  const unknown = (what: string) => () => {
    throw new Error(`${where}: the terminal player cannot ask a when: about the device's ${what}`);
  };
  if (asksScreen(condition)) unknown('screen')();
  return holds(condition, { profile, fixture, online: unknown('network'), store: unknown('data') });
};

/** The steps in the order they play on this profile, those of the pieces `run:` calls in their place. */
const inTurn = (steps: readonly Step[], profile: Profile, fixture: string): Step[] =>
  steps.flatMap((step) => {
    const where = `${step.file}:${step.at.line} (${step.source.trim()})`;
    if (!holdsOnProfile(step.when, profile, fixture, where)) return [];
    if (step.kind !== 'run') return [step];
    return holdsOnProfile(step.call.when, profile, fixture, where) ? inTurn(step.steps, profile, fixture) : [];
  });

/**
 * Plays `walkthrough` from the home screen. `onScreen` sees every screen an `expect` accepted (to
 * check the frame on it). Steps the terminal cannot play (F-keys, SMS codes, network) fail clearly.
 */
export const playInTerminal = async (terminal: Terminal, walkthrough: Walkthrough, onScreen: (screen: string) => void) => {
  let realTime = 0;
  const profile = loadProfile(walkthrough.fixture);
  for (const step of inTurn([...walkthrough.before, ...walkthrough.steps, ...walkthrough.after], profile, walkthrough.fixture)) {
    const where = `${step.file}:${step.at.line} (${step.source.trim()})`;
    // A person waits for a boot to finish before pressing keys (an expectation on state alone may
    // hold already during the boot here, where the headless runner knows the state).
    if (step.kind === 'press' || step.kind === 'type' || step.kind === 'select') {
      await terminal.waitFor((screen) => !booting(screen), { timeout: 15_000, what: `${where}: the end of the boot` });
    }
    switch (step.kind) {
      case 'press':
        for (const key of step.keys) await pressKey(terminal, key);
        break;
      case 'type': {
        const before = await terminal.capture();
        await terminal.type(step.digits);
        await settle(terminal, before);
        break;
      }
      case 'select':
        await selectItem(terminal, step.label, [profile.settingsMenu, profile.mainMenu]);
        break;
      case 'wait':
        // The device runs in real time: the next expectation may take that long to come true.
        realTime += step.ms;
        break;
      case 'expect': {
        const screen = await terminal.waitFor((shown) => unmet(step.expectation, shown).length === 0, {
          timeout: 10_000 + realTime,
          what: (shown) => `${where}: ${unmet(step.expectation, shown).join('; ')}`,
        });
        onScreen(screen);
        realTime = 0;
        break;
      }
      case 'power':
        if (step.mode !== 'cycle') throw new Error(`${where}: the terminal player only power-cycles`);
        await terminal.type(KEY_BINDINGS.find((binding) => binding.action === 'POWER_CYCLE')?.terminalKeys ?? 'p');
        // Like the headless runner (and a technician), wait for the boot to finish.
        await terminal.waitFor(booting, { what: `${where}: the boot's progress bar` });
        await terminal.waitFor((screen) => !booting(screen), { timeout: 15_000, what: `${where}: the end of the boot` });
        break;
      case 'snapshot':
        break;
      default:
        throw new Error(`${where}: the terminal player cannot play a "${step.kind}" step`);
    }
  }
};
