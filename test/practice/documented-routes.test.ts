// Every route the README and the task files document for a procedure is scored without a mistake:
// numbers or arrows, backing up first, restarting now or later with the power key, the system
// administrator instead of the supervisor, and what a hint says to do. Each is pressed key by key,
// as a technician would, on the practice's device and simulated clock.
import { afterEach, describe, expect, it } from 'vitest';
import { BOOT_MS } from '../../src/device/simulator.js';
import { resultOf, startPractice, task, type Practice } from '../support/practice.js';

/** A key by its device name ("确认", "下", "1"), or something done between keys. */
type Move = string | { readonly type: string } | { readonly wait: number } | 'power key' | 'texted code';

/** From the 免密支付 restart prompt (确认) to the home screen: shutdown, then boot. */
const RESTART_MS = 800 + BOOT_MS;
/** 收款 and 资金清算 take this long at most before the device answers. */
const PROCESSING_MS = 3000;

const SUPERVISOR = { type: '123456' };
const ADMINISTRATOR = { type: '12345678' };

/** 设置 by the 主管 (00, whom the prompt offers first). */
const OPEN_SETTINGS: readonly Move[] = ['菜单', SUPERVISOR, '确认'];
/** 设置 by the 系统管理员: ↑ on the prompt picks 99 (README: Operators and passwords). */
const OPEN_SETTINGS_AS_ADMINISTRATOR: readonly Move[] = ['菜单', '上', ADMINISTRATOR, '确认'];
/** In 设置: 2.支付方式管理 → 1.免密支付, and Enter on 1.开启免密支付 (the cursor starts there). */
const TOGGLE_PASSWORD_FREE: readonly Move[] = ['2', '1', '确认'];
/** From the 免密支付 editor, after 稍后 (Esc): back out of 免密支付, 支付方式管理 and 设置. */
const BACK_HOME: readonly Move[] = ['取消', '取消', '取消'];
/** P5's proof: a 10.00元 tap that asks for the PIN, and the test card's PIN. */
const TAP_WITH_PIN: readonly Move[] = ['确认', { type: '1000' }, '确认', '1', { type: '147258' }, '确认', { wait: PROCESSING_MS }];

const play = (practice: Practice, moves: readonly Move[]) => {
  for (const move of moves) {
    if (practice.tracker.result()) return;
    if (move === 'power key') practice.restart();
    else if (move === 'texted code') practice.type(practice.sim.sms()?.code ?? '');
    else if (typeof move === 'string') practice.press(move);
    else if ('type' in move) practice.type(move.type);
    else practice.sim.advance(move.wait);
  }
};

