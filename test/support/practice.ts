// A practice run headless: the task's fresh device on the simulated clock, the tracker watching it,
// and keys pressed through the tracker as the practice UI presses them.
import { readFileSync } from 'node:fs';
import { afterEach } from 'vitest';
import type { DeviceEvent } from '../../menus/device-events.js';
import { BOOT_MS, createSimulator, toKeyEvent, toPhoneKeyEvent, type Simulator } from '../../src/device/simulator.js';
import { loadProfile } from '../../src/profile/load-profile.js';
import { shippedTasks, taskFlash } from '../../src/practice/load-tasks.js';
import type { Task } from '../../src/practice/task.js';
import { scorePractice } from '../../src/practice/score.js';
import { PracticeTracker, type PracticeResult } from '../../src/practice/tracker.js';
import { seedFlash } from '../../src/store/flash-data.js';
import { memoryMedium } from '../../src/store/flash-medium.js';
import { parseWalkthrough } from '../../src/walkthrough/parse-walkthrough.js';
import { liveFacts, stepsToPlay } from '../../src/walkthrough/run-walkthrough.js';
import type { Step } from '../../src/walkthrough/walkthrough.js';

export type Practice = {
  readonly sim: Simulator;
  readonly tracker: PracticeTracker;
  /** Presses device keys by name through the tracker ("确认", "取消", "1"). */
  press(...keys: readonly string[]): void;
  /** Types digits through the tracker. */
  type(digits: string): void;
  /** A system event through the tracker (network, power). */
  send(event: DeviceEvent): void;
  /** Presses keys by name on the payer's phone through the tracker, as the practice UI sends them there (Tab). */
  phonePress(...keys: readonly string[]): void;
  /** Types digits on the payer's phone through the tracker. */
  phoneType(digits: string): void;
  /** Restart by the power key and wait for the boot. */
  restart(): void;
  stop(): void;
};

/** The 主管's factory password on the shipped profiles. */
const SUPERVISOR_PASSWORD = '123456';

