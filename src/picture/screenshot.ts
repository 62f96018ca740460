/**
 * Pictures of the device: a capture drawn by the UI's components (Ink's frame), played into a
 * headless terminal and written out as SVG. A painter keeps its terminal for many pictures (a
 * report draws hundreds); `screenshotSvg` draws one.
 */
import { terminalFrame } from './picture-frame.js';
import type { ScreenCapture } from './screen-capture.js';
import { cellsToSvg } from './svg-writer.js';
import { TerminalReader } from './terminal-cells.js';

export class ScreenPainter {
  private readonly reader = new TerminalReader();

  /** The capture as an SVG picture. */
  async svg(capture: ScreenCapture): Promise<string> {
    return cellsToSvg(await this.reader.read(terminalFrame(capture)), capture.title);
  }

  dispose(): void {
    this.reader.dispose();
  }
}

/** One capture as an SVG picture. */
export const screenshotSvg = async (capture: ScreenCapture): Promise<string> => {
  const painter = new ScreenPainter();
  try {
    return await painter.svg(capture);
  } finally {
    painter.dispose();
  }
};
