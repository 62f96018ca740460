/**
 * 操作记录: the list (newest first, one line a record: date, time, operator, operation) and one
 * record in full. Times are the device clock's (China Standard Time).
 */
import type { SnapshotFrom } from 'xstate';
import type { DeviceRecord } from '../../menus/domain.js';
import type { operationRecordsMachine } from '../../menus/operation-records.js';
import { deviceDateTime } from '../device/device-time.js';
import { CATALOGS, type MessageKey } from '../i18n/messages.js';
import type { Screen } from './screen.js';
import type { ViewContext } from './view-context.js';

/** What the records call an operation; a kind this version has no words for shows as stored. */
export const recordKindLabel = (action: string, view: Pick<ViewContext, 't'>): string => {
  const key = `records.kind.${action}`;
  return key in CATALOGS.zh ? view.t(key as MessageKey) : action;
};

/** The operator as the records show them: 00 主管, or 系统 for what the device did by itself. */
export const recordOperatorLabel = (operator: string, view: Pick<ViewContext, 't' | 'profile' | 'lang'>): string => {
  if (operator === 'system') return view.t('records.system');
  const known = view.profile.operators.find((candidate) => candidate.id === operator);
  return known ? `${operator} ${known.name[view.lang]}` : operator;
};

const listLine = (record: DeviceRecord, view: ViewContext): string => {
  const { date, time } = deviceDateTime(record.at);
  const operator = record.operator === 'system' ? view.t('records.system') : record.operator;
  return `${date.slice(5)} ${time.slice(0, 5)} ${operator} ${recordKindLabel(record.action, view)}`;
};

export const recordsScreen = (snapshot: SnapshotFrom<typeof operationRecordsMachine>, view: ViewContext): Screen => {
  const { t } = view;
  const { records, cursor } = snapshot.context;
  const record = records[cursor];
  if (snapshot.matches('detail') && record) {
    const { date, time } = deviceDateTime(record.at);
    return {
      title: t('records.title'),
      lines: [
        { text: t('records.position', { index: cursor + 1, count: records.length }), tone: 'muted' },
        { text: t('records.time', { date, time }) },
        { text: t('records.operator', { operator: recordOperatorLabel(record.operator, view) }) },
        { text: t('records.action', { action: recordKindLabel(record.action, view) }) },
        { text: t('records.subject', { subject: record.subject }) },
      ],
      hints: { confirm: t('hint.back'), cancel: t('hint.back') },
    };
  }
  if (records.length === 0) {
    return { title: t('records.title'), lines: [{ text: t('records.empty'), tone: 'muted' }], hints: { cancel: t('hint.back') } };
  }
  return {
    title: t('records.title'),
    lines: [
      { text: t('records.count', { count: records.length }), tone: 'muted' },
      ...records.map((item, index) => ({ text: listLine(item, view), selected: index === cursor, item: true })),
    ],
    hints: { confirm: t('hint.confirm'), cancel: t('hint.back') },
  };
};
