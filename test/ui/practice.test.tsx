// The practice UI rendered with ink-testing-library: the task card beside the device, a hint after
// `?`, the score card when the goal is reached or the technician ends (with what each mistake was,
// within 80x24), and the device taking no more keys afterwards.
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { isStateNamed } from '../../src/practice/task.js';
import { PracticeApp } from '../../src/ui/practice-app.js';
import { FRAME_HEIGHT, FRAME_WIDTH } from '../../src/ui/device-frame.js';
import { deviceBox, KEY, plain, press, resize, waitForFrame, waitForText, type Rendered } from '../support/ink.js';
import { startPractice, task, type Practice } from '../support/practice.js';

let practice: Practice | undefined;
let rendered: Rendered | undefined;

afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  practice?.stop();
  practice = undefined;
});

const start = async (id: string, lang: 'zh' | 'en' = 'zh'): Promise<Rendered> => {
  practice = startPractice(task(id), lang);
  rendered = render(<PracticeApp session={practice.sim.session} tracker={practice.tracker} />);
  await waitForText(rendered, lang === 'zh' ? '按[菜单]键进入设置' : 'Press [MENU]');
  return rendered;
};

/** The text right of the device frame on each of its lines, and below it. */
const beside = (frame: string): string =>
  frame
    .split('\n')
    .map((line, index) => (index < FRAME_HEIGHT ? line.slice(line.indexOf(line[0] ?? '', 1) + 1) : line))
    .join('\n');

/** The card's lines, right of the device and below it, without the card's padding. */
const cardLines = (frame: string): string[] =>
  frame
    .split('\n')
    .map((line, index) =>
      (index < FRAME_HEIGHT ? line.slice(line.indexOf(line[0] ?? '', 1) + 1) : line.slice(FRAME_WIDTH)).slice(1).trimEnd(),
    );

/** The card's list of mistakes: the lines between the counts (ending with 超时) and the score. */
const mistakeLines = (frame: string, lang: 'zh' | 'en'): string[] => {
  const lines = cardLines(frame);
  const counts = lines.findIndex((line) => line.startsWith(lang === 'zh' ? '超时' : 'Over time'));
  const score = lines.findIndex((line) => /^(得分|Score) \d+\/100$/.test(line));
  return lines.slice(counts + 1, score).filter((line) => line !== '');
};

/** Writes terminal keys and waits until the practice shows `done` (the device's state, a count). */
const keysUntil = async (app: Rendered, keys: string, done: () => boolean, what: string) => {
  app.stdin.write(keys);
  await waitForFrame(app, () => done(), what);
};

const deviceAt = (state: string) => () => practice?.sim.session.activeStates().some((active) => isStateNamed(active, state)) === true;

/** P1 by the terminal's keys: 设置, password, 绑定管理, 云闪付, 注销, the password again. */
const deregisterUnionPay = async (app: Rendered) => {
  await press(app, 'm', '请输入密码');
  await press(app, '123456', '******');
  await press(app, KEY.enter, '绑定管理');
  await press(app, '1', '云闪付');
  await press(app, '3', '按[确认]');
  await press(app, KEY.enter, '注销前请确认已备份POS机上的数据');
  await press(app, KEY.enter, '请输入密码确认注销');
  await press(app, '123456', '******');
  app.stdin.write(KEY.enter);
};

