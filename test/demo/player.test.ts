// The demo player on a simulated clock: pace, speed, waits, pause, step forward, stop, and checks
// that stop the demo.
import { describe, expect, it } from 'vitest';
import type { DeviceEvent } from '../../menus/device-events.js';
import { LONG_WAIT_MS } from '../../src/demo/captions.js';
import { planDemo, simulatorDevice, type DemoAction, type DemoPlan, type DemoStep } from '../../src/demo/demo-plan.js';
import { DEFAULT_TIMING, DemoPlayer, playingTimeMs, type DemoDevice } from '../../src/demo/player.js';
import { SteppingClock } from '../../src/device/simulated-clock.js';
import { BOOT_MS, createSimulator } from '../../src/device/simulator.js';
import type { Profile } from '../../src/profile/profile-schema.js';
import { parseWalkthrough } from '../../src/walkthrough/parse-walkthrough.js';
import type { Step, Walkthrough } from '../../src/walkthrough/walkthrough.js';

const { keyMs, stepMs, tickMs } = DEFAULT_TIMING;

const key = (name: 'ENTER' | 'DOWN' | 'MENU'): DemoAction => ({ kind: 'key', event: { type: name }, shown: `[${name}]` });
const expectStep = (line: number): Step => ({
  kind: 'expect',
  expectation: { screen: [], not: [], state: [], store: [], sms: [] } as unknown as Extract<Step, { kind: 'expect' }>['expectation'],
  file: 't.yaml',
  at: { line, column: 5 },
  source: `expect: line ${line}`,
});

/** A plan of `steps`, each a list of actions, with one check after each step. */
const planOf = (steps: DemoAction[][]): DemoPlan => ({
  walkthrough: {
    file: 't.yaml',
    name: 't',
    fixture: 'default',
    lang: 'zh',
    start: 'signed-in',
    tags: [],
    before: [],
    steps: [],
    after: [],
  } as Walkthrough,
  profile: {} as Profile,
  lang: 'zh',
  startTime: 0,
  firstChecks: [expectStep(1)],
  steps: steps.map((actions, index): DemoStep => ({
    number: index + 1,
    step: { kind: 'press', keys: [], file: 't.yaml', at: { line: index + 2, column: 5 }, source: `step ${index + 1}` },
    caption: `caption ${index + 1}`,
    actions,
    checks: [expectStep(100 + index)],
  })),
});

type Log = { at: number; what: string }[];

/** A device that logs what it is asked, with the simulated time; checks fail on the lines given. */
const fakeDevice = (clock: SteppingClock, failOn: number[] = []) => {
  const log: Log = [];
  let deviceTime = 0;
  const device: DemoDevice = {
    send: (event: DeviceEvent) => log.push({ at: clock.now(), what: event.type }),
    sendPhone: (event: DeviceEvent) => log.push({ at: clock.now(), what: `phone ${event.type}` }),
    powerCut: () => log.push({ at: clock.now(), what: 'powerCut' }),
    setPaper: (paper: boolean) => log.push({ at: clock.now(), what: paper ? 'paperIn' : 'paperOut' }),
    advance: (ms) => {
      deviceTime += ms;
    },
    check: (step) => {
      log.push({ at: clock.now(), what: `check ${step.at.line}` });
      return failOn.includes(step.at.line) ? `line ${step.at.line} does not hold` : undefined;
    },
  };
  return { device, log, deviceTime: () => deviceTime };
};

const setup = (plan: DemoPlan, speed = 1, failOn: number[] = []) => {
  const clock = new SteppingClock(0);
  const fake = fakeDevice(clock, failOn);
  const player = new DemoPlayer(plan, fake.device, { speed, scheduler: clock });
  return { clock, player, ...fake, keys: () => fake.log.filter((entry) => !entry.what.startsWith('check')) };
};

const bootTime = (speed: number) => Math.ceil(BOOT_MS / (tickMs * speed)) * tickMs;

