// Line breaking for the practice cards: Chinese breaks anywhere, Latin words and numbers stay whole,
// no line starts with a space or with closing punctuation, and no line is wider than asked.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { wrapped } from '../../src/ui/wrap-text.js';

const lines = (text: string, columns: number) => wrapped(text, columns).split('\n');

describe('wrapped', () => {
  it('leaves text that fits alone', () => {
    expect(wrapped('按[菜单]键进入设置。', 38)).toBe('按[菜单]键进入设置。');
  });

  it('breaks Chinese between characters but keeps POS and 123456 whole', () => {
    expect(lines('目标：商户不再使用云闪付收款。让这台POS机不再绑定云闪付。', 36)).toEqual(['目标：商户不再使用云闪付收款。让这台', 'POS机不再绑定云闪付。']);
    expect(lines('输入主管密码(出厂密码 123456)，按[确认]', 26)).toEqual(['输入主管密码(出厂密码', '123456)，按[确认]']);
  });

  it('breaks English at spaces, with no line starting in one', () => {
    const text = 'Goal: The merchant is changing settlement accounts. Unbind the settlement card from this terminal.';
    expect(lines(text, 38)).toEqual(['Goal: The merchant is changing', 'settlement accounts. Unbind the', 'settlement card from this terminal.']);
  });

  it('never starts a line with closing punctuation', () => {
    expect(lines('让这台POS机不再绑定云闪付，其他绑定保持不变。', 44)).toEqual(['让这台POS机不再绑定云闪付，其他绑定保持不', '变。']);
  });

  it('never makes a line wider than asked', () => {
    const text = '商户要更换结算账户。把结算卡从这台POS机解绑，等资金清算完成、商户信息更新。 The merchant is changing settlement accounts.';
    for (const columns of [8, 13, 20, 38]) for (const line of lines(text, columns)) expect(stringWidth(line), line).toBeLessThanOrEqual(columns);
  });
});
