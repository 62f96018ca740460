/**
 * A capture drawn by the UI's own components — the device frame, and the phone and printer beside
 * it where they are shown, placed by the UI's layout rule — into the text and escape sequences Ink
 * writes to a terminal. A picture is made from exactly these frames, so it is what the terminal shows.
 */
import chalk from 'chalk';
import { Box, renderToString } from 'ink';
import type { ReactNode } from 'react';
import { translator } from '../i18n/messages.js';
import { DeviceFrame, frameSize } from '../ui/device-frame.js';
import { PANEL_GAP, planLayout, type PanelRequest, type Placement } from '../ui/layout-plan.js';
import { PHONE_HEIGHT, PHONE_WIDTH, PhonePanel } from '../ui/phone-panel.js';
import { PRINTER_CHROME_ROWS, PRINTER_WIDTH, PrinterPanel } from '../ui/printer-panel.js';
import type { ScreenCapture } from './screen-capture.js';

/** Ink's frame for a capture, and the terminal size it takes. */
export type TerminalFrame = {
  /** What Ink writes: rows of text with SGR escape sequences, one row a line. */
  readonly text: string;
  readonly columns: number;
  readonly rows: number;
};

/** The fewest rows of paper the printer shows (the UI's rule too). */
const PRINTER_MIN_ROWS = 8;

/** Captured rows as the frame and panels draw them (no line continues another: a capture is whole rows). */
const drawnRows = (rows: Pick<ScreenCapture, 'status' | 'title' | 'body' | 'hints' | 'more'>) => ({
  status: rows.status,
  title: rows.title,
  body: rows.body.map((line) => ({ ...line, continued: false, joint: '', indent: 0 })),
  hints: rows.hints,
  ...(rows.more ? { more: rows.more } : {}),
});

/** Ink lays the frame out for a terminal this size: the device with its panels beside it, as tall as the device. */
const pictureLayout = (capture: ScreenCapture) => {
  const t = translator(capture.lang);
  const frame = frameSize(capture.display);
  const requests: PanelRequest[] = [
    ...(capture.phone ? [{ id: 'phone' as const, width: PHONE_WIDTH, minWidth: PHONE_WIDTH, height: PHONE_HEIGHT }] : []),
    // The printer shows the end of the paper, as tall as the device: the part that just came out.
    ...(capture.paper
      ? [
          {
            id: 'printer' as const,
            width: PRINTER_WIDTH,
            minWidth: PRINTER_WIDTH,
            height: Math.min(capture.paper.length + PRINTER_CHROME_ROWS, Math.max(frame.height, PRINTER_MIN_ROWS)),
          },
        ]
      : []),
  ];
  const columns = frame.width + requests.reduce((sum, request) => sum + request.width + PANEL_GAP, 0);
  const rows = Math.max(frame.height, ...requests.map((request) => request.height)) + 1;
  const plan = planLayout({ columns, rows }, frame, requests);
  return { t, frame, plan: plan.kind === 'fits' ? plan.placements : [], columns };
};

/** The capture as the UI's components draw it. */
const PictureFrame = ({ capture }: { readonly capture: ScreenCapture }): ReactNode => {
  const { t, plan } = pictureLayout(capture);
  const draw = (placement: Placement): ReactNode =>
    placement.id === 'phone' && capture.phone ? (
      <PhonePanel key="phone" rows={drawnRows(capture.phone)} t={t} focused={false} />
    ) : placement.id === 'printer' && capture.paper ? (
      <PrinterPanel key="printer" lines={capture.paper} t={t} height={placement.height} />
    ) : null;
  const columns = [...new Set(plan.map((placement) => placement.column))];
  return (
    <Box flexDirection="row" alignItems="flex-start">
      <DeviceFrame rows={drawnRows(capture)} display={capture.display} />
      {columns.map((column) => (
        <Box key={column} flexDirection="column" marginLeft={PANEL_GAP} flexShrink={0}>
          {plan.filter((placement) => placement.column === column).map(draw)}
        </Box>
      ))}
    </Box>
  );
};

/**
 * Ink's frame for the capture, colours included whatever the process's own terminal supports (chalk,
 * which Ink styles text with, would otherwise leave them out where stdout is no terminal).
 */
export const terminalFrame = (capture: ScreenCapture): TerminalFrame => {
  const { columns } = pictureLayout(capture);
  const level = chalk.level;
  chalk.level = 3;
  let text: string;
  try {
    text = renderToString(<PictureFrame capture={capture} />, { columns });
  } finally {
    chalk.level = level;
  }
  const lines = text.split('\n');
  return { text, columns, rows: lines.length };
};
