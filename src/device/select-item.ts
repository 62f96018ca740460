/**
 * `select: LABEL` — what a person does to pick a menu item by its name: find the numbered item
 * whose label contains LABEL, move the cursor onto it with 上/下, and press 确认. In 设置 and the
 * main menu (and a wallet app's pages on the phone) an item that is not on screen is looked for in
 * the sub-menus, which are opened on the way.
 */
import type { AnyMachineSnapshot } from 'xstate';
import type { KeyEvent } from '../../menus/device-events.js';
import type { LocalText, MenuNode } from '../../menus/domain.js';
import { currentMenuItems, type TreeNode } from '../../menus/menu-tree.js';
import type { AppMenuNode } from '../../menus/phone/phone-domain.js';
import { PosSimError } from '../errors.js';
import { en } from '../i18n/en.js';
import { translator, type Lang, type MessageKey } from '../i18n/messages.js';
import { phoneDeviceTexts } from '../i18n/phone.js';
import { workingDayTexts } from '../i18n/working-day.js';
import { zh } from '../i18n/zh.js';
import { toolText } from '../i18n/tool-lang.js';
import type { PhoneSession } from '../phone/phone-session.js';
import type { Screen } from '../screen/screen.js';
import { parseTextMatcher, shows } from '../walkthrough/text-match.js';
import type { DeviceSession } from './device-session.js';

/** What `select` works on: a screen to read, keys to press, and the sub-menus that lead to an item not on screen. */
export type SelectTarget = {
  readonly screen: () => Screen;
  readonly send: (event: KeyEvent) => void;
  /** The labels of the sub-menus to open, then the item, when the item is further down; undefined when not. */
  readonly route: (label: string) => string[] | undefined;
  /** What `label`, written in the other language, is called in the target's language. */
  readonly translations: (label: string) => string[];
};

export class SelectError extends PosSimError {
  override readonly name = 'SelectError';
  override readonly exitCode = 1;
}

type MenuItem = { readonly index: number; readonly label: string; readonly selected: boolean };

const NUMBERED = /^(\d+)\.(.*)$/;
const REGEX_LABEL = /^\/.*\/[dgimsuvy]*$/s;

/** The numbered items on the current screen, in order. */
export const menuItems = (session: Pick<SelectTarget, 'screen'>): MenuItem[] => {
  // A loop, not closures made at each screen read (see parse-walkthrough.ts).
  const items: MenuItem[] = [];
  for (const line of session.screen().lines) {
    const match = NUMBERED.exec(line.text);
    if (match) items.push({ label: (match[2] ?? '').trim(), selected: line.selected === true, index: items.length });
  }
  return items;
};

const listItems = (items: readonly MenuItem[]) =>
  items.length ? items.map((item) => `"${item.label}"`).join(', ') : toolText('select.noItems');

/**
 * The items called exactly `label`, or else those whose label contains it; for a `/regex/`, those
 * it matches (punctuation normalised, as `expect` does). Loops, not closures made at each select.
 */
const matchesOf = <T extends { readonly label: string }>(items: readonly T[], label: string): T[] => {
  if (REGEX_LABEL.test(label)) {
    const matcher = parseTextMatcher(label);
    if ('invalid' in matcher) throw new SelectError(toolText('walkthrough.badRegex', { pattern: label, reason: matcher.invalid }));
    const matching: T[] = [];
    for (const item of items) if (shows(matcher, item.label)) matching.push(item);
    return matching;
  }
  const exact: T[] = [];
  for (const item of items) if (item.label === label) exact.push(item);
  if (exact.length > 0) return exact;
  const partial: T[] = [];
  for (const item of items) if (item.label.includes(label)) partial.push(item);
  return partial;
};

const selectedItem = (items: readonly MenuItem[]): MenuItem | undefined => {
  for (const item of items) if (item.selected) return item;
  return undefined;
};

/** The machines whose menu is a tree from the profile, and the state that shows it. */
const MENU_TREES: Readonly<Record<string, string>> = { settings: 'settings.menu', mainMenu: 'mainMenu.menu', walletApp: 'walletApp.menu' };

type MenuTreeContext<N extends TreeNode> = { readonly menu: readonly N[]; readonly path: readonly number[] };

/** The labels of the sub-menus that lead from the menu shown to the one item called `label` further down. */
const routeIn = <N extends TreeNode>(
  { menu, path }: MenuTreeContext<N>,
  name: (node: N) => string,
  label: string,
): string[] | undefined => {
  const routes: string[][] = [];
  const search = (nodes: readonly N[], route: string[]) => {
    for (const node of nodes) {
      if ('items' in node) search(node.items as readonly N[], [...route, name(node)]);
      else if (route.length > 0 && matchesOf([{ label: name(node) }], label).length > 0) routes.push([...route, name(node)]);
    }
  };
  search(currentMenuItems(menu, path), []);
  return routes.length === 1 ? routes[0] : undefined;
};

/** The menu-tree machine on screen, when its menu state is active. */
const shownMenu = (snapshots: readonly AnyMachineSnapshot[], active: readonly string[]): AnyMachineSnapshot | undefined => {
  const shown = snapshots.at(-1);
  const menuState = shown && MENU_TREES[shown.machine.id];
  return shown && menuState && active.includes(menuState) ? shown : undefined;
};

