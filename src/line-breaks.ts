/**
 * Where a line of text breaks to fit a width in terminal columns (a Chinese character takes two):
 * the one line breaker behind the device's display and the panels beside it (cards, captions, the
 * phone, the demo list).
 *
 * English breaks at spaces. Chinese breaks between words, as Intl.Segmenter finds them, helped by
 * a few device words its dictionary lacks; 禁则 holds: no closing punctuation at the start of a
 * line, no opening punctuation at its end, and a number stays with the unit after it (300元). A
 * word or number wider than a whole line is the only thing ever broken inside. A continued row is
 * indented under the text it continues (past leading spaces, an item number `3.`, a check box
 * `[x] `). Each row keeps what its break took out (the spaces, or nothing between Chinese words),
 * so the line can be put back together exactly as it was.
 */
import stringWidth from 'string-width';
import { BoundedCache } from './bounded-cache.js';

export type BrokenRow = {
  /** The row as shown, its hanging indent included. */
  readonly text: string;
  /** What the line had at this break and no row shows: the spaces broken at, or ''. '' on a line's first row. */
  readonly joint: string;
  /** Spaces of hanging indent at the start of `text` that the line did not have (0 on a line's first row). */
  readonly indent: number;
  /** The row goes on inside a word the row above had to cut (a word wider than a whole row). */
  readonly cut?: boolean;
};

/** Punctuation that may not begin a line. */
const CLOSING = new Set([...'，。、；：？！）」』】》〉…·’”,.;:?!)]}%']);
/** Closing brackets and quotes (the closing punctuation that ends a quotation). */
const BRACKET_CLOSING = new Set([...'）」』】》〉’”)]}']);
/** Punctuation that may not end a line. */
const OPENING = new Set([...'（「『【《〈‘“([{']);

/**
 * Device words the segmenter's dictionary does not know and would split (云|闪|付, 注|销, 重|启):
 * never broken inside.
 */
const TERMS = [
  '云闪付',
  '微信',
  '微信支付',
  '支付宝',
  '银联',
  '闪付',
  '支付方式',
  '免密',
  '免签',
  '小额',
  '限额',
  '注销',
  '解绑',
  '重启',
  '重试',
  '商户',
  '账号',
  '账户',
  '本机',
  'POS机',
  '验证码',
  '结算卡',
  '挥卡',
  '插卡',
  '扫码',
  '收款',
  '付款码',
  '收银员',
  '操作员',
  '管理员',
  '持卡人',
  '付款人',
  '请勿',
];

/** Made on first use: loading its Chinese dictionary costs ~10 ms, which a run whose text all fits never needs. */
let segmenter: Intl.Segmenter | undefined;

const WIDE = /[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF]/u;
const isWide = (char: string | undefined): boolean => char !== undefined && WIDE.test(char);
const isHan = (char: string | undefined): boolean => char !== undefined && /\p{Script=Han}/u.test(char);
const isDigit = (char: string | undefined): boolean => char !== undefined && char >= '0' && char <= '9';

/** Leading spaces, an item number and a check box: what a continued row is indented past. */
const LEAD = /^ *(?:\d+\.(?!\d) *)?(?:\[[ xX]\] )?/;

/**
 * Where the segmenter puts a word boundary between two characters that are not spaces, as indexes
 * into `text`. Full-width punctuation is a word of its own (the segmenter reads 1234，5 as one).
 */
const wordBoundaries = (text: string): Set<number> => {
  const boundaries = new Set<number>();
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  for (const { index } of segmenter.segment(text)) boundaries.add(index);
  for (let at = 0; at < text.length; at += 1) {
    if (isWide(text[at]) && !isHan(text[at])) {
      boundaries.add(at);
      boundaries.add(at + 1);
    }
  }
  return boundaries;
};

/** Index ranges (start, end) of the device words in `text`, which no break may fall inside. */
const termSpans = (text: string): Array<readonly [number, number]> =>
  TERMS.flatMap((term) => {
    const spans: Array<readonly [number, number]> = [];
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) spans.push([at, at + term.length]);
    return spans;
  });