/** The documented routes of each task: where they are written, and the keys. */
const ROUTES: ReadonlyArray<readonly [task: string, route: string, moves: readonly Move[]]> = [
  ['p1-deregister-unionpay', 'README P1: items picked by number', [...OPEN_SETTINGS, '1', '3', '确认', '确认', SUPERVISOR, '确认']],
  [
    'p1-deregister-unionpay',
    'README P1: moving with ↓ and pressing Enter',
    [...OPEN_SETTINGS, '确认', '下', '下', '确认', '确认', '确认', SUPERVISOR, '确认'],
  ],
  [
    'p1-deregister-unionpay',
    'README P1 step 4: press 1 to back up first, then Enter to go on',
    [...OPEN_SETTINGS, '1', '3', '确认', '1', '确认', '确认', SUPERVISOR, '确认'],
  ],
  [
    'p2-password-free-off',
    'README P2 step 4: Enter restarts now',
    [...OPEN_SETTINGS, ...TOGGLE_PASSWORD_FREE, '8', SUPERVISOR, '确认', '确认', { wait: RESTART_MS }],
  ],
  [
    'p2-password-free-off',
    'README P2 step 4: Esc restarts later, then the power key',
    [...OPEN_SETTINGS, ...TOGGLE_PASSWORD_FREE, '8', SUPERVISOR, '确认', '取消', ...BACK_HOME, 'power key'],
  ],
  [
    'p2-password-free-off',
    'README P2 step 3: 保存设置 reached with ↓ and Enter',
    [...OPEN_SETTINGS, ...TOGGLE_PASSWORD_FREE, ...Array<Move>(7).fill('下'), '确认', SUPERVISOR, '确认', '确认', { wait: RESTART_MS }],
  ],
  [
    'p2-password-free-off',
    'README Operators: the 系统管理员 opens 设置 and saves with his own password',
    [...OPEN_SETTINGS_AS_ADMINISTRATOR, ...TOGGLE_PASSWORD_FREE, '8', ADMINISTRATOR, '确认', '确认', { wait: RESTART_MS }],
  ],
  [
    'p2-password-free-off',
    'task hint at 放弃未保存的修改？: 取消 goes back to editing and keeps the change',
    [...OPEN_SETTINGS, ...TOGGLE_PASSWORD_FREE, '取消', '取消', '8', SUPERVISOR, '确认', '确认', { wait: RESTART_MS }],
  ],
  [
    'p2-password-free-on',
    'README P2: re-enabling works the same way, restarting later with the power key',
    [...OPEN_SETTINGS, ...TOGGLE_PASSWORD_FREE, '8', SUPERVISOR, '确认', '取消', ...BACK_HOME, 'power key'],
  ],
  [
    'p3-close-unionpay-sms',
    'README P3: confirmed with the texted code',
    [...OPEN_SETTINGS, '1', '3', '确认', '确认', 'texted code', '确认'],
  ],
  [
    'p3-close-unionpay-sms',
    'README P3: backing up first',
    [...OPEN_SETTINGS, '1', '3', '确认', '1', '确认', '确认', 'texted code', '确认'],
  ],
  [
    'p4-unbind-settlement-card',
    'README P4: reason by number, the texted code, 资金清算',
    [...OPEN_SETTINGS, '1', '2', '确认', '1', '确认', 'texted code', '确认', { wait: PROCESSING_MS }],
  ],
  [
    'p4-unbind-settlement-card',
    'README P4: reason picked with ↓ and Enter',
    [...OPEN_SETTINGS, '1', '2', '确认', '下', '确认', '确认', 'texted code', '确认', { wait: PROCESSING_MS }],
  ],
  [
    'p5-prove-password-free-off',
    'README P5 after P2: off, restart now, a 10.00元 tap that asks for the PIN',
    [...OPEN_SETTINGS, ...TOGGLE_PASSWORD_FREE, '8', SUPERVISOR, '确认', '确认', { wait: RESTART_MS }, ...TAP_WITH_PIN],
  ],
  [
    'p5-prove-password-free-off',
    'README P5 after P2: off, restart later with the power key, then the tap',
    [...OPEN_SETTINGS, ...TOGGLE_PASSWORD_FREE, '8', SUPERVISOR, '确认', '取消', ...BACK_HOME, 'power key', ...TAP_WITH_PIN],
  ],
];

let practice: Practice | undefined;
afterEach(() => {
  practice?.stop();
  practice = undefined;
});

describe('every documented route is scored without a mistake', () => {
  it.each(ROUTES)('%s: %s', (id, _route, moves) => {
    practice = startPractice(task(id));
    play(practice, moves);
    const result = resultOf(practice);
    expect(result.notes).toEqual([]);
    expect(result).toMatchObject({ goalReached: true, endedBy: 'goal', hintsUsed: 0 });
    expect(result.breakdown.score).toBe(100);
  });

  it('a step really given up still counts: 取消 on 确认关闭 云闪付服务？', () => {
    practice = startPractice(task('p1-deregister-unionpay'));
    play(practice, [...OPEN_SETTINGS, '1', '3', '确认', '取消', '确认', '确认', SUPERVISOR, '确认']);
    expect(resultOf(practice).mistakes.cancelledStep).toBe(1);
  });
});
