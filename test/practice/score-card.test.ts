// The score card's list of mistakes: practices run headless on the simulated clock, each making
// mistakes on purpose, and the card saying what each was, when, in Chinese and in English — never
// with what was typed.
import { describe, expect, it } from 'vitest';
import { scoreCard } from '../../src/practice/score-card.js';
import type { PracticeResult } from '../../src/practice/tracker.js';
import { openPasswordFree, practiceStarter, resultOf, untickAndSave } from '../support/practice.js';

const PASSWORD = '123456';
const WRONG = '111111';
const PIN = '147258';
const WRONG_PIN = '975319';

const start = practiceStarter();

/** The card's mistake lines in both languages, time and text. */
const lines = (result: PracticeResult) => ({
  zh: scoreCard(result, 'zh').notes.map(({ time, text }) => `${time} ${text}`),
  en: scoreCard(result, 'en').notes.map(({ time, text }) => `${time} ${text}`),
});

describe('what each mistake was', () => {
  it('P1: a wrong password, a detour into 操作记录 and 取消 on the question, each at its time', () => {
    const run = start('p1-deregister-unionpay');
    run.sim.advance(12_000);
    run.press('菜单');
    run.type(WRONG);
    run.press('确认');
    run.type(PASSWORD);
    run.press('确认');
    run.sim.advance(19_000);
    run.sim.select('操作记录');
    run.press('取消');
    run.sim.select('绑定管理');
    run.sim.select('云闪付');
    run.press('确认');
    run.sim.advance(14_000);
    run.press('取消');
    run.press('确认', '确认');
    run.type(PASSWORD);
    run.press('确认');
    const result = resultOf(run);
    expect(result.breakdown.score).toBe(80);
    expect(lines(result)).toEqual({
      zh: ['0:12 密码错误：进入设置(操作员 00)', '0:31 走错菜单：进入了「操作记录」', '0:45 取消：在「确认关闭 云闪付服务？」按了取消'],
      en: [
        '0:12 Wrong password: opening the settings (operator 00)',
        '0:31 Detour: went into "Operation records"',
        '0:45 Cancelled: pressed Cancel at "Close the UnionPay QuickPass app service?"',
      ],
    });
  });

  it('P2: the attempt that locks the operator out says so; after 稍后 (no mistake), the restart never made', () => {
    const run = start('p2-password-free-off');
    run.press('菜单');
    for (let attempt = 0; attempt < 3; attempt += 1) {
      run.type(WRONG);
      run.press('确认');
    }
    run.sim.advance(300_000);
    run.type(PASSWORD);
    run.press('确认');
    run.sim.select('支付方式管理');
    run.sim.select('免密支付');
    untickAndSave(run);
    run.press('取消'); // 稍后
    const result = run.tracker.end();
    expect(lines(result)).toEqual({
      zh: [
        '0:00 密码错误：进入设置(操作员 00)',
        '0:00 密码错误：进入设置(操作员 00)',
        '0:00 密码错误：进入设置(操作员 00)，已锁定',
        '5:00 忘记重启：免密支付已保存但没有重启生效',
      ],
      en: [
        '0:00 Wrong password: opening the settings (operator 00)',
        '0:00 Wrong password: opening the settings (operator 00)',
        '0:00 Wrong password: opening the settings (operator 00), locked out',
        '5:00 Forgot restart: Password-free payment saved but not in force',
      ],
    });
  });

  it('P4: a wrong texted code names the binding it was for', () => {
    const run = start('p4-unbind-settlement-card');
    run.press('菜单');
    run.type(PASSWORD);
    run.press('确认');
    run.sim.select('绑定管理');
    run.sim.select('结算卡');
    run.press('确认', '1', '确认');
    const code = run.sim.sms()?.code ?? '';
    const wrong = code === '000000' ? '111111' : '000000';
    run.sim.advance(20_000);
    run.type(wrong);
    run.press('确认');
    run.type(code);
    run.press('确认');
    run.sim.advance(5_000);
    const result = resultOf(run);
    expect(lines(result)).toEqual({
      zh: ['0:20 验证码错误：结算卡的短信验证码'],
      en: ['0:20 Wrong code: the texted code for Settlement card'],
    });
    const card = JSON.stringify([scoreCard(result, 'zh'), scoreCard(result, 'en')]);
    expect(card).not.toContain(code);
    expect(card).not.toContain(wrong);
  });

  it('P5: a wrong card PIN at the sale', () => {
    const run = start('p5-prove-password-free-off');
    openPasswordFree(run);
    untickAndSave(run);
    run.press('确认');
    run.sim.advance(60_000);
    run.press('确认', '1', '0', '0', '0', '确认', '1');
    run.type(WRONG_PIN);
    run.press('确认');
    run.sim.advance(2_000);
    run.type(PIN);
    run.press('确认');
    run.sim.advance(2_000);
    const result = resultOf(run);
    // The PIN is found wrong when the bank answers, a second after 确认.
    expect(lines(result)).toEqual({ zh: ['1:01 密码错误：持卡人密码(收款)'], en: ['1:01 Wrong PIN: the cardholder PIN (sale)'] });
    expect(JSON.stringify(scoreCard(result, 'zh'))).not.toMatch(new RegExp(`${WRONG_PIN}|${PIN}`));
  });

  it('no mistakes, no lines; and never a typed password', () => {
    const run = start('p2-password-free-off');
    openPasswordFree(run);
    untickAndSave(run);
    run.press('确认');
    run.sim.advance(60_000);
    const result = resultOf(run);
    expect(scoreCard(result, 'zh').notes).toEqual([]);
    expect(JSON.stringify(scoreCard(result, 'zh'))).not.toContain(PASSWORD);
  });
});
