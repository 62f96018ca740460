/**
 * Each wallet app's menus as its guide walks them: 云闪付 APP → 我的 → 卡片管理 (a card's 云闪付
 * service) and 我的 → 设置 → 支付设置 → 免密支付; 微信 → 我 → 服务 → 钱包 → 支付设置 → 免密支付
 * (银行卡 beside it); 支付宝 → 我的 → 设置 → 支付设置 → 免密支付 (银行卡 under 我的). Labels
 * are catalog names (phone.menu.<label>).
 */
import type { AppMenuNode, WalletId } from './phone-domain.js';

export const WALLET_MENUS: Readonly<Record<WalletId, readonly AppMenuNode[]>> = {
  unionpay: [
    { label: 'messages', flow: 'notices' },
    {
      label: 'mine',
      items: [
        { label: 'cardManagement', flow: 'cards' },
        { label: 'settings', items: [{ label: 'paymentSettings', items: [{ label: 'passwordFree', flow: 'passwordFree' }] }] },
      ],
    },
  ],
  wechat: [
    { label: 'payNotices', flow: 'notices' },
    {
      label: 'me',
      items: [
        {
          label: 'services',
          items: [
            {
              label: 'wallet',
              items: [
                { label: 'bankCards', flow: 'cards' },
                { label: 'paymentSettings', items: [{ label: 'passwordFree', flow: 'passwordFree' }] },
              ],
            },
          ],
        },
      ],
    },
  ],
  alipay: [
    { label: 'messages', flow: 'notices' },
    {
      label: 'mine',
      items: [
        { label: 'bankCards', flow: 'cards' },
        { label: 'settings', items: [{ label: 'paymentSettings', items: [{ label: 'passwordFree', flow: 'passwordFree' }] }] },
      ],
    },
  ],
};

/** The wallet app that can close a card's 云闪付 service (卡片管理 → 关闭云闪付服务). */
export const closesUnionpayService = (wallet: WalletId): boolean => wallet === 'unionpay';
