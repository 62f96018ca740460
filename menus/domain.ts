/**
 * The device's data as the menus see it: bindings, password-free payment settings, operators.
 * Plain types only; the store (src/store) owns persistence and the profiles (fixtures/) the values.
 */

/** Text in the device language (zh) and the optional English UI language. */
export type LocalText = { readonly zh: string; readonly en: string };

export type BindingKind = 'merchant' | 'settlementCard' | 'service';

/** Something this terminal is bound to: the merchant account, a settlement card, a payment service. */
export type Binding = {
  readonly id: string;
  readonly kind: BindingKind;
  /** What the binding is called on screen, e.g. 云闪付. */
  readonly name: LocalText;
  /** Account, card or merchant number; cards are shown masked. */
  readonly account: string;
  /** ISO date the binding was made. */
  readonly boundAt: string;
  /**
   * How closing a payment service (关闭服务) is confirmed: the operator's password (the default) or
   * a code texted to the merchant's phone. 解绑 of the merchant account or settlement card always
   * asks for a texted code.
   */
  readonly verification?: VerificationMethod;
  /** A payment service: the payment methods it lets the terminal accept (closed, they are refused). */
  readonly methods?: readonly PaymentMethod[];
};

export const VERIFICATION_METHODS = ['password', 'sms'] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

/** Why the merchant unbinds an account (解绑原因): 1.更换结算账户 2.商户停业 3.其他. */
export const UNBIND_REASONS = ['changeAccount', 'closingDown', 'other'] as const;

/** Card numbers show (and are recorded) only by their first and last four digits: 6222 **** **** 1234. */
export const maskAccount = (binding: Pick<Binding, 'kind' | 'account'>): string =>
  binding.kind === 'settlementCard' && binding.account.length >= 8
    ? `${binding.account.slice(0, 4)} **** **** ${binding.account.slice(-4)}`
    : binding.account;
export type UnbindReason = (typeof UNBIND_REASONS)[number];

/** Whether a card number passes the Luhn check every terminal makes on a number typed by hand. */
export const isLuhnValid = (digits: string): boolean => {
  if (!/^\d{13,19}$/.test(digits)) return false;
  let sum = 0;
  [...digits].reverse().forEach((char, index) => {
    const digit = Number(char) * (index % 2 === 1 ? 2 : 1);
    sum += digit > 9 ? digit - 9 : digit;
  });
  return sum % 10 === 0;
};

/** A card number as a receipt prints it: the first six and last four digits, 621700******5672. */
export const maskCardNumber = (digits: string): string =>
  digits.length > 10 ? `${digits.slice(0, 6)}${'*'.repeat(digits.length - 10)}${digits.slice(-4)}` : digits;

/** One payment channel's small-amount password-free switch and limit (元). */
export type ChannelSetting = {
  readonly id: string;
  readonly smallAmountEnabled: boolean;
  readonly limit: number;
};

/** The password-free payment (免密支付) settings, either in force or pending a restart. */
export type PasswordFreeSettings = {
  readonly enabled: boolean;
  readonly channels: readonly ChannelSetting[];
};

/** How the profile presents a channel in the 免密支付 editor. */
export type ChannelLayout = {
  readonly id: string;
  readonly label: LocalText;
};

export type PasswordFreeLayout = {
  readonly channels: readonly ChannelLayout[];
  /** The limits (元) the device offers, e.g. 300 / 500 / 1000. */
  readonly limitOptions: readonly number[];
};

export const samePasswordFreeSettings = (a: PasswordFreeSettings, b: PasswordFreeSettings): boolean =>
  a.enabled === b.enabled &&
  a.channels.length === b.channels.length &&
  a.channels.every((channel, index) => {
    const other = b.channels[index];
    return (
      other !== undefined &&
      other.id === channel.id &&
      other.smallAmountEnabled === channel.smallAmountEnabled &&
      other.limit === channel.limit
    );
  });

/**
 * A menu tree from the device profile: a leaf runs a flow, a branch opens a sub-menu. In the main
 * menu a leaf may also be a transaction this terminal does not offer (预授权, 离线 on a classic
 * terminal whose acquirer has not opened them): picking it says 本机未开通该交易.
 */
export type MenuNode =
  | { readonly label: LocalText; readonly flow: FlowId }
  | { readonly label: LocalText; readonly items: readonly MenuNode[] }
  | { readonly label: LocalText; readonly unavailable: true };

/** The items of a menu tree that run a flow, wherever they sit, in menu order. */
export const flowItems = (nodes: readonly MenuNode[]): Extract<MenuNode, { readonly flow: FlowId }>[] =>
  nodes.flatMap((node) => ('flow' in node ? [node] : 'items' in node ? flowItems(node.items) : []));

