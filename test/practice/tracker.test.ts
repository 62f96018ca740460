// The practice tracker on a headless device and the simulated clock: the goal seen from the
// device's state, each kind of mistake counted and named, hints counted, time from the device clock.
import { describe, expect, it } from 'vitest';
import { BOOT_MS } from '../../src/device/simulator.js';
import { shippedTasks } from '../../src/practice/load-tasks.js';
import { noteText } from '../../src/practice/note-text.js';
import type { MistakeNote } from '../../src/practice/tracker.js';
import { playWalkthrough, openPasswordFree, practiceStarter, resultOf, task, untickAndSave, type Practice } from '../support/practice.js';

const PASSWORD = '123456';
const WRONG = '111111';
/** From the 免密支付 restart prompt (确认) to the home screen: shutdown, then boot. */
const RESTART_MS = 800 + BOOT_MS;

const start = practiceStarter();

const noMistakes = { wrongPassword: 0, detour: 0, cancelledStep: 0, forgottenRestart: 0 };

/** The rest of P2 from 免密支付: save, restart now, wait for the boot. */
const finishPasswordFreeOff = (run: Practice) => {
  untickAndSave(run);
  run.press('确认');
  run.sim.advance(RESTART_MS);
};

/** Mistakes a task's walkthrough makes on purpose, to show the device's answer. */
const SHOWN_ON_PURPOSE: Readonly<Record<string, Partial<typeof noMistakes>>> = {
  // It types a wrong code first (验证码错误，还可尝试2次): a wrong code counts as a wrong password.
  'p3-close-unionpay-sms': { wrongPassword: 1 },
};

describe('a perfect run', () => {
  it.each(shippedTasks().map((shipped) => shipped.id))(
    '%s: its own walkthrough reaches the goal with no mistakes but those it shows on purpose',
    (id) => {
      const run = start(id);
      playWalkthrough(run);
      const result = resultOf(run);
      const mistakes = { ...noMistakes, ...SHOWN_ON_PURPOSE[id] };
      expect(result).toMatchObject({ goalReached: true, endedBy: 'goal', mistakes, hintsUsed: 0 });
      expect(result.breakdown.score).toBe(100 - 10 * mistakes.wrongPassword);
    },
  );

  it('times the practice on the device clock, and time over the target costs a point per 10 s', () => {
    const run = start('p2-password-free-off');
    run.sim.advance(150_000);
    openPasswordFree(run);
    finishPasswordFreeOff(run);
    const result = resultOf(run);
    // The goal is reached the moment the boot ends: 150 s waited + the restart.
    expect(result.elapsedMs).toBe(150_000 + RESTART_MS);
    expect(result.breakdown).toMatchObject({ time: 3, score: 97 });
  });

  it('is not over while the change is only saved: P2 needs the restart, and the device at home', () => {
    const run = start('p2-password-free-off');
    openPasswordFree(run);
    untickAndSave(run);
    expect(run.tracker.result()).toBeUndefined();
    run.press('确认');
    run.sim.advance(800);
    // Booting: the change is applied already, but the device is not back at home.
    expect(run.sim.store.snapshot().passwordFree.active.enabled).toBe(false);
    expect(run.tracker.result()).toBeUndefined();
    run.sim.advance(BOOT_MS);
    expect(resultOf(run).goalReached).toBe(true);
  });
});

