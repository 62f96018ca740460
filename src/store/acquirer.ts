/**
 * The acquirer (收单机构) as the terminal meets it: its host answers transactions with a 参考号 and
 * an 授权码, its SMS service texts verification codes to the merchant's phone, and the test card's
 * issuer judges the PIN. Numbers are derived from the device clock and the 凭证号, so a headless run
 * on the simulated clock gets the same ones every time. Nothing here is in the terminal's flash.
 */
import type { SmsCheck, SmsDelivery, SmsPurpose } from '../../menus/device-port.js';
import { deviceDateTime } from '../device/device-time.js';
import type { Profile } from '../profile/profile-schema.js';
import { verifyPassword } from './password-hash.js';
import { randomDigits, SmsGateway, type PhoneMessage } from './sms-gateway.js';

/** The host's answer to an approved transaction. */
export type HostApproval = { readonly reference: string; readonly authCode: string };

/** 参考号: the time of day on the device (HHmmss) and the 凭证号, 12 digits. */
export const referenceFor = (now: number, trace: string): string => `${deviceDateTime(now).time.replaceAll(':', '')}${trace}`;

/** 授权码: six digits the issuer gives; here derived from the 参考号. */
export const authCodeFor = (reference: string): string => {
  return randomDigits(Number(reference) % 2_147_483_647, 6);
};

export class Acquirer {
  private readonly sms: SmsGateway;

  constructor(
    private readonly profile: Profile,
    private readonly now: () => number,
  ) {
    this.sms = new SmsGateway(profile.sms, now);
  }

  approve(trace: string): HostApproval {
    const reference = referenceFor(this.now(), trace);
    return { reference, authCode: authCodeFor(reference) };
  }

  checkCardPin(pin: string): boolean {
    return verifyPassword(pin, this.profile.sale.cardPinHash);
  }

  sendSmsCode(purpose: SmsPurpose): SmsDelivery {
    return this.sms.send(purpose);
  }

  checkSmsCode(code: string): SmsCheck {
    return this.sms.check(code);
  }

  /** The texts the merchant's phone received, oldest first. */
  messages(): readonly PhoneMessage[] {
    return this.sms.messages();
  }
}
