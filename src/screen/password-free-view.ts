/**
 * 免密支付: the check boxes and limits as edited, with 未保存 and 待重启生效 markers, and the
 * screens around saving (saved, offline, discard).
 */
import type { SnapshotFrom } from 'xstate';
import { channelApplies } from '../../menus/acceptance.js';
import { passwordFreeRows, type passwordFreeMachine, type PasswordFreeRow } from '../../menus/password-free.js';
import type { Screen, ScreenLine } from './screen.js';
import type { ViewContext } from './view-context.js';

const box = (on: boolean): string => (on ? '[x]' : '[ ]');

type PasswordFreeSettings = SnapshotFrom<typeof passwordFreeMachine>['context']['draft'];

/** What a row shows of these settings (to tell an unsaved or pending change). */
const valueOf = (row: PasswordFreeRow, settings: PasswordFreeSettings) => {
  switch (row.kind) {
    case 'master':
      return settings.enabled;
    case 'channelSwitch':
      return settings.channels[row.channel]?.smallAmountEnabled;
    case 'channelLimit':
      return settings.channels[row.channel]?.limit;
    case 'save':
      return undefined;
  }
};

// Module-level helpers and loops, not closures made at each screen: V8 optimised each anew.
const passwordFreeRowText = (row: PasswordFreeRow, snapshot: SnapshotFrom<typeof passwordFreeMachine>, view: ViewContext): string => {
  const { t } = view;
  const { draft, saved, inForce, layout } = snapshot.context;
  const marker =
    valueOf(row, draft) !== valueOf(row, saved)
      ? ` ${t('passwordFree.unsaved')}`
      : valueOf(row, saved) !== valueOf(row, inForce)
        ? ` ${t('passwordFree.pending')}`
        : '';
  const channel = 'channel' in row ? layout.channels[row.channel] : undefined;
  const draftChannel = 'channel' in row ? draft.channels[row.channel] : undefined;
  switch (row.kind) {
    case 'master':
      return `${box(draft.enabled)} ${t('passwordFree.master')}${marker}`;
    case 'channelSwitch': {
      // A channel whose every payment method has its service closed decides nothing now.
      const applies = channelApplies(snapshot.context.port.facts(), snapshot.context.rules, channel?.id ?? '');
      const label = `${box(draftChannel?.smallAmountEnabled ?? false)} ${t('passwordFree.channel', { channel: channel?.label[view.lang] ?? '' })}`;
      return `${label}${applies ? '' : ` ${t('passwordFree.notApplicable')}`}${marker}`;
    }
    case 'channelLimit':
      return `    ${t('passwordFree.limit', { limit: draftChannel?.limit ?? 0 })}${marker}`;
    case 'save':
      return t('passwordFree.save');
  }
};

export const passwordFreeScreen = (snapshot: SnapshotFrom<typeof passwordFreeMachine>, view: ViewContext): Screen => {
  const { t } = view;
  if (snapshot.matches('saved')) {
    return {
      title: t('saved.title'),
      lines: [{ text: t('saved.message'), tone: 'success' }, { text: t('saved.advice') }, { text: '' }, { text: t('saved.question') }],
      hints: { confirm: t('hint.restartNow'), cancel: t('hint.later') },
    };
  }
  if (snapshot.matches('offline')) {
    return {
      title: t('offline.title'),
      lines: [{ text: t('offline.save'), tone: 'error' }],
      hints: { confirm: t('hint.confirm'), cancel: t('hint.back') },
    };
  }
  if (snapshot.matches('confirmingDiscard')) {
    return {
      title: t('discard.title'),
      lines: [{ text: t('discard.question'), tone: 'warning' }, { text: '' }, { text: t('hint.yesNo'), tone: 'muted' }],
      hints: { confirm: t('hint.confirm'), cancel: t('hint.cancel') },
    };
  }
  const rows = passwordFreeRows(snapshot.context.layout);
  const lines: ScreenLine[] = [];
  for (const [index, row] of rows.entries()) {
    lines.push({
      text: `${index + 1}.${passwordFreeRowText(row, snapshot, view)}`,
      selected: index === snapshot.context.cursor,
      item: true,
    });
  }
  if (snapshot.matches({ editing: 'unchanged' })) lines.push({ text: t('passwordFree.unchanged'), tone: 'muted' });
  return {
    title: t('passwordFree.title'),
    lines,
    hints: { confirm: t('hint.confirm'), cancel: t('hint.back') },
  };
};