export const task = (id: string): Task => {
  const found = shippedTasks().find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no shipped task ${id}`);
  return found;
};

/** The task's device, booted, on the simulated clock, with the tracker started. */
export const startPractice = (practiceTask: Task, lang: 'zh' | 'en' = 'zh'): Practice => {
  const profile = loadProfile(practiceTask.profile);
  const sim = createSimulator({ fixture: profile, lang, medium: memoryMedium(taskFlash(practiceTask, seedFlash(profile))) });
  const tracker = new PracticeTracker({ task: practiceTask, session: sim.session });
  const send = (event: DeviceEvent) => tracker.send(event);
  return {
    sim,
    tracker,
    press: (...keys) => keys.forEach((key) => send(toKeyEvent(key))),
    type: (digits) => [...digits].forEach((digit) => send(toKeyEvent(digit))),
    send,
    phonePress: (...keys) => keys.forEach((key) => tracker.sendPhone(toPhoneKeyEvent(key))),
    phoneType: (digits) => [...digits].forEach((digit) => tracker.sendPhone(toPhoneKeyEvent(digit))),
    restart: () => {
      send({ type: 'POWER_CYCLE' });
      sim.advance(BOOT_MS);
    },
    stop: () => {
      tracker.stop();
      sim.stop();
    },
  };
};

/**
 * The actions of the task's own walkthrough, the steps of the pieces it calls in their place, each
 * `when` asked of the practice's device as the step comes (expectations left out: the tracker is
 * what is tested).
 */
export function* walkthroughSteps(practice: Practice): Generator<Step> {
  const { steps } = parseWalkthrough(readFileSync(practice.tracker.task.walkthrough, 'utf8'), practice.tracker.task.walkthrough);
  for (const { step } of stepsToPlay(steps, liveFacts(practice.sim, practice.tracker.task.profile))) {
    if (step.kind !== 'expect' && step.kind !== 'snapshot') yield step;
  }
}

/** Starts a practice of a task (a shipped one by id); each one is stopped after its test. */
export const practiceStarter = (): ((id: string | Task, lang?: 'zh' | 'en') => Practice) => {
  let current: Practice | undefined;
  afterEach(() => {
    current?.stop();
    current = undefined;
  });
  return (id, lang) => (current = startPractice(typeof id === 'string' ? task(id) : id, lang));
};

/** Plays one walkthrough step on the practice, as a technician would do it. */
export const playStep = (practice: Practice, step: Step): void => {
  switch (step.kind) {
    case 'press':
      practice.press(...step.keys);
      return;
    case 'type':
      practice.type(step.digits);
      return;
    case 'typeSmsCode': {
      const sms = practice.sim.sms();
      if (!sms) throw new Error('type: $SMS_CODE, but the phone has received no SMS');
      practice.type(sms.code);
      return;
    }
    case 'select':
      practice.sim.select(step.label);
      return;
    case 'wait':
      practice.sim.advance(step.ms);
      return;
    case 'network':
      practice.send({ type: step.state === 'down' ? 'NETWORK_DOWN' : 'NETWORK_UP' });
      return;
    case 'power':
      if (step.mode === 'cycle') practice.restart();
      else {
        practice.sim.powerCut();
        practice.sim.advance(BOOT_MS);
      }
      return;
    case 'phone': {
      // On the phone, as the practice UI sends keys there (Tab): through the tracker.
      const { action } = step;
      if (action.kind === 'press') practice.phonePress(...action.keys);
      else if (action.kind === 'type') practice.phoneType(action.digits);
      else if (action.kind === 'select') practice.sim.phone.select(action.label);
      else practice.phoneType(practice.sim.sms(action.index)?.code ?? '');
      return;
    }
    case 'expect':
    case 'snapshot':
    case 'run':
      return;
  }
};

/** Plays the task's walkthrough until the practice is over (or the walkthrough ends). */
export const playWalkthrough = (practice: Practice): void => {
  for (const step of walkthroughSteps(practice)) {
    if (practice.tracker.result()) return;
    playStep(practice, step);
  }
};

/** The result of a practice that is over (a test failure naming where the device is, if not). */
export const resultOf = (practice: Practice): PracticeResult => {
  const result = practice.tracker.result();
  if (!result) throw new Error(`the practice is not over; the device is at ${practice.sim.session.activeStates().join(', ')}`);
  return result;
};

/** 设置 → password → 支付方式管理 → 免密支付. */
export const openPasswordFree = (run: Practice) => {
  run.press('菜单');
  run.type(SUPERVISOR_PASSWORD);
  run.press('确认');
  run.sim.select('支付方式管理');
  run.sim.select('免密支付');
};

/** In 免密支付: untick 开启免密支付 and save with the password; the device offers to restart. */
export const untickAndSave = (run: Practice) => {
  run.sim.select('开启免密支付');
  run.sim.select('保存设置');
  run.type(SUPERVISOR_PASSWORD);
  run.press('确认');
};

/**
 * A finished practice of P1 as the tracker ends one, scored by the formula: the goal reached in
 * 60 s, no mistakes, no hints, no notes, unless told otherwise.
 */
export const finishedPractice = (overrides: Partial<Omit<PracticeResult, 'breakdown'>> = {}): PracticeResult => {
  const practice = {
    task: {
      id: 'p1-deregister-unionpay',
      title: { zh: '注销云闪付', en: 'Deregister UnionPay QuickPass' },
      procedure: 'P1',
      profile: 'default',
      targetMs: 90_000,
    },
    goalReached: true,
    endedBy: 'goal' as const,
    elapsedMs: 60_000,
    mistakes: { wrongPassword: 0, detour: 0, cancelledStep: 0, forgottenRestart: 0 },
    notes: [],
    hintsUsed: 0,
    ...overrides,
  };
  return { ...practice, breakdown: scorePractice({ ...practice, targetMs: practice.task.targetMs }) };
};
