/**
 * The tool's words about the phone beside the terminal: its part of a device profile, and what
 * walkthroughs, recordings, demos and paths say of the steps taken on it. Key names and paths stay literal.
 */
import { defineTexts } from './define-texts.js';

export const phoneTexts = defineTexts(
  {
    'phoneProfile.cardNumber': '银行卡号要 13 到 19 位数字',
    'phoneProfile.walletId': '钱包只能是 {wallets} 之一',
    'phoneProfile.passwordHash': '这里存支付密码的哈希，不存密码：用 `pos-sim hash-password` 生成',
    'phoneProfile.walletTwice': '钱包 {wallet} 写了两次；每个钱包只写一次',
    'phoneProfile.walletMissing': '请加上钱包 {wallet}：{method} 扫码付款要在付款人手机上的这个钱包里确认',
    'phoneRun.noSuchKey': '手机没有 "{key}" 键。手机的按键有：{keys}。',
  },
  {
    'phoneProfile.cardNumber': 'a bank card number needs 13 to 19 digits',
    'phoneProfile.walletId': 'a wallet is one of {wallets}',
    'phoneProfile.passwordHash': "store the payment password's hash, never the password: make one with `pos-sim hash-password`",
    'phoneProfile.walletTwice': 'wallet {wallet} is given twice; give each wallet once',
    'phoneProfile.walletMissing': 'add the wallet {wallet}: a {method} QR payment is confirmed in that wallet on the payer’s phone',
    'phoneRun.noSuchKey': 'The phone has no key "{key}". Its keys: {keys}.',
  },
);
