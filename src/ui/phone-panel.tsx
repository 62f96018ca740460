/**
 * The merchant's phone beside the device: the last text it received (the verification code for
 * 关闭服务 and 解绑), so the operator can read the code and type it on the device, as with a real
 * phone next to a real terminal.
 */
import { Box, Text } from 'ink';
import type { Sms } from '../device/device-session.js';
import { deviceDateTime } from '../device/device-time.js';
import type { Translate } from '../i18n/messages.js';
import { wrapped } from '../line-breaks.js';
import { maskPhone } from '../store/sms-gateway.js';

type PhonePanelProps = {
  /** The last text the phone received. */
  readonly sms: Sms;
  readonly t: Translate;
  /** Columns the panel takes, border included. */
  readonly width: number;
};

/** The phone's width beside the device when there is room for it. */
export const PHONE_WIDTH = 36;
/** Fewer columns than this and the text no longer reads as a message. */
export const PHONE_MIN_WIDTH = 24;

/** The phone shows a message while its code is still good (on the device clock). */
export const isFreshSms = (sms: Sms | undefined, now: number, validMs: number): sms is Sms =>
  sms !== undefined && now >= sms.at && now - sms.at < validMs;

export const PhonePanel = ({ sms, t, width }: PhonePanelProps) => (
  <Box flexDirection="column" flexShrink={0} alignSelf="flex-start" width={width} borderStyle="classic" paddingX={1}>
    <Text bold>{t('phone.title', { phone: maskPhone(sms.to) })}</Text>
    <Text>
      <Text color="cyan">{t('phone.from', { from: sms.from })}</Text>
      <Text dimColor>{`  ${deviceDateTime(sms.at).time.slice(0, 5)}`}</Text>
    </Text>
    {/* Border and padding take four columns; the text breaks as the device's own lines do. */}
    <Text>{wrapped(sms.text, width - 4)}</Text>
  </Box>
);
