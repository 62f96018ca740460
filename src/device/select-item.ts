/**
 * `select: LABEL` — what a person does to pick a menu item by its name: find the numbered item
 * whose label contains LABEL, move the cursor onto it with 上/下, and press 确认.
 */
import { PosSimError } from '../errors.js';
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

const listItems = (items: readonly MenuItem[]) => (items.length ? items.map((item) => `"${item.label}"`).join(', ') : '(no menu items on screen)');

export const selectItem = (session: DeviceSession, label: string): void => {
  const items = menuItems(session);
  const exact = items.filter((item) => item.label === label);
  const matching = exact.length > 0 ? exact : items.filter((item) => item.label.includes(label));
  if (matching.length !== 1) {
    throw new SelectError(
      `${matching.length === 0 ? 'no' : 'more than one'} menu item matches "${label}"; on screen: ${listItems(items)}`,
    );
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
  throw new SelectError(`could not move the cursor to "${target.label}"; on screen: ${listItems(menuItems(session))}`);
};