/**
 * In 设置 or the main menu, the labels of the sub-menus that lead to the one item called `label`
 * further down, so that `select: 免密支付` works whether a profile files it under 支付方式管理 or
 * 安全设置, and `select: 结算` whether it is under 管理 or on the main menu itself.
 */
const routeThroughSubmenus = (session: DeviceSession, label: string): string[] | undefined => {
  const shown = shownMenu(session.activeSnapshots(), session.activeStates());
  return shown && routeIn(shown.context as MenuTreeContext<MenuNode>, (node) => node.label[session.lang], label);
};

/**
 * What a label written in the other language is called in `lang`: the device's and the phone's
 * texts, and the names a profile gives in both (menu items, bindings), where one is exactly the
 * label; so a walkthrough in English may `select: 免密支付`, and one in Chinese `select: Bindings`.
 */
const inLanguage = (label: string, lang: Lang, named: readonly LocalText[]): string[] => {
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const found = new Set<string>(deviceTexts(lang).get(label));
  for (const name of named) if (name[other] === label) found.add(name[lang]);
  found.delete(label);
  return [...found];
};

/** The device's and the phone's texts (not the tool's own), each by its words in the other language. */
const DEVICE_TEXTS = new Map<Lang, Map<string, string[]>>();

/** Built once per language, when a label first needs it. */
const deviceTexts = (lang: Lang): Map<string, string[]> => {
  let byOther = DEVICE_TEXTS.get(lang);
  if (byOther) return byOther;
  byOther = new Map();
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  for (const catalog of [{ zh, en }, workingDayTexts, phoneDeviceTexts]) {
    const ours = catalog[lang] as Readonly<Record<string, string>>;
    const theirs = catalog[other] as Readonly<Record<string, string>>;
    for (const key in theirs) {
      const text = ours[key];
      const words = theirs[key] as string;
      if (text === undefined || text.includes('{')) continue;
      byOther.set(words, [...(byOther.get(words) ?? []), text]);
    }
  }
  DEVICE_TEXTS.set(lang, byOther);
  return byOther;
};

/** Every label in a profile's menu tree, sub-menus included. */
const treeLabels = (nodes: readonly MenuNode[], into: LocalText[] = []): LocalText[] => {
  for (const node of nodes) {
    into.push(node.label);
    if ('items' in node) treeLabels(node.items, into);
  }
  return into;
};

// The targets are classes, not objects of closures made at every `select:`: V8 optimised each
// select's fresh closures anew, over and over, on its compiler threads.

/** `select` on the terminal. */
class DeviceTarget implements SelectTarget {
  constructor(private readonly session: DeviceSession) {}

  screen(): Screen {
    return this.session.screen();
  }

  send(event: KeyEvent): void {
    this.session.send(event);
  }

  route(label: string): string[] | undefined {
    return routeThroughSubmenus(this.session, label);
  }

  translations(label: string): string[] {
    const { profile, lang } = this.session;
    const named = [
      ...treeLabels(profile.settingsMenu),
      ...treeLabels(profile.mainMenu),
      ...profile.bindings.map((binding) => binding.name),
    ];
    return inLanguage(label, lang, named);
  }
}

/** `select` on the phone: in a wallet app, `select: 免密支付` opens 我 → 服务 → 钱包 → 支付设置 on the way. */
class PhoneTarget implements SelectTarget {
  constructor(
    private readonly phone: PhoneSession,
    private readonly lang: DeviceSession['lang'],
  ) {}

  screen(): Screen {
    return this.phone.screen();
  }

  send(event: KeyEvent): void {
    this.phone.send(event);
  }

  route(label: string): string[] | undefined {
    const shown = shownMenu(this.phone.activeSnapshots(), this.phone.activeStates());
    const t = translator(this.lang);
    return shown && routeIn(shown.context as MenuTreeContext<AppMenuNode>, (node) => t(`phone.menu.${node.label}` as MessageKey), label);
  }

  translations(label: string): string[] {
    return inLanguage(label, this.lang, []);
  }
}

/** `select` on the phone beside the terminal. */
export const phoneTarget = (phone: PhoneSession, lang: DeviceSession['lang']): SelectTarget => new PhoneTarget(phone, lang);

export const selectItem = (session: DeviceSession, label: string): void => selectOn(new DeviceTarget(session), label);

/** Picks the item called `label` on the target's screen, through the sub-menus that lead to it. */
export const selectOn = (session: SelectTarget, label: string): void => {
  const items = menuItems(session);
  const matching = matchesOf(items, label);
  if (matching.length === 0) {
    const route = session.route(label);
    if (route) {
      for (const step of route) selectOn(session, step);
      return;
    }
    for (const translated of session.translations(label)) {
      if (matchesOf(items, translated).length > 0 || session.route(translated)) {
        selectOn(session, translated);
        return;
      }
    }
  }
  if (matching.length !== 1) {
    throw new SelectError(toolText(matching.length === 0 ? 'select.noMatch' : 'select.manyMatch', { label, items: listItems(items) }));
  }
  const target = matching[0] as MenuItem;
  // The screen is read again only after a key has changed it.
  let shown = items;
  for (let moves = 0; moves <= items.length; moves++) {
    const current = selectedItem(shown);
    if (current?.index === target.index) {
      session.send({ type: 'ENTER' });
      return;
    }
    session.send({ type: current && current.index > target.index ? 'UP' : 'DOWN' });
    shown = menuItems(session);
  }
  throw new SelectError(toolText('select.cursorStuck', { label: target.label, items: listItems(shown) }));
};
