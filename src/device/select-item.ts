/**
 * `select: LABEL` — what a person does to pick a menu item by its name: find the numbered item
 * whose label contains LABEL, move the cursor onto it with 上/下, and press 确认. In 设置 and the
 * main menu an item that is not on screen is looked for in the sub-menus, which are opened on the way.
 */
import type { MenuNode } from '../../menus/domain.js';
import { currentMenuItems } from '../../menus/menu-tree.js';
import { PosSimError } from '../errors.js';
import { toolText } from '../i18n/tool-lang.js';
import type { DeviceSession } from './device-session.js';

export class SelectError extends PosSimError {
  override readonly name = 'SelectError';
  override readonly exitCode = 1;
}

type MenuItem = { readonly index: number; readonly label: string; readonly selected: boolean };

const NUMBERED = /^(\d+)\.(.*)$/;

/** The numbered items on the current screen, in order. */
export const menuItems = (session: DeviceSession): MenuItem[] =>
  session
    .screen()
    .lines.flatMap((line) => {
      const match = NUMBERED.exec(line.text);
      return match ? [{ label: (match[2] ?? '').trim(), selected: line.selected === true }] : [];
    })
    .map((item, index) => ({ ...item, index }));

const listItems = (items: readonly MenuItem[]) => (items.length ? items.map((item) => `"${item.label}"`).join(', ') : toolText('select.noItems'));

const matchesOf = (labels: readonly string[], label: string): number[] => {
  const exact = labels.flatMap((candidate, index) => (candidate === label ? [index] : []));
  return exact.length > 0 ? exact : labels.flatMap((candidate, index) => (candidate.includes(label) ? [index] : []));
};

/** The machines whose menu is a tree from the profile, and the state that shows it. */
const MENU_TREES: Readonly<Record<string, string>> = { settings: 'settings.menu', mainMenu: 'mainMenu.menu' };

/**
 * In 设置 or the main menu, the labels of the sub-menus that lead to the one item called `label`
 * further down, so that `select: 免密支付` works whether a profile files it under 支付方式管理 or
 * 安全设置, and `select: 结算` whether it is under 管理 or on the main menu itself.
 */
const routeThroughSubmenus = (session: DeviceSession, label: string): string[] | undefined => {
  const shown = session.activeSnapshots().at(-1);
  const menuState = shown && MENU_TREES[shown.machine.id];
  if (!shown || !menuState || !session.activeStates().includes(menuState)) return undefined;
  const { menu, path } = shown.context as MenuTreeContext;
  const routes: string[][] = [];
  const search = (nodes: readonly MenuNode[], route: string[]) => {
    for (const node of nodes) {
      const name = node.label[session.lang];
      if ('items' in node) search(node.items, [...route, name]);
      else if (route.length > 0 && matchesOf([name], label).length > 0) routes.push([...route, name]);
    }
  };
  search(currentMenuItems(menu, path), []);
  return routes.length === 1 ? routes[0] : undefined;
};

type MenuTreeContext = { readonly menu: readonly MenuNode[]; readonly path: readonly number[] };

export const selectItem = (session: DeviceSession, label: string): void => {
  const items = menuItems(session);
  const matching = matchesOf(
    items.map((item) => item.label),
    label,
  ).map((index) => items[index] as MenuItem);
  if (matching.length === 0) {
    const route = routeThroughSubmenus(session, label);
    if (route) {
      for (const step of route) selectItem(session, step);
      return;
    }
  }
  if (matching.length !== 1) {
    throw new SelectError(toolText(matching.length === 0 ? 'select.noMatch' : 'select.manyMatch', { label, items: listItems(items) }));
  }
  const target = matching[0] as MenuItem;
  for (let moves = 0; moves <= items.length; moves++) {
    const current = menuItems(session).find((item) => item.selected);
    if (current?.index === target.index) {
      session.send({ type: 'ENTER' });
      return;
    }
    session.send({ type: current && current.index > target.index ? 'UP' : 'DOWN' });
  }
  throw new SelectError(toolText('select.cursorStuck', { label: target.label, items: listItems(menuItems(session)) }));
};
