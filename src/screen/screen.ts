/** What the device's display shows at one moment, before it is laid out in rows and columns. */

export type LineTone = 'normal' | 'muted' | 'error' | 'success' | 'warning';

export type ScreenLine = {
  readonly text: string;
  /** The menu cursor is on this line. */
  readonly selected?: boolean;
  readonly tone?: LineTone;
  /**
   * The line is one of a list the cursor moves over (a numbered menu item, a record, a
   * transaction): 上/下 move through the list rather than page the display, and a classic display
   * may put two short items on one row.
   */
  readonly item?: boolean;
  /** The line shows what is being typed (a password as *, an amount, a number): a classic display keeps it in view. */
  readonly field?: boolean;
};

export type Screen = {
  readonly title: string;
  readonly lines: readonly ScreenLine[];
  /** Soft-key captions: what 确认 and 取消 do here; absent when the key does nothing. */
  readonly hints: { readonly confirm?: string; readonly cancel?: string };
  /** 0..1 when the screen shows a progress bar (boot). */
  readonly progress?: number;
};

export type StatusBar = {
  readonly online: boolean;
  /** HH:MM on the device clock. */
  readonly time: string;
  readonly terminalId: string;
};
