// The README's device pictures (docs/*.svg) are what the device draws now: regenerate them with
// `npm run pictures` when a screen changes. (docs/report.png and docs/guide.png are browser
// screenshots that the same command writes; the browser tests check the pages they show.)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docsScreens } from '../../scripts/docs-screens.js';

const ROOT = join(import.meta.dirname, '../..');

describe('the README pictures', () => {
  it('are current (regenerate with `npm run pictures`)', async () => {
    for (const [file, svg] of await docsScreens()) expect(readFileSync(join(ROOT, file), 'utf8') === svg, `${file} is stale`).toBe(true);
  });

  it('show what the README says they show', async () => {
    // The pictures keep their spaces as no-break spaces.
    const pictures = new Map([...(await docsScreens())].map(([file, svg]) => [file, svg.replaceAll('\u00a0', ' ')]));
    // "The 免密支付 screen with the box unticked"
    expect(pictures.get('docs/screen-password-free.svg')).toContain('[ ] 开启免密支付 *未保存');
    // "短信验证 with the phone beside the device"
    expect(pictures.get('docs/screen-sms-code.svg')).toMatch(/请输入验证码/);
    expect(pictures.get('docs/screen-sms-code.svg')).toMatch(/【银联商务】您的验证码为/);
    // "An approved sale in English, with its receipt on the printer"
    expect(pictures.get('docs/screen-receipt-en.svg')).toMatch(/Approved[\s\S]*Printer/);
  });

  it('are all shown in the README', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const file of [
      'docs/screen-password-free.svg',
      'docs/screen-sms-code.svg',
      'docs/screen-receipt-en.svg',
      'docs/report.png',
      'docs/guide.png',
    ]) {
      expect(existsSync(join(ROOT, file)), file).toBe(true);
      expect(readme).toContain(`(${file})`);
    }
  });
});
