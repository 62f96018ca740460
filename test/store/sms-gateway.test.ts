// The simulated SMS service and phone: reproducible codes, masking, expiry, tries, the inbox.
import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../src/index.js';
import { authCodeFor } from '../../src/store/acquirer.js';
import { maskPhone, smsCode, SmsGateway } from '../../src/store/sms-gateway.js';

const settings = loadProfile('default').sms;

const gateway = (start = 1_000_000) => {
  let now = start;
  const sms = new SmsGateway(settings, () => now);
  return { sms, advance: (ms: number) => (now += ms), now: () => now };
};

describe('the SMS gateway', () => {
  it('derives six-digit codes from the clock and a count: same inputs, same code', () => {
    expect(smsCode(123, 0)).toMatch(/^\d{6}$/);
    expect(smsCode(123, 0)).toBe(smsCode(123, 0));
    const spread = new Set(Array.from({ length: 50 }, (_, count) => smsCode(1_780_275_600_000, count)));
    expect(spread.size).toBeGreaterThan(45);
  });

  it('gives the codes it always gave: walkthroughs and goldens hold them', () => {
    const start = Date.parse('2026-06-01T09:00:00+08:00');
    expect([smsCode(start, 0), smsCode(start, 2)]).toEqual(['469952', '676621']);
    expect(authCodeFor('000123')).toBe('714238');
  });

  it('masks the phone number as the device shows it', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('12345')).toBe('12345');
  });

  it('texts a code to the phone and says where it went and until when it is good', () => {
    const { sms, now } = gateway();
    expect(sms.last()).toBeUndefined();
    const delivery = sms.send('unbind');
    expect(delivery).toEqual({ phone: '13812341234', expiresAt: now() + 300_000 });
    expect(sms.last()).toMatchObject({ from: '95534', to: '13812341234', validMinutes: 5, purpose: 'unbind', at: now() });
    expect(sms.last()?.signature.zh).toBe('银联商务');
    expect(sms.messages()).toHaveLength(1);
  });

  it('accepts the right code once, before it expires', () => {
    const { sms, advance } = gateway();
    sms.send('unbind');
    const code = sms.last()?.code ?? '';
    advance(299_999);
    expect(sms.check(code)).toEqual({ result: 'accepted' });
    expect(sms.check(code)).toEqual({ result: 'exhausted' });
  });

  it('refuses an expired code', () => {
    const { sms, advance } = gateway();
    sms.send('closeService');
    advance(300_000);
    expect(sms.check(sms.last()?.code ?? '')).toEqual({ result: 'expired' });
  });

  it('counts wrong codes and voids the code after the profile’s tries', () => {
    const { sms } = gateway();
    sms.send('unbind');
    const code = sms.last()?.code ?? '';
    const wrong = code === '000000' ? '111111' : '000000';
    expect(sms.check(wrong)).toEqual({ result: 'wrong', attemptsLeft: 2 });
    expect(sms.check(wrong)).toEqual({ result: 'wrong', attemptsLeft: 1 });
    expect(sms.check(wrong)).toEqual({ result: 'exhausted' });
    expect(sms.check(code)).toEqual({ result: 'exhausted' });
  });

  it('with no code sent, nothing is accepted', () => {
    expect(gateway().sms.check('123456')).toEqual({ result: 'exhausted' });
  });

  it('a new code always differs from the last and voids it', () => {
    const { sms } = gateway();
    const codes: string[] = [];
    for (let index = 0; index < 20; index += 1) {
      sms.send('unbind');
      codes.push(sms.last()?.code ?? '');
    }
    codes.slice(1).forEach((code, index) => expect(code).not.toBe(codes[index]));
    const last = codes.at(-1) ?? '';
    const previous = codes.at(-2) ?? '';
    expect(sms.check(previous).result).toBe('wrong');
    expect(sms.check(last)).toEqual({ result: 'accepted' });
  });
});
