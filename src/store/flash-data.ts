/**
 * The device's flash as stored on disk: bindings, operators (hashes only), lockouts, the 免密
 * settings in force and pending, and the operation records. Seeded from a profile on first run.
 */
import { z } from 'zod';
import { PAYMENT_METHODS } from '../../menus/domain.js';
import { bindingSchema, passwordFreeSettingsSchema, type Profile } from '../profile/profile-schema.js';
import { toolText } from '../i18n/tool-lang.js';
import { PASSWORD_HASH_PATTERN } from './password-hash.js';

export const OPERATION_KINDS = ['deregister', 'savePasswordFree', 'applyPasswordFree', 'lockout', 'sale', 'changePassword', 'backup', 'unbind'] as const;

/** What a sale record (收款) holds besides its subject line: amount in fen, how paid, the answer. */
export const saleDetailSchema = z
  .object({
    amountFen: z.number().int().positive(),
    method: z.enum(PAYMENT_METHODS),
    /** The 免密 channel that decided it; absent when none covers the method. */
    channel: z.string().optional(),
    approved: z.boolean(),
    /** 00 交易成功, 75 密码错误次数超限. */
    responseCode: z.enum(['00', '75']),
    /** Went through without a PIN (免密免签). */
    passwordFree: z.boolean(),
  })
  .strict();

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
});

export const flashDataSchema = z
  .object({
    format: z.literal(1),
    profile: z.string(),
    network: z.enum(['online', 'offline']),
    operators: z.record(z.string(), z.object({ passwordHash: z.string().regex(PASSWORD_HASH_PATTERN, { error: () => toolText('store.notScryptHash') }) })),
    lockouts: z.record(
      z.string(),
      z.object({ failedAttempts: z.number().int().min(0), lockedUntil: z.number().int().optional() }),
    ),
    bindings: z.array(bindingSchema),
    passwordFree: z.object({ active: passwordFreeSettingsSchema, pending: passwordFreeSettingsSchema.optional() }),
    records: z.array(operationRecordSchema),
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
});