describe('the practice screen', () => {
  it('shows the device with the task card beside it: task, goal, time, and the keys', async () => {
    const app = await start('p1-deregister-unionpay');
    const frame = plain(app.lastFrame());
    const lines = frame.split('\n');
    expect(lines[0]).toMatch(/^\+-+\+ 练习 P1 注销云闪付$/);
    expect(stringWidth(lines[0]?.split(' ')[0] ?? '')).toBe(FRAME_WIDTH);
    const card = beside(frame);
    expect(card.replace(/\s+/g, '')).toContain('目标：商户不再使用云闪付收款。让这台POS机不再绑定云闪付，其他绑定保持不变。');
    expect(card).toMatch(/用时 0:00 \/ 目标 1:30 {2}提示 0/);
    expect(card).toContain('不知道下一步？按 ? 看提示');
    expect(card).toMatch(/\? 提示 {2}q 结束/);
    expect(lines.length).toBeLessThanOrEqual(24);
  });

  it('shows a hint after ?, counts it, and drops it when the device moves on', async () => {
    const app = await start('p1-deregister-unionpay');
    let frame = await press(app, '?', '按[菜单]键(键盘 m)进入设置。');
    expect(frame).toContain('提示 1');
    expect(frame).not.toContain('不知道下一步');
    frame = await press(app, 'm', '请输入密码');
    expect(frame).not.toContain('键盘 m');
    frame = await press(app, '?', '输入主管密码(出厂密码');
    expect(frame).toContain('提示 2');
    // `?` is not a device key: the password prompt got nothing.
    expect(frame).not.toContain('*');
  });

  it("keeps the task card when a code is texted, with the merchant's phone under it (P4 解绑)", async () => {
    const app = await start('p4-unbind-settlement-card');
    await press(app, 'm', '请输入密码');
    await press(app, '123456', '******');
    await press(app, KEY.enter, '绑定管理');
    await press(app, '1', '结算卡');
    await press(app, '2', '按[确认]解绑');
    await press(app, KEY.enter, '请选择解绑原因');
    await press(app, '1', '解绑申请');
    const frame = await press(app, KEY.enter, '手机 138****1234');
    const code = practice?.sim.sms()?.code ?? 'no SMS';
    // The merchant's phone goes under the task card, which stays: the hint can still be asked for.
    const side = beside(frame);
    expect(side).toContain('练习 P4 解绑结算卡');
    expect(side.indexOf('练习 P4')).toBeLessThan(side.indexOf('手机 138****1234'));
    expect(side.replace(/[\s|]+/g, '')).toContain(`【银联商务】您的验证码为${code}，5分钟内有效，请勿泄露。`);
    expect(await press(app, '?', '输入6位验证码')).toContain('提示 1');
    // The code is on the phone, not on the device's display.
    expect(
      frame
        .split('\n')
        .slice(0, FRAME_HEIGHT)
        .map((line) => line.slice(0, line.indexOf('|', 1)))
        .join('\n'),
    ).not.toContain(code);
  });

  it('in English too', async () => {
    const app = await start('p1-deregister-unionpay', 'en');
    expect(plain(app.lastFrame())).toContain('Practice P1: Deregister UnionPay QuickPass');
    await press(app, '?', 'Press MENU (key m) to open the settings.');
  });
});

describe('the score card', () => {
  it('takes the card’s place when the goal is reached: goal, time, mistakes by kind, hints, score', async () => {
    const app = await start('p1-deregister-unionpay');
    await press(app, '?', '进入设置');
    await deregisterUnionPay(app);
    const frame = await waitForText(app, '得分 95/100');
    const card = beside(frame);
    expect(card).toContain('成绩 P1 注销云闪付');
    expect(card).toContain('目标已达成');
    expect(card).toContain('用时 0:00 (目标 1:30)');
    expect(card).toMatch(/密码\/验证码错误\s+0\s+-0/);
    expect(card).toMatch(/走错菜单\s+0\s+-0/);
    expect(card).toMatch(/取消步骤\s+0\s+-0/);
    expect(card).toMatch(/忘记重启\s+0\s+-0/);
    expect(card).toMatch(/使用提示\s+1\s+-5/);
    expect(card).toMatch(/超时\s+-0/);
    expect(card).toContain('按 q 退出');
  });

  it('q ends the practice early: the goal not reached scores 0, and the device takes no more keys', async () => {
    const app = await start('p2-password-free-off');
    await press(app, 'm', '请输入密码');
    await press(app, KEY.escape, '按[菜单]键进入设置');
    let frame = await press(app, 'q', '得分 0/100');
    expect(beside(frame)).toContain('目标未达成(得分为0)');
    expect(beside(frame)).toMatch(/取消步骤\s+1\s+-5/);
    app.stdin.write('m');
    app.stdin.write('?');
    await new Promise((resolve) => setTimeout(resolve, 50));
    frame = plain(app.lastFrame());
    const device = deviceBox(frame).join('\n');
    expect(device).toContain('按[菜单]键进入设置');
    expect(device).not.toContain('请输入密码');
    // The card says what the 取消 gave up (the password prompt), where the device no longer does.
    expect(mistakeLines(frame, 'zh')).toEqual(['0:00 取消：在「请输入密码」按了取消']);
    expect(practice?.tracker.result()?.hintsUsed).toBe(0);
  });
});

