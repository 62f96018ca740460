/**
 * The `phone` section of a device profile: the payer's wallets on the phone beside the terminal —
 * for each of 云闪付, 微信 and 支付宝 its 小额免密 (on or off, and the limit), whether that setting
 * decides the wallet's QR payments (`decides`), its payment password (a salted hash only) and the
 * bank cards bound in it — and how many wrong payment passwords lock a wallet, for how long.
 * Which side decides a payment's 免密 is profile data: the terminal's 免密 channels decide the
 * methods they `cover`, a wallet that `decides` its own QR method; where both do, both must allow it.
 */
import { z } from 'zod';
import { WALLET_IDS, WALLET_METHODS } from '../../menus/phone/phone-domain.js';
import { toolText } from '../i18n/tool-lang.js';
import { says } from '../json-source.js';
import { PASSWORD_HASH_PATTERN } from '../store/password-hash.js';

const localText = z.object({
  zh: z.string().min(1, says('profile.giveZh')),
  en: z.string().min(1, says('profile.giveEn')),
});

/** The factory payment password of the shipped profiles' wallets: no secret, so scripts may type it as it is. */
export const FACTORY_WALLET_PASSWORD = '112233';

/** The factory payment password of the shipped profiles' wallets, 112233, as a hash (at the cheap cost: it is published). */
const FACTORY_WALLET_PASSWORD_HASH =
  'scrypt$ln=10,r=8,p=1$446228ad209dcc30e78c4f94412ff6da$5197476af91304fa2b929a6d58f5eada9ea468356e02a5cdb40066aeeef8a702';

export const walletCardSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, says('profile.idChars')),
    bank: localText,
    number: z.string().regex(/^\d{13,19}$/, says('phoneProfile.cardNumber')),
    kind: z.enum(['debit', 'credit']),
    /** Whether the card may pay through 云闪付 (付款码, 手机闪付); closed in the 云闪付 APP's 卡片管理. */
    unionpayService: z.boolean().default(true),
  })
  .strict();

export const walletSchema = z
  .object({
    id: z.enum(WALLET_IDS, says('phoneProfile.walletId', { wallets: WALLET_IDS.join(', ') })),
    /** Whether this wallet's own 小额免密 decides its QR payments (besides the terminal's channel covering them). */
    decides: z.boolean().default(true),
    /** The payer's 小额免密 in this wallet: on or off, and the most one payment may be (元). */
    passwordFree: z.object({ enabled: z.boolean(), limit: z.number().int().positive() }).strict(),
    /** The wallet's payment password (支付密码), six digits, as a salted hash (`pos-sim hash-password`). */
    paymentPasswordHash: z.string().regex(PASSWORD_HASH_PATTERN, says('phoneProfile.passwordHash')),
    cards: z.array(walletCardSchema),
  })
  .strict();

const defaultCards = () => [
  {
    id: 'ccb-5672',
    bank: { zh: '建设银行', en: 'China Construction Bank' },
    number: '6217000010005672',
    kind: 'debit' as const,
    unionpayService: true,
  },
  {
    id: 'cmb-8846',
    bank: { zh: '招商银行', en: 'China Merchants Bank' },
    number: '6225880137708846',
    kind: 'credit' as const,
    unionpayService: true,
  },
];

const defaultWallet = (id: (typeof WALLET_IDS)[number], limit: number) => ({
  id,
  decides: true,
  passwordFree: { enabled: true, limit },
  paymentPasswordHash: FACTORY_WALLET_PASSWORD_HASH,
  cards: defaultCards(),
});

/** The phone of a profile that does not describe one: all three wallets, 小额免密 on, as the shipped profiles have it. */
export const defaultPhone = () => ({
  wallets: [defaultWallet('unionpay', 1000), defaultWallet('wechat', 500), defaultWallet('alipay', 500)],
  security: { maxAttempts: 3, lockoutMinutes: 180 },
});

export const phoneSchema = z
  .object({
    wallets: z.array(walletSchema),
    /** Wrong payment passwords before a wallet locks it, and for how long. */
    security: z
      .object({
        maxAttempts: z.number().int().min(1).max(10),
        lockoutMinutes: z
          .number()
          .int()
          .min(1)
          .max(24 * 60),
      })
      .strict()
      .default({ maxAttempts: 3, lockoutMinutes: 180 }),
  })
  .strict()
  .superRefine((phone, ctx) => {
    const seen = new Set<string>();
    phone.wallets.forEach((wallet, index) => {
      if (seen.has(wallet.id))
        ctx.addIssue({
          code: 'custom',
          path: ['wallets', index, 'id'],
          message: toolText('phoneProfile.walletTwice', { wallet: wallet.id }),
        });
      seen.add(wallet.id);
      const cards = new Set<string>();
      wallet.cards.forEach((card, cardIndex) => {
        if (cards.has(card.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['wallets', index, 'cards', cardIndex, 'id'],
            message: toolText('profile.idTwice', { id: card.id }),
          });
        }
        cards.add(card.id);
      });
    });
    // A QR payment is confirmed in the payer's wallet: every QR method needs its wallet on the phone.
    for (const id of WALLET_IDS) {
      if (!seen.has(id))
        ctx.addIssue({
          code: 'custom',
          path: ['wallets'],
          message: toolText('phoneProfile.walletMissing', { wallet: id, method: WALLET_METHODS[id] }),
        });
    }
  })
  .default(defaultPhone);

export type PhoneProfile = z.infer<typeof phoneSchema>;
export type WalletProfile = PhoneProfile['wallets'][number];
