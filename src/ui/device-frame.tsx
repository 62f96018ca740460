/** The device's display in a fixed-width frame: status line, title, body rows and soft keys. */
import { Box, Text } from 'ink';
import type { LineTone } from '../screen/screen.js';
import { DISPLAY, type DisplayRows } from '../screen/screen-text.js';

type DeviceFrameProps = {
  /** What the display shows, already laid out in rows. */
  readonly rows: DisplayRows;
};

/** Frame width: display columns plus border and padding. */
export const FRAME_WIDTH = DISPLAY.columns + 4;
/** Frame height: border, status, rule, title, body, rule, soft keys, border. */
export const FRAME_HEIGHT = DISPLAY.rows + 7;

const TONE_COLOR: Record<LineTone, string | undefined> = {
  normal: undefined,
  muted: 'gray',
  error: 'red',
  success: 'green',
  warning: 'yellow',
};

const rule = '-'.repeat(DISPLAY.columns);

export const DeviceFrame = ({ rows }: DeviceFrameProps) => (
  <Box flexDirection="column" width={FRAME_WIDTH} borderStyle="classic" paddingX={1}>
    <Text color="cyan">{rows.status}</Text>
    <Text dimColor>{rule}</Text>
    <Text bold>{rows.title}</Text>
    {rows.body.map((line, index) => (
      <Text key={index} color={TONE_COLOR[line.tone]} inverse={line.selected}>
        {line.text || ' '}
      </Text>
    ))}
    <Text dimColor>{rule}</Text>
    <Text>{rows.hints || ' '}</Text>
  </Box>
);
