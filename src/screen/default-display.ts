/** The display of a profile that names none: most smart terminals in landscape, 36 columns by 10 body rows. */
export const DEFAULT_DISPLAY = { columns: 36, rows: 10 } as const;
