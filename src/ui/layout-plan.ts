/**
 * Where the panels around the device go: one pure rule from the terminal's size, the device
 * frame's and the panels that want room (the phone, the practice card or demo captions, the
 * printer, the key legend, a trainer's note) to a plan the components only draw. Panels are served
 * in the order asked: under a panel already beside the device when that column has the room, else
 * in a column of their own beside it, else under the device; what fits nowhere is left out, never
 * drawn so that the device scrolls away.
 */

export type PanelId = 'aside' | 'phone' | 'printer' | 'legend' | 'note';

/** A panel that wants room, in the order panels are served. */
export type PanelRequest = {
  readonly id: PanelId;
  /** Columns it would like, border included. */
  readonly width: number;
  /** Fewer columns than this and it no longer reads. */
  readonly minWidth: number;
  /** Rows it would like. */
  readonly height: number;
  /** Rows it can live with, cut to (it keeps what matters in view); its height when absent. */
  readonly minHeight?: number;
  /** It keeps a column of space on each side itself (text panels), so needs no gap beside the device. */
  readonly padded?: boolean;
};

export type Placement = {
  readonly id: PanelId;
  readonly place: 'beside' | 'below';
  /** Beside: which column of panels, 0 next to the device. */
  readonly column: number;
  readonly width: number;
  /** Rows it may take. */
  readonly height: number;
  /** Columns of space before it: a bordered panel under a text panel keeps its gap from the device. */
  readonly indent: number;
};

export type LayoutPlan =
  /** The device itself does not fit: say how much room it needs. */
  | { readonly kind: 'tooSmall'; readonly columns: number; readonly rows: number }
  | {
      readonly kind: 'fits';
      /** Placed panels, in the order asked. */
      readonly placements: readonly Placement[];
      /** Panels there was no room for. */
      readonly left: readonly PanelId[];
    };

export type Size = { readonly columns: number; readonly rows: number };

/** A column of space between the device and a panel beside it, and between panels. */
export const PANEL_GAP = 1;

/** The gap a panel needs beside the device or another panel. */
export const gapOf = (panel: Pick<PanelRequest, 'padded'>): number => (panel.padded ? 0 : PANEL_GAP);

type Column = { readonly width: number; readonly gap: number; rowsLeft: number };

export const planLayout = (
  terminal: Size,
  frame: { readonly width: number; readonly height: number },
  panels: readonly PanelRequest[],
): LayoutPlan => {
  if (terminal.columns < frame.width || terminal.rows < frame.height) return { kind: 'tooSmall', columns: frame.width, rows: frame.height };
  // Output as tall as the terminal makes Ink redraw the whole screen: panels keep a row spare.
  const tallest = terminal.rows - 1;
  const columns: Column[] = [];
  let columnsFree = terminal.columns - frame.width;
  let rowsBelow = tallest - frame.height;
  const placements: Placement[] = [];
  const left: PanelId[] = [];
  for (const panel of panels) {
    const minHeight = Math.min(panel.minHeight ?? panel.height, panel.height);
    const indentIn = (column: Column) => Math.max(0, gapOf(panel) - column.gap);
    const under = columns.findIndex((column) => column.width - indentIn(column) >= panel.minWidth && column.rowsLeft >= minHeight);
    const column = columns[under];
    const room = columnsFree - gapOf(panel);
    if (column) {
      const height = Math.min(panel.height, column.rowsLeft);
      const indent = indentIn(column);
      placements.push({ id: panel.id, place: 'beside', column: under, width: column.width - indent, height, indent });
      column.rowsLeft -= height;
    } else if (room >= panel.minWidth && tallest >= minHeight) {
      const width = Math.min(panel.width, room);
      const height = Math.min(panel.height, tallest);
      placements.push({ id: panel.id, place: 'beside', column: columns.length, width, height, indent: 0 });
      columns.push({ width, gap: gapOf(panel), rowsLeft: tallest - height });
      columnsFree -= gapOf(panel) + width;
    } else if (rowsBelow >= minHeight && terminal.columns >= panel.minWidth) {
      const height = Math.min(panel.height, rowsBelow);
      placements.push({ id: panel.id, place: 'below', column: 0, width: Math.min(panel.width, terminal.columns), height, indent: 0 });
      rowsBelow -= height;
    } else left.push(panel.id);
  }
  return { kind: 'fits', placements, left };
};
