// P4 · 解绑 with a texted code (merchant account, settlement card) and P3 · 关闭服务 confirmed by a
// texted code, played key by key on the headless simulator: what the device shows, what the phone
// receives, and what the flash holds after each step.
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { DevicePort, SmsCheck, SmsPurpose } from '../../menus/device-port.js';
import { smsVerificationMachine } from '../../menus/sms-verification.js';
import { UNBIND_REVIEW_MS } from '../../menus/funds-transfer.js';
import { SETTLEMENT_MS } from '../../menus/unbind.js';
import { SteppingClock } from '../../src/device/simulated-clock.js';
import { BOOT_MS, createSimulator, type Simulator } from '../../src/index.js';
import { memoryMedium } from '../../src/store/flash-medium.js';

const PASSWORD = '123456';
const SMS_PROFILE = 'fixtures/walkthroughs/profiles/unionpay-sms.json';
const FIVE_MINUTES = 5 * 60_000;

const display = (sim: Simulator) => sim.session.matchText();
const states = (sim: Simulator) => sim.session.activeStates();
const bindingIds = (sim: Simulator) => sim.store.snapshot().bindings.map((binding) => binding.id);
const actions = (sim: Simulator) => sim.store.snapshot().records.map((record) => record.action);

/** The code on the phone; fails the test when the phone has none. */
const codeOnPhone = (sim: Simulator): string => {
  const sms = sim.sms();
  if (!sms) throw new Error('the phone has received no SMS');
  return sms.code;
};
/** Six digits that are not the code on the phone. */
const wrongCode = (sim: Simulator) => (codeOnPhone(sim) === '000000' ? '111111' : '000000');

/** 设置 → 绑定管理 → `name`'s details. */
const openDetail = (sim: Simulator, name: string) => {
  sim.press('菜单');
  sim.type(PASSWORD);
  sim.press('确认');
  sim.select('绑定管理');
  sim.select(name);
};

/** From the details of an account: 解绑, reason `reasonDigit`, 提交; the device asks for the code. */
const submitUnbind = (sim: Simulator, name: string, reasonDigit = '1') => {
  openDetail(sim, name);
  sim.press('确认', reasonDigit, '确认');
};

