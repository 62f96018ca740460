/**
 * The main menu of a profile that does not lay one out: the classic terminal's, 1.消费 2.撤销
 * 3.退货 4.重打印 5.管理, with 签到, 签退, 交易查询 and 结算 under 管理.
 */
import type { MenuNode } from '../../menus/domain.js';

export const DEFAULT_MAIN_MENU: readonly MenuNode[] = [
  { label: { zh: '消费', en: 'Sale' }, flow: 'sale' },
  { label: { zh: '撤销', en: 'Void' }, flow: 'void' },
  { label: { zh: '退货', en: 'Refund' }, flow: 'refund' },
  { label: { zh: '重打印', en: 'Reprint' }, flow: 'reprint' },
  {
    label: { zh: '管理', en: 'Management' },
    items: [
      { label: { zh: '签到', en: 'Sign in' }, flow: 'signIn' },
      { label: { zh: '签退', en: 'Sign out' }, flow: 'signOut' },
      { label: { zh: '交易查询', en: 'Transactions' }, flow: 'query' },
      { label: { zh: '结算', en: 'Settlement' }, flow: 'settle' },
    ],
  },
];
