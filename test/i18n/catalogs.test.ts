// Every text exists in both languages, with the same placeholders, so --lang en never shows a key
// or a half-filled sentence.
import { describe, expect, it } from 'vitest';
import { CATALOGS, translator } from '../../src/i18n/messages.js';

const { zh, en } = CATALOGS;

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('message catalogs (the device and the tool)', () => {
  const zhKeys = Object.keys(zh).sort();
  const enKeys = Object.keys(en).sort();

  it('have the same keys', () => {
    expect(
      enKeys.filter((key) => !zhKeys.includes(key)),
      'in en only',
    ).toEqual([]);
    expect(
      zhKeys.filter((key) => !enKeys.includes(key)),
      'in zh only',
    ).toEqual([]);
  });

  it('have a text for every key and the same placeholders in both', () => {
    for (const key of zhKeys) {
      const zhText = zh[key as keyof typeof zh];
      const enText = (en as Record<string, string>)[key] ?? '';
      expect(zhText.trim(), `zh ${key}`).not.toBe('');
      expect(enText.trim(), `en ${key}`).not.toBe('');
      expect(placeholders(enText), `placeholders of ${key}`).toEqual(placeholders(zhText));
    }
  });

  it('fill placeholders and leave unknown ones visible', () => {
    expect(translator('zh')('password.wrong', { left: 2 })).toBe('密码错误，还可尝试2次');
    expect(translator('en')('password.wrong', {})).toContain('{left}');
  });
});
