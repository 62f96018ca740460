// Walkthroughs and the phone: `type: $SMS_CODE` types the code of the last SMS when the step runs
// (not when the file is read), and `expect: { sms: TEXT }` checks the phone's last message.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOOT_MS, createSimulator, toKeyEvent } from '../../src/device/simulator.js';
import { setToolLang } from '../../src/i18n/tool-lang.js';
import { parseWalkthrough, WalkthroughError } from '../../src/walkthrough/parse-walkthrough.js';
import { WalkthroughRecorder } from '../../src/walkthrough/recorder.js';
import { runWalkthrough } from '../../src/walkthrough/run-walkthrough.js';

const FILE = '/tmp/sms.yaml';

const walkthrough = (steps: string, env: NodeJS.ProcessEnv = {}) =>
  parseWalkthrough(`name: sms\nfixture: default\nsteps:\n${steps}`, FILE, env);

/** The steps that take the default device to the code prompt of 解绑 结算卡. */
const TO_CODE_PROMPT = `
  - press: 菜单
  - type: "123456"
  - press: 确认
  - select: 绑定管理
  - select: 结算卡
  - press: [确认, 1, 确认]
`;

const parseError = (text: string): string => {
  try {
    parseWalkthrough(text, FILE, {});
  } catch (error) {
    expect(error).toBeInstanceOf(WalkthroughError);
    return (error as Error).message;
  }
  throw new Error('parsed, but it should not have');
};

describe('type: $SMS_CODE', () => {
  beforeEach(() => setToolLang('en'));
  afterEach(() => setToolLang('zh'));

  it('parses to a step the runner resolves, never to digits from the environment', () => {
    const parsed = walkthrough('  - type: $SMS_CODE\n', { SMS_CODE: '999999' });
    expect(parsed.steps[0]).toMatchObject({ kind: 'typeSmsCode', source: 'type: $SMS_CODE', at: { line: 4, column: 5 } });
  });

  it('other variables still come from the environment at parse time', () => {
    expect(walkthrough('  - type: $POS_SIM_PASSWORD\n', { POS_SIM_PASSWORD: '123456' }).steps[0]).toMatchObject({
      kind: 'type',
      digits: '123456',
    });
    expect(parseError('name: x\nfixture: default\nsteps:\n  - type: "12a"\n')).toContain('or $SMS_CODE for the code in the last SMS');
  });

  it('types the code the phone received when the step runs, so the device accepts it', () => {
    const result = runWalkthrough(
      walkthrough(`${TO_CODE_PROMPT}  - type: $SMS_CODE\n  - expect: "******_"\n  - press: 确认\n  - expect: { state: unbind.settling }\n`),
    );
    expect(result.failure?.message).toBeUndefined();
    expect(result.status).toBe('passed');
  });

  it('types the newest code after a new one was sent', () => {
    const result = runWalkthrough(
      walkthrough(
        `${TO_CODE_PROMPT}  - wait: 5m\n  - press: 确认\n  - type: $SMS_CODE\n  - press: 确认\n  - expect: { state: unbind.settling }\n`,
      ),
    );
    expect(result.failure?.message).toBeUndefined();
  });

  it('fails the step, naming it, when the phone has received nothing', () => {
    const result = runWalkthrough(walkthrough('  - press: 菜单\n  - type: $SMS_CODE\n'));
    expect(result.status).toBe('failed');
    expect(result.stepsRun).toBe(2);
    expect(result.failure?.message).toBe('type: $SMS_CODE, but the phone has received no SMS yet');
    expect(result.failure?.at).toBe(`${FILE}:5:5`);
  });
});