describe('解绑 with a texted code (P4)', () => {
  it('unbinds the settlement card: reason, details, submit, SMS, code, 资金清算, 商户信息已更新, recorded', () => {
    const sim = createSimulator();
    openDetail(sim, '结算卡');
    expect(display(sim)).toContain('按[确认]解绑');
    expect(display(sim)).not.toContain('验证方式');

    sim.press('确认');
    expect(states(sim)).toEqual(expect.arrayContaining(['bindingManagement.unbinding', 'unbind.reason']));
    expect(sim.title()).toBe('解绑');
    expect(display(sim)).toContain('请选择解绑原因');
    expect(sim.screen()).toContain('> 1.更换结算账户');
    expect(sim.screen()).toContain('  2.商户停业');
    expect(sim.screen()).toContain('  3.其他');

    sim.press('1');
    expect(sim.title()).toBe('解绑申请');
    expect(display(sim)).toContain('账号：6222 **** **** 1234');
    expect(display(sim)).toContain('解绑原因：更换结算账户');
    expect(display(sim)).toContain('验证码将发送至 138****1234');
    expect(sim.screen()).not.toContain('6222020402071234');
    expect(sim.sms()).toBeUndefined();

    sim.press('确认');
    expect(states(sim)).toEqual(expect.arrayContaining(['unbind.verifying', 'smsVerification.entering']));
    expect(sim.title()).toBe('短信验证');
    expect(display(sim)).toContain('验证码已发送至 138****1234');
    expect(display(sim)).toContain('5分0秒内有效');
    const sms = sim.sms();
    expect(sms).toMatchObject({ from: '95534', to: '13812341234', at: sim.store.now() });
    expect(sms?.code).toMatch(/^\d{6}$/);
    expect(sms?.text).toBe(`【银联商务】您的验证码为${sms?.code}，5分钟内有效，请勿泄露。`);
    // The code is on the phone, never on the device.
    expect(sim.screen()).not.toContain(sms?.code);

    sim.type(codeOnPhone(sim));
    expect(sim.screen()).toContain('******_');
    expect(sim.screen()).not.toContain(codeOnPhone(sim));
    sim.press('确认');
    expect(states(sim)).toContain('unbind.settling');
    expect(display(sim)).toContain('正在进行资金清算...');
    expect(sim.session.screen().progress).toBe(0);
    // Nothing is removed until the funds have settled.
    expect(bindingIds(sim)).toContain('settlement-card');

    sim.advance(SETTLEMENT_MS / 2);
    expect(sim.session.screen().progress).toBe(0.5);
    expect(bindingIds(sim)).toContain('settlement-card');
    sim.advance(SETTLEMENT_MS / 2);
    expect(states(sim)).toContain('unbind.unbound');
    expect(sim.title()).toBe('解绑成功');
    expect(display(sim)).toContain('商户信息已更新');
    expect(display(sim)).toContain('结算卡 6222 **** **** 1234 已解绑');
    expect(bindingIds(sim)).toEqual(['merchant', 'unionpay-qr', 'wechat-pay', 'alipay']);
    expect(sim.store.snapshot().records).toEqual([
      {
        at: new Date(sim.store.now()).toISOString(),
        operator: '00',
        action: 'unbind',
        subject: '结算卡 6222 **** **** 1234 解绑原因：更换结算账户',
      },
    ]);

    // 更换结算账户: straight on to binding the new card; 取消 there leaves the terminal without one.
    sim.press('确认');
    expect(states(sim)).toContain('bind.number');
    expect(sim.title()).toBe('绑定结算卡');
    sim.press('取消');
    expect(states(sim)).toContain('bindingManagement.list');
    expect(sim.screen()).not.toContain('结算卡 ');

    sim.powerCycle();
    sim.advance(BOOT_MS);
    expect(bindingIds(sim)).not.toContain('settlement-card');
  });

  it.each([
    { keys: ['2'], reason: '商户停业' },
    { keys: ['3'], reason: '其他' },
    { keys: ['下', '确认'], reason: '商户停业' },
    { keys: ['上', '确认'], reason: '其他' },
    { keys: ['确认'], reason: '更换结算账户' },
  ])('unbinds the merchant account with the reason picked by $keys ($reason)', ({ keys, reason }) => {
    const sim = createSimulator();
    openDetail(sim, '商户账号');
    sim.press('确认', ...keys);
    expect(states(sim)).toContain('unbind.review');
    expect(display(sim)).toContain(`解绑原因：${reason}`);
    expect(display(sim)).toContain('账号：898310058120134');
    sim.press('确认');
    sim.type(codeOnPhone(sim));
    sim.press('确认');
    sim.advance(SETTLEMENT_MS);
    expect(bindingIds(sim)).not.toContain('merchant');
    expect(sim.store.snapshot().records.at(-1)?.subject).toBe(`商户账号 898310058120134 解绑原因：${reason}`);
  });

  it('a wrong code says how many tries are left; three make the code void; a new code works, the old one not', () => {
    const sim = createSimulator();
    submitUnbind(sim, '结算卡');
    const first = codeOnPhone(sim);
    sim.type(wrongCode(sim));
    sim.press('确认');
    expect(states(sim)).toContain('smsVerification.entering');
    expect(display(sim)).toContain('验证码错误，还可尝试2次');
    expect(sim.screen()).toContain('\n  _');

    // Fewer than six digits: 确认 does nothing; 清除 takes digits back.
    sim.type('12');
    sim.press('确认');
    expect(sim.screen()).toContain('**_');
    sim.press('清除');
    expect(sim.screen()).toContain('*_');
    sim.press('清除', '清除');
    expect(sim.screen()).toContain('\n  _');
    sim.type('1234567');
    expect(sim.screen()).toContain('******_');
    sim.press('清除', '清除', '清除', '清除', '清除', '清除');

    sim.type(wrongCode(sim));
    sim.press('确认');
    expect(display(sim)).toContain('验证码错误，还可尝试1次');
    sim.type(wrongCode(sim));
    sim.press('确认');
    expect(states(sim)).toContain('smsVerification.expired');
    expect(display(sim)).toContain('验证码错误次数过多，请重新获取');
    expect(bindingIds(sim)).toContain('settlement-card');

    sim.press('确认');
    expect(states(sim)).toContain('smsVerification.entering');
    expect(display(sim)).not.toContain('验证码错误');
    const second = codeOnPhone(sim);
    expect(second).not.toBe(first);
    sim.type(first);
    sim.press('确认');
    expect(display(sim)).toContain('验证码错误，还可尝试2次');
    sim.type(second);
    sim.press('确认');
    sim.advance(SETTLEMENT_MS);
    expect(bindingIds(sim)).not.toContain('settlement-card');
    expect(actions(sim)).toEqual(['unbind']);
  });

  it('a code is good for 5 minutes on the device clock, counting down on screen; then it must be sent again', () => {
    const sim = createSimulator();
    submitUnbind(sim, '结算卡');
    sim.advance(FIVE_MINUTES - 61_000);
    expect(display(sim)).toContain('1分1秒内有效');
    sim.advance(60_000);
    expect(display(sim)).toContain('1秒内有效');
    expect(states(sim)).toContain('smsVerification.entering');
    sim.advance(1000);
    expect(states(sim)).toContain('smsVerification.expired');
    expect(sim.title()).toBe('短信验证');
    expect(display(sim)).toContain('验证码已过期，请重新获取');
    expect(display(sim)).toContain('按[确认]重新获取验证码');
    const expired = codeOnPhone(sim);

    sim.press('确认');
    expect(display(sim)).toContain('5分0秒内有效');
    expect(codeOnPhone(sim)).not.toBe(expired);
    sim.type(codeOnPhone(sim));
    sim.press('确认');
    expect(states(sim)).toContain('unbind.settling');
  });

  it('the right code typed just in time is accepted', () => {
    const sim = createSimulator();
    submitUnbind(sim, '结算卡');
    sim.type(codeOnPhone(sim));
    sim.advance(FIVE_MINUTES - 1);
    sim.press('确认');
    expect(states(sim)).toContain('unbind.settling');
  });

  it('a wrong code keeps the countdown running from when the code was sent', () => {
    const sim = createSimulator();
    submitUnbind(sim, '结算卡');
    sim.advance(FIVE_MINUTES - 10_000);
    sim.type(wrongCode(sim));
    sim.press('确认');
    expect(display(sim)).toContain('10秒内有效');
    sim.advance(10_000);
    expect(states(sim)).toContain('smsVerification.expired');
  });

  it('headless runs text the same codes every time', () => {
    const codes = () => {
      const sim = createSimulator();
      submitUnbind(sim, '结算卡');
      const first = codeOnPhone(sim);
      sim.advance(FIVE_MINUTES);
      sim.press('确认');
      const second = codeOnPhone(sim);
      sim.stop();
      return [first, second];
    };
    expect(codes()).toEqual(codes());
  });

  it('a power cut during 资金清算 leaves the card bound', () => {
    const sim = createSimulator();
    submitUnbind(sim, '结算卡');
    sim.type(codeOnPhone(sim));
    sim.press('确认');
    sim.advance(SETTLEMENT_MS - 1);
    sim.powerCut();
    sim.advance(BOOT_MS + SETTLEMENT_MS);
    expect(states(sim)).toEqual(['device.home']);
    expect(bindingIds(sim)).toContain('settlement-card');
    expect(sim.store.snapshot().records).toEqual([]);
  });

  describe('取消 goes back one step and changes nothing', () => {
    it.each([
      { at: 'the reasons', keys: [], backTo: 'bindingManagement.detail' },
      { at: 'the review', keys: ['1'], backTo: 'unbind.reason' },
      { at: 'the code', keys: ['1', '确认'], backTo: 'unbind.review' },
      { at: 'a code half typed', keys: ['1', '确认', '1', '2', '3'], backTo: 'unbind.review' },
      { at: 'an expired code', keys: ['1', '确认', 'wait'], backTo: 'unbind.review' },
    ])('取消 at $at goes back to $backTo', ({ keys, backTo }) => {
      const sim = createSimulator();
      openDetail(sim, '结算卡');
      sim.press('确认');
      const before = sim.store.snapshot();
      for (const key of keys) {
        if (key === 'wait') sim.advance(FIVE_MINUTES);
        else sim.press(key);
      }
      sim.press('取消');
      expect(states(sim)).toContain(backTo);
      expect(sim.store.snapshot()).toEqual(before);
      while (!states(sim).includes('device.home')) sim.press('取消');
      expect(sim.store.snapshot()).toEqual(before);
    });
  });

  describe('offline, 解绑 is refused and nothing changes', () => {
    it('offline at submit: 网络连接失败, no code is texted', () => {
      const sim = createSimulator({ fixture: 'offline' });
      submitUnbind(sim, '结算卡');
      expect(states(sim)).toContain('unbind.offline');
      expect(sim.title()).toBe('网络连接失败');
      expect(display(sim)).toContain('网络连接失败，无法解绑。请检查网络后重试，未做任何修改。');
      expect(sim.sms()).toBeUndefined();
      expect(bindingIds(sim)).toHaveLength(5);
      sim.press('确认');
      expect(states(sim)).toContain('unbind.review');
      sim.press('确认');
      sim.press('取消');
      expect(states(sim)).toContain('unbind.review');
    });

    it('the network drops while the code is typed: 确认 is refused, the code is not used up', () => {
      const sim = createSimulator();
      submitUnbind(sim, '结算卡');
      sim.networkDown();
      sim.type(codeOnPhone(sim));
      sim.press('确认');
      expect(states(sim)).toContain('unbind.offline');
      expect(bindingIds(sim)).toContain('settlement-card');
      sim.networkUp();
      sim.press('确认', '确认');
      sim.type(codeOnPhone(sim));
      sim.press('确认');
      expect(states(sim)).toContain('unbind.settling');
    });

    it('the network drops during 资金清算: refused at the end, the card stays bound', () => {
      const sim = createSimulator();
      submitUnbind(sim, '结算卡');
      sim.type(codeOnPhone(sim));
      sim.press('确认');
      sim.networkDown();
      sim.advance(SETTLEMENT_MS);
      expect(states(sim)).toContain('unbind.offline');
      expect(bindingIds(sim)).toContain('settlement-card');
      expect(sim.store.snapshot().records).toEqual([]);
    });

    it('offline when asking for a new code: none is sent', () => {
      const sim = createSimulator();
      submitUnbind(sim, '结算卡');
      const first = sim.sms();
      sim.advance(FIVE_MINUTES);
      sim.networkDown();
      sim.press('确认');
      expect(states(sim)).toContain('unbind.offline');
      expect(sim.sms()).toEqual(first);
    });
  });
});

