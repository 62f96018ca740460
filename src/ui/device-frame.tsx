/**
 * The device's display in a fixed-width frame. Smart: status line, title, body rows and soft keys.
 * Classic: the LCD's icon strip, then its lines, the title's in reverse video as such LCDs draw it.
 * When the phone is beside it, the one the keypad goes to has its border drawn with '=' (and in colour).
 */
import { Box, Text } from 'ink';
import { isClassic, type DisplaySpec } from '../screen/default-display.js';
import type { LineTone } from '../screen/screen.js';
import { DISPLAY, type DisplayRows } from '../screen/screen-text.js';
import type { GridLine } from '../screen/text-layout.js';
import { padEnd, sliceColumns } from '../text-width.js';

type DeviceFrameProps = {
  /** What the display shows, already laid out in rows. */
  readonly rows: DisplayRows;
  /** The display's text grid (from the profile). */
  readonly display?: DisplaySpec;
  /** Whether the keypad goes to the terminal while the phone is beside it (its border shows it). */
  readonly focused?: boolean;
};

/** The border of the frame the keypad goes to: ASCII, as ambiguous-width box characters break frames in CJK terminals. */
export const FOCUSED_BORDER = {
  topLeft: '+',
  top: '=',
  topRight: '+',
  right: '|',
  bottomRight: '+',
  bottom: '=',
  bottomLeft: '+',
  left: '|',
} as const;

/**
 * The frame around a display: border and padding across. Down: border, status, rules, title and
 * soft keys around a smart display's body; border, icon strip and a rule above a classic LCD's lines.
 */
export const frameSize = (display: DisplaySpec): { readonly width: number; readonly height: number } => ({
  width: display.columns + 4,
  height: display.rows + (isClassic(display) ? 4 : 7),
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

/**
 * The rule above or below a list's rows, with `^` (rows above) or `v` (rows below) at its right
 * end where the list has rows out of view, as a classic LCD marks its title line.
 */
export const ruleLine = (columns: number, more: string | undefined, mark: '^' | 'v'): string =>
  more?.includes(mark) ? `${'-'.repeat(columns - 2)} ${mark}` : '-'.repeat(columns);

/** A body row; the selected item in reverse video (the whole row, or its part where two items share it). */
const BodyRow = ({ line }: { readonly line: GridLine }) => {
  const color = TONE_COLOR[line.tone];
  if (!line.cursor) {
    return (
      <Text color={color} inverse={line.selected}>
        {line.text || ' '}
      </Text>
    );
  }
  const { from, to } = line.cursor;
  return (
    <Text>
      {sliceColumns(line.text, 0, from)}
      <Text color={color} inverse>
        {sliceColumns(line.text, from, to)}
      </Text>
      {sliceColumns(line.text, to)}
    </Text>
  );
};

export const DeviceFrame = ({ rows, display = DISPLAY, focused = false }: DeviceFrameProps) => {
  const rule = '-'.repeat(display.columns);
  const border = focused ? { borderStyle: FOCUSED_BORDER, borderColor: 'cyan' } : { borderStyle: 'classic' as const };
  if (rows.classic) {
    const { titleRow } = rows.classic;
    return (
      <Box flexDirection="column" width={frameSize(display).width} {...border} paddingX={1}>
        <Text color="cyan">{rows.status}</Text>
        <Text dimColor>{rule}</Text>
        {titleRow !== undefined && (
          <Text bold inverse>
            {padEnd(titleRow, display.columns)}
          </Text>
        )}
        {rows.body.map((line, index) => (
          <BodyRow key={index} line={line} />
        ))}
      </Box>
    );
  }
  return (
    <Box flexDirection="column" width={frameSize(display).width} {...border} paddingX={1}>
      <Text color="cyan">{rows.status}</Text>
      <Text dimColor>{ruleLine(display.columns, rows.more, '^')}</Text>
      <Text bold>{rows.title}</Text>
      {rows.body.map((line, index) => (
        <BodyRow key={index} line={line} />
      ))}
      <Text dimColor>{ruleLine(display.columns, rows.more, 'v')}</Text>
      <Text>{rows.hints || ' '}</Text>
    </Box>
  );
};