describe('the demo player', () => {
  const plan = planOf([[key('MENU')], [key('DOWN'), key('DOWN'), key('ENTER')], [key('ENTER')]]);

  it('boots, then presses each step’s keys a key-gap apart, with a pause after each step', () => {
    const { clock, player, keys, log } = setup(plan);
    player.start();
    expect(player.view()).toMatchObject({ status: 'playing', stepIndex: -1 });
    clock.advance(60_000);
    const boot = bootTime(1);
    expect(keys()).toEqual([
      { at: boot + keyMs, what: 'MENU' },
      { at: boot + keyMs + keyMs + stepMs + keyMs, what: 'DOWN' },
      { at: boot + keyMs + keyMs + stepMs + keyMs * 2, what: 'DOWN' },
      { at: boot + keyMs + keyMs + stepMs + keyMs * 3, what: 'ENTER' },
      { at: boot + keyMs + keyMs + stepMs + keyMs * 4 + stepMs + keyMs, what: 'ENTER' },
    ]);
    // The first checks once booted; each step's checks once its keys are in.
    expect(log.filter((entry) => entry.what.startsWith('check')).map((entry) => entry.what)).toEqual([
      'check 1',
      'check 100',
      'check 101',
      'check 102',
    ]);
    expect(player.view()).toMatchObject({ status: 'done', stepIndex: 2, keys: ['[ENTER]'], keyPresses: 5 });
  });

  it('ends when playingTimeMs says, at every speed', () => {
    for (const speed of [0.5, 1, 2, 20]) {
      const { clock, player } = setup(plan, speed);
      const expected = playingTimeMs(plan, speed);
      player.start();
      clock.advance(expected - 1);
      expect(player.view().status, `speed ${speed}`).toBe('playing');
      clock.advance(1);
      expect(player.view().status, `speed ${speed}`).toBe('done');
    }
    expect(playingTimeMs(plan, 2)).toBeCloseTo(playingTimeMs(plan, 1) / 2, -2);
  });

  it('plays faster and slower with the speed', () => {
    const gaps = (speed: number) => {
      const { clock, player, keys } = setup(plan, speed);
      player.start();
      clock.advance(600_000);
      const times = keys().map((entry) => entry.at);
      return times.slice(1).map((at, index) => at - (times[index] as number));
    };
    expect(gaps(1)).toEqual([keyMs + stepMs + keyMs, keyMs, keyMs, keyMs + stepMs + keyMs]);
    expect(gaps(2)).toEqual(gaps(1).map((gap) => gap / 2));
    expect(gaps(0.5)).toEqual(gaps(1).map((gap) => gap * 2));
  });

  it('lets device time pass in waits, in ticks, taking the wait’s time over speed', () => {
    const waiting = planOf([[{ kind: 'wait', ms: 3000 }], [key('ENTER')]]);
    for (const speed of [1, 2]) {
      const { clock, player, deviceTime, keys } = setup(waiting, speed);
      player.start();
      clock.advance(bootTime(speed) + keyMs / speed - 1);
      const before = deviceTime();
      expect(before).toBe(BOOT_MS);
      clock.advance(1000);
      // A second of real time is `speed` seconds of device time, not all at once.
      expect(deviceTime() - before).toBeGreaterThan(1000 * speed - tickMs * speed * 2);
      expect(deviceTime() - before).toBeLessThan(Math.min(3000, 1000 * speed + tickMs * speed * 2));
      clock.advance(600_000);
      expect(deviceTime()).toBe(BOOT_MS + 3000);
      expect(keys()).toHaveLength(1);
    }
  });

  it('plays long waits faster: a 5-minute lockout takes about 10 s', () => {
    const lockout = planOf([[{ kind: 'wait', ms: 300_000 }]]);
    const { clock, player, deviceTime } = setup(lockout);
    player.start();
    clock.advance(bootTime(1) + keyMs + LONG_WAIT_MS + tickMs);
    expect(deviceTime()).toBe(BOOT_MS + 300_000);
  });

  it('pauses and plays on with Space, losing nothing', () => {
    const { clock, player, keys } = setup(plan);
    player.start();
    clock.advance(bootTime(1) + keyMs + keyMs + stepMs + keyMs + 10);
    expect(keys().map((entry) => entry.what)).toEqual(['MENU', 'DOWN']);
    player.togglePause();
    expect(player.view()).toMatchObject({ status: 'paused', stepIndex: 1 });
    clock.advance(60_000);
    expect(keys()).toHaveLength(2);
    player.togglePause();
    expect(player.view().status).toBe('playing');
    clock.advance(60_000);
    expect(keys().map((entry) => entry.what)).toEqual(['MENU', 'DOWN', 'DOWN', 'ENTER', 'ENTER']);
    expect(player.view().status).toBe('done');
  });

  it('steps forward one step at a time while paused (→), with the keys still a gap apart', () => {
    const { clock, player, keys, log } = setup(plan);
    player.start();
    player.togglePause();
    expect(player.view().status).toBe('paused');
    // From the boot: boots, plays step 1, pauses.
    player.stepForward();
    clock.advance(60_000);
    expect(player.view()).toMatchObject({ status: 'paused', stepIndex: 0, keys: ['[MENU]'] });
    expect(keys().map((entry) => entry.what)).toEqual(['MENU']);
    // The next step, whole, and its checks.
    const before = clock.now();
    player.stepForward();
    clock.advance(60_000);
    expect(player.view()).toMatchObject({ status: 'paused', stepIndex: 1, keys: ['[DOWN]', '[DOWN]', '[ENTER]'] });
    expect(
      keys()
        .slice(1)
        .map((entry) => entry.at - before),
    ).toEqual([keyMs, keyMs * 2, keyMs * 3]);
    expect(log.at(-1)?.what).toBe('check 101');
    // → does nothing while playing; Space plays the rest.
    player.togglePause();
    player.stepForward();
    clock.advance(60_000);
    expect(player.view().status).toBe('done');
    expect(keys()).toHaveLength(5);
  });

  it('stops at a check that fails, naming it, and presses nothing more', () => {
    const { clock, player, keys } = setup(plan, 1, [101]);
    player.start();
    clock.advance(600_000);
    expect(player.view()).toMatchObject({ status: 'failed', stepIndex: 1, failure: { message: 'line 101 does not hold' } });
    expect(player.view().failure?.step.at.line).toBe(101);
    expect(keys().map((entry) => entry.what)).toEqual(['MENU', 'DOWN', 'DOWN', 'ENTER']);
  });

  it('stops on q and ignores the keys afterwards', () => {
    const { clock, player, keys } = setup(plan);
    player.start();
    clock.advance(bootTime(1) + keyMs + 1);
    player.stop();
    player.togglePause();
    player.stepForward();
    clock.advance(60_000);
    expect(player.view().status).toBe('stopped');
    expect(keys()).toHaveLength(1);
  });

  it('counts the time it played: not while paused, not after the end', () => {
    const { clock, player } = setup(plan);
    player.start();
    clock.advance(bootTime(1) + keyMs + 10);
    player.togglePause();
    clock.advance(45_000);
    player.togglePause();
    clock.advance(600_000);
    expect(player.view().status).toBe('done');
    // Resuming goes on at once with the next key, so the paused key gap is not played either.
    expect(player.playedMs()).toBe(playingTimeMs(plan) - (keyMs - 10));
    clock.advance(60_000);
    expect(player.playedMs()).toBe(playingTimeMs(plan) - (keyMs - 10));
  });

  it('counts the time it played so far while it plays', () => {
    const { clock, player } = setup(plan);
    expect(player.playedMs()).toBe(0);
    player.start();
    clock.advance(1000);
    expect(player.playedMs()).toBe(1000);
  });

  it('shows the power key on the key line; the network is not a key', () => {
    const powered = planOf([
      [
        { kind: 'system', event: { type: 'POWER_CYCLE' }, shown: '[电源(重启)]' },
        { kind: 'wait', ms: BOOT_MS },
      ],
      [{ kind: 'system', event: { type: 'NETWORK_DOWN' } }],
    ]);
    const { clock, player, keys } = setup(powered);
    player.start();
    clock.advance(bootTime(1) + keyMs + keyMs);
    expect(player.view()).toMatchObject({ stepIndex: 0, keys: ['[电源(重启)]'], keyPresses: 1 });
    clock.advance(600_000);
    expect(player.view()).toMatchObject({ status: 'done', stepIndex: 1, keys: [], keyPresses: 1 });
    expect(keys().map((entry) => entry.what)).toEqual(['POWER_CYCLE', 'NETWORK_DOWN']);
  });

  it('tells its listeners about every change', () => {
    const { clock, player } = setup(plan);
    const seen: string[] = [];
    player.subscribe(() => seen.push(`${player.view().status}:${player.view().stepIndex}:${player.view().keys.length}`));
    player.start();
    clock.advance(60_000);
    expect(seen[0]).toBe('playing:-1:0');
    expect(seen).toContain('playing:1:3');
    expect(seen.at(-1)).toBe('done:2:1');
  });
});