describe('解绑 is reviewed (审核), and the funds move later (资金已划转), on the device clock', () => {
  /** 解绑 of the settlement card for 其他, to the end of 资金清算, then home. */
  const unbindCard = (sim: Simulator) => {
    submitUnbind(sim, '结算卡', '3');
    sim.type(codeOnPhone(sim));
    sim.press('确认');
    sim.advance(SETTLEMENT_MS);
  };
  const applications = (sim: Simulator) => sim.store.snapshot().unbindApplications;

  it('says the application goes to review and when the funds will have moved; home says so until they have', () => {
    const sim = createSimulator();
    unbindCard(sim);
    const submitted = sim.store.now();
    expect(display(sim)).toContain('解绑申请已提交审核');
    expect(display(sim)).toContain('审核通过后资金划转至指定账户，预计11:00前完成');
    expect(applications(sim)).toEqual([
      {
        subject: '结算卡 6222 **** **** 1234',
        kind: 'settlementCard',
        reason: 'other',
        operator: '00',
        submittedAt: submitted,
        reviewedAt: submitted + UNBIND_REVIEW_MS,
      },
    ]);
    sim.press('确认', '取消', '取消');
    expect(states(sim)).toEqual(['device.home']);
    expect(display(sim)).toContain('解绑审核中，11:00前资金划转');

    sim.advance(UNBIND_REVIEW_MS - SETTLEMENT_MS - 1);
    expect(actions(sim)).toEqual(['unbind']);
    expect(applications(sim)[0]?.transferredAt).toBeUndefined();
    sim.advance(SETTLEMENT_MS + 1);
    expect(applications(sim)[0]?.transferredAt).toBe(submitted + UNBIND_REVIEW_MS);
    expect(sim.store.snapshot().records.at(-1)).toEqual({
      at: new Date(submitted + UNBIND_REVIEW_MS).toISOString(),
      operator: 'system',
      action: 'fundsTransferred',
      subject: '结算卡 6222 **** **** 1234 解绑审核通过',
    });
    expect(display(sim)).toContain('解绑审核通过，资金已划转');
    expect(display(sim)).not.toContain('解绑审核中');
    // The next day the home screen is as before.
    sim.advance(24 * 60 * 60_000);
    expect(display(sim)).not.toContain('资金已划转');
  });

  it('with two applications under review, home names the one whose funds move first, then the other', () => {
    const sim = createSimulator();
    unbindCard(sim);
    sim.press('确认', '取消', '取消');
    sim.advance(30 * 60_000);
    submitUnbind(sim, '商户账号', '3');
    sim.type(codeOnPhone(sim));
    sim.press('确认');
    sim.advance(SETTLEMENT_MS);
    sim.press('确认', '取消', '取消');
    expect(applications(sim).map((application) => application.transferredAt)).toEqual([undefined, undefined]);
    expect(display(sim)).toContain('解绑审核中，11:00前资金划转');
    sim.advance((applications(sim)[0]?.reviewedAt ?? 0) - sim.store.now());
    expect(display(sim)).toContain('解绑审核中，11:30前资金划转');
  });

  it('a power cut, or a new start of pos-sim on the same data, does not stop a review', () => {
    const medium = memoryMedium();
    const first = createSimulator({ medium });
    unbindCard(first);
    first.powerCut();
    first.advance(BOOT_MS);
    expect(display(first)).toContain('解绑审核中');
    first.stop();
    // pos-sim started again an hour later, on the data the first one left.
    const again = createSimulator({ medium, startTime: first.store.now() + 60 * 60_000 });
    expect(display(again)).toContain('解绑审核中');
    again.advance(UNBIND_REVIEW_MS - 60 * 60_000);
    expect(display(again)).toContain('资金已划转');
    expect(actions(again)).toEqual(['unbind', 'fundsTransferred']);
  });

  it('a review that ended while pos-sim was not running moves the funds as it starts', () => {
    const medium = memoryMedium();
    const first = createSimulator({ medium });
    unbindCard(first);
    first.stop();
    const later = createSimulator({ medium, startTime: first.store.now() + UNBIND_REVIEW_MS });
    expect(actions(later)).toEqual(['unbind', 'fundsTransferred']);
  });

  it('two applications are reviewed each in its own time, the first first', () => {
    const sim = createSimulator();
    unbindCard(sim);
    sim.press('确认', '取消', '取消');
    sim.advance(60 * 60_000);
    submitUnbind(sim, '商户账号', '2');
    sim.type(codeOnPhone(sim));
    sim.press('确认');
    sim.advance(SETTLEMENT_MS);
    expect(display(sim)).toContain('预计12:00前完成');
    sim.advance(UNBIND_REVIEW_MS - 60 * 60_000);
    expect(applications(sim).map((application) => application.transferredAt !== undefined)).toEqual([true, false]);
    sim.advance(60 * 60_000);
    expect(applications(sim).map((application) => application.transferredAt !== undefined)).toEqual([true, true]);
    expect(
      sim.store
        .snapshot()
        .records.filter((record) => record.action === 'fundsTransferred')
        .map((record) => record.subject),
    ).toEqual(['结算卡 6222 **** **** 1234 解绑审核通过', '商户账号 898310058120134 解绑审核通过']);
  });

  it('the detail screens name the other routes: 客服 or the counter for 解绑, 客服 for 注销 and a lost terminal', () => {
    const sim = createSimulator();
    openDetail(sim, '结算卡');
    expect(display(sim)).toContain('也可致电客服95534或到银行柜台申请解绑，需审核');
    expect(display(sim)).not.toContain('挂失');
    sim.press('取消');
    sim.select('商户账号');
    expect(display(sim)).toContain('终端丢失：请致电客服95534挂失');
    sim.press('取消');
    sim.select('微信支付');
    expect(display(sim)).toContain('也可致电客服95534注销');
  });
});

