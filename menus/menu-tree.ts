/**
 * A menu tree, as an operator moves through it: the items of the menu on screen, the one under the
 * cursor, opening and closing sub-menus. 设置 and the main menu share it (trees from the device
 * profile), and so do the phone's wallet apps (their menus as the apps lay them out).
 */
import type { MenuNode } from './domain.js';
import { pickByDigit } from './menu-cursor.js';

/** Any menu tree's node: a leaf that runs something (`flow`), a branch with items, or an item this device does not offer. */
export type TreeNode = { readonly flow: string } | { readonly items: readonly TreeNode[] } | { readonly unavailable: true };

/** Where the operator is in a menu tree: the cursor positions above the menu shown, and in it. */
export type MenuPosition<N extends TreeNode = MenuNode> = {
  readonly menu: readonly N[];
  /** Cursor positions of the menus above the one shown; empty at the top menu. */
  readonly path: readonly number[];
  readonly cursor: number;
};

/** The items of the menu at `path`. */
export const currentMenuItems = <N extends TreeNode>(menu: readonly N[], path: readonly number[]): readonly N[] =>
  path.reduce<readonly N[]>((items, index) => {
    const node = items[index];
    return node && 'items' in node ? (node.items as readonly N[]) : items;
  }, menu);

export const selectedNode = <N extends TreeNode>(position: MenuPosition<N>): N | undefined =>
  currentMenuItems(position.menu, position.path)[position.cursor];

export const itemCount = <N extends TreeNode>(position: MenuPosition<N>): number => currentMenuItems(position.menu, position.path).length;

export const isSubmenuSelected = <N extends TreeNode>(position: MenuPosition<N>): boolean => {
  const node = selectedNode(position);
  return node !== undefined && 'items' in node;
};

/** The item under the cursor is one this terminal does not offer. */
export const isUnavailableSelected = <N extends TreeNode>(position: MenuPosition<N>): boolean => {
  const node = selectedNode(position);
  return node !== undefined && 'unavailable' in node;
};

export const isFlowSelected = <N extends TreeNode>(position: MenuPosition<N>, flow: string): boolean => {
  const node = selectedNode(position);
  return node !== undefined && 'flow' in node && node.flow === flow;
};

/** Whether a digit picks an item of the menu shown. */
export const isValidPick = <N extends TreeNode>(position: MenuPosition<N>, digit: string | undefined): boolean =>
  digit !== undefined && pickByDigit(digit, itemCount(position)) !== undefined;

/** The position after opening the sub-menu under the cursor. */
export const openSubmenu = <N extends TreeNode>(position: MenuPosition<N>) => ({ path: [...position.path, position.cursor], cursor: 0 });

/** The position after leaving a sub-menu: the cursor back on the item that opened it. */
export const closeSubmenu = <N extends TreeNode>(position: MenuPosition<N>) => ({
  cursor: position.path.at(-1) ?? 0,
  path: position.path.slice(0, -1),
});
