/**
 * What a demo says about each step: the step counter, a caption (the script's own `caption:`, or
 * one made from the step), and the keys as they are pressed. Passwords never show: typed digits are
 * always stars, and digits pressed while the device asks for a secret are stars too.
 */
import type { KeyEvent } from '../../menus/device-events.js';
import { FUNCTION_KEY_INFO } from '../keys/device-keys.js';
import type { Lang } from '../i18n/messages.js';
import type { Profile } from '../profile/profile-schema.js';
import type { Step } from '../walkthrough/walkthrough.js';

/** What a typed secret looks like in a caption: always this long, so not even its length shows. */
export const MASK = '********';

/** What the device was doing when a step began (read from a headless run of the script). */
export type StepContext = {
  /** The screen asks for a secret (password, PIN, code): digits entered show as stars. */
  readonly secretEntry: boolean;
  /** The device is restarting (shutting down or booting). */
  readonly restarting: boolean;
  /** A password prompt is locked after too many wrong tries. */
  readonly lockedOut: boolean;
  /** For `select`: the item's label as the device shows it in the demo's language. */
  readonly selectedLabel?: string;
};

export const NO_CONTEXT: StepContext = { secretEntry: false, restarting: false, lockedOut: false };

type KeyLabels = Profile['device']['keyLabels'];

/** English key caps as the device's English texts print them ("Press [OK] to deregister"). */
const ENGLISH_CAPS: Partial<Record<KeyEvent['type'], string>> = { ENTER: 'OK', CANCEL: 'Cancel', CLEAR: 'Clear', UP: 'Up', DOWN: 'Down', MENU: 'MENU' };

/** A key's cap as this model prints it, without brackets: 确认, OK, 7, or the profile's own name. */
export const keyCap = (event: KeyEvent, lang: Lang, keyLabels: KeyLabels = {}): string => {
  if (event.type === 'DIGIT') return event.digit;
  const own = keyLabels[event.type]?.[lang];
  if (own) return own;
  const info = FUNCTION_KEY_INFO.find((candidate) => candidate.key === event.type);
  return lang === 'zh' ? (info?.zh ?? event.type) : (ENGLISH_CAPS[event.type] ?? info?.en ?? event.type);
};

/** A key as the key line shows it: [确认], or [*] for a digit of a secret. */
export const shownKey = (event: KeyEvent, secret: boolean, lang: Lang, keyLabels?: KeyLabels): string =>
  `[${secret && event.type === 'DIGIT' ? '*' : keyCap(event, lang, keyLabels)}]`;

