/**
 * The phone beside the terminal, drawn from the phone's rows: its number and the time, the title,
 * the screen's rows (selection marked, as on the terminal) and its soft keys, then which key moves
 * the keypad to it or back. When it has the keypad its border is drawn with '=' (and in colour),
 * as the terminal's is when the terminal has it: plain ASCII, so the box lines up in any terminal.
 */
import { Box, Text } from 'ink';
import type { Translate } from '../i18n/messages.js';
import { FOCUS_KEY } from '../keys/key-map.js';
import type { DisplayRows } from '../screen/screen-text.js';
import { PHONE_DISPLAY } from '../phone/phone-session.js';
import { FOCUSED_BORDER, ruleLine, TONE_COLOR } from './device-frame.js';

type PhonePanelProps = {
  /** What the phone's screen shows, laid out on its grid (with PHONE_HEIGHT - CHROME_ROWS body rows, or fewer). */
  readonly rows: DisplayRows;
  readonly t: Translate;
  /** Whether the keypad goes to the phone. */
  readonly focused: boolean;
};

/** Columns the phone takes, border and padding included. */
export const PHONE_WIDTH = PHONE_DISPLAY.columns + 4;
/** Rows around the screen's rows: border, status, title, rule, rule, soft keys, the focus line. */
export const PHONE_CHROME_ROWS = 8;
/** Rows it takes with all of its screen. */
export const PHONE_HEIGHT = PHONE_DISPLAY.rows + PHONE_CHROME_ROWS;
/** Rows it can live with in a short window: five rows of its screen (a list scrolls with its selection). */
export const PHONE_MIN_HEIGHT = 5 + PHONE_CHROME_ROWS;

export const PhonePanel = ({ rows, t, focused }: PhonePanelProps) => {
  return (
    <Box
      flexDirection="column"
      flexShrink={0}
      alignSelf="flex-start"
      width={PHONE_WIDTH}
      borderStyle={focused ? FOCUSED_BORDER : 'classic'}
      {...(focused ? { borderColor: 'cyan' } : {})}
      paddingX={1}
    >
      <Text color="cyan">{rows.status}</Text>
      <Text bold>{rows.title || ' '}</Text>
      <Text dimColor>{ruleLine(PHONE_DISPLAY.columns, rows.more, '^')}</Text>
      {rows.body.map((line, index) => (
        <Text key={index} color={TONE_COLOR[line.tone]} inverse={line.selected}>
          {line.text || ' '}
        </Text>
      ))}
      <Text dimColor>{ruleLine(PHONE_DISPLAY.columns, rows.more, 'v')}</Text>
      <Text>{rows.hints || ' '}</Text>
      <Text dimColor>{t(focused ? 'phone.focusedHint' : 'phone.focusHint', { key: FOCUS_KEY })}</Text>
    </Box>
  );
};
