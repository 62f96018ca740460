// The practice UI rendered with ink-testing-library: the task card beside the device, a hint after
// `?`, the score card when the goal is reached or the technician ends, and the device taking no
// more keys afterwards.
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { PracticeApp } from '../../src/ui/practice-app.js';
import { FRAME_HEIGHT, FRAME_WIDTH } from '../../src/ui/device-frame.js';
import { KEY, plain, press, waitForText, type Rendered } from '../support/ink.js';
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
    const frame = await press(app, KEY.enter, '来自 95534');
    const code = practice?.sim.sms()?.code ?? 'no SMS';
    // The merchant's phone goes under the task card, which stays: the hint can still be asked for.
    const side = beside(frame);
    expect(side).toContain('练习 P4 解绑结算卡');
    expect(side.indexOf('练习 P4')).toBeLessThan(side.indexOf('手机 138****1234'));
    expect(side.replace(/[\s|]+/g, '')).toContain(`【银联商务】您的验证码为${code}，5分钟内有效，请勿泄露。`);
    expect(await press(app, '?', '输入6位验证码')).toContain('提示 1');
    // The code is on the phone, not on the device's display.
    expect(frame.split('\n').slice(0, FRAME_HEIGHT).map((line) => line.slice(0, line.indexOf('|', 1))).join('\n')).not.toContain(code);
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
    expect(frame).toContain('按[菜单]键进入设置');
    expect(frame).not.toContain('请输入密码');
    expect(practice?.tracker.result()?.hintsUsed).toBe(0);
  });
});
