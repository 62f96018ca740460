// The interactive device's clock on fake host timers: real time scaled by --time-scale, and a
// trainer's fast-forward that fires what falls due on the way, in order, and re-arms the rest.
import { describe, expect, it } from 'vitest';
import { UNBIND_REVIEW_MS } from '../../menus/funds-transfer.js';
import { SETTLEMENT_MS } from '../../menus/unbind.js';
import { DeviceSession } from '../../src/device/device-session.js';
import { IDLE_FAST_FORWARD_MS, LiveClock, type RealTimers } from '../../src/device/live-clock.js';
import { BOOT_MS, toKeyEvent } from '../../src/device/simulator.js';
import { loadProfile } from '../../src/profile/load-profile.js';
import { DeviceStore } from '../../src/store/device-store.js';
import { memoryMedium } from '../../src/store/flash-medium.js';

/** Host timers under the test's control: `pass(ms)` lets real time go by, firing host timers in order. */
const fakeHost = () => {
  let now = 1_000_000;
  let nextHandle = 0;
  const pending = new Map<number, { at: number; fn: () => void }>();
  const timers: RealTimers = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const handle = nextHandle++;
      pending.set(handle, { at: now + ms, fn });
      return handle;
    },
    clearTimeout: (handle) => pending.delete(handle as number),
  };
  const pass = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...pending].filter(([, timer]) => timer.at <= end).sort(([, a], [, b]) => a.at - b.at)[0];
      if (!due) break;
      pending.delete(due[0]);
      now = due[1].at;
      due[1].fn();
    }
    now = end;
  };
  return { timers, pass, armed: () => pending.size };
};

const START = Date.UTC(2026, 5, 1, 1, 0, 0);

describe('LiveClock', () => {
  it('runs with real time, or scale times as fast', () => {
    const host = fakeHost();
    const real = new LiveClock({ start: START, timers: host.timers });
    const fast = new LiveClock({ start: START, scale: 10, timers: host.timers });
    host.pass(1500);
    expect(real.now() - START).toBe(1500);
    expect(fast.now() - START).toBe(15_000);
  });

  it('fires a device timer when its device time has come: 5 device minutes are 30 real seconds at scale 10', () => {
    const host = fakeHost();
    const clock = new LiveClock({ start: START, scale: 10, timers: host.timers });
    const fired: number[] = [];
    clock.setTimeout(() => fired.push(clock.now() - START), 300_000);
    host.pass(29_999);
    expect(fired).toEqual([]);
    host.pass(1);
    expect(fired).toEqual([300_000]);
  });

  it('never fires before the device moment, though host timers round to whole ms', () => {
    const host = fakeHost();
    const clock = new LiveClock({ start: START, scale: 3, timers: host.timers });
    const fired: number[] = [];
    clock.setTimeout(() => fired.push(clock.now() - START), 1000);
    host.pass(333);
    expect(fired).toEqual([]);
    host.pass(1);
    expect(fired).toHaveLength(1);
    expect(fired[0]).toBeGreaterThanOrEqual(1000);
  });

  it('a cleared timer never fires', () => {
    const host = fakeHost();
    const clock = new LiveClock({ start: START, timers: host.timers });
    let fired = false;
    clock.clearTimeout(clock.setTimeout(() => (fired = true), 100));
    host.pass(1000);
    clock.advance(1000);
    expect(fired).toBe(false);
  });

  it('advance fires what falls due on the way, in time order, each at its own moment, timers set on the way too', () => {
    const host = fakeHost();
    const clock = new LiveClock({ start: START, timers: host.timers });
    const fired: Array<[string, number]> = [];
    const at = (name: string) => () => fired.push([name, clock.now() - START]);
    clock.setTimeout(at('b'), 2000);
    clock.setTimeout(() => {
      at('a')();
      clock.setTimeout(at('a+500'), 500);
    }, 1000);
    clock.setTimeout(at('later'), 10_000);
    clock.advance(3000);
    expect(fired).toEqual([
      ['a', 1000],
      ['a+500', 1500],
      ['b', 2000],
    ]);
    expect(clock.now() - START).toBe(3000);
    // What is left is re-armed for the time that is left: 7 s more, not 10.
    host.pass(6999);
    expect(fired).toHaveLength(3);
    host.pass(1);
    expect(fired.at(-1)).toEqual(['later', 10_000]);
  });

  it('fast-forward goes on to the next thing the device waits for, or a minute on when it waits for nothing', () => {
    const host = fakeHost();
    const clock = new LiveClock({ start: START, timers: host.timers });
    let fired = false;
    clock.setTimeout(() => (fired = true), 300_000);
    host.pass(8000);
    expect(clock.untilNext()).toBe(292_000);
    expect(clock.fastForward()).toBe(292_000);
    expect(fired).toBe(true);
    expect(clock.now() - START).toBe(300_000);
    expect(clock.untilNext()).toBeUndefined();
    expect(clock.fastForward()).toBe(IDLE_FAST_FORWARD_MS);
    expect(clock.now() - START).toBe(300_000 + IDLE_FAST_FORWARD_MS);
    expect(host.armed()).toBe(0);
  });
});

describe('the interactive device on the live clock', () => {
  const liveDevice = () => {
    const host = fakeHost();
    const clock = new LiveClock({ start: START, timers: host.timers });
    const store = new DeviceStore({ profile: loadProfile('default'), medium: memoryMedium(), now: () => clock.now() });
    const session = new DeviceSession({ store, clock, autoSignIn: true });
    host.pass(BOOT_MS);
    const press = (...keys: string[]) => keys.forEach((key) => session.send(toKeyEvent(key)));
    return { host, clock, store, session, press };
  };

  it('a trainer ends a 5-minute lockout at once: the prompt takes a password again', () => {
    const { clock, session, press } = liveDevice();
    expect(session.activeStates()).toEqual(['device.home']);
    press('菜单', ...'111111', '确认', ...'111111', '确认', ...'111111', '确认');
    expect(session.text()).toContain('密码错误次数过多');
    expect(clock.fastForward()).toBe(5 * 60_000);
    expect(session.activeStates().at(-1)).toBe('passwordPrompt.entering');
    press(...'123456', '确认');
    expect(session.activeStates()).toContain('settings.menu');
    session.stop();
  });

  it('a trainer lets a texted code expire at once: 验证码已过期', () => {
    const { clock, session, press } = liveDevice();
    press('菜单', ...'123456', '确认', '1', '2', '确认', '1', '确认');
    expect(session.text()).toContain('验证码已发送至');
    expect(session.sms()).toBeDefined();
    expect(clock.fastForward()).toBe(5 * 60_000);
    expect(session.text()).toContain('验证码已过期');
    session.stop();
  });

  it('a trainer shows the end of a 解绑 review at once: 资金已划转 (t)', () => {
    const { clock, store, session, press } = liveDevice();
    press('菜单', ...'123456', '确认', '1', '2', '确认', '3', '确认');
    press(...(session.sms()?.code ?? ''), '确认');
    clock.advance(SETTLEMENT_MS);
    press('确认', '取消', '取消');
    expect(session.matchText()).toContain('解绑审核中');
    expect(clock.fastForward()).toBe(UNBIND_REVIEW_MS);
    expect(session.matchText()).toContain('资金已划转');
    expect(store.snapshot().records.at(-1)?.action).toBe('fundsTransferred');
    session.stop();
  });
});