describe('关闭服务 confirmed with a texted code (P3)', () => {
  it('closes 云闪付 on a profile that asks for a code: effects, backup reminder, SMS, 云闪付服务已关闭, recorded', () => {
    const sim = createSimulator({ fixture: SMS_PROFILE });
    openDetail(sim, '云闪付');
    expect(display(sim)).toContain('验证方式：短信验证码');
    expect(display(sim)).toContain('按[确认]关闭服务');
    sim.press('确认');
    expect(display(sim)).toContain('确认关闭 云闪付服务？');
    expect(display(sim)).toContain('关闭后本机将不能再受理云闪付付款；已完成的交易不受影响。');
    expect(display(sim)).toContain('注销前请确认已备份POS机上的数据');
    sim.press('确认');
    expect(states(sim)).toEqual(expect.arrayContaining(['bindingManagement.verifyingCode', 'smsVerification.entering']));
    expect(states(sim)).not.toContain('passwordPrompt.entering');
    expect(display(sim)).toContain('验证码已发送至 138****1234');
    expect(sim.sms()?.text).toMatch(/^【银联商务】您的验证码为\d{6}，5分钟内有效，请勿泄露。$/);

    sim.type(wrongCode(sim));
    sim.press('确认');
    expect(display(sim)).toContain('验证码错误，还可尝试2次');
    expect(bindingIds(sim)).toContain('unionpay-qr');
    sim.type(codeOnPhone(sim));
    sim.press('确认');
    expect(states(sim)).toContain('bindingManagement.deregistered');
    expect(display(sim)).toContain('云闪付服务已关闭');
    expect(bindingIds(sim)).not.toContain('unionpay-qr');
    expect(sim.store.snapshot().records).toEqual([
      { at: new Date(sim.store.now()).toISOString(), operator: '00', action: 'deregister', subject: '云闪付 898310058120134' },
    ]);
    sim.press('确认');
    expect(sim.screen()).not.toContain('云闪付');
  });

  it('取消 at the code or at an expired code goes back one step, to the confirmation; nothing changes', () => {
    const sim = createSimulator();
    openDetail(sim, '支付宝');
    const before = sim.store.snapshot();
    sim.press('确认', '确认');
    expect(states(sim)).toContain('smsVerification.entering');
    sim.press('取消');
    expect(states(sim)).toContain('bindingManagement.confirming');
    sim.press('确认');
    sim.advance(FIVE_MINUTES);
    expect(display(sim)).toContain('验证码已过期，请重新获取');
    sim.press('取消');
    expect(states(sim)).toContain('bindingManagement.confirming');
    expect(sim.store.snapshot()).toEqual(before);
  });

  it('offline, no code is sent or checked: 网络连接失败 and nothing changes', () => {
    const sim = createSimulator();
    openDetail(sim, '支付宝');
    sim.press('确认', '确认');
    sim.networkDown();
    sim.type(codeOnPhone(sim));
    sim.press('确认');
    expect(states(sim)).toContain('bindingManagement.offline');
    expect(display(sim)).toContain('网络连接失败，无法注销');
    const sent = sim.sms();
    sim.press('确认', '确认', '确认');
    expect(states(sim)).toContain('bindingManagement.offline');
    expect(sim.sms()).toEqual(sent);
    expect(bindingIds(sim)).toContain('alipay');
  });
});

