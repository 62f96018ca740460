/** 设置: the numbered items of the settings menu or of the sub-menu open, and the refusal of an ordinary operator. */
import type { SnapshotFrom } from 'xstate';
import { currentMenuItems } from '../../menus/menu-tree.js';
import type { settingsMachine } from '../../menus/settings.js';
import { refusedScreen } from './operators-view.js';
import type { Screen } from './screen.js';
import { numbered, type ViewContext } from './view-context.js';

export const settingsScreen = (snapshot: SnapshotFrom<typeof settingsMachine>, view: ViewContext): Screen => {
  const { t, lang } = view;
  if (snapshot.matches('refused')) return refusedScreen(snapshot.context.operatorId, view);
  const { menu, path, cursor } = snapshot.context;
  const parent = path.length > 0 ? currentMenuItems(menu, path.slice(0, -1))[path.at(-1) ?? 0] : undefined;
  return {
    title: parent ? parent.label[lang] : t('settings.title'),
    lines: numbered(
      currentMenuItems(menu, path).map((item) => item.label[lang]),
      cursor,
    ),
    hints: { confirm: t('hint.confirm'), cancel: t('hint.back') },
  };
};
