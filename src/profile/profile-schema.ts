/**
 * The device profile format (fixtures/profiles/*.json): what a terminal is bound to, its operators,
 * security policy, 免密 settings and the settings-menu layout. Validated once on load.
 */
import { z } from 'zod';
import { DEFAULT_DISPLAY } from '../screen/default-display.js';
import { FUNCTION_KEYS } from '../../menus/device-events.js';
import { FLOW_IDS, PASSWORD_FREE_METHODS, VERIFICATION_METHODS, type MenuNode } from '../../menus/domain.js';
import { PASSWORD_HASH_PATTERN } from '../store/password-hash.js';


const localText = z.object({
  zh: z.string().min(1, 'give the Chinese text'),
  en: z.string().min(1, 'give the English text'),
});

export const bindingSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and -'),
  kind: z.enum(['merchant', 'settlementCard', 'service']),
  name: localText,
  account: z.string().min(1),
  boundAt: z.iso.date('use a date like 2024-03-18'),
  /** How closing this payment service is confirmed: "password" (the default) or "sms" (a texted code). */
  verification: z.enum(VERIFICATION_METHODS, { error: `use ${VERIFICATION_METHODS.join(' or ')}` }).optional(),
});

/** The merchant's phone and the acquirer's texts (短信验证码) for 关闭服务 and 解绑. */
export const smsSettingsSchema = z
  .object(
    {
      /** The merchant's mobile number, shown masked (138****1234). */
      phone: z.string().regex(/^1\d{10}$/, 'a mainland mobile number: 11 digits starting with 1, e.g. 13812341234'),
      /** The number the texts come from, e.g. 95534. */
      sender: z.string().regex(/^\d{3,20}$/, 'the sender is a service number, digits only, e.g. 95534'),
      /** The signature a text starts with, e.g. 【银联商务】. */
      signature: localText,
      codeValidSeconds: z.number().int().min(30, 'give a code at least 30 seconds').max(3600, 'at most an hour (3600)'),
      maxAttempts: z.number().int().min(1).max(10),
    },
    {
      error: (issue) =>
        issue.input === undefined
          ? 'add "sms": { "phone": "13812341234", "sender": "95534", "signature": { "zh": "银联商务", "en": "ChinaUMS" }, "codeValidSeconds": 300, "maxAttempts": 3 }'
          : undefined,
    },
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

const menuNodeSchema: z.ZodType<MenuNode> = z.lazy(() =>
  z.union([
    z.object({ label: localText, flow: z.enum(FLOW_IDS) }).strict(),
    z.object({ label: localText, items: z.array(menuNodeSchema).min(1, 'a sub-menu needs at least one item') }).strict(),
  ]),
);

const flowsIn = (nodes: readonly MenuNode[]): string[] =>
  nodes.flatMap((node) => ('flow' in node ? [node.flow] : flowsIn(node.items)));

export const profileSchema = z
  .object({
    $schema: z.string().optional(),
    name: z.string().regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and - (it names the device data file)'),
    description: localText,
    device: z.object({
      brand: z.string().min(1),
      model: z.string().min(1),
      merchantName: localText,
      merchantId: z.string().regex(/^\d{15}$/, 'a merchant number has 15 digits'),
      terminalId: z.string().regex(/^\d{8}$/, 'a terminal number has 8 digits'),
      /** The text grid of the display; smart terminals fit about 36x10 in landscape, 30x13 in portrait. */
      display: z
        .object({
          columns: z.number().int().min(28, 'at least 28 columns (14 Chinese characters)').max(60, 'at most 60 columns'),
          rows: z.number().int().min(8, 'at least 8 body rows').max(20, 'at most 20 body rows'),
        })
        .strict()
        .default(DEFAULT_DISPLAY),
      /** What this model prints on keys that differ from the usual caps, e.g. {"MENU": {"zh": "功能", "en": "FN"}}. */
      keyLabels: z.partialRecord(z.enum(FUNCTION_KEYS), localText).default({}),
    }),
    network: z.enum(['online', 'offline']),
    operators: z
      .array(
        z.object({
          id: z.string().regex(/^\d{2}$/, 'operator numbers have two digits, e.g. 00, 01, 99'),
          role: z.enum(['supervisor', 'admin', 'operator']),
          name: localText,
          passwordHash: z
            .string()
            .regex(PASSWORD_HASH_PATTERN, 'store a hash, never the password: make one with `pos-sim hash-password`'),
        }),
      )
      .min(1, 'list at least the operator who opens 设置'),
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
              z.enum(PASSWORD_FREE_METHODS, {
                error: `use ${PASSWORD_FREE_METHODS.join(', ')} (a chip payment always needs the PIN, so no channel covers "chip")`,
              }),
              {
                error: (issue) =>
                  issue.input === undefined
                    ? 'say which payment methods this channel decides, e.g. ["contactless", "qr-unionpay"] (or [] for none)'
                    : undefined,
              },
            ),
          }),
        )
        .min(1, 'list at least one payment channel'),
    }),
    /** 收款 (sale): who takes it and the test card's PIN. */
    sale: z
      .object(
        {
          operator: z.string(),
          cardPinHash: z
            .string()
            .regex(PASSWORD_HASH_PATTERN, 'store a hash of the test card PIN, never the PIN: make one with `pos-sim hash-password`'),
        },
        {
          error: (issue) =>
            issue.input === undefined
              ? 'add "sale": { "operator": "01", "cardPinHash": "<the output of pos-sim hash-password 147258>" }'
              : undefined,
        },
      )
      .strict(),
    sms: smsSettingsSchema,
    settingsMenu: z.array(menuNodeSchema).min(1),
  })
  .strict()
  .superRefine((profile, ctx) => {
    const operatorIds = profile.operators.map((operator) => operator.id);
    if (!operatorIds.includes(profile.security.settingsOperator)) {
      ctx.addIssue({
        code: 'custom',
        path: ['security', 'settingsOperator'],
        message: `no operator "${profile.security.settingsOperator}"; use one of ${operatorIds.join(', ')}`,
      });
    }
    if (!profile.operators.some((operator) => operator.role === 'supervisor')) {
      ctx.addIssue({
        code: 'custom',
        path: ['operators'],
        message: 'list a 主管 (role "supervisor", e.g. operator 00): 注销 asks for the 主管 password',
      });
    }
    const seenOperators = new Set<string>();
    profile.operators.forEach((operator, index) => {
      if (seenOperators.has(operator.id)) {
        ctx.addIssue({ code: 'custom', path: ['operators', index, 'id'], message: `operator ${operator.id} is listed twice; numbers must be unique` });
      }
      seenOperators.add(operator.id);
    });
    const seen = new Set<string>();
    profile.bindings.forEach((binding, index) => {
      if (seen.has(binding.id)) {
        ctx.addIssue({ code: 'custom', path: ['bindings', index, 'id'], message: `"${binding.id}" is used twice; ids must be unique` });
      }
      seen.add(binding.id);
      if (binding.verification !== undefined && binding.kind !== 'service') {
        ctx.addIssue({
          code: 'custom',
          path: ['bindings', index, 'verification'],
          message: 'verification is for payment services (关闭服务); 解绑 of the merchant account or settlement card always asks for a texted code, so remove it',
        });
      }
    });
    profile.passwordFree.channels.forEach((channel, index) => {
      if (!profile.passwordFree.limitOptions.includes(channel.limit)) {
        ctx.addIssue({
          code: 'custom',
          path: ['passwordFree', 'channels', index, 'limit'],
          message: `${channel.limit} is not among passwordFree.limitOptions (${profile.passwordFree.limitOptions.join(', ')})`,
        });
      }
    });
    if (!operatorIds.includes(profile.sale.operator)) {
      ctx.addIssue({
        code: 'custom',
        path: ['sale', 'operator'],
        message: `no operator "${profile.sale.operator}"; use one of ${operatorIds.join(', ')}`,
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
            message: `"${method}" is already covered by channel "${other}"; a payment method belongs to one channel`,
          });
        }
        coveredBy.set(method, channel.id);
      });
    });
    const flows = flowsIn(profile.settingsMenu);
    for (const flow of FLOW_IDS) {
      if (!flows.includes(flow)) {
        ctx.addIssue({ code: 'custom', path: ['settingsMenu'], message: `no menu item runs the "${flow}" flow; add one` });
      }
    }
  });

export type Profile = z.infer<typeof profileSchema>;
