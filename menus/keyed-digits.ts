/** Digits keyed into an entry field (操作员号, 凭证号, 参考号, a card number): typed up to a length, 清除 deletes one. */
import type { KeyEvent } from './device-events.js';

export const digitOf = (event: KeyEvent): string | undefined => (event.type === 'DIGIT' ? event.digit : undefined);

/** The entry after a key: a digit appended while there is room, 清除 deletes the last one. */
export const keyDigit = (entered: string, event: KeyEvent, maxLength: number): string => {
  if (event.type === 'CLEAR') return entered.slice(0, -1);
  const digit = digitOf(event);
  return digit !== undefined && entered.length < maxLength ? entered + digit : entered;
};

/** Time the acquirer's host takes to answer (签到, 消费, 撤销, 退货, 结算), on the device clock. */
export const HOST_REPLY_MS = 1500;
