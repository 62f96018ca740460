/**
 * What a demo says about each step: the step counter, a caption (the script's own `caption:`, or
 * one made from the step), and the keys as they are pressed. Passwords never show: typed digits are
 * always stars, and digits pressed while the device asks for a secret are stars too.
 */
import type { KeyEvent } from '../../menus/device-events.js';
import { FUNCTION_KEY_INFO } from '../keys/device-keys.js';
import { translator, type Lang, type Translate } from '../i18n/messages.js';
import type { Profile } from '../profile/profile-schema.js';
import type { Step } from '../walkthrough/walkthrough.js';
import { escapeRegExp } from '../escape-regexp.js';

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
  /** For `type`: the digits typed, when the device shows them as they were typed (an amount, a 凭证号). */
  readonly typedInClear?: string;
};

export const NO_CONTEXT: StepContext = { secretEntry: false, restarting: false, lockedOut: false };

type KeyLabels = Profile['device']['keyLabels'];

/** English key caps as the device's English texts print them ("Press [OK] to deregister"). */
const ENGLISH_CAPS: Partial<Record<KeyEvent['type'], string>> = {
  ENTER: 'OK',
  CANCEL: 'Cancel',
  CLEAR: 'Clear',
  UP: 'Up',
  DOWN: 'Down',
  MENU: 'MENU',
};

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

/** A key pressed on the phone as the key line shows it: 手机[确认], or 手机[*] for a digit of a secret. */
export const shownPhoneKey = (event: KeyEvent, secret: boolean, lang: Lang): string =>
  translator(lang)('caption.phoneKey', { cap: secret && event.type === 'DIGIT' ? '*' : keyCap(event, lang) });

const duration = (ms: number, t: Translate): string =>
  ms >= 60_000 && ms % 60_000 === 0
    ? t('caption.minutes', { minutes: ms / 60_000 })
    : t('caption.seconds', { seconds: Math.round(ms / 100) / 10 });

/** Waits longer than this play faster than real time, so a 5-minute lockout takes 10 s on stage. */
export const LONG_WAIT_MS = 10_000;

const pressCaption = (events: readonly KeyEvent[], context: StepContext, lang: Lang, keyLabels?: KeyLabels): string => {
  const t = translator(lang);
  if (context.secretEntry && events.some((event) => event.type === 'DIGIT')) return t('caption.password', { mask: MASK });
  const caps = events.map((event) => keyCap(event, lang, keyLabels));
  const [first] = caps;
  if (first !== undefined && caps.every((cap) => cap === first)) {
    return caps.length === 1 ? t('caption.pressOne', { cap: first }) : t('caption.pressRepeat', { cap: first, times: caps.length });
  }
  return t('caption.pressMany', { caps: caps.map((cap) => `[${cap}]`).join(' ') });
};

/**
 * A script's own caption with its keys named as this model prints them: a script written once for
 * every profile says [菜单] (MENU), and on a terminal whose key is printed 功能 (FUNC) the caption
 * must say so. In English a cap in capitals is also replaced where it stands without brackets.
 */
const withModelKeys = (caption: string, lang: Lang, keyLabels: KeyLabels = {}): string =>
  Object.entries(keyLabels).reduce((text, [type, names]) => {
    const own = names?.[lang];
    const usual = keyCap({ type } as KeyEvent, lang);
    if (!own || own === usual) return text;
    const bare = lang === 'en' && /^[A-Z]{3,}$/.test(usual) ? `|\\b${usual}\\b` : '';
    return text.replace(new RegExp(`\\[${escapeRegExp(usual)}\\]${bare}`, 'g'), (found) => (found.startsWith('[') ? `[${own}]` : own));
  }, caption);

/**
 * The caption for a step: the script's own for this language (its keys named as the model prints
 * them), else one made from the step.
 * `events` are the keys the step presses (for press); `context` is the device as the step begins
 * (the phone, for a step taken on the phone).
 */
export const stepCaption = (step: Step, events: readonly KeyEvent[], context: StepContext, lang: Lang, keyLabels?: KeyLabels): string => {
  const own = step.caption?.[lang];
  if (own) return withModelKeys(own, lang, keyLabels);
  const t = translator(lang);
  const secret = (): string =>
    context.typedInClear !== undefined
      ? t('caption.typed', { digits: context.typedInClear })
      : t(context.secretEntry ? 'caption.password' : 'caption.digits', { mask: MASK });
  switch (step.kind) {
    case 'press':
      return pressCaption(events, context, lang, keyLabels);
    case 'type':
      return secret();
    case 'select':
      return t('caption.select', { label: context.selectedLabel ?? step.label });
    case 'wait': {
      const time = duration(step.ms, t);
      const fast = step.ms > LONG_WAIT_MS ? ` ${t('caption.fastForward')}` : '';
      if (context.restarting) return t('caption.waitRestart');
      return t(context.lockedOut ? 'caption.waitLockout' : 'caption.wait', { time }) + fast;
    }
    case 'power':
      return t(step.mode === 'cycle' ? 'caption.powerCycle' : 'caption.powerCut');
    case 'network':
      return t(step.state === 'down' ? 'caption.networkDown' : 'caption.networkUp');
    case 'paper':
      return t(step.state === 'out' ? 'caption.paperOut' : 'caption.paperIn');
    case 'phone': {
      // What is done on the phone, said as for the terminal; `context` is the phone's.
      const { action } = step;
      const inner =
        action.kind === 'press'
          ? pressCaption(events, context, lang)
          : action.kind === 'select'
            ? t('caption.select', { label: context.selectedLabel ?? action.label })
            : action.kind === 'typeSmsCode'
              ? t('caption.smsCode', { mask: MASK })
              : secret();
      return t('caption.onPhone', { caption: inner });
    }
    default:
      // Steps that type what the device sent (the SMS code) and any step kind added later: never
      // show digits.
      if (events.some((event) => event.type === 'DIGIT'))
        return /SMS_CODE/.test(step.source) ? t('caption.smsCode', { mask: MASK }) : secret();
      return step.source;
  }
};