describe('the 短信验证 machine on its own', () => {
  /** A port that only texts and checks codes; everything else fails the test if called. */
  const fakePort = (checks: SmsCheck[]) => {
    const calls: string[] = [];
    const clock = new SteppingClock(0);
    const port = new Proxy({} as DevicePort, {
      get: (_, name: string) => {
        switch (name) {
          case 'now':
            return () => clock.now();
          case 'isOnline':
            return () => true;
          case 'sendSmsCode':
            return (purpose: SmsPurpose) => {
              calls.push(`send ${purpose}`);
              return { phone: '13812341234', expiresAt: clock.now() + 1000 };
            };
          case 'checkSmsCode':
            return (code: string) => {
              calls.push(`check ${code}`);
              return checks.shift() ?? { result: 'accepted' };
            };
          default:
            throw new Error(`the machine called port.${name}`);
        }
      },
    });
    return { port, calls, clock };
  };

  it('never sees the code: it texts through the port and lets the port judge what was typed', () => {
    const { port, calls, clock } = fakePort([{ result: 'wrong', attemptsLeft: 1 }, { result: 'accepted' }]);
    const actor = createActor(smsVerificationMachine, { input: { port, purpose: 'closeService' }, clock }).start();
    expect(actor.getSnapshot().value).toBe('entering');
    for (const digit of '654321') actor.send({ type: 'DIGIT', digit: digit as '1' });
    actor.send({ type: 'ENTER' });
    expect(actor.getSnapshot().value).toBe('entering');
    expect(actor.getSnapshot().context.lastCheck).toEqual({ result: 'wrong', attemptsLeft: 1 });
    for (const digit of '111111') actor.send({ type: 'DIGIT', digit: digit as '1' });
    actor.send({ type: 'ENTER' });
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().output).toEqual({ result: 'verified' });
    expect(calls).toEqual(['send closeService', 'check 654321', 'check 111111']);
  });

  it('runs out on the actor clock and texts again on 确认; 取消 ends it', () => {
    const { port, calls, clock } = fakePort([]);
    const actor = createActor(smsVerificationMachine, { input: { port, purpose: 'unbind' }, clock }).start();
    clock.advance(999);
    expect(actor.getSnapshot().value).toBe('entering');
    clock.advance(1);
    expect(actor.getSnapshot().value).toBe('expired');
    actor.send({ type: 'ENTER' });
    expect(actor.getSnapshot().value).toBe('entering');
    actor.send({ type: 'CANCEL' });
    expect(actor.getSnapshot().output).toEqual({ result: 'cancelled' });
    expect(calls).toEqual(['send unbind', 'send unbind']);
  });
});