describe('expect: { sms: TEXT }', () => {
  beforeEach(() => setToolLang('en'));
  afterEach(() => setToolLang('zh'));

  it('parses text, lists and /regex/, alone or with other checks', () => {
    const parsed = walkthrough('  - expect: { sms: 您的验证码为 }\n  - expect: { sms: [银联商务, "/\\\\d{6}/"], screen: 短信验证 }\n');
    expect(parsed.steps[0]).toMatchObject({ kind: 'expect', expectation: { sms: [{ kind: 'text', text: '您的验证码为' }], screen: [] } });
    const second = parsed.steps[1];
    expect(second?.kind === 'expect' && second.expectation.sms.map((matcher) => matcher.kind)).toEqual(['text', 'regex']);
    expect(walkthrough('  - expect: 短信验证\n').steps[0]).toMatchObject({ expectation: { sms: [] } });
  });

  it('names a bad pattern by line and column, and lists sms among the keys', () => {
    expect(parseError('name: x\nfixture: default\nsteps:\n  - expect: { sms: "/(/" }\n')).toMatch(
      /^\/tmp\/sms\.yaml:4:20: invalid regular expression/,
    );
    expect(parseError('name: x\nfixture: default\nsteps:\n  - select: "/(/"\n')).toMatch(
      /^\/tmp\/sms\.yaml:4:13: invalid regular expression/,
    );
    expect(parseError('name: x\nfixture: default\nsteps:\n  - expect: { printer: x }\n')).toContain(
      'use screen, title, not, state, store, sms',
    );
    expect(parseError('name: x\nfixture: default\nsteps:\n  - expect: { sms: [] }\n')).toBe(
      '/tmp/sms.yaml:4:20: a list in expect.sms needs at least one entry',
    );
  });

  it('passes on the last SMS, full-width punctuation matched loosely', () => {
    const result = runWalkthrough(
      walkthrough(
        `${TO_CODE_PROMPT}  - expect: { sms: ["【银联商务】您的验证码为", "5分钟内有效,请勿泄露", "/^【银联商务】您的验证码为\\\\d{6},/"] }\n`,
      ),
    );
    expect(result.failure?.message).toBeUndefined();
  });

  it('fails with what the SMS says, or that there is none', () => {
    const wrong = runWalkthrough(walkthrough(`${TO_CODE_PROMPT}  - expect: { sms: 您的密码为 }\n`));
    expect(wrong.failure?.message).toMatch(
      /^expected the last SMS to show "您的密码为", it says "【银联商务】您的验证码为\d{6}，5分钟内有效，请勿泄露。"$/,
    );
    const none = runWalkthrough(walkthrough('  - expect: { sms: 验证码 }\n'));
    expect(none.failure?.message).toBe('expected an SMS with "验证码", the phone has received none');
  });

  it('speaks the walkthrough’s language', () => {
    const english = parseWalkthrough(
      `name: sms\nfixture: default\nlang: en\nsteps:\n${TO_CODE_PROMPT.replace('绑定管理', 'Bindings').replace('结算卡', 'Settlement card')}  - expect: { sms: "[ChinaUMS] Your verification code is" }\n`,
      FILE,
      {},
    );
    expect(runWalkthrough(english).failure?.message).toBeUndefined();
  });
});

describe('sim.sms()', () => {
  it('is the last text the phone received: sender, number, text and code', () => {
    const sim = createSimulator();
    expect(sim.sms()).toBeUndefined();
    sim.press('菜单');
    sim.type('123456');
    sim.press('确认');
    sim.select('绑定管理');
    sim.select('结算卡');
    sim.press('确认', '1', '确认');
    const sms = sim.sms();
    expect(sms).toEqual({
      from: '95534',
      to: '13812341234',
      code: expect.stringMatching(/^\d{6}$/),
      at: sim.store.now(),
      text: `【银联商务】您的验证码为${sms?.code}，5分钟内有效，请勿泄露。`,
    });
    sim.stop();
  });
});

describe('pos-sim record', () => {
  it('writes the code typed from the phone as type: $SMS_CODE, a wrong one as digits, and the recording replays', () => {
    // Recorded an hour later than replays start, so that the phone gets other codes than on replay.
    const sim = createSimulator({ stayAtBoot: true, startTime: Date.parse('2026-06-01T10:00:00+08:00') });
    const recorder = new WalkthroughRecorder({
      session: sim.session,
      fixture: 'default',
      name: 'recorded',
      dir: 'fixtures/walkthroughs',
      now: () => sim.store.now(),
      onChange: () => undefined,
    });
    sim.advance(BOOT_MS + 500);
    const press = (...keys: string[]) =>
      keys.forEach((key) => {
        recorder.send(toKeyEvent(key));
        sim.advance(200);
      });
    press('菜单', ...'123456', '确认', '1', '2', '确认', '1', '确认');
    const code = sim.sms()?.code ?? '';
    const wrong = code === '000000' ? '111111' : '000000';
    press(...wrong, '确认', ...code, '确认');
    sim.advance(3500);
    press('确认');
    recorder.stop();
    const text = recorder.text();
    expect(sim.store.snapshot().bindings.map((binding) => binding.id)).not.toContain('settlement-card');
    expect(text).toContain(`type: "${wrong}"`);
    expect(text).toContain('type: $SMS_CODE');
    expect(text).not.toContain(code);
    expect(text).toContain('expect: { title: "解绑成功" }');
    const replayed = runWalkthrough(
      parseWalkthrough(`${text}  - expect: { store: { "bindings[*].id": { excludes: settlement-card } } }\n`, 'recorded.yaml', {}),
    );
    expect(replayed.failure?.message).toBeUndefined();
    expect(replayed.status).toBe('passed');
  });
});
