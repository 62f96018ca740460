/**
 * The main menu (主菜单): its numbered items or a sub-menu's, 请先签到 before a transaction, and
 * 本机未开通该交易 for an item the terminal does not offer.
 */
import type { SnapshotFrom } from 'xstate';
import type { mainMenuMachine } from '../../menus/main-menu.js';
import { currentMenuItems } from '../../menus/menu-tree.js';
import type { Screen } from './screen.js';
import { numbered, type ViewContext } from './view-context.js';

export const mainMenuScreen = (snapshot: SnapshotFrom<typeof mainMenuMachine>, view: ViewContext): Screen => {
  const { t, lang } = view;
  if (snapshot.matches('signInFirst')) {
    return {
      title: t('mainMenu.signInFirstTitle'),
      lines: [{ text: t('mainMenu.signInFirst'), tone: 'warning' }, { text: '' }, { text: t('mainMenu.signInNow') }],
      hints: { confirm: t('hint.signIn'), cancel: t('hint.back') },
    };
  }
  const { menu, path, cursor } = snapshot.context;
  if (snapshot.matches('unavailable')) {
    return {
      title: currentMenuItems(menu, path)[cursor]?.label[lang] ?? t('mainMenu.title'),
      lines: [
        { text: t('mainMenu.unavailable'), tone: 'warning' },
        { text: t('mainMenu.unavailableHelp'), tone: 'muted' },
      ],
      hints: { confirm: t('hint.back'), cancel: t('hint.back') },
    };
  }
  const parent = path.length > 0 ? currentMenuItems(menu, path.slice(0, -1))[path.at(-1) ?? 0] : undefined;
  return {
    title: parent ? parent.label[lang] : t('mainMenu.title'),
    lines: numbered(
      currentMenuItems(menu, path).map((item) => item.label[lang]),
      cursor,
    ),
    hints: { confirm: t('hint.confirm'), cancel: t('hint.back') },
  };
};
