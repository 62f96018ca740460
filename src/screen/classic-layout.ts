/**
 * A Screen laid out on a classic terminal's LCD (16 columns by 4 lines, 8 Chinese characters a
 * line), as such terminals draw it: the title on the first line (centred), the body on the others,
 * no soft-key line. Spacer lines are dropped (four lines are too few to leave one empty). Menu
 * items go two a line where both fit ("1.消费 2.撤销"); a menu that fills the whole LCD that way
 * takes the title's line too, as a classic main menu does. A list longer than the LCD scrolls with
 * its cursor; any other text longer than it is cut into pages that 上/下 turn. The title line's
 * right end says that more follows: `1/2` for pages, `v` and `^` for list rows below and above
 * (ASCII only: arrows are ambiguous-width and break frames in CJK terminals). No word is ever cut
 * to fit: lines break between words as on any display.
 */
import stringWidth from 'string-width';
import { breakLine, type BrokenRow } from '../line-breaks.js';
import { padEnd } from '../text-width.js';
import type { Screen, ScreenLine } from './screen.js';
import { progressBar, type GridLine, type GridSize } from './text-layout.js';

/** What the selection marker looks like in the one column in front of a menu item. */
const CURSOR = '>';

/** A menu item as a menu numbers it: `1.消费`. */
const NUMBERED = /^\s*\d+\./;

/**
 * A row of the LCD's body, which items (indexes among the screen's items) it shows, and whether it
 * goes on inside a word the row above had to cut.
 */
type BodyRow = GridLine & { readonly items: readonly number[]; readonly cut?: boolean; readonly field?: boolean; readonly path?: boolean };

export type ClassicLayout = {
  /** The title as the first line shows it; '' when a menu took its line. */
  readonly title: string;
  /** The first line as shown (the title centred, the more-marker at its right end), or undefined when a menu took it. */
  readonly titleRow: string | undefined;
  /** `1/2` (pages), `v`, `^`, `^v` (list rows below, above), or ''. */
  readonly more: string;
  /** The rows under the title line, exactly as many as there are. */
  readonly body: readonly GridLine[];
  /** Every row a person can bring into view: the whole text of a paged screen, the rows shown otherwise. */
  readonly readable: readonly GridLine[];
  /** The page shown and how many there are, when the text is paged. */
  readonly paging?: { readonly page: number; readonly count: number };
};

const plainRow = (
  text: string,
  line: Pick<ScreenLine, 'tone'>,
  piece: BrokenRow = { text, joint: '', indent: 0 },
  continued = false,
): BodyRow => ({
  text,
  selected: false,
  tone: line.tone ?? 'normal',
  continued,
  joint: piece.joint,
  indent: piece.indent,
  gutter: 0,
  items: [],
  ...(piece.cut ? { cut: true } : {}),
});

const EMPTY_ROW: BodyRow = plainRow('', {});

/** A line that is one file path (a backup's), which has no words to keep whole. */
const FILE_PATH = /^[^\s]*[/\\][^\s]*$/;

/** The rows of one line that is not an item: the whole width. */
const textRows = (line: ScreenLine, columns: number): BodyRow[] => {
  const path = FILE_PATH.test(line.text);
  return breakLine(line.text, columns).map((piece, index) => ({
    ...plainRow(piece.text, line, piece, index > 0),
    ...(line.field ? { field: true } : {}),
    ...(path ? { path } : {}),
  }));
};

/**
 * An item on rows of its own: the marker column, then the item broken to what is left, its rows
 * under its text — or at the left edge where that takes fewer rows or keeps a word whole (a
 * 15-digit merchant number, a masked card number).
 */
const itemRows = (line: ScreenLine, item: number, columns: number): BodyRow[] => {
  const hanging = breakLine(line.text, columns - 1);
  const flush = breakLine(line.text, columns - 1, { hang: false });
  const pieces = hanging.some((piece) => piece.cut) || flush.length < hanging.length ? flush : hanging;
  return pieces.map((piece, index) => ({
    text: `${index === 0 && line.selected ? CURSOR : ' '}${piece.text}`,
    selected: line.selected === true,
    tone: line.tone ?? 'normal',
    continued: index > 0,
    joint: piece.joint,
    indent: piece.indent,
    gutter: 1,
    items: [item],
    ...(piece.cut ? { cut: true } : {}),
  }));
};

/**
 * A run of items two a line, when every pair fits: the left ones in a column, the right ones in a
 * second column that starts at the middle of the line where it can.
 */
