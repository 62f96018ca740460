/**
 * The display specs a profile may name: a smart terminal's colour screen (the default, most in
 * landscape) or a classic terminal's small monochrome LCD (16 columns by 4 lines).
 */
import type { GridSize } from './text-layout.js';

/** The display of a profile that names none: most smart terminals in landscape, 36 columns by 10 body rows. */
export const DEFAULT_DISPLAY = { columns: 36, rows: 10 } as const;

/** A classic terminal's 128×64 monochrome LCD: 4 lines of 16 columns (8 Chinese characters a line). */
export const CLASSIC_DISPLAY = { kind: 'classic', columns: 16, rows: 4 } as const;

/**
 * How a display is laid out. `smart`: a status line, the title, `rows` body rows and the soft-key
 * line. `classic`: `rows` lines in all (the title's included) under the LCD's icon strip, menus two
 * items a line, long texts paged with 上/下, no soft-key line.
 */
export type DisplaySpec = GridSize & { readonly kind?: 'smart' | 'classic' };

export const isClassic = (display: DisplaySpec): boolean => display.kind === 'classic';
