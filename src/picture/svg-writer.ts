/**
 * Terminal cells as an SVG picture: every character placed at its own cell (a Chinese character
 * across two), so the columns line up whatever font the viewer has; one <text> per row holding the
 * row as the terminal shows it (spaces as no-break spaces), styled runs as <tspan>s, backgrounds
 * (the inverse selection) as rectangles. The colours are a dark terminal theme.
 */
import type { Cell, CellColor, CellGrid } from './terminal-cells.js';

/** Cell size in px (the font is 16 px: a half-width character about 9.6 px wide, a Chinese one 16). */
export const CELL_WIDTH = 10;
export const CELL_HEIGHT = 20;
const FONT_SIZE = 16;
const BASELINE = 15;
const MARGIN = 12;

/** A monospace font for Latin text first, then fonts with Chinese characters, then any monospace. */
export const FONT_FAMILY =
  "'DejaVu Sans Mono','Noto Sans Mono CJK SC','Noto Sans CJK SC','WenQuanYi Zen Hei Mono',Menlo,Consolas,'PingFang SC','Microsoft YaHei',monospace";

const THEME = {
  background: '#1c1f26',
  foreground: '#dcdfe4',
  // black, red, green, yellow, blue, magenta, cyan, white, then the bright ones (gray is bright black).
  ansi: [
    '#1c1f26',
    '#e06c75',
    '#98c379',
    '#e5c07b',
    '#61afef',
    '#c678dd',
    '#56b6c2',
    '#dcdfe4',
    '#7f848e',
    '#ff7b86',
    '#b5e890',
    '#ffd58a',
    '#7dc4ff',
    '#de94f5',
    '#6fd3df',
    '#ffffff',
  ],
} as const;

const CUBE = [0, 95, 135, 175, 215, 255];
const hex = (value: number) => value.toString(16).padStart(2, '0');

/** A palette colour as #rrggbb: the 16 of the theme, the 6x6x6 cube, the grey ramp. */
const paletteColor = (index: number): string => {
  if (index < 16) return THEME.ansi[index] ?? THEME.foreground;
  if (index < 232) {
    const n = index - 16;
    return `#${hex(CUBE[Math.floor(n / 36)] ?? 0)}${hex(CUBE[Math.floor(n / 6) % 6] ?? 0)}${hex(CUBE[n % 6] ?? 0)}`;
  }
  const level = 8 + (index - 232) * 10;
  return `#${hex(level)}${hex(level)}${hex(level)}`;
};

const resolve = (color: CellColor, fallback: string): string =>
  color === 'default' ? fallback : color.startsWith('p') ? paletteColor(Number(color.slice(1))) : color;

/** The colours a cell is painted in, inverse applied; `background` is undefined where it is the page's. */
const paint = (cell: Cell): { readonly fill: string; readonly background: string | undefined } => {
  const fg = resolve(cell.fg, THEME.foreground);
  const bg = cell.bg === 'default' ? undefined : resolve(cell.bg, THEME.background);
  return cell.inverse ? { fill: bg ?? THEME.background, background: fg } : { fill: fg, background: bg };
};

const escapeXml = (text: string): string =>
  text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] ?? char);

type Run = {
  readonly column: number;
  readonly columns: number;
  readonly style: string;
  readonly background: string | undefined;
  readonly text: string;
  readonly x: number[];
};

const styleOf = (cell: Cell, fill: string): string =>
  [fill === THEME.foreground ? '' : `fill="${fill}"`, cell.bold ? 'font-weight="700"' : '', cell.dim ? 'fill-opacity="0.55"' : '']
    .filter(Boolean)
    .join(' ');

/** A row as runs of cells that look the same; each character keeps its own x. */
const runsOf = (cells: readonly Cell[]): Run[] => {
  const runs: Run[] = [];
  let column = 0;
  for (const cell of cells) {
    if (cell.width === 0) continue;
    const { fill, background } = paint(cell);
    const style = styleOf(cell, fill);
    const x = column * CELL_WIDTH + (cell.width === 2 ? (2 * CELL_WIDTH - FONT_SIZE) / 2 : 0);
    const last = runs.at(-1);
    if (last && last.style === style && last.background === background) {
      runs[runs.length - 1] = { ...last, columns: last.columns + cell.width, text: last.text + cell.char, x: [...last.x, x] };
    } else {
      runs.push({ column, columns: cell.width, style, background, text: cell.char, x: [x] });
    }
    column += cell.width;
  }
  return runs;
};

/** The row's text (leading and trailing blanks left out) with its characters' x, and the styled runs. */
const rowSvg = (cells: readonly Cell[], y: number): { readonly text: string; readonly rects: string } => {
  const runs = runsOf(cells);
  const rects = runs
    .filter((run) => run.background !== undefined)
    .map(
      (run) =>
        `<rect x="${run.column * CELL_WIDTH}" y="${y}" width="${run.columns * CELL_WIDTH}" height="${CELL_HEIGHT}" fill="${run.background}"/>`,
    )
    .join('');
  const chars = runs.flatMap((run) => [...run.text].map((char, index) => ({ char, x: run.x[index] ?? 0, run })));
  const first = chars.findIndex((char) => char.char !== ' ');
  const last = chars.findLastIndex((char) => char.char !== ' ');
  if (first < 0) return { text: '', rects };
  const shown = chars.slice(first, last + 1);
  let body = '';
  let open: Run | undefined;
  for (const char of shown) {
    if (char.run !== open) {
      if (open?.style) body += '</tspan>';
      open = char.run;
      if (open.style) body += `<tspan ${open.style}>`;
    }
    // A no-break space: no renderer collapses it, so every character keeps the x given for it.
    body += char.char === ' ' ? '\u00a0' : escapeXml(char.char);
  }
  if (open?.style) body += '</tspan>';
  const x = shown.map((char) => char.x).join(' ');
  return { text: `<text x="${x}" y="${y + BASELINE}">${body}</text>`, rects };
};

/** The grid as an SVG document; `title` names it for screen readers and browsers. */
export const cellsToSvg = (grid: CellGrid, title: string): string => {
  const width = grid.columns * CELL_WIDTH + 2 * MARGIN;
  const height = grid.rows.length * CELL_HEIGHT + 2 * MARGIN;
  const rows = grid.rows.map((cells, index) => rowSvg(cells, index * CELL_HEIGHT));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" rx="8" fill="${THEME.background}"/>`,
    `<g transform="translate(${MARGIN} ${MARGIN})">${rows.map((row) => row.rects).join('')}</g>`,
    `<g transform="translate(${MARGIN} ${MARGIN})" font-family="${FONT_FAMILY}" font-size="${FONT_SIZE}" fill="${THEME.foreground}" xml:space="preserve" style="white-space:pre">`,
    ...rows.map((row) => row.text).filter(Boolean),
    '</g>',
    '</svg>',
  ].join('\n');
};