describe('the P1 demo on a simulated device', () => {
  const P1 = parseWalkthrough(
    `name: P1\nfixture: default\nsteps:\n  - press: 菜单\n  - type: "123456"\n  - press: 确认\n  - select: 绑定管理\n  - select: 云闪付\n  - press: 确认\n  - press: 确认\n  - expect: 请输入密码\n  - power: cycle\n  - expect: { state: home }\n`,
    'p1.yaml',
    {},
  );

  it('replays the headless run key for key, checks live, and takes the planned time', () => {
    const startTime = Date.parse('2026-06-01T09:00:00+08:00');
    const plan = planDemo(P1, { startTime });
    const sim = createSimulator({ fixture: plan.profile, startTime, stayAtBoot: true });
    const clock = new SteppingClock(0);
    const player = new DemoPlayer(plan, simulatorDevice(sim, plan), { speed: 4, scheduler: clock });
    player.start();
    clock.advance(playingTimeMs(plan, 4));
    expect(player.view()).toMatchObject({ status: 'done' });
    expect(sim.session.activeStates()).toContain('device.home');
    sim.stop();
  });

  it('stops when the device does not show what the script expects', () => {
    const plan = planDemo(P1);
    // A device that differs from the script's: nothing bound, so 确认 does something else.
    const sim = createSimulator({ fixture: 'unbound', startTime: plan.startTime, stayAtBoot: true });
    const clock = new SteppingClock(0);
    const player = new DemoPlayer(plan, simulatorDevice(sim, plan), { scheduler: clock });
    player.start();
    clock.advance(600_000);
    expect(player.view().status).toBe('failed');
    expect(player.view().failure?.message).toMatch(/^期望/);
    sim.stop();
  });
});
