// Reading an SVG picture back as a person reads it: each row's text (no-break spaces as spaces) with
// the x of each of its characters, and the rectangles behind the text.

export type SvgRow = { readonly y: number; readonly text: string; readonly xs: readonly number[]; readonly markup: string };

const unescape = (text: string): string =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\u00a0/g, ' ');

/** The picture's <text> rows, top to bottom. */
export const svgRows = (svg: string): SvgRow[] =>
  [...svg.matchAll(/<text x="([^"]*)" y="([^"]*)">(.*?)<\/text>/g)].map((match) => ({
    y: Number(match[2]),
    xs: (match[1] ?? '').split(' ').map(Number),
    text: unescape((match[3] ?? '').replace(/<[^>]+>/g, '')),
    markup: (match[3] ?? '').replace(/\u00a0/g, ' '),
  }));

/** The picture's filled rectangles behind the text (the background and frame excluded). */
export const svgRects = (svg: string): { readonly x: number; readonly y: number; readonly width: number; readonly fill: string }[] =>
  [...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="[\d.]+" fill="([^"]+)"\/>/g)].map((match) => ({
    x: Number(match[1]),
    y: Number(match[2]),
    width: Number(match[3]),
    fill: match[4] ?? '',
  }));
