// A screen and a matcher compare with their punctuation normalised alike, whichever screens and
// matchers come in turn (the normalised screen and matcher texts are remembered between checks).
import { describe, expect, it } from 'vitest';
import { parseTextMatcher, shows, type TextMatcher } from '../../src/walkthrough/text-match.js';

const matcher = (written: string): TextMatcher => {
  const parsed = parseTextMatcher(written);
  if ('invalid' in parsed) throw new Error(parsed.invalid);
  return parsed;
};

describe('shows', () => {
  it('matches full-width and ASCII punctuation alike, screen after screen', () => {
    const paid = '支付方式：扫码（支付宝）';
    const refused = '交易失败，请重试！';
    expect(shows(matcher('支付方式:扫码(支付宝)'), paid)).toBe(true);
    expect(shows(matcher('交易失败,请重试!'), paid)).toBe(false);
    expect(shows(matcher('交易失败,请重试!'), refused)).toBe(true);
    expect(shows(matcher('支付方式:扫码(支付宝)'), refused)).toBe(false);
    expect(shows(matcher('支付方式：扫码（支付宝）'), paid)).toBe(true);
    expect(shows(matcher('/扫码\\(支付宝\\)/'), paid)).toBe(true);
    expect(shows(matcher('/扫码（微信）/'), paid)).toBe(false);
    expect(shows(matcher('支付方式:扫码(支付宝)'), `${paid}\n`)).toBe(true);
    expect(shows(matcher('支付方式:扫码(支付宝)'), '支付方式：扫码（微信）')).toBe(false);
  });
});
