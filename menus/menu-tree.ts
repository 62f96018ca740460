/**
 * A menu tree from the device profile, as an operator moves through it: the items of the menu on
 * screen, the one under the cursor, opening and closing sub-menus. 设置 and the main menu share it.
 */
import type { FlowId, MenuNode } from './domain.js';
import { pickByDigit } from './menu-cursor.js';

/** Where the operator is in a menu tree: the cursor positions above the menu shown, and in it. */
export type MenuPosition = {
  readonly menu: readonly MenuNode[];
  /** Cursor positions of the menus above the one shown; empty at the top menu. */
  readonly path: readonly number[];
  readonly cursor: number;
};

/** The items of the menu at `path`. */
export const currentMenuItems = (menu: readonly MenuNode[], path: readonly number[]): readonly MenuNode[] =>
  path.reduce<readonly MenuNode[]>((items, index) => {
    const node = items[index];
    return node && 'items' in node ? node.items : items;
  }, menu);

export const selectedNode = (position: MenuPosition): MenuNode | undefined => currentMenuItems(position.menu, position.path)[position.cursor];

export const itemCount = (position: MenuPosition): number => currentMenuItems(position.menu, position.path).length;

export const isSubmenuSelected = (position: MenuPosition): boolean => {
  const node = selectedNode(position);
  return node !== undefined && 'items' in node;
};

/** The item under the cursor is one this terminal does not offer. */
export const isUnavailableSelected = (position: MenuPosition): boolean => {
  const node = selectedNode(position);
  return node !== undefined && 'unavailable' in node;
};

export const isFlowSelected = (position: MenuPosition, flow: FlowId): boolean => {
  const node = selectedNode(position);
  return node !== undefined && 'flow' in node && node.flow === flow;
};

/** Whether a digit picks an item of the menu shown. */
export const isValidPick = (position: MenuPosition, digit: string | undefined): boolean =>
  digit !== undefined && pickByDigit(digit, itemCount(position)) !== undefined;

/** The position after opening the sub-menu under the cursor. */
export const openSubmenu = (position: MenuPosition) => ({ path: [...position.path, position.cursor], cursor: 0 });

/** The position after leaving a sub-menu: the cursor back on the item that opened it. */
export const closeSubmenu = (position: MenuPosition) => ({ cursor: position.path.at(-1) ?? 0, path: position.path.slice(0, -1) });