describe('mistakes, each kind counted and named', () => {
  it('a wrong password costs 10', () => {
    const run = start('p2-password-free-off');
    run.press('菜单');
    run.type(WRONG);
    run.press('确认');
    run.type(PASSWORD);
    run.press('确认');
    run.sim.select('支付方式管理');
    run.sim.select('免密支付');
    finishPasswordFreeOff(run);
    const result = resultOf(run);
    expect(result.mistakes).toEqual({ ...noMistakes, wrongPassword: 1 });
    expect(result.notes).toEqual([{ kind: 'wrongPassword', atMs: 0, what: '00', where: { zh: '进入设置', en: 'opening the settings' } }]);
    expect(result.breakdown).toMatchObject({ mistakes: { wrongPassword: 10 }, score: 90 });
  });

  it('three wrong passwords are three, the lockout counts the third; waiting out the lockout costs time', () => {
    const run = start('p2-password-free-off');
    run.press('菜单');
    for (let attempt = 0; attempt < 3; attempt += 1) {
      run.type(WRONG);
      run.press('确认');
    }
    expect(run.sim.session.activeStates()).toContain('passwordPrompt.lockedOut');
    expect(run.tracker.mistakeCounts().wrongPassword).toBe(3);
    run.sim.advance(400_000);
    run.type(PASSWORD);
    run.press('确认');
    run.sim.select('支付方式管理');
    run.sim.select('免密支付');
    finishPasswordFreeOff(run);
    const result = resultOf(run);
    expect(result.mistakes.wrongPassword).toBe(3);
    expect(result.notes.map(({ what, lockedOut }) => [what, lockedOut])).toEqual([
      ['00', undefined],
      ['00', undefined],
      ['00', true],
    ]);
    expect(result.breakdown).toMatchObject({ time: 20, score: 100 - 30 - 20 });
  });

  it('a wrong texted code (短信验证) and a wrong test-card PIN are wrong passwords too', () => {
    const p4 = start('p4-unbind-settlement-card');
    p4.press('菜单');
    p4.type(PASSWORD);
    p4.press('确认');
    p4.sim.select('绑定管理');
    p4.sim.select('结算卡');
    p4.press('确认', '1', '确认');
    expect(p4.sim.session.activeStates()).toContain('smsVerification.entering');
    const code = p4.sim.sms()?.code ?? '';
    const wrong = code === '000000' ? '111111' : '000000';
    p4.type(wrong);
    p4.press('确认');
    p4.type(wrong);
    p4.press('确认');
    expect(p4.tracker.mistakeCounts().wrongPassword).toBe(2);
    p4.type(code);
    p4.press('确认');
    p4.sim.advance(5_000);
    expect(resultOf(p4)).toMatchObject({ goalReached: true, mistakes: { ...noMistakes, wrongPassword: 2 } });
    expect(resultOf(p4).notes).toMatchObject([
      { what: 'sms code', where: { zh: '结算卡', en: 'Settlement card' } },
      { what: 'sms code', where: { zh: '结算卡', en: 'Settlement card' } },
    ]);
    p4.stop();

    const p5 = start('p5-prove-password-free-off');
    openPasswordFree(p5);
    finishPasswordFreeOff(p5);
    p5.press('确认', '1', '0', '0', '0', '确认', '1');
    expect(p5.sim.session.activeStates()).toContain('sale.pin');
    p5.type('975319');
    p5.press('确认');
    p5.sim.advance(2_000);
    expect(p5.tracker.mistakeCounts().wrongPassword).toBe(1);
    p5.type('147258');
    p5.press('确认');
    p5.sim.advance(2_000);
    expect(resultOf(p5)).toMatchObject({ goalReached: true, mistakes: { ...noMistakes, wrongPassword: 1 }, notes: [{ what: 'card PIN' }] });
  });

  it('on the phone: a wrong payment password is a wrong password, named by the wallet; a wallet page the task does not need is a detour', () => {
    const run = start('p2-phone-wechat-off');
    const { phone } = run.sim;
    // 银行卡 is no part of switching 免密 off.
    const home = () => {
      while (phone.states().join() !== 'phone.home') phone.press('取消');
    };
    phone.select('微信');
    phone.select('银行卡');
    home();
    phone.select('微信');
    phone.select('免密支付');
    phone.press('确认');
    phone.type('111111');
    phone.type('112233');
    expect(phone.screen()).toContain('已关闭小额免密支付');
    home();
    run.press('确认');
    run.type('1000');
    run.press('确认', '3', '2');
    phone.type('112233');
    run.sim.advance(2000);
    const result = resultOf(run);
    expect(result).toMatchObject({ goalReached: true, mistakes: { ...noMistakes, wrongPassword: 1, detour: 1 } });
    expect(result.notes).toMatchObject([
      { kind: 'detour', what: 'walletCards' },
      { kind: 'wrongPassword', what: 'wallet password', where: { zh: '微信', en: 'WeChat' } },
    ]);
    expect(noteText(result.notes[1] as MistakeNote, 'zh')).toBe('密码错误：手机上微信的支付密码');
    expect(noteText(result.notes[1] as MistakeNote, 'en')).toBe('Wrong password: the WeChat payment password on the phone');
  });

  it('on the phone: the hint follows the phone while an app is open on it, and the terminal while the phone is at home', () => {
    const run = start('p2-phone-wechat-off');
    expect(run.tracker.showHint()).toMatch(/^按 Tab 键切换到顾客的手机/);
    run.sim.phone.select('微信');
    expect(run.tracker.showHint()).toMatch(/^依次进入 我 → 服务/);
    run.sim.phone.select('免密支付');
    expect(run.tracker.showHint()).toBe('按[确认]关闭小额免密支付。');
    run.sim.phone.press('确认');
    expect(run.tracker.showHint()).toBe('输入微信的支付密码 112233。');
  });

  it("on the phone: 取消 inside a wallet's flow is a cancelled step, named by the phone's screen; 取消 on its first screen and in the wallet's menus is not", () => {
    const run = start('p3-phone-close-cards');
    const { phone } = run.sim;
    phone.select('云闪付');
    phone.select('我的');
    phone.select('卡片管理');
    run.phonePress('1', '确认');
    expect(phone.states()).toContain('walletCards.confirming');
    run.phonePress('取消'); // gives up closing the card's service: a cancelled step
    expect(phone.states()).toContain('walletCards.detail');
    run.phonePress('取消', '取消'); // backs out of the card's page (another), then out of the card list (its first screen)
    run.phonePress('取消', '取消'); // out of 我的, out of the app: the wallet's menus
    expect(phone.states()).toEqual(['phone.home']);
    const result = run.tracker.end();
    expect(result.mistakes).toEqual({ ...noMistakes, cancelledStep: 2 });
    expect(result.notes).toEqual([
      {
        kind: 'cancelledStep',
        atMs: 0,
        what: 'walletCards.confirming',
        where: { zh: '确认关闭该卡的云闪付服务？', en: "Close this card's UnionPay service?" },
      },
      // A page the step goes through is named by its title.
      { kind: 'cancelledStep', atMs: 0, what: 'walletCards.detail', where: { zh: '建设银行', en: 'China Construction Bank' } },
    ]);
  });

  it('on the phone: once the practice is over, the phone takes no more keys either', () => {
    const run = start('p3-phone-close-cards');
    playWalkthrough(run);
    resultOf(run);
    const before = run.sim.phone.states();
    run.phonePress('取消');
    expect(run.sim.phone.states()).toEqual(before);
  });

  it('取消 inside a detour is part of the detour, not also a cancelled step (a task whose flows leave out 设置)', () => {
    const run = start({ ...task('p1-deregister-unionpay'), flows: ['passwordPrompt', 'bindingManagement'] });
    run.press('菜单');
    run.type(PASSWORD);
    run.press('确认');
    run.sim.select('绑定管理');
    run.sim.select('云闪付');
    expect(run.sim.session.activeStates()).toContain('bindingManagement.detail');
    run.press('取消');
    expect(run.tracker.end().mistakes).toEqual({ ...noMistakes, detour: 1 });
  });

  it('a detour into a flow the task does not go through costs 5, once per visit; leaving it is not also a cancelled step', () => {
    const run = start('p2-password-free-off');
    run.press('菜单');
    run.type(PASSWORD);
    run.press('确认');
    run.sim.select('修改密码');
    expect(run.tracker.mistakeCounts().detour).toBe(1);
    run.press('取消');
    expect(run.sim.session.activeStates()).toContain('settings.menu');
    run.sim.select('支付方式管理');
    run.sim.select('免密支付');
    finishPasswordFreeOff(run);
    const result = resultOf(run);
    expect(result.mistakes).toEqual({ ...noMistakes, detour: 1 });
    expect(result.notes).toMatchObject([{ kind: 'detour', what: 'changePassword', where: { zh: '修改密码', en: 'Change password' } }]);
    expect(result.breakdown.score).toBe(95);
  });

  it('starting a sale from home is a detour in P1, named by the screen it led to', () => {
    const run = start('p1-deregister-unionpay');
    run.press('确认');
    run.press('取消');
    expect(run.tracker.mistakeCounts()).toEqual({ ...noMistakes, detour: 1 });
    expect(run.tracker.end().notes).toMatchObject([{ kind: 'detour', what: 'sale', where: { zh: '收款', en: 'Sale' } }]);
    expect(run.sim.session.activeStates()).toContain('device.home');
  });

  it('取消 inside a flow is a cancelled step (5); 取消 in the settings menu or on a notice screen is not', () => {
    const run = start('p2-password-free-off');
    run.press('菜单');
    run.press('取消'); // gives up at the password prompt: a cancelled step
    expect(run.tracker.mistakeCounts().cancelledStep).toBe(1);
    run.press('菜单');
    run.type(PASSWORD);
    run.press('确认');
    run.sim.select('支付方式管理');
    run.press('取消'); // leaves the sub-menu: navigation
    run.sim.select('支付方式管理');
    run.sim.select('免密支付');
    run.send({ type: 'NETWORK_DOWN' });
    run.sim.select('开启免密支付');
    run.sim.select('保存设置');
    expect(run.sim.session.activeStates()).toContain('passwordFree.offline');
    run.press('取消'); // acknowledges 网络连接失败: 确认 would do the same
    run.send({ type: 'NETWORK_UP' });
    run.sim.select('保存设置');
    run.type(PASSWORD);
    run.press('确认');
    run.press('确认');
    run.sim.advance(RESTART_MS);
    const result = resultOf(run);
    expect(result.mistakes).toEqual({ ...noMistakes, cancelledStep: 1 });
    expect(result.notes).toMatchObject([
      { kind: 'cancelledStep', what: 'passwordPrompt.entering', where: { zh: '请输入密码', en: 'Enter password' } },
    ]);
    expect(result.breakdown.score).toBe(95);
  });

  it('ending with a change still pending is a forgotten restart (20), and the goal is not reached: score 0', () => {
    const run = start('p2-password-free-off');
    openPasswordFree(run);
    untickAndSave(run);
    run.press('取消'); // 稍后: restart later
    run.press('取消', '取消', '取消');
    expect(run.sim.session.activeStates()).toContain('device.home');
    const result = run.tracker.end();
    expect(result).toMatchObject({ goalReached: false, endedBy: 'quit', mistakes: { ...noMistakes, forgottenRestart: 1 } });
    expect(result.breakdown).toMatchObject({ mistakes: { forgottenRestart: 20, cancelledStep: 0 }, score: 0 });
    // 稍后 on the restart question is an answer, not a step given up (the README's own route goes on
    // with the power key); the setting left pending is named by its menu item.
    expect(result.notes).toMatchObject([
      { kind: 'forgottenRestart', what: 'passwordFree.pending', where: { zh: '免密支付', en: 'Password-free payment' } },
    ]);
  });

  it('a pending change left behind counts even when the goal is reached (P1 after a detour into 免密支付)', () => {
    const run = start('p1-deregister-unionpay');
    openPasswordFree(run);
    untickAndSave(run);
    run.press('取消', '取消'); // later; leave 免密支付 (a detour's keys are not cancelled steps)
    run.press('取消'); // out of the 支付方式管理 sub-menu
    run.sim.select('绑定管理');
    run.sim.select('云闪付');
    run.press('确认', '确认');
    run.type(PASSWORD);
    run.press('确认');
    const result = resultOf(run);
    expect(result.goalReached).toBe(true);
    expect(result.mistakes).toEqual({ ...noMistakes, detour: 1, forgottenRestart: 1 });
    expect(result.breakdown.score).toBe(75);
  });

  it('取消 on a question names the screen by its question, at the time on the device clock', () => {
    const run = start('p1-deregister-unionpay');
    run.press('菜单');
    run.type(PASSWORD);
    run.press('确认');
    run.sim.select('绑定管理');
    run.sim.select('云闪付');
    run.press('确认');
    expect(run.sim.session.activeStates()).toContain('bindingManagement.confirming');
    run.sim.advance(45_000);
    run.press('取消');
    expect(run.tracker.end().notes).toEqual([
      {
        kind: 'cancelledStep',
        atMs: 45_000,
        what: 'bindingManagement.confirming',
        where: { zh: '确认关闭 云闪付服务？', en: 'Close the UnionPay QuickPass app service?' },
      },
    ]);
  });

  it('once over, the device takes no more keys and nothing more is counted', () => {
    const run = start('p1-deregister-unionpay');
    playWalkthrough(run);
    const result = resultOf(run);
    const screen = run.sim.screen();
    run.press('取消', '取消', '菜单');
    expect(run.sim.screen()).toBe(screen);
    expect(run.tracker.result()).toBe(result);
    expect(run.tracker.end()).toBe(result);
  });
});

