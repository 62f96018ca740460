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
import stringWidth from 'string-width';

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

/** Rows the panel takes for a message at `width` columns: border, title, sender and the wrapped text. */
export const phoneHeight = (sms: Sms, width: number, t: Translate): number =>
  4 + wrapped(sms.text, width - 4).split('\n').length + (stringWidth(t('phone.title', { phone: maskPhone(sms.to) })) > width - 4 ? 1 : 0);

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
