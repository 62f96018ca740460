/**
 * The device profile format (fixtures/profiles/*.json): what a terminal is bound to, its operators,
 * security policy, 免密 settings and the settings-menu layout. Validated once on load.
 */
import { z } from 'zod';
import { DEFAULT_DISPLAY } from '../screen/default-display.js';
import { FUNCTION_KEYS } from '../../menus/device-events.js';
import {
  flowItems,
  MAIN_FLOW_IDS,
  PASSWORD_FREE_METHODS,
  PAYMENT_METHODS,
  SETTINGS_FLOW_IDS,
  VERIFICATION_METHODS,
  type FlowId,
  type MenuNode,
} from '../../menus/domain.js';
import { DEFAULT_MAIN_MENU } from './default-main-menu.js';
import { toolText } from '../i18n/tool-lang.js';
import type { MessageKey } from '../i18n/messages.js';
import { says } from '../json-source.js';
import { PASSWORD_HASH_PATTERN } from '../store/password-hash.js';
import { phoneSchema } from '../phone/phone-profile.js';

/** An error map that explains a missing section (`key`) and leaves every other issue to zod. */
const whenMissing = (key: MessageKey) => ({
  error: (issue: { readonly input?: unknown }) => (issue.input === undefined ? toolText(key) : undefined),
});

const localText = z.object({
  zh: z.string().min(1, says('profile.giveZh')),
  en: z.string().min(1, says('profile.giveEn')),
});

export const bindingSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, says('profile.idChars')),
  kind: z.enum(['merchant', 'settlementCard', 'service']),
  name: localText,
  account: z.string().min(1),
  boundAt: z.iso.date(says('profile.dateFormat')),
  /** How closing this payment service is confirmed: "password" (the default) or "sms" (a texted code). */
  verification: z
    .enum(VERIFICATION_METHODS, {
      error: () => toolText('profile.verification', { methods: VERIFICATION_METHODS.join(toolText('profile.or')) }),
    })
    .optional(),
  /** A payment service: the payment methods it lets the terminal accept; closed, they are refused at 收款. */
  methods: z.array(z.enum(PAYMENT_METHODS, says('profile.serviceMethod', { methods: PAYMENT_METHODS.join(', ') }))).optional(),
});

/** The merchant's phone and the acquirer's texts (短信验证码) for 关闭服务 and 解绑. */
export const smsSettingsSchema = z
  .object(
    {
      /** The merchant's mobile number, shown masked (138****1234). */
      phone: z.string().regex(/^1\d{10}$/, says('profile.smsPhone')),
      /** The number the texts come from, e.g. 95534. */
      sender: z.string().regex(/^\d{3,20}$/, says('profile.smsSender')),
      /** The signature a text starts with, e.g. 【银联商务】. */
      signature: localText,
      codeValidSeconds: z.number().int().min(30, says('profile.codeValidMin')).max(3600, says('profile.codeValidMax')),
      maxAttempts: z.number().int().min(1).max(10),
    },
    whenMissing('profile.addSms'),
  )
  .strict();

export const channelSettingSchema = z.object({
  id: z.string().min(1),
  smallAmountEnabled: z.boolean(),
  limit: z.number().int().positive(),
});

export const passwordFreeSettingsSchema = z.object({
  enabled: z.boolean(),
  channels: z.array(channelSettingSchema),
});

/**
 * A menu tree whose leaves run the given flows: 设置 runs the settings flows, the main menu the
 * working day's (where a leaf may be a transaction the terminal does not offer: `"unavailable": true`).
 */
const menuTreeSchema = (flows: readonly [FlowId, ...FlowId[]], { unavailable }: { readonly unavailable: boolean }) => {
  const node: z.ZodType<MenuNode> = z.lazy(() =>
    z.union([
      z.object({ label: localText, flow: z.enum(flows, says('profile.menuFlow', { flows: flows.join(', ') })) }).strict(),
      z.object({ label: localText, items: z.array(node).min(1, says('profile.subMenuEmpty')) }).strict(),
      ...(unavailable ? [z.object({ label: localText, unavailable: z.literal(true) }).strict()] : []),
    ]),
  );
  return z.array(node).min(1);
};

