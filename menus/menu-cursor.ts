/** Cursor arithmetic shared by every numbered list on the device: UP/DOWN wrap, digits pick. */

export const moveCursor = (cursor: number, count: number, delta: 1 | -1): number => (count === 0 ? 0 : (cursor + delta + count) % count);

/** Index picked by a digit key (1 = first item), or undefined when no such item. */
export const pickByDigit = (digit: string, count: number): number | undefined => {
  const index = Number(digit) - 1;
  return index >= 0 && index < count ? index : undefined;
};
