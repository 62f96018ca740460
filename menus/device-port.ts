/**
 * What the menus need from the world outside them: the device's flash (store) and the clock.
 * The machines call it; src/ plugs in the real store, tests plug in the same store in memory.
 */
import type { BackupResult, Binding, DeviceRecord, Operator, PasswordFreeSettings, SaleRecord, UnbindReason } from './domain.js';

/** Why a verification code (验证码) is texted: closing a payment service, or 解绑 of an account. */
export type SmsPurpose = 'closeService' | 'unbind';

/** Where a texted code went (the merchant's phone number, unmasked) and until when it is good. */
export type SmsDelivery = { readonly phone: string; readonly expiresAt: number };

/** The acquirer's answer to a typed code; a code that is expired or used up must be sent again. */
export type SmsCheck =
  | { readonly result: 'accepted' }
  | { readonly result: 'wrong'; readonly attemptsLeft: number }
  | { readonly result: 'expired' }
  | { readonly result: 'exhausted' };

export type PasswordCheck =
  | { readonly result: 'accepted' }
  | { readonly result: 'wrong'; readonly attemptsLeft: number }
  | { readonly result: 'locked'; readonly lockedUntil: number };

export interface DevicePort {
  /** Milliseconds since the epoch, from the device's clock (simulated in tests and scripts). */
  now(): number;
  isOnline(): boolean;
  setOnline(online: boolean): void;
  /** Checks an operator's password, counting wrong attempts and locking out after too many. */
  checkPassword(operatorId: string, password: string): PasswordCheck;
  /** When the operator's lockout ends, or undefined when not locked out. */
  lockedUntil(operatorId: string): number | undefined;
  bindings(): readonly Binding[];
  /** Removes a binding and records who removed it. */
  deregister(bindingId: string, operatorId: string): void;
  activePasswordFree(): PasswordFreeSettings;
  pendingPasswordFree(): PasswordFreeSettings | undefined;
  /** Saves settings to apply at the next boot (clears the pending change if equal to the active one). */
  savePasswordFree(settings: PasswordFreeSettings, operatorId: string): void;
  /** At boot: makes pending settings active. Returns whether there was anything to apply. */
  applyPending(): boolean;
  /** The device's operators, in the profile's order. */
  operators(): readonly Operator[];
  /** Replaces an operator's password (stored as a new salted hash) and records it. */
  changePassword(operatorId: string, newPassword: string): void;
  /** The operation records, oldest first. */
  records(): readonly DeviceRecord[];
  /** Writes the device's records, bindings and settings (no passwords) to a backup, and records it. */
  backup(operatorId: string): BackupResult;
  /** Whether `pin` is the test card's PIN (收款); only its hash is kept. */
  checkCardPin(pin: string): boolean;
  /** Records a finished sale (approved, or declined by the issuer) for the operator who took it. */
  recordSale(sale: SaleRecord, operatorId: string): void;
  /**
   * Has the acquirer text a new verification code to the merchant's phone (any earlier code is
   * void). The code itself never comes back to the device: the operator reads it on the phone.
   */
  sendSmsCode(purpose: SmsPurpose): SmsDelivery;
  /** Checks a typed code against the last one texted, counting wrong attempts. */
  checkSmsCode(code: string): SmsCheck;
  /** After a verified code and 资金清算: removes the merchant account or settlement card, and records it. */
  unbind(bindingId: string, operatorId: string, reason: UnbindReason): void;
}