const pairedRows = (run: readonly ScreenLine[], first: number, columns: number): BodyRow[] | undefined => {
  if (run.length < 2) return undefined;
  const widths = run.map((line) => stringWidth(line.text));
  const left = Math.max(...widths.filter((_, index) => index % 2 === 0));
  const right = Math.max(...widths.filter((_, index) => index % 2 === 1));
  const earliest = 1 + left;
  const latest = columns - 1 - right;
  if (earliest > latest) return undefined;
  const second = Math.min(latest, Math.max(earliest, Math.ceil(columns / 2)));
  const rows: BodyRow[] = [];
  for (let index = 0; index < run.length; index += 2) {
    const a = run[index] as ScreenLine;
    const b = run[index + 1];
    const mark = (line: ScreenLine | undefined) => (line?.selected ? CURSOR : ' ');
    const text = b ? `${mark(a)}${padEnd(a.text, second - 1)}${mark(b)}${b.text}` : `${mark(a)}${a.text}`;
    const cursor = a.selected
      ? { from: 0, to: 1 + stringWidth(a.text) }
      : b?.selected
        ? { from: second, to: second + 1 + stringWidth(b.text) }
        : undefined;
    rows.push({
      text,
      selected: cursor !== undefined,
      tone: (a.selected ? a.tone : b?.selected ? b.tone : a.tone) ?? 'normal',
      continued: false,
      joint: '',
      indent: 0,
      gutter: 1,
      items: b ? [first + index, first + index + 1] : [first + index],
      ...(cursor ? { cursor } : {}),
    });
  }
  return rows;
};

/** Every body row of the screen on the LCD's width, however many there are. */
const contentRows = (screen: Screen, columns: number): BodyRow[] => {
  const lines = screen.lines.filter((line) => line.text.trim() !== '');
  const rows: BodyRow[] = [];
  let items = 0;
  for (let index = 0; index < lines.length;) {
    const line = lines[index] as ScreenLine;
    if (!line.item) {
      rows.push(...textRows(line, columns));
      index += 1;
      continue;
    }
    let end = index;
    while (lines[end]?.item) end += 1;
    const run = lines.slice(index, end);
    rows.push(...(pairedRows(run, items, columns) ?? run.flatMap((item, offset) => itemRows(item, items + offset, columns))));
    items += run.length;
    index = end;
  }
  if (screen.progress !== undefined) rows.push(plainRow(progressBar(screen.progress, columns), {}));
  return rows;
};

/** Where a window of `size` rows starts so that the rows of item `item` are in it (the last item: as far down as it goes). */
const topFor = (rows: readonly BodyRow[], item: number | undefined, lastItem: number, size: number): number => {
  if (item === undefined) return 0;
  const first = rows.findIndex((row) => row.items.includes(item));
  const last = rows.findLastIndex((row) => row.items.includes(item));
  if (first < 0) return 0;
  const top = last >= size ? Math.min(first, last - size + 1) : 0;
  return item === lastItem ? Math.max(top, Math.min(first, rows.length - size)) : top;
};

/** The item under the cursor, an index among the screen's items. */
const selectedItem = (screen: Screen): number | undefined => {
  const index = screen.lines.filter((line) => line.item).findIndex((line) => line.selected);
  return index < 0 ? undefined : index;
};

const itemCount = (screen: Screen): number => screen.lines.filter((line) => line.item).length;

/** The title centred on its line, with the more-marker at the right end when there is one. */
const titleLine = (title: string, more: string, columns: number): string => {
  const titleWidth = stringWidth(title);
  const room = more ? columns - stringWidth(more) - 1 : columns;
  const left = Math.max(0, Math.min(Math.floor((columns - titleWidth) / 2), room - titleWidth));
  return more ? padEnd(' '.repeat(left) + title, columns - stringWidth(more)) + more : ' '.repeat(left) + title;
};

/**
 * Where the pages of a text start: a page ends early rather than break a line that fits on one
 * page. A screen that asks for input is cut from its end, so that its last page holds the input
 * line with what follows it (a wrong-password line), and opens at that page; any other text is cut
 * from its start and opens at its first page.
 */
const pagesOf = (rows: readonly BodyRow[], room: number): { readonly starts: readonly number[]; readonly opening: number } => {
  const field = rows.findIndex((row) => row.field);
  if (field < 0) {
    const starts = [0];
    for (let start = 0; start + room < rows.length;) {
      let next = start + room;
      while (next > start + 1 && rows[next]?.continued) next -= 1;
      if (rows[next]?.continued) next = start + room;
      starts.push(next);
      start = next;
    }
    return { starts, opening: 0 };
  }
  const starts: number[] = [];
  for (let end = rows.length; end > 0;) {
    let start = Math.max(0, end - room);
    while (start > 0 && start < end - 1 && rows[start]?.continued) start += 1;
    if (start > 0 && rows[start]?.continued) start = end - room;
    starts.unshift(start);
    end = start;
  }
  return { starts, opening: starts.findLastIndex((start) => start <= field) };
};

