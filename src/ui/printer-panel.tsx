/**
 * The receipt printer beside the device: the paper of the last printout, its end in view (the
 * part that just came out), with how many lines are above it when the panel is shorter than the
 * paper.
 */
import { Box, Text } from 'ink';
import type { Translate } from '../i18n/messages.js';
import { PAPER_COLUMNS } from '../printer/receipt-text.js';

type PrinterPanelProps = {
  /** The printout's lines, top to bottom. */
  readonly lines: readonly string[];
  readonly t: Translate;
  /** Rows the panel may take, border included. */
  readonly height: number;
};

/** The panel's width: the paper, its border and a column of space on each side. */
export const PRINTER_WIDTH = PAPER_COLUMNS + 4;

/** Rows the panel takes around the paper: border and title. */
export const PRINTER_CHROME_ROWS = 3;

/** The lines of paper that fit in `height` rows: the end, and how many lines are above it. */
export const paperInView = (lines: readonly string[], height: number): { readonly above: number; readonly shown: readonly string[] } => {
  const room = Math.max(1, height - PRINTER_CHROME_ROWS);
  if (lines.length <= room) return { above: 0, shown: lines };
  const shown = lines.slice(lines.length - (room - 1));
  return { above: lines.length - shown.length, shown };
};

export const PrinterPanel = ({ lines, t, height }: PrinterPanelProps) => {
  const { above, shown } = paperInView(lines, height);
  return (
    <Box flexDirection="column" flexShrink={0} width={PRINTER_WIDTH} borderStyle="classic" paddingX={1}>
      <Text bold>{t('printer.title')}</Text>
      {above > 0 && <Text dimColor>{t('printer.above', { count: above })}</Text>}
      {shown.map((line, index) => (
        <Text key={index}>{line || ' '}</Text>
      ))}
    </Box>
  );
};
