/** 数据备份: the question, and where the backup went (also shown after 按[1]先备份数据 in 注销). */
import type { SnapshotFrom } from 'xstate';
import type { dataBackupMachine } from '../../menus/data-backup.js';
import type { BackupResult } from '../../menus/domain.js';
import type { Screen, ScreenLine } from './screen.js';
import type { ViewContext } from './view-context.js';

/** The result of a backup: 备份成功 and the file, or 备份失败 and why. */
export const backupResultScreen = (result: BackupResult | undefined, view: ViewContext): Screen => {
  const { t } = view;
  const lines: ScreenLine[] =
    result?.ok === true
      ? [{ text: t('backup.done'), tone: 'success' }, { text: t('backup.path') }, { text: result.path }]
      : [{ text: t('backup.failed', { reason: result?.reason ?? '' }), tone: 'error' }];
  return { title: t('backup.title'), lines, hints: { confirm: t('hint.confirm'), cancel: t('hint.back') } };
};

export const backupScreen = (snapshot: SnapshotFrom<typeof dataBackupMachine>, view: ViewContext): Screen => {
  const { t } = view;
  if (snapshot.matches('finished')) return backupResultScreen(snapshot.context.result, view);
  return {
    title: t('backup.title'),
    lines: [
      { text: t('backup.question') },
      { text: '' },
      { text: t('backup.contents'), tone: 'muted' },
      { text: '' },
      { text: t('hint.yesNo'), tone: 'muted' },
    ],
    hints: { confirm: t('hint.confirm'), cancel: t('hint.cancel') },
  };
};
