/**
 * The acquirer's SMS service and the merchant's phone, simulated: texting a verification code
 * (验证码) puts a message in the phone's inbox and remembers the code, its expiry and the tries
 * left. Codes come from a PRNG seeded by the device clock and a running count, so a headless run on
 * the simulated clock texts the same codes every time. Nothing here is stored in the device's
 * flash: the phone and the acquirer are not part of the terminal.
 */
import type { SmsCheck, SmsDelivery, SmsPurpose } from '../../menus/device-port.js';
import { SMS_CODE_LENGTH } from '../../menus/sms-verification.js';
import type { Profile } from '../profile/profile-schema.js';

export type SmsSettings = Profile['sms'];

/** A text message on the merchant's phone. */
export type PhoneMessage = {
  /** Who sent it, e.g. 95534. */
  readonly from: string;
  /** The merchant's phone number. */
  readonly to: string;
  /** The signature the text starts with, e.g. 银联商务. */
  readonly signature: Profile['sms']['signature'];
  readonly code: string;
  /** How long the code is good, in whole minutes, as the text says. */
  readonly validMinutes: number;
  readonly purpose: SmsPurpose;
  /** When it arrived, on the device clock. */
  readonly at: number;
};

/**
 * `length` digits drawn with mulberry32 (a small, fast PRNG) seeded with `seed`: the same seed
 * gives the same digits. A loop, not a generator closure made for each code.
 */
export const randomDigits = (seed: number, length: number): string => {
  let state = seed >>> 0;
  let digits = '';
  for (let index = 0; index < length; index += 1) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    digits += String(Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * 10));
  }
  return digits;
};

/** A code of SMS_CODE_LENGTH digits for the `count`-th message sent at `now`. */
export const smsCode = (now: number, count: number): string =>
  randomDigits((Math.floor(now / 1000) ^ Math.imul(count + 1, 0x9e3779b1)) >>> 0, SMS_CODE_LENGTH);

/** 13812341234 → 138****1234, as the device shows where a code went. */
export const maskPhone = (phone: string): string =>
  phone.length >= 7 ? `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}` : phone;

type PendingCode = { readonly code: string; readonly expiresAt: number; readonly attemptsLeft: number };

export class SmsGateway {
  private sent = 0;
  private readonly inbox: PhoneMessage[] = [];
  private pending: PendingCode | undefined;

  constructor(
    private readonly settings: SmsSettings,
    private readonly now: () => number,
  ) {}

  /** Texts a new code to the merchant's phone; any earlier code is void. */
  send(purpose: SmsPurpose): SmsDelivery {
    const at = this.now();
    let code = smsCode(at, this.sent);
    // A new code always differs from the last one, so that typing the old one is a wrong code.
    while (code === this.pending?.code) code = smsCode(at, ++this.sent);
    this.sent += 1;
    const expiresAt = at + this.settings.codeValidSeconds * 1000;
    this.pending = { code, expiresAt, attemptsLeft: this.settings.maxAttempts };
    this.inbox.push({
      from: this.settings.sender,
      to: this.settings.phone,
      signature: this.settings.signature,
      code,
      validMinutes: Math.ceil(this.settings.codeValidSeconds / 60),
      purpose,
      at,
    });
    return { phone: this.settings.phone, expiresAt };
  }

  /** Judges a typed code: right, wrong (with tries left), expired, or used up by wrong tries. */
  check(code: string): SmsCheck {
    const pending = this.pending;
    if (!pending || pending.attemptsLeft <= 0) return { result: 'exhausted' };
    if (this.now() >= pending.expiresAt) return { result: 'expired' };
    if (code === pending.code) {
      this.pending = undefined;
      return { result: 'accepted' };
    }
    const attemptsLeft = pending.attemptsLeft - 1;
    this.pending = { ...pending, attemptsLeft };
    return attemptsLeft > 0 ? { result: 'wrong', attemptsLeft } : { result: 'exhausted' };
  }

  /** The last message the phone received. */
  last(): PhoneMessage | undefined {
    return this.inbox.at(-1);
  }

  /** Every message the phone received, oldest first. */
  messages(): readonly PhoneMessage[] {
    return [...this.inbox];
  }
}
