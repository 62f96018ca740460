/**
 * Screens of 短信验证 (typing a texted code) and of 解绑 (reason, review, 资金清算, done and sent
 * to the acquirer's 审核). The code being typed shows as asterisks, like a password; the code
 * itself is only ever on the phone.
 */
import type { SnapshotFrom } from 'xstate';
import type { DevicePort } from '../../menus/device-port.js';
import type { smsVerificationMachine } from '../../menus/sms-verification.js';
import { UNBIND_REASONS } from '../../menus/domain.js';
import { SETTLEMENT_MS, selectedReason, type unbindMachine } from '../../menus/unbind.js';
import { maskPhone } from '../store/sms-gateway.js';
import { maskAccount } from '../../menus/domain.js';
import { clockTime, formatDuration, numbered, type ViewContext } from './view-context.js';
import type { Screen, ScreenLine } from './screen.js';

/** Where the code went, as the device says it: 验证码已发送至 138****1234. */
const sentToLine = (view: ViewContext): ScreenLine => ({ text: view.t('sms.sentTo', { phone: maskPhone(view.profile.sms.phone) }) });

/** 短信验证: the code being typed, or the call to get a new one. */
export const smsVerificationScreen = (snapshot: SnapshotFrom<typeof smsVerificationMachine>, view: ViewContext): Screen => {
  const { t } = view;
  const { context } = snapshot;
  const title = t('sms.title');
  if (snapshot.matches('expired')) {
    return {
      title,
      lines: [
        { text: t(context.lastCheck?.result === 'exhausted' ? 'sms.exhausted' : 'sms.expired'), tone: 'error' },
        { text: '' },
        { text: t('sms.pressToResend') },
      ],
      hints: { confirm: t('hint.resend'), cancel: t('hint.cancel') },
    };
  }
  const left = Math.max(0, (context.delivery?.expiresAt ?? view.now) - view.now);
  const lastCheck = context.lastCheck;
  return {
    title,
    lines: [
      sentToLine(view),
      { text: t('sms.validFor', { time: formatDuration(left, t) }), tone: 'muted' },
      { text: '' },
      { text: t('sms.prompt') },
      { text: `${'*'.repeat(context.entered.length)}_`, field: true },
      ...(lastCheck?.result === 'wrong' ? [{ text: t('sms.wrong', { left: lastCheck.attemptsLeft }), tone: 'error' as const }] : []),
    ],
    hints: { confirm: t('hint.confirm'), cancel: t('hint.cancel') },
  };
};

/** The application just filed goes to the acquirer's review (审核): when its funds will have moved. */
const reviewLines = (port: DevicePort, view: ViewContext): ScreenLine[] => {
  const application = port.unbindApplications().at(-1);
  if (!application) return [];
  return [
    { text: view.t('unbind.underReview'), tone: 'warning' },
    { text: view.t('unbind.fundsAfterReview', { time: clockTime(application.reviewedAt, view.now) }), tone: 'muted' },
  ];
};

/** 解绑: whichever step the flow is at. */
export const unbindScreen = (snapshot: SnapshotFrom<typeof unbindMachine>, view: ViewContext): Screen => {
  const { t, lang } = view;
  const { context } = snapshot;
  const { binding } = context;
  const reason = t(`unbind.reason.${selectedReason(context.cursor)}`);
  if (snapshot.matches('reason')) {
    return {
      title: t('unbind.title'),
      lines: [
        { text: t('unbind.which', { name: binding.name[lang], account: maskAccount(binding) }), tone: 'muted' },
        { text: t('unbind.reasonPrompt') },
        ...numbered(
          UNBIND_REASONS.map((id) => t(`unbind.reason.${id}`)),
          context.cursor,
        ),
      ],
      hints: { confirm: t('hint.confirm'), cancel: t('hint.back') },
    };
  }
  if (snapshot.matches('review')) {
    return {
      title: t('unbind.reviewTitle'),
      lines: [
        { text: t('bindings.type', { kind: t(`bindings.kind.${binding.kind}`) }) },
        { text: t('bindings.account', { account: maskAccount(binding) }) },
        { text: t('bindings.boundAt', { date: binding.boundAt }) },
        { text: t('unbind.reason', { reason }) },
        { text: '' },
        { text: t('unbind.codeGoesTo', { phone: maskPhone(view.profile.sms.phone) }), tone: 'muted' },
        { text: t('unbind.pressToSubmit'), tone: 'warning' },
      ],
      hints: { confirm: t('hint.submit'), cancel: t('hint.back') },
    };
  }
  if (snapshot.matches('settling')) {
    return {
      title: t('unbind.title'),
      lines: [{ text: t('unbind.settling') }, { text: t('unbind.doNotPowerOff'), tone: 'warning' }, { text: '' }],
      hints: {},
      progress: Math.min(1, (view.now - context.settlingSince) / SETTLEMENT_MS),
    };
  }
  if (snapshot.matches('unbound')) {
    return {
      title: t('unbind.doneTitle'),
      lines: [
        { text: t('unbind.done'), tone: 'success' },
        { text: t('unbind.doneDetail', { name: binding.name[lang], account: maskAccount(binding) }) },
        ...reviewLines(context.port, view),
      ],
      hints: { confirm: t('hint.confirm'), cancel: t('hint.back') },
    };
  }
  return {
    title: t('offline.title'),
    lines: [{ text: t('offline.unbind'), tone: 'error' }],
    hints: { confirm: t('hint.confirm'), cancel: t('hint.back') },
  };
};