/** The flows 设置's menu tree runs. */
export const SETTINGS_FLOW_IDS = ['bindings', 'passwordFree', 'changePassword', 'records', 'backup'] as const;
/** The flows the main menu runs: the terminal's working day (消费 撤销 退货 … 签到 签退 结算). */
export const MAIN_FLOW_IDS = ['sale', 'void', 'refund', 'query', 'settle', 'reprint', 'signIn', 'signOut'] as const;
export const FLOW_IDS = [...SETTINGS_FLOW_IDS, ...MAIN_FLOW_IDS] as const;

/**
 * A state tag: a question where 取消 is one of the answers and gives nothing up (稍后 on 是否立即重启:
 * the change stays saved; 取消 on 放弃未保存的修改？: the edits stay), unlike 取消 that backs out of a step.
 */
export const CANCEL_KEEPS_WORK = 'cancelKeepsWork';
export type FlowId = (typeof FLOW_IDS)[number];
export type SettingsFlowId = (typeof SETTINGS_FLOW_IDS)[number];
export type MainFlowId = (typeof MAIN_FLOW_IDS)[number];

/** What an operator may do: 主管 (supervisor), 系统管理员 (admin), or an ordinary operator. */
export const OPERATOR_ROLES = ['supervisor', 'admin', 'operator'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

/** An operator as the menus see one: number, role and name (never the password). */
export type Operator = { readonly id: string; readonly role: OperatorRole; readonly name: LocalText };

/** Password digits per role, as on real terminals: 主管 6, 系统管理员 8, 操作员 4. */
export const PASSWORD_LENGTHS: Readonly<Record<OperatorRole, number>> = { supervisor: 6, admin: 8, operator: 4 };

/** Who may open 设置: the 主管 and the 系统管理员, not ordinary operators. */
export const mayOpenSettings = (role: OperatorRole | undefined): boolean => role === 'supervisor' || role === 'admin';

/** One entry of the device's operation records (操作记录), as the menus read them. */
export type DeviceRecord = {
  /** ISO time on the device clock. */
  readonly at: string;
  /** Operator number, or "system". */
  readonly operator: string;
  /** What kind of operation, e.g. deregister, changePassword, sale. */
  readonly action: string;
  /** What it was about, e.g. the binding removed. */
  readonly subject: string;
};

/** What 数据备份 did: where the file went, or why it could not be written. */
export type BackupResult = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: string };

/** How the customer pays (收款): a card tapped (挥卡/闪付) or inserted (插卡), or a wallet's QR code (扫码). */
export const PAYMENT_METHODS = ['contactless', 'chip', 'qr-unionpay', 'qr-wechat', 'qr-alipay'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** The payment methods a 免密 channel can cover; a chip (插卡) payment always needs the PIN. */
export const PASSWORD_FREE_METHODS = ['contactless', 'qr-unionpay', 'qr-wechat', 'qr-alipay'] as const satisfies readonly PaymentMethod[];

/** Which payment methods a 免密 channel's switch and limit decide (from the profile). */
export type ChannelCoverage = { readonly id: string; readonly covers: readonly PaymentMethod[] };

/**
 * UnionPay response codes the terminal shows as [code]text: 00 交易成功, 03 无效商户, 12 无效交易,
 * 25 找不到原始交易, 58 不允许终端进行的交易, 61 超出金额限制, 75 密码错误次数超限 …
 */
export const RESPONSE_CODES = ['00', '03', '05', '12', '13', '14', '25', '51', '55', '58', '61', '64', '68', '75', '94', '96'] as const;
export type ResponseCode = (typeof RESPONSE_CODES)[number];

/** A finished sale (收款) as the device records it: approved, or declined by the card issuer. */
export type SaleRecord = {
  /** Amount in fen (分): 1234 is 12.34元. */
  readonly amountFen: number;
  readonly method: PaymentMethod;
  /** The 免密 channel that decided the payment, or undefined when none covers the method. */
  readonly channel: string | undefined;
  /** The response code: 00 交易成功, 75 密码错误次数超限, 58 不允许终端进行的交易 … */
  readonly responseCode: ResponseCode;
  /** Whether it went through without a PIN (免密免签). */
  readonly passwordFree: boolean;
};

/** An amount in fen as the device shows it, e.g. 1234 as 12.34, -1250 (a net of refunds) as -12.50. */
export const formatFen = (fen: number): string => {
  const whole = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(whole / 100)}.${String(whole % 100).padStart(2, '0')}`;
};

/**
 * A 解绑 application as the acquirer handles it once the terminal has let the account go: it is
 * reviewed (审核), then the funds held for it are moved to the merchant's other account (资金已划转).
 */
export type UnbindApplication = {
  /** What was unbound, as the records name it: 结算卡 6222 **** **** 1234. */
  readonly subject: string;
  readonly kind: BindingKind;
  readonly reason: UnbindReason;
  /** The operator who submitted it. */
  readonly operator: string;
  /** When it was submitted, and when its review ends, ms on the device clock. */
  readonly submittedAt: number;
  readonly reviewedAt: number;
  /** When the funds were moved; absent while it is under review. */
  readonly transferredAt?: number;
};
