// `pos-sim guide`: a procedure guide made from a walkthrough that passes — numbered steps in the
// device's words with a picture of every screen, the cautions where they apply — in Chinese and in
// English, on the walkthrough's profile or another; a walkthrough that fails makes none.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { marked } from 'marked';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guideCommand, guideOf } from '../../src/commands/guide.js';
import { screenshotCommand } from '../../src/commands/screenshot.js';
import { DemoError } from '../../src/demo/demo-plan.js';
import { setToolLang } from '../../src/i18n/tool-lang.js';
import { svgRows } from '../support/svg.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pos-sim-guide-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  setToolLang('zh');
});

const texts = (svg: string) =>
  svgRows(svg)
    .map((row) => row.text)
    .join('\n');

describe('the P2 guide', () => {
  it('numbers the steps in the device’s words, each with the screen it leads to, and says what to mind', () => {
    const guide = guideOf('P2', { lang: undefined, fixture: undefined });
    expect(guide.lang).toBe('zh');
    expect(guide.steps.map((step) => step.caption).slice(0, 4)).toEqual([
      '按[菜单]键进入设置。设置受主管密码保护',
      '输入主管密码 ********，屏幕上只显示星号',
      '按[确认]键验证密码，进入设置菜单',
      '选择「免密支付」(各机型放在不同的菜单下)',
    ]);
    expect(guide.start.title).toBe('上海浦东便利店');
    expect(guide.steps[4]?.screen.body.map((line) => line.text)).toContain('> 1.[ ] 开启免密支付 *未保存');
    expect(guide.before).toEqual(['network']);
    const noted = guide.steps.filter((step) => step.cautions.length > 0).map((step) => [step.caption, step.cautions]);
    expect(noted).toEqual([
      ['按[确认]键保存。设置已保存，但重启后才生效', ['pending']],
      ['按[确认]键立即重启POS机，让新设置生效', ['restart']],
    ]);
  });

  it('is one HTML page with a picture of the start and of every step, in Chinese and in English', async () => {
    const zh = join(dir, 'p2.html');
    expect(await guideCommand({ walkthrough: 'P2', format: 'html', lang: undefined, out: zh, fixture: undefined })).toEqual([
      `操作指南：${zh}`,
    ]);
    const page = readFileSync(zh, 'utf8');
    expect(page).toContain('<h1>P2 关闭免密支付并重启生效</h1>');
    expect(page.match(/<li id="step-/g)).toHaveLength(15);
    expect(page.match(/<svg /g)).toHaveLength(16);
    expect(page).toContain('<p class="note"><strong>注意：</strong>POS机正在重启：等它回到待机界面，重启过程中不要断电。</p>');
    expect(page).not.toMatch(/<link|<script|<img|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(page).not.toContain('123456');

    const en = join(dir, 'p2.en.html');
    // --lang is the tool's language too: the walkthrough's name is read in it.
    setToolLang('en');
    await guideCommand({ walkthrough: 'p2-password-free-off', format: 'html', lang: 'en', out: en, fixture: undefined });
    const english = readFileSync(en, 'utf8');
    expect(english).toContain('<h1>P2 Turn password-free payment off and restart for it to take effect</h1>');
    expect(english).toContain('Press MENU to open the settings');
    expect(english).toContain('Settings');
    expect(english).not.toMatch(/[\u4e00-\u9fff]{2}/);
  });

  it('is Markdown with its pictures in a folder beside it', async () => {
    const out = join(dir, 'guides', 'p2.md');
    setToolLang('en');
    const told = await guideCommand({ walkthrough: 'P2', format: 'md', lang: 'en', out, fixture: undefined });
    expect(told[1]).toBe(`pictures: ${join(dir, 'guides', 'p2-images')} (16)`);
    const markdown = readFileSync(out, 'utf8');
    expect(markdown).toContain(
      "1. Press MENU to open the settings, which the supervisor's password protects\n\n   ![Step 1](p2-images/01.svg)\n",
    );
    expect(markdown).toContain('   > **Note:** The terminal is restarting');
    for (const [, image] of markdown.matchAll(/\]\((p2-images\/\d+\.svg)\)/g))
      expect(existsSync(join(dir, 'guides', image ?? ''))).toBe(true);
    expect(texts(readFileSync(join(dir, 'guides', 'p2-images', '04.svg'), 'utf8'))).toContain('Password-free');
  });

  it('keeps each picture and note inside its step from step 10 on (CommonMark indents them by the marker’s width)', async () => {
    const out = join(dir, 'p2.md');
    await guideCommand({ walkthrough: 'P2', format: 'md', lang: 'en', out, fixture: undefined });
    const markdown = readFileSync(out, 'utf8');
    expect(markdown).toContain('10. The terminal shuts down to restart...\n\n    ![Step 10](p2-images/10.svg)\n');
    expect(markdown).toContain('9. Press OK to restart the terminal now, so the new setting applies\n\n   ![Step 9](p2-images/09.svg)\n');
    // A line under a step indented less than its marker's width would end the list there.
    const blocks = markdown.split('## ')[3]?.split('\n\n') ?? [];
    let width = 0;
    for (const block of blocks) {
      const marker = /^(\d+\. )/.exec(block);
      if (marker) width = marker[1]?.length ?? 0;
      else if (block.startsWith(' ')) expect(block.length - block.trimStart().length, block).toBe(width);
    }
  });

  it('shows a hostile name and caption as text in a Markdown reader: no HTML, link, heading or list of their own', async () => {
    const file = join(dir, 'hostile.yaml');
    writeFileSync(
      file,
      [
        'name: "<script>alert(1)</script> [x](javascript:alert(1)) *a*\\n# not a heading"',
        'steps:',
        '  - { press: 取消, caption: "1. <img src=x onerror=alert(1)> & [y](javascript:alert(2)) _b_ `c`" }',
        '',
      ].join('\n'),
    );
    const out = join(dir, 'hostile.md');
    await guideCommand({ walkthrough: file, format: 'md', lang: 'zh', out, fixture: undefined });
    const html = await marked.parse(readFileSync(out, 'utf8'));
    expect(html).not.toMatch(/<script|<img src="?x|href=|<em>|<code>/);
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; [x](javascript');
    const steps = /<ol>\s*<li>([\s\S]*?)<\/li>\s*<\/ol>/.exec(html)?.[1] ?? '';
    expect(steps).toContain('1. &lt;img src=x onerror=alert(1)&gt; &amp; [y]');
    expect(steps).not.toContain('<ol>');
  });

  it('links its pictures so that a Markdown reader finds them whatever the file is called', async () => {
    const out = join(dir, 'P2 #1 (pax).md');
    await guideCommand({ walkthrough: 'P2', format: 'md', lang: 'en', out, fixture: undefined });
    const links = [...readFileSync(out, 'utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map(([, link]) => link ?? '');
    expect(links).toHaveLength(16);
    // As a browser or a Markdown renderer resolves a link: relative to the document, %-decoded, no #fragment.
    for (const link of links) {
      const url = new URL(link, pathToFileURL(out));
      expect(url.hash).toBe('');
      expect(existsSync(fileURLToPath(url))).toBe(true);
    }
  });

  it('notes the backup only at the step that asks to confirm a 注销, on a classic LCD too', () => {
    // The classic's short texts once left the reminder out (an empty text), and an empty text is
    // found in every screen: its P2 guide said 注销前请先备份 at every step.
    const cautioned = (walkthrough: string) =>
      guideOf(walkthrough, { lang: undefined, fixture: 'classic-s80' })
        .steps.filter((step) => step.cautions.includes('backup'))
        .map((step) => step.number);
    expect(cautioned('p2-password-free-off')).toEqual([]);
    const p1 = guideOf('p1-deregister-unionpay', { lang: undefined, fixture: 'classic-s80' });
    const confirming = p1.steps.filter(
      (step) => step.screen.title === '关闭服务' && step.screen.body.some((line) => line.text.includes('确认关闭')),
    );
    expect(confirming.length).toBeGreaterThan(0);
    expect(cautioned('p1-deregister-unionpay')).toEqual(confirming.map((step) => step.number));
  });

  it('plays on another profile, with that terminal’s screens', () => {
    const guide = guideOf('p2-password-free-off', { lang: undefined, fixture: 'pax-a920' });
    expect(guide.profile.name).toBe('pax-a920');
    expect(guide.start.display).toEqual(guide.profile.device.display);
  });

  it('names the keys as that terminal prints them, in the script’s own captions too', () => {
    // pax-a920 opens its settings with the key printed 功能 (FUNC); the login piece's caption says 菜单.
    const zh = guideOf('p2-password-free-off', { lang: undefined, fixture: 'pax-a920' });
    expect(zh.steps[0]?.caption).toBe('按[功能]键进入设置。设置受主管密码保护');
    const en = guideOf('p2-password-free-off', { lang: 'en', fixture: 'pax-a920' });
    expect(en.steps[0]?.caption).toBe("Press FUNC to open the settings, which the supervisor's password protects");
    expect(guideOf('p2-password-free-off', { lang: undefined, fixture: 'newland-n910' }).steps[0]?.caption).toMatch(/^按\[设置\]键/);
  });
});

describe('a walkthrough that fails', () => {
  it('makes no guide and no picture', async () => {
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, 'name: broken\nsteps:\n  - press: 菜单\n  - expect: 设置成功\n');
    const error = await guideCommand({
      walkthrough: file,
      format: 'html',
      lang: undefined,
      out: join(dir, 'g.html'),
      fixture: undefined,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DemoError);
    expect((error as Error).message).toContain('broken.yaml:4:5  expect: 设置成功');
    expect(existsSync(join(dir, 'g.html'))).toBe(false);
    await expect(
      screenshotCommand({ walkthrough: file, step: 1, lang: undefined, out: join(dir, 's.svg'), fixture: undefined }),
    ).rejects.toBeInstanceOf(DemoError);
  });
});

describe('pos-sim screenshot', () => {
  it('draws the screen after step N as the guide numbers it, 0 the start, as SVG or PNG', async () => {
    const svg = join(dir, 'four.svg');
    expect(await screenshotCommand({ walkthrough: 'P2', step: 4, lang: undefined, out: svg, fixture: undefined })).toEqual([
      `截图：${svg}`,
    ]);
    expect(texts(readFileSync(svg, 'utf8'))).toContain('> 1.[x] 开启免密支付');
    await screenshotCommand({ walkthrough: 'P2', step: 0, lang: undefined, out: join(dir, 'start.svg'), fixture: undefined });
    expect(texts(readFileSync(join(dir, 'start.svg'), 'utf8'))).toContain('上海浦东便利店');
    await screenshotCommand({ walkthrough: 'P2', step: undefined, lang: 'en', out: join(dir, 'last.png'), fixture: undefined });
    expect(readFileSync(join(dir, 'last.png')).subarray(1, 4).toString()).toBe('PNG');
    setToolLang('en');
    await expect(
      screenshotCommand({ walkthrough: 'P2', step: 19, lang: undefined, out: join(dir, 'x.svg'), fixture: undefined }),
    ).rejects.toThrow(/p2-password-free-off.yaml has 15 steps to picture \(--step 0 to 15\), no step 19/);
  });
});
