/**
 * A noted mistake in words, in the practice's language: 密码错误：进入设置的密码(操作员 00),
 * 走错菜单：进入了「操作记录」. The score card lists them under its counts, the history beside each
 * practice. The words come from what the tracker noted (ids and the device's own names), never from
 * anything typed.
 */
import { translator, type Lang } from '../i18n/messages.js';
import { NOT_OPERATORS, type MistakeNote } from './tracker.js';

export const noteText = (note: MistakeNote, lang: Lang): string => {
  const t = translator(lang);
  const where = note.where?.[lang];
  switch (note.kind) {
    case 'wrongPassword': {
      if (note.what === NOT_OPERATORS.smsCode) return where ? t('practice.note.smsCode', { where }) : t('practice.note.smsCodeAnywhere');
      if (note.what === NOT_OPERATORS.cardPin) return t('practice.note.cardPin');
      if (note.what === NOT_OPERATORS.walletPassword) {
        const text = t('practice.note.walletPassword', { wallet: where ?? '' });
        return note.lockedOut ? t('practice.note.lockedOut', { note: text }) : text;
      }
      const text = t('practice.note.wrongPassword', { where: where ?? t('practice.note.password'), operator: note.what });
      return note.lockedOut ? t('practice.note.lockedOut', { note: text }) : text;
    }
    case 'detour':
      return t('practice.note.detour', { where: where ?? note.what });
    case 'cancelledStep':
      return t('practice.note.cancelledStep', { where: where ?? note.what });
    case 'forgottenRestart':
      return t('practice.note.forgottenRestart', { where: where ?? t('practice.note.setting') });
  }
};