/** May the line break between text[at - 1] and text[at], two characters that are not spaces? */
const mayBreakBetween = (text: string, at: number, spans: ReadonlyArray<readonly [number, number]>): boolean => {
  const before = text[at - 1];
  const after = text[at];
  if (!isWide(before) && !isWide(after)) return false;
  if (after !== undefined && CLOSING.has(after)) return false;
  if (before !== undefined && OPENING.has(before)) return false;
  if (isDigit(before) && isHan(after)) return false;
  return !spans.some(([start, end]) => start < at && at < end);
};

/** A piece of the line that is never broken inside (unless wider than a row), and what comes before it. */
type Piece = {
  /** The spaces before it ('' where the line breaks between words). */
  readonly gap: string;
  readonly text: string;
  /** The spaces before it are inside brackets or quotes (「确认关闭 云闪付服务？」). */
  readonly quoted: boolean;
};

/** The line cut where it may break. */
const piecesOf = (body: string): Piece[] => {
  // Text without Chinese breaks at spaces only: no word boundaries to look for.
  const wide = WIDE.test(body);
  const boundaries = wide ? wordBoundaries(body) : new Set<number>();
  const spans = wide ? termSpans(body) : [];
  const pieces: Piece[] = [];
  let gap = '';
  let text = '';
  let depth = 0;
  let quoted = false;
  for (let at = 0; at < body.length; at += 1) {
    const char = body[at] as string;
    if (char === ' ') {
      if (text) {
        pieces.push({ gap, text, quoted });
        gap = '';
        text = '';
      }
      if (!gap) quoted = depth > 0;
      gap += char;
      continue;
    }
    const previous = pieces.at(-1);
    if (!text && gap && previous && (CLOSING.has(char) || OPENING.has(previous.text.at(-1) ?? ''))) {
      // 禁则 holds at a space too: the spaces are kept inside the piece rather than broken at.
      pieces.pop();
      text = previous.text + gap;
      gap = previous.gap;
      quoted = previous.quoted;
    }
    if (text && boundaries.has(at) && mayBreakBetween(body, at, spans)) {
      pieces.push({ gap, text, quoted });
      gap = '';
      text = '';
      quoted = false;
    }
    if (OPENING.has(char)) depth += 1;
    else if (BRACKET_CLOSING.has(char)) depth = Math.max(0, depth - 1);
    text += char;
  }
  if (text) pieces.push({ gap, text, quoted });
  return pieces;
};

/**
 * Where a row may start inside a word that has to be cut: not on a space or closing punctuation,
 * not after opening punctuation or a space.
 */
const mayCutAt = (chars: readonly string[], at: number): boolean => {
  const before = chars[at - 1] ?? '';
  const after = chars[at] ?? '';
  return after !== ' ' && before !== ' ' && !CLOSING.has(after) && !OPENING.has(before);
};

/**
 * `text` cut into rows, character by character (for a word wider than a row): the first with
 * `firstWidth` columns, the others `width`.
 */
const cutByWidth = (text: string, width: number, firstWidth: number): string[] => {
  const chars = [...text];
  const rows: string[] = [];
  let start = 0;
  let room = firstWidth;
  while (start < chars.length) {
    let end = start;
    let used = 0;
    while (end < chars.length && used + stringWidth(chars[end] ?? '') <= room) {
      used += stringWidth(chars[end] ?? '');
      end += 1;
    }
    if (end === chars.length) {
      rows.push(chars.slice(start).join(''));
      break;
    }
    if (end === start && room < width) {
      // Not even one character fits in what is left of the first row: start on the next.
      rows.push('');
      room = width;
      continue;
    }
    let cut = Math.max(end, start + 1);
    while (cut > start + 1 && !mayCutAt(chars, cut)) cut -= 1;
    if (!mayCutAt(chars, cut)) cut = Math.max(end, start + 1);
    rows.push(chars.slice(start, cut).join(''));
    start = cut;
    room = width;
  }
  return rows;
};

/**
 * Pieces grouped into phrases: the runs between spaces (a space inside brackets or quotes does not
 * end one). A phrase that fits on a row is moved whole rather than broken between its words, so
 * 待重启生效 stays together after 开启免密支付; a quotation stays whole where it can.
 */
const phrasesOf = (pieces: readonly Piece[]): Piece[][] => {
  const phrases: Piece[][] = [];
  for (const piece of pieces) {
    const last = phrases.at(-1);
    if (last && (piece.gap === '' || piece.quoted)) last.push(piece);
    else phrases.push([piece]);
  }
  return phrases;
};

