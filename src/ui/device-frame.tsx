/**
 * The device's display in a fixed-width frame: status line, title, body rows and soft keys. When
 * the phone is beside it, the one the keypad goes to has its border drawn with '=' (and in colour).
 */
import { Box, Text } from 'ink';
import type { LineTone } from '../screen/screen.js';
import { DISPLAY, type DisplayRows } from '../screen/screen-text.js';
import type { GridSize } from '../screen/text-layout.js';

type DeviceFrameProps = {
  /** What the display shows, already laid out in rows. */
  readonly rows: DisplayRows;
  /** The display's text grid (from the profile). */
  readonly display?: GridSize;
  /** Whether the keypad goes to the terminal while the phone is beside it (its border shows it). */
  readonly focused?: boolean;
};

/** The border of the frame the keypad goes to: ASCII, as ambiguous-width box characters break frames in CJK terminals. */
export const FOCUSED_BORDER = { topLeft: '+', top: '=', topRight: '+', right: '|', bottomRight: '+', bottom: '=', bottomLeft: '+', left: '|' } as const;

/** The frame around a display: border and padding across; border, status, rules, title and soft keys down. */
export const frameSize = (display: GridSize): { readonly width: number; readonly height: number } => ({
  width: display.columns + 4,
  height: display.rows + 7,
});

/** The frame of the usual display (36x10). */
export const FRAME_WIDTH = frameSize(DISPLAY).width;
export const FRAME_HEIGHT = frameSize(DISPLAY).height;

export const TONE_COLOR: Record<LineTone, string | undefined> = {
  normal: undefined,
  muted: 'gray',
  error: 'red',
  success: 'green',
  warning: 'yellow',
};

export const DeviceFrame = ({ rows, display = DISPLAY, focused = false }: DeviceFrameProps) => {
  const rule = '-'.repeat(display.columns);
  return (
  <Box
    flexDirection="column"
    width={frameSize(display).width}
    borderStyle={focused ? FOCUSED_BORDER : 'classic'}
    {...(focused ? { borderColor: 'cyan' } : {})}
    paddingX={1}
  >
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
};