export const TEXT = {
  zh: {
    step: (n: number, of: number) => `步骤 ${n}/${of}`,
    keys: '按键:',
    booting: '设备开机...',
    pressOne: (cap: string) => `按[${cap}]键`,
    pressRepeat: (cap: string, times: number) => `按[${cap}]键 ${times} 次`,
    pressMany: (caps: string) => `依次按 ${caps}`,
    password: `输入密码 ${MASK}`,
    smsCode: `输入短信验证码 ${MASK}`,
    digits: `输入 ${MASK}`,
    select: (label: string) => `选择「${label}」`,
    waitRestart: '等待设备重启...',
    waitLockout: (time: string) => `等待锁定结束(${time})...`,
    wait: (time: string) => `等待 ${time}...`,
    seconds: (s: number) => `${s} 秒`,
    minutes: (m: number) => `${m} 分钟`,
    fastForward: '(快进)',
    powerCycle: '按电源键重启设备...',
    powerCut: '断电! 未保存的内容丢失, 设备重新开机...',
    networkDown: '断网...',
    networkUp: '恢复网络...',
    paused: '已暂停',
    controls: '[空格]暂停 [->]下一步 [q]退出',
    pausedControls: '[空格]继续 [->]下一步 [q]退出',
    done: '演示结束',
    doneControls: '[q]退出',
    failed: '演示中止: 检查未通过',
  },
  en: {
    step: (n: number, of: number) => `Step ${n}/${of}`,
    keys: 'Keys:',
    booting: 'The device starts up...',
    pressOne: (cap: string) => `Press [${cap}]`,
    pressRepeat: (cap: string, times: number) => `Press [${cap}] ${times} times`,
    pressMany: (caps: string) => `Press ${caps}`,
    password: `Enter the password ${MASK}`,
    smsCode: `Enter the SMS code ${MASK}`,
    digits: `Type ${MASK}`,
    select: (label: string) => `Select "${label}"`,
    waitRestart: 'Wait for the restart...',
    waitLockout: (time: string) => `Wait for the lockout to end (${time})...`,
    wait: (time: string) => `Wait ${time}...`,
    seconds: (s: number) => `${s} s`,
    minutes: (m: number) => `${m} min`,
    fastForward: '(fast forward)',
    powerCycle: 'Restart with the power key...',
    powerCut: 'Power cut! What was not saved is lost; the device starts again...',
    networkDown: 'The network goes down...',
    networkUp: 'The network comes back...',
    paused: 'Paused',
    controls: '[Space] pause [->] step [q] quit',
    pausedControls: '[Space] play [->] step [q] quit',
    done: 'End of the demo',
    doneControls: '[q] quit',
    failed: 'Demo stopped: a check failed',
  },
} as const satisfies Record<Lang, unknown>;

const duration = (ms: number, lang: Lang): string =>
  ms >= 60_000 && ms % 60_000 === 0 ? TEXT[lang].minutes(ms / 60_000) : TEXT[lang].seconds(Math.round(ms / 100) / 10);

/** Waits longer than this play faster than real time, so a 5-minute lockout takes 10 s on stage. */
export const LONG_WAIT_MS = 10_000;

const pressCaption = (events: readonly KeyEvent[], context: StepContext, lang: Lang, keyLabels?: KeyLabels): string => {
  const text = TEXT[lang];
  if (context.secretEntry && events.some((event) => event.type === 'DIGIT')) return text.password;
  const caps = events.map((event) => keyCap(event, lang, keyLabels));
  const [first] = caps;
  if (first !== undefined && caps.every((cap) => cap === first)) return caps.length === 1 ? text.pressOne(first) : text.pressRepeat(first, caps.length);
  return text.pressMany(caps.map((cap) => `[${cap}]`).join(' '));
};

/**
 * The caption for a step: the script's own for this language, else one made from the step.
 * `events` are the keys the step presses (for press); `context` is the device as the step begins.
 */
export const stepCaption = (
  step: Step,
  events: readonly KeyEvent[],
  context: StepContext,
  lang: Lang,
  keyLabels?: KeyLabels,
): string => {
  const own = step.caption?.[lang];
  if (own) return own;
  const text = TEXT[lang];
  switch (step.kind) {
    case 'press':
      return pressCaption(events, context, lang, keyLabels);
    case 'type':
      return context.secretEntry ? text.password : text.digits;
    case 'select':
      return text.select(context.selectedLabel ?? step.label);
    case 'wait': {
      const time = duration(step.ms, lang);
      const fast = step.ms > LONG_WAIT_MS ? ` ${text.fastForward}` : '';
      if (context.restarting) return text.waitRestart;
      return (context.lockedOut ? text.waitLockout(time) : text.wait(time)) + fast;
    }
    case 'power':
      return step.mode === 'cycle' ? text.powerCycle : text.powerCut;
    case 'network':
      return step.state === 'down' ? text.networkDown : text.networkUp;
    default:
      // Steps that type what the device sent (the SMS code) and any step kind added later: never
      // show digits.
      if (events.some((event) => event.type === 'DIGIT')) return /SMS_CODE/.test(step.source) ? text.smsCode : context.secretEntry ? text.password : text.digits;
      return step.source;
  }
};
