/** Words the working day's screens and receipts share: how a payment was made, refusals, 凭证号 lines. */
import type { Refusal } from '../../menus/acceptance.js';
import type { LocalText, PaymentMethod } from '../../menus/domain.js';
import type { Lang, Translate } from '../i18n/messages.js';
import type { ScreenLine } from './screen.js';

/** 挥卡/闪付, 插卡, 云闪付, 微信, 支付宝. */
export const methodName = (method: PaymentMethod, t: Translate): string =>
  method === 'contactless' || method === 'chip' ? t(`sale.method.${method}`) : t(`sale.wallet.${method}`);

/** [58]不允许终端进行的交易: a response code with its text. */
export const responseText = (code: string, t: Translate): string => `[${code}]${t(`response.${code}` as Parameters<Translate>[0])}`;

/** Why the terminal refused, as two lines: the response, and what it means here. */
export const refusalLines = (refusal: Refusal, t: Translate, lang: Lang): ScreenLine[] => [
  { text: responseText(refusal.code, t), tone: 'error' },
  { text: t(`refusal.${refusal.reason}`, { service: (refusal.service as LocalText | undefined)?.[lang] ?? '' }) },
];
