// NO_COLOR (no-color.org): when it counts, and what the filter takes out of escape sequences.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { dropColorFrom, noColorWanted, withoutColor } from '../src/no-color.js';

const ESC = '\u001B[';

describe('noColorWanted', () => {
  it.each([
    [{}, false],
    [{ NO_COLOR: '' }, false],
    [{ NO_COLOR: '1' }, true],
    [{ NO_COLOR: '0' }, true],
    [{ NO_COLOR: 'false' }, true],
  ])('%j → %s (present and not empty, whatever the value)', (env, wanted) => {
    expect(noColorWanted(env)).toBe(wanted);
  });
});

describe('withoutColor', () => {
  it.each([
    ['foreground and its reset', `${ESC}36m在线${ESC}39m`, '在线'],
    ['background and bright colours', `${ESC}41m${ESC}93mx${ESC}49m${ESC}39m`, 'x'],
    ['256 and true colour, as separate parameters', `${ESC}38;5;196ma${ESC}48;2;10;20;30mb`, 'ab'],
    ['true colour with colons', `${ESC}38:2::10:20:30mc`, 'c'],
    [
      'bold, dim and inverse stay',
      `${ESC}1m${ESC}2m${ESC}7m> 1.绑定管理${ESC}27m${ESC}22m`,
      `${ESC}1m${ESC}2m${ESC}7m> 1.绑定管理${ESC}27m${ESC}22m`,
    ],
    ['a colour inside one sequence goes, the rest stays', `${ESC}1;31;7mx`, `${ESC}1;7mx`],
    ['a colour argument that looks like a style goes with its colour', `${ESC}38;5;1;4mx`, `${ESC}4mx`],
    ['resets stay', `${ESC}mx${ESC}0m`, `${ESC}mx${ESC}0m`],
    ['cursor moves and erasing are no colour', `${ESC}2K${ESC}1A${ESC}?25l`, `${ESC}2K${ESC}1A${ESC}?25l`],
    ['text without escapes', '请输入密码 30m 41', '请输入密码 30m 41'],
  ])('%s', (_, text, expected) => {
    expect(withoutColor(text)).toBe(expected);
  });
});

describe('dropColorFrom', () => {
  it('takes the colour out of what is written as text, and passes the callback on', async () => {
    const written: string[] = [];
    const stream = new Writable({
      decodeStrings: false,
      write(chunk: string | Buffer, _encoding, callback) {
        written.push(chunk.toString());
        callback();
      },
    });
    dropColorFrom(stream);
    await new Promise<void>((resolve) => stream.write(`${ESC}32m交易成功${ESC}39m`, () => resolve()));
    stream.write(Buffer.from('bytes'));
    expect(written).toEqual(['交易成功', 'bytes']);
  });
});