/**
 * The screen on a classic LCD of `size` (its lines, title included), showing page `page` of a
 * paged text (the page it opens at when undefined).
 */
export const classicLayout = (screen: Screen, size: GridSize, page?: number): ClassicLayout => {
  const { columns } = size;
  const content = contentRows(screen, columns);
  const items = itemCount(screen);
  const onlyItems =
    items > 0 &&
    screen.progress === undefined &&
    screen.lines.every((line) => (line.item && NUMBERED.test(line.text)) || line.text.trim() === '');
  // A menu (numbered items) that fits the LCD only with the title's line takes it, as a classic
  // main menu does; a list of records keeps its title.
  if (onlyItems && content.length > size.rows - 1 && content.length <= size.rows) {
    return { title: '', titleRow: undefined, more: '', body: content, readable: content };
  }
  // The title on its line; a title too long for it goes on at the top of the body.
  const layOut = (titleRoom: number) => {
    const pieces = breakLine(screen.title, titleRoom);
    const lead = pieces.slice(1).map((piece) => plainRow(piece.text, {}, piece, true));
    return { title: pieces[0]?.text ?? '', rows: [...lead, ...content] };
  };
  const room = size.rows - 1;
  let { title, rows } = layOut(columns);
  // More rows than lines: the title makes room for the marker (^v, or a page count such as 2/3).
  if (rows.length > room) ({ title, rows } = layOut(columns - 1 - (items > 0 ? 2 : 2 * String(Math.ceil(rows.length / room)).length + 1)));
  if (rows.length <= room) {
    const body = [...rows, ...Array<BodyRow>(room - rows.length).fill(EMPTY_ROW)];
    return { title: screen.title, titleRow: titleLine(title, '', columns), more: '', body, readable: body };
  }
  if (items > 0) {
    const top = topFor(rows, selectedItem(screen), items - 1, room);
    const body = rows.slice(top, top + room);
    const more = `${top > 0 ? '^' : ''}${top + room < rows.length ? 'v' : ''}`;
    return { title: screen.title, titleRow: titleLine(title, more, columns), more, body, readable: body };
  }
  const { starts, opening } = pagesOf(rows, room);
  const count = starts.length;
  const shown = Math.min(Math.max(0, page ?? opening), count - 1);
  const slice = rows.slice(starts[shown], starts[shown + 1] ?? rows.length);
  const body = [...slice, ...Array<BodyRow>(room - slice.length).fill(EMPTY_ROW)];
  const more = `${shown + 1}/${count}`;
  return { title: screen.title, titleRow: titleLine(title, more, columns), more, body, readable: rows, paging: { page: shown, count } };
};

/** What a person could never read on a classic LCD. */
export type ClassicProblem =
  /**
   * A word wider than a whole line, cut to fit: `row` is where it goes on. (A file path has no
   * words: it breaks wherever the line ends, as in any terminal.)
   */
  | { readonly kind: 'cutWord'; readonly row: string }
  /** Rows of a list that no cursor position brings into view, above its first item or below its last. */
  | { readonly kind: 'unreachable'; readonly where: 'above' | 'below' };

/** What a person can never read of this screen on this LCD; paged texts are read whole, page by page. */
export const classicProblems = (screen: Screen, size: GridSize): ClassicProblem[] => {
  const rows = contentRows(screen, size.columns);
  // The title leaves room for a marker when the screen has more rows than lines.
  const title = breakLine(screen.title, size.columns - 3).filter((piece) => piece.cut);
  const problems: ClassicProblem[] = [...title, ...rows.filter((row) => row.cut && !row.path)].map((row) => ({
    kind: 'cutWord' as const,
    row: row.text,
  }));
  const items = itemCount(screen);
  const room = size.rows - 1;
  if (items > 0 && classicLayout(screen, size).titleRow !== undefined && rows.length > room) {
    if (topFor(rows, 0, items - 1, room) > 0) problems.push({ kind: 'unreachable', where: 'above' });
    if (topFor(rows, items - 1, items - 1, room) + room < rows.length) problems.push({ kind: 'unreachable', where: 'below' });
  }
  return problems;
};