export const profileSchema = z
  .object({
    $schema: z.string().optional(),
    name: z.string().regex(/^[a-z0-9-]+$/, says('profile.nameChars')),
    description: localText,
    device: z.object({
      brand: z.string().min(1),
      model: z.string().min(1),
      merchantName: localText,
      merchantId: z.string().regex(/^\d{15}$/, says('profile.merchantId')),
      terminalId: z.string().regex(/^\d{8}$/, says('profile.terminalId')),
      /**
       * The display: a smart terminal's text grid (body rows; about 36x10 in landscape, 30x13 in
       * portrait), or a classic terminal's monochrome LCD ("kind": "classic", 16x4, title line included).
       */
      display: z
        .discriminatedUnion(
          'kind',
          [
            z
              .object({
                kind: z.literal('smart').optional(),
                columns: z.number().int().min(28, says('profile.columnsMin')).max(60, says('profile.columnsMax')),
                rows: z.number().int().min(8, says('profile.rowsMin')).max(20, says('profile.rowsMax')),
              })
              .strict(),
            z
              .object({
                kind: z.literal('classic'),
                columns: z.number().int().min(16, says('profile.classicColumnsMin')).max(24, says('profile.classicColumnsMax')),
                rows: z.number().int().min(4, says('profile.classicRowsMin')).max(8, says('profile.classicRowsMax')),
              })
              .strict(),
          ],
          says('profile.displayKind'),
        )
        .default(DEFAULT_DISPLAY),
      /** What this model prints on keys that differ from the usual caps, e.g. {"MENU": {"zh": "功能", "en": "FN"}}. */
      keyLabels: z.partialRecord(z.enum(FUNCTION_KEYS), localText).default({}),
    }),
    network: z.enum(['online', 'offline']),
    operators: z
      .array(
        z.object({
          id: z.string().regex(/^\d{2}$/, says('profile.operatorId')),
          role: z.enum(['supervisor', 'admin', 'operator']),
          name: localText,
          passwordHash: z.string().regex(PASSWORD_HASH_PATTERN, says('profile.passwordHash')),
        }),
      )
      .min(1, says('profile.operatorsEmpty')),
    security: z.object({
      settingsOperator: z.string(),
      maxAttempts: z.number().int().min(1).max(10),
      lockoutSeconds: z.number().int().min(1),
    }),
    bindings: z.array(bindingSchema),
    passwordFree: z.object({
      enabled: z.boolean(),
      limitOptions: z.array(z.number().int().positive()).min(1),
      channels: z
        .array(
          z.object({
            id: z.string().regex(/^[a-z0-9-]+$/),
            label: localText,
            smallAmountEnabled: z.boolean(),
            limit: z.number().int().positive(),
            /** The payment methods this channel's switch and limit decide at 收款 (a chip payment always needs the PIN). */
            covers: z.array(
              z.enum(PASSWORD_FREE_METHODS, says('profile.coversMethod', { methods: PASSWORD_FREE_METHODS.join(', ') })),
              whenMissing('profile.coversMissing'),
            ),
          }),
        )
        .min(1, says('profile.channelsEmpty')),
    }),
    /** 收款 (sale): who takes it and the test card's PIN. */
    sale: z
      .object(
        {
          operator: z.string(),
          cardPinHash: z.string().regex(PASSWORD_HASH_PATTERN, says('profile.cardPinHash')),
          /** The test card's number, printed masked on receipts (621700******5672). */
          cardNumber: z
            .string()
            .regex(/^\d{13,19}$/, says('profile.cardNumber'))
            .default('6217000010005672'),
        },
        whenMissing('profile.addSale'),
      )
      .strict(),
    sms: smsSettingsSchema,
    /** The payer's wallets on the phone beside the terminal (src/phone/phone-profile.ts). */
    phone: phoneSchema,
    settingsMenu: menuTreeSchema(SETTINGS_FLOW_IDS, { unavailable: false }),
    /** The main menu (主菜单) of the working day: 消费, 撤销, 退货 … 签到, 签退, 结算. */
    mainMenu: menuTreeSchema(MAIN_FLOW_IDS, { unavailable: true }).default(() => [...DEFAULT_MAIN_MENU]),
  })
  .strict()
  .superRefine((profile, ctx) => {
    const operatorIds = profile.operators.map((operator) => operator.id);
    if (!operatorIds.includes(profile.security.settingsOperator)) {
      ctx.addIssue({
        code: 'custom',
        path: ['security', 'settingsOperator'],
        message: toolText('profile.noSuchOperator', { operator: profile.security.settingsOperator, operators: operatorIds.join(', ') }),
      });
    }
    if (!profile.operators.some((operator) => operator.role === 'supervisor')) {
      ctx.addIssue({
        code: 'custom',
        path: ['operators'],
        message: toolText('profile.needsSupervisor'),
      });
    }
    const seenOperators = new Set<string>();
    profile.operators.forEach((operator, index) => {
      if (seenOperators.has(operator.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['operators', index, 'id'],
          message: toolText('profile.operatorTwice', { operator: operator.id }),
        });
      }
      seenOperators.add(operator.id);
    });
    const seen = new Set<string>();
    profile.bindings.forEach((binding, index) => {
      if (seen.has(binding.id)) {
        ctx.addIssue({ code: 'custom', path: ['bindings', index, 'id'], message: toolText('profile.idTwice', { id: binding.id }) });
      }
      seen.add(binding.id);
      if (binding.methods !== undefined && binding.kind !== 'service') {
        ctx.addIssue({ code: 'custom', path: ['bindings', index, 'methods'], message: toolText('profile.methodsNotService') });
      }
      if (binding.verification !== undefined && binding.kind !== 'service') {
        ctx.addIssue({
          code: 'custom',
          path: ['bindings', index, 'verification'],
          message: toolText('profile.verificationNotService'),
        });
      }
    });
    profile.passwordFree.channels.forEach((channel, index) => {
      if (!profile.passwordFree.limitOptions.includes(channel.limit)) {
        ctx.addIssue({
          code: 'custom',
          path: ['passwordFree', 'channels', index, 'limit'],
          message: toolText('profile.limitNotOption', { limit: channel.limit, options: profile.passwordFree.limitOptions.join(', ') }),
        });
      }
    });
    if (!operatorIds.includes(profile.sale.operator)) {
      ctx.addIssue({
        code: 'custom',
        path: ['sale', 'operator'],
        message: toolText('profile.noSuchOperator', { operator: profile.sale.operator, operators: operatorIds.join(', ') }),
      });
    }
    const coveredBy = new Map<string, string>();
    profile.passwordFree.channels.forEach((channel, index) => {
      channel.covers.forEach((method, methodIndex) => {
        const other = coveredBy.get(method);
        if (other !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['passwordFree', 'channels', index, 'covers', methodIndex],
            message: toolText('profile.methodCoveredTwice', { method, channel: other }),
          });
        }
        coveredBy.set(method, channel.id);
      });
    });
    const menus = [
      ['settingsMenu', profile.settingsMenu, SETTINGS_FLOW_IDS],
      ['mainMenu', profile.mainMenu, MAIN_FLOW_IDS],
    ] as const;
    for (const [field, menu, wanted] of menus) {
      const flows: string[] = flowItems(menu).map((item) => item.flow);
      for (const flow of wanted) {
        if (!flows.includes(flow)) ctx.addIssue({ code: 'custom', path: [field], message: toolText('profile.flowMissing', { flow }) });
      }
    }
  });

export type Profile = z.infer<typeof profileSchema>;
