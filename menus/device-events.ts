/**
 * The events a simulated terminal understands: the keys on its keypad, plus the few things that
 * happen to a device from outside (power, network). Everything that drives a machine is one of these.
 */
export const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
export type Digit = (typeof DIGITS)[number];

/** Keypad keys other than digits, as event types. */
export const FUNCTION_KEYS = ['ENTER', 'CANCEL', 'CLEAR', 'UP', 'DOWN', 'MENU', 'F1', 'F2', 'F3', 'F4'] as const;
export type FunctionKey = (typeof FUNCTION_KEYS)[number];

export type DigitEvent = { readonly type: 'DIGIT'; readonly digit: Digit };
export type FunctionKeyEvent = { readonly type: FunctionKey };
/** One press of a key on the device's keypad. */
export type KeyEvent = DigitEvent | FunctionKeyEvent;

/** Things that happen to the device rather than keys pressed on it. */
export type SystemEvent = { readonly type: 'POWER_CYCLE' } | { readonly type: 'NETWORK_DOWN' } | { readonly type: 'NETWORK_UP' };

/**
 * The payer's answer to a QR payment, confirmed on the phone, as the acquirer passes it to the
 * terminal: confirmed with the wallet's password, cancelled, or failed as the password locked.
 */
export const PAYER_EVENT_TYPES = ['PAYER_CONFIRMED', 'PAYER_CANCELLED', 'PAYER_LOCKED'] as const;
export type PayerEvent = { readonly type: (typeof PAYER_EVENT_TYPES)[number] };

export type DeviceEvent = KeyEvent | SystemEvent | PayerEvent;

/** All key event types, for forwarding keys from a parent machine to the flow it runs. */
export const KEY_EVENT_TYPES = ['DIGIT', ...FUNCTION_KEYS] as const;

export const isDigit = (value: string): value is Digit => (DIGITS as readonly string[]).includes(value);
