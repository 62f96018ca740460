/**
 * The interactive device's screenshot key: a picture of what is on screen, written as an SVG file
 * in the current folder, named after the device clock (screen-HHMMSS.svg), never over another file.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deviceDateTime } from '../device/device-time.js';
import type { ScreenCapture } from './screen-capture.js';
import { screenshotSvg } from './screenshot.js';

/** A file name for a picture taken at `now` that is not taken in `dir` yet. */
export const screenshotFileName = (dir: string, now: number, exists: (path: string) => boolean = existsSync): string => {
  const stem = `screen-${deviceDateTime(now).time.replaceAll(':', '')}`;
  let name = `${stem}.svg`;
  for (let copy = 2; exists(join(dir, name)); copy++) name = `${stem}-${copy}.svg`;
  return name;
};

/** Writes the picture; returns the file's name. */
export const saveScreenshot = async (capture: ScreenCapture, dir: string, now: number): Promise<string> => {
  const svg = await screenshotSvg(capture);
  const name = screenshotFileName(dir, now);
  writeFileSync(join(dir, name), svg, { flag: 'wx' });
  return name;
};
