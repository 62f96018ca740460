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
};

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

/** Settings-menu tree from the device profile: a leaf runs a flow, a branch opens a sub-menu. */
export type MenuNode =
  | { readonly label: LocalText; readonly flow: FlowId }
  | { readonly label: LocalText; readonly items: readonly MenuNode[] };

export const FLOW_IDS = ['bindings', 'passwordFree'] as const;
export type FlowId = (typeof FLOW_IDS)[number];
