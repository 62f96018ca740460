/**
 * The device's flash as stored on disk: bindings, operators (hashes only), lockouts, the 免密
 * settings in force and pending, and the operation records. Seeded from a profile on first run.
 */
import { z } from 'zod';
import { PAYMENT_METHODS, RESPONSE_CODES, UNBIND_REASONS } from '../../menus/domain.js';
import { TRANSACTION_KINDS } from '../../menus/journal.js';
import { bindingSchema, passwordFreeSettingsSchema, type Profile } from '../profile/profile-schema.js';
import { toolText } from '../i18n/tool-lang.js';
import { PASSWORD_HASH_PATTERN } from './password-hash.js';

export const OPERATION_KINDS = [
  'deregister',
  'savePasswordFree',
  'applyPasswordFree',
  'lockout',
  'sale',
  'changePassword',
  'backup',
  'unbind',
  'bind',
  'signIn',
  'signOut',
  'void',
  'refund',
  'settle',
  'fundsTransferred',
] as const;

/** What a sale record (收款) holds besides its subject line: amount in fen, how paid, the answer. */
export const saleDetailSchema = z
  .object({
    amountFen: z.number().int().positive(),
    method: z.enum(PAYMENT_METHODS),
    /** The 免密 channel that decided it; absent when none covers the method. */
    channel: z.string().optional(),
    approved: z.boolean(),
    /** 00 交易成功, 75 密码错误次数超限, 58 不允许终端进行的交易 … */
    responseCode: z.enum(RESPONSE_CODES),
    /** Went through without a PIN (免密免签). */
    passwordFree: z.boolean(),
  })
  .strict();

/** What a 撤销 or 退货 record holds besides its subject line. */
export const transactionDetailSchema = z
  .object({
    kind: z.enum(['void', 'refund']),
    /** The amount asked for; absent when refused before one was keyed. */
    amountFen: z.number().int().positive().optional(),
    method: z.enum(PAYMENT_METHODS).optional(),
    approved: z.boolean(),
    responseCode: z.enum(RESPONSE_CODES),
    /** 凭证号 of this transaction, when approved. */
    trace: z.string().optional(),
    /** 凭证号 of the sale it undoes, when it was found. */
    originalTrace: z.string().optional(),
    /** What the operator typed to find the sale, when it was refused before the host. */
    asked: z.string().optional(),
  })
  .strict();

const sixDigitString = z.string().regex(/^\d{6}$/);

export const journalEntrySchema = z
  .object({
    trace: sixDigitString,
    batch: sixDigitString,
    kind: z.enum(TRANSACTION_KINDS),
    amountFen: z.number().int().positive(),
    method: z.enum(PAYMENT_METHODS),
    channel: z.string().optional(),
    passwordFree: z.boolean(),
    passwordFreeLimit: z.number().int().positive().optional(),
    reference: z.string().regex(/^\d{12}$/),
    authCode: z.string().regex(/^\d{6}$/),
    at: z.string(),
    date: z.iso.date(),
    operator: z.string(),
    merchantId: z.string().optional(),
    original: z.object({ trace: sixDigitString, reference: z.string() }).strict().optional(),
  })
  .strict();

const tallySchema = z.object({ count: z.number().int().min(0), amountFen: z.number().int() }).strict();

export const settlementSchema = z
  .object({
    batch: sixDigitString,
    at: z.string(),
    operator: z.string(),
    totals: z
      .object({
        kinds: z.object({ sale: tallySchema, void: tallySchema, refund: tallySchema }).strict(),
        netFen: z.number().int(),
        groups: z.array(
          z
            .object({
              group: z.enum(['card', 'qr-unionpay', 'qr-wechat', 'qr-alipay']),
              count: z.number().int().min(0),
              amountFen: z.number().int(),
            })
            .strict(),
        ),
      })
      .strict(),
  })
  .strict();

/** The working day: who signed in, the current batch, the next 凭证号. */
export const daySchema = z
  .object({
    signedIn: z.object({ operator: z.string(), at: z.string() }).strict().optional(),
    batch: z.number().int().min(1).max(999_999),
    nextTrace: z.number().int().min(1).max(999_999),
  })
  .strict();

const FIRST_DAY = { batch: 1, nextTrace: 1 } as const;

export const operationRecordSchema = z.object({
  /** ISO time on the device clock. */
  at: z.string(),
  /** Operator number, or "system" for what the device does by itself (applying at boot). */
  operator: z.string(),
  action: z.enum(OPERATION_KINDS),
  /** What the operation was about, e.g. the binding removed. */
  subject: z.string(),
  /** For a sale: its details, for the records list and reports. */
  sale: saleDetailSchema.optional(),
  /** For a 撤销 or 退货: its details. */
  transaction: transactionDetailSchema.optional(),
});

/** A 解绑 application under review (审核), or whose funds were moved (资金已划转). */
export const unbindApplicationSchema = z
  .object({
    subject: z.string(),
    kind: z.enum(['merchant', 'settlementCard', 'service']),
    reason: z.enum(UNBIND_REASONS),
    operator: z.string(),
    submittedAt: z.number().int(),
    reviewedAt: z.number().int(),
    transferredAt: z.number().int().optional(),
  })
  .strict();

export const flashDataSchema = z
  .object({
    format: z.literal(1),
    profile: z.string(),
    network: z.enum(['online', 'offline']),
    operators: z.record(
      z.string(),
      z.object({ passwordHash: z.string().regex(PASSWORD_HASH_PATTERN, { error: () => toolText('store.notScryptHash') }) }),
    ),
    lockouts: z.record(z.string(), z.object({ failedAttempts: z.number().int().min(0), lockedUntil: z.number().int().optional() })),
    bindings: z.array(bindingSchema),
    passwordFree: z.object({ active: passwordFreeSettingsSchema, pending: passwordFreeSettingsSchema.optional() }),
    records: z.array(operationRecordSchema),
    // Added with the working day; data files written before it have none and start a first day.
    day: daySchema.default(FIRST_DAY),
    journal: z.array(journalEntrySchema).default([]),
    settlements: z.array(settlementSchema).default([]),
    // Added with the 解绑 review; older data files have none.
    unbindApplications: z.array(unbindApplicationSchema).default([]),
  })
  .strict();

export type FlashData = z.infer<typeof flashDataSchema>;
export type OperationRecord = z.infer<typeof operationRecordSchema>;

/** A factory-fresh device as the profile describes it. */
export const seedFlash = (profile: Profile): FlashData => ({
  format: 1,
  profile: profile.name,
  network: profile.network,
  operators: Object.fromEntries(profile.operators.map((operator) => [operator.id, { passwordHash: operator.passwordHash }])),
  lockouts: {},
  bindings: profile.bindings,
  passwordFree: {
    active: {
      enabled: profile.passwordFree.enabled,
      channels: profile.passwordFree.channels.map(({ id, smallAmountEnabled, limit }) => ({ id, smallAmountEnabled, limit })),
    },
  },
  records: [],
  day: { ...FIRST_DAY },
  journal: [],
  settlements: [],
  unbindApplications: [],
});