/**
 * Lines already broken, by width and text. A device shows the same few hundred texts again and
 * again (menus, prompts, the home screen), and every screen a walkthrough reads is laid out anew:
 * breaking the line (word segmentation, string widths) was most of that. Bounded, as a run may show
 * endless different texts (amounts, times, codes). The rows are frozen: every caller shares them.
 */
const brokenLines = new BoundedCache<readonly BrokenRow[]>(4096);

/**
 * One line broken into rows of at most `columns` columns (a single row when it fits). `hang: false`
 * starts continued rows at the left edge instead of under the text they continue.
 */
export const breakLine = (text: string, columns: number, { hang = true }: { readonly hang?: boolean } = {}): readonly BrokenRow[] =>
  brokenLines.get(`${columns}${hang ? '+' : '-'}${text}`, () =>
    Object.freeze(breakUncached(text, columns, hang).map((row) => Object.freeze(row))),
  );

const breakUncached = (text: string, columns: number, hang: boolean): BrokenRow[] => {
  const width = Math.max(1, columns);
  // Most lines fit: measure once (string-width is costly).
  if (stringWidth(text) <= width) return [{ text, joint: '', indent: 0 }];
  const line = text.trimEnd();
  const lead = LEAD.exec(line)?.[0] ?? '';
  const leadWidth = lead.length < width ? lead.length : 0;
  // A hanging indent leaves at least half the row to the text.
  const indent = hang && leadWidth * 2 <= width ? leadWidth : 0;
  const rows: BrokenRow[] = [];
  let row = line.slice(0, leadWidth);
  let used = leadWidth;
  let joint = '';
  let cut = false;
  /** True while the row holds nothing but its lead or indent. */
  let empty = true;
  const finished = (): BrokenRow => ({ text: row, joint, indent: rows.length === 0 ? 0 : indent, ...(cut ? { cut } : {}) });
  const newRow = (nextJoint: string, cutWord = false) => {
    rows.push(finished());
    row = ' '.repeat(indent);
    used = indent;
    joint = nextJoint;
    cut = cutWord;
    empty = true;
  };
  const put = (part: string, partWidth = stringWidth(part)) => {
    row += part;
    used += partWidth;
    empty = false;
  };
  for (const phrase of phrasesOf(piecesOf(line.slice(leadWidth)))) {
    const measured = phrase.map((piece) => ({ ...piece, gapWidth: stringWidth(piece.gap), width: stringWidth(piece.text) }));
    const phraseWidth = measured.reduce((sum, piece, index) => sum + piece.width + (index > 0 ? piece.gapWidth : 0), 0);
    const first = measured[0];
    let gapTaken = false;
    if (first && !empty && used + first.gapWidth + phraseWidth > width && indent + phraseWidth <= width) {
      newRow(first.gap);
      gapTaken = true;
    }
    measured.forEach((piece, index) => {
      const gap = index === 0 && gapTaken ? '' : piece.gap;
      const gapWidth = gap ? piece.gapWidth : 0;
      if (!empty && used + gapWidth + piece.width > width) newRow(gap);
      else if (gap) put(gap, gapWidth);
      if (used + piece.width <= width) return put(piece.text, piece.width);
      // Wider than a whole row: the only break inside a word.
      cutByWidth(piece.text, width - indent, width - used).forEach((part, at, parts) => {
        // An empty first part: the word starts whole on the next row; any later row goes on inside it.
        if (at > 0) newRow('', parts[at - 1] !== '');
        put(part);
      });
    });
  }
  rows.push(finished());
  return rows;
};

/** The line as it was before breaking: each row's joint put back and its hanging indent taken off. */
export const rejoin = (rows: readonly BrokenRow[]): string =>
  rows.map((row, index) => (index === 0 ? row.text : row.joint + row.text.slice(row.indent))).join('');

/** The rows' texts, for a grid. */
export const wrapToWidth = (text: string, columns: number): string[] => breakLine(text, columns).map((row) => row.text);

/** Text (lines separated by \n) broken to `columns`, as one string with a \n between rows. */
export const wrapped = (text: string, columns: number): string =>
  text
    .split('\n')
    .flatMap((line) => wrapToWidth(line, columns))
    .join('\n');