describe('hints', () => {
  it('count once per new hint, and go away when the device moves on', () => {
    const run = start('p1-deregister-unionpay');
    expect(run.tracker.showHint()).toBe('按[菜单]键(键盘 m)进入设置。');
    expect(run.tracker.showHint()).toBe('按[菜单]键(键盘 m)进入设置。');
    expect(run.tracker.hintCount()).toBe(1);
    run.press('菜单');
    expect(run.tracker.hint()).toBeUndefined();
    expect(run.tracker.showHint()).toBe('输入主管密码(出厂密码 123456)，按[确认]。');
    expect(run.tracker.hintCount()).toBe(2);
    run.type(PASSWORD);
    run.press('确认');
    run.sim.select('绑定管理');
    run.sim.select('云闪付');
    run.press('确认', '确认');
    run.type(PASSWORD);
    run.press('确认');
    const result = resultOf(run);
    expect(result.hintsUsed).toBe(2);
    expect(result.breakdown).toMatchObject({ hints: 10, score: 90 });
    expect(run.tracker.showHint()).toBeUndefined();
  });

  it('speak the language of the device', () => {
    const run = start('p1-deregister-unionpay', 'en');
    expect(run.tracker.showHint()).toBe('Press MENU (key m) to open the settings.');
  });
});