describe('what each mistake was, on the score card in 80x24', () => {
  const P1_MISTAKES = {
    zh: [
      '0:12 密码错误：进入设置(操作员 00)',
      '0:31 走错菜单：进入了「操作记录」',
      '0:45 取消：在「确认关闭 云闪付服务？」',
      '     按了取消',
    ],
    en: [
      '0:12 Wrong password: opening the',
      '     settings (operator 00)',
      '0:31 Detour: went into "Operation',
      '     records"',
      '0:45 Cancelled: pressed Cancel at',
      '     "Close the UnionPay QuickPass app',
      '     service?"',
    ],
  } as const;

  it.each(['zh', 'en'] as const)(
    '%s: a hint, a wrong password, a detour into 操作记录 and 取消 on the question, one line each with its time',
    async (lang) => {
      const app = await start('p1-deregister-unionpay', lang);
      resize(app, 80, 24);
      const run = practice as Practice;
      await keysUntil(app, '?', () => run.tracker.hintCount() === 1, 'a hint');
      run.sim.advance(12_000);
      await keysUntil(app, 'm', deviceAt('passwordPrompt.entering'), 'the password prompt');
      await press(app, '111111');
      await keysUntil(app, KEY.enter, () => run.tracker.mistakeCounts().wrongPassword === 1, 'the wrong password');
      await press(app, '123456');
      await keysUntil(app, KEY.enter, deviceAt('settings.menu'), 'the settings menu');
      run.sim.advance(19_000);
      await keysUntil(app, '4', deviceAt('operationRecords.list'), '操作记录');
      await keysUntil(app, KEY.escape, deviceAt('settings.menu'), 'the settings menu');
      await keysUntil(app, '1', deviceAt('bindingManagement.list'), '绑定管理');
      await keysUntil(app, '3', deviceAt('bindingManagement.detail'), '云闪付');
      await keysUntil(app, KEY.enter, deviceAt('bindingManagement.confirming'), 'the question');
      run.sim.advance(14_000);
      await keysUntil(app, KEY.escape, () => run.tracker.mistakeCounts().cancelledStep === 1, 'the step given up');
      await keysUntil(app, KEY.enter, deviceAt('bindingManagement.confirming'), 'the question');
      await keysUntil(app, KEY.enter, deviceAt('passwordPrompt.entering'), 'the password prompt');
      await press(app, '123456');
      app.stdin.write(KEY.enter);
      const frame = await waitForText(app, lang === 'zh' ? '得分 75/100' : 'Score 75/100');
      expect(mistakeLines(frame, lang)).toEqual(P1_MISTAKES[lang]);
      expect(cardLines(frame).join('\n')).toMatch(lang === 'zh' ? /使用提示\s+1\s+-5/ : /Hints\s+1\s+-5/);
      // Nothing typed shows: neither the wrong password nor the right one.
      expect(frame).not.toMatch(/111111|123456/);
      const lines = frame.split('\n');
      expect(lines.length).toBeLessThanOrEqual(23);
      for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
    },
  );

  it.each([
    ['zh', ['0:00 忘记重启：免密支付已保存但没有', '     重启生效']],
    ['en', ['0:00 Forgot restart: Password-free', '     payment saved but not in force']],
  ] as const)('%s: a change saved, 稍后 (an answer, not a mistake), and q: the restart never made', async (lang, expected) => {
    const app = await start('p2-password-free-off', lang);
    resize(app, 80, 24);
    const run = practice as Practice;
    run.press('菜单');
    run.type('123456');
    run.press('确认');
    // The menu and the editor as the device shows them in the practice's language.
    const labels =
      lang === 'zh'
        ? ['支付方式管理', '免密支付', '开启免密支付', '保存设置']
        : ['Payment methods', 'Password-free payment', 'Password-free payment', 'Save settings'];
    for (const label of labels) run.sim.select(label);
    run.type('123456');
    run.press('确认');
    run.press('取消'); // 稍后
    const frame = await press(app, 'q', lang === 'zh' ? '得分 0/100' : 'Score 0/100');
    expect(mistakeLines(frame, lang)).toEqual(expected);
  });

  it("the phone's keys count too: Tab to the phone, 取消 on its question is a step given up", async () => {
    const app = await start('p3-phone-close-cards');
    resize(app, 80, 24);
    const run = practice as Practice;
    const { phone } = run.sim;
    for (const label of ['云闪付', '我的', '卡片管理']) phone.select(label);
    app.stdin.write('\t');
    await waitForText(app, '138****1234');
    await keysUntil(app, '1', () => phone.states().includes('walletCards.detail'), "the card's page");
    await keysUntil(app, KEY.enter, () => phone.states().includes('walletCards.confirming'), 'the question');
    await keysUntil(app, KEY.escape, () => run.tracker.mistakeCounts().cancelledStep === 1, 'the step given up');
    await press(app, 'q', '得分 ');
    expect(run.tracker.result()?.notes).toMatchObject([{ kind: 'cancelledStep', where: { zh: '确认关闭该卡的云闪付服务？' } }]);
  });

  it('lists as many as the rows allow, then says how many more (…还有 N 项)', async () => {
    const app = await start('p2-password-free-off');
    resize(app, 80, 24);
    const run = practice as Practice;
    for (let time = 1; time <= 12; time += 1) {
      run.sim.advance(1_000);
      await keysUntil(app, 'm', deviceAt('passwordPrompt.entering'), 'the password prompt');
      await keysUntil(app, KEY.escape, () => run.tracker.mistakeCounts().cancelledStep === time, 'the step given up');
    }
    const frame = await press(app, 'q', '得分 0/100');
    expect(mistakeLines(frame, 'zh')).toEqual([
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((second) => `0:0${second} 取消：在「请输入密码」按了取消`),
      '…还有 4 项',
    ]);
    expect(frame.split('\n').length).toBeLessThanOrEqual(23);
  });

  it.each(['zh', 'en'] as const)(
    '%s: ended with the keypad on the phone, the score card gets the rows and the device stays whole in 80x24',
    async (lang) => {
      const app = await start('p2-phone-wechat-off', lang);
      resize(app, 80, 24);
      await waitForFrame(app, (frame) => frame.includes('138****1234') === false, 'no phone yet');
      app.stdin.write('\t');
      await waitForText(app, '138****1234');
      const frame = await press(app, 'q', lang === 'zh' ? '得分 0/100' : 'Score 0/100');
      expect(frame).not.toContain('138****1234');
      expect(frame.split('\n')[0]).toMatch(/^\+[-=]+\+/);
      expect(frame.split('\n').length).toBeLessThanOrEqual(24);
    },
  );

  it('after 解绑成功 the phone has gone and the card has the rows; it never shows a typed code', async () => {
    const app = await start('p4-unbind-settlement-card');
    resize(app, 80, 24);
    const run = practice as Practice;
    for (let time = 0; time < 3; time += 1) run.press('菜单', '取消');
    run.press('菜单');
    run.type('123456');
    run.press('确认');
    run.sim.select('绑定管理');
    run.sim.select('结算卡');
    run.press('确认', '1', '确认');
    const code = run.sim.sms()?.code ?? 'no SMS';
    const wrong = code === '000000' ? '111111' : '000000';
    run.type(wrong);
    run.press('确认');
    run.type(code);
    run.press('确认');
    run.sim.advance(5_000);
    const frame = await waitForText(app, '得分 75/100');
    expect(frame).not.toContain('手机 138****1234');
    expect(frame.split('\n').length).toBeLessThanOrEqual(23);
    expect(mistakeLines(frame, 'zh')).toEqual([
      '0:00 取消：在「请输入密码」按了取消',
      '0:00 取消：在「请输入密码」按了取消',
      '0:00 取消：在「请输入密码」按了取消',
      '0:00 验证码错误：结算卡的短信验证码',
    ]);
    const card = cardLines(frame).slice(0, cardLines(frame).findIndex((line) => line.startsWith('按 q 退出')) + 1);
    expect(card.join('\n')).not.toMatch(new RegExp(`${wrong}|${code}|123456`));
  });
});
