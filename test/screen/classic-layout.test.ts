// The classic LCD's layout, as tables: a Screen in, the rows of a 16x4 LCD out. Menus two items a
// line where they fit, spacer lines dropped, long texts paged (opening at the input line), lists
// scrolled with their cursor, the more-marker on the title line, no word ever cut.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { classicLayout, classicProblems } from '../../src/screen/classic-layout.js';
import { displayRows, displayText, matchableText } from '../../src/screen/screen-text.js';
import type { Screen, ScreenLine } from '../../src/screen/screen.js';
import { translator } from '../../src/i18n/messages.js';

const LCD = { columns: 16, rows: 4 };
const CLASSIC = { kind: 'classic', ...LCD } as const;
const STATUS = { online: true, time: '09:00', terminalId: '33018826' };
const t = translator('zh');

const text = (...lines: string[]): ScreenLine[] => lines.map((line) => ({ text: line }));
const items = (labels: readonly string[], cursor?: number): ScreenLine[] =>
  labels.map((label, index) => ({ text: `${index + 1}.${label}`, selected: index === cursor, item: true }));
const screen = (title: string, lines: readonly ScreenLine[], extra: Partial<Screen> = {}): Screen => ({
  title,
  lines,
  hints: {},
  ...extra,
});

/** The LCD as a person sees it: the icon strip, then its four lines (trailing spaces kept off). */
const shown = (of: Screen, page?: number) => displayText(displayRows(of, STATUS, t, CLASSIC, page)).split('\n');

describe('the classic LCD', () => {
  it('puts menu items two a line, in two columns, with > on the cursor', () => {
    const menu = screen('管理', items(['签到', '签退', '查询', '结算'], 3));
    expect(shown(menu)).toEqual(['在线       09:00', '      管理', ' 1.签到  2.签退', ' 3.查询 >4.结算', '']);
    const rows = classicLayout(menu, LCD).body;
    // The selected item alone is in reverse video, not the whole line.
    expect(rows[1]).toMatchObject({ selected: true, cursor: { from: 8, to: 15 } });
  });

  it('lets a main menu that fills the LCD two a line take the title line, as classic main menus do', () => {
    const menu = screen('主菜单', items(['消费', '撤销', '退货', '预授权', '离线', '打印', '管理'], 0));
    expect(shown(menu)).toEqual(['在线       09:00', '>1.消费 2.撤销', ' 3.退货 4.预授权', ' 5.离线 6.打印', ' 7.管理']);
    expect(displayRows(menu, STATUS, t, CLASSIC).title).toBe('');
  });

  it('keeps the title of a list that is not a menu (records), though its rows would fill the title line', () => {
    const records = screen('操作记录', [
      { text: '06-01 11:00 系统 资金已划转', selected: true, item: true },
      { text: '06-01 09:00 00 解绑', item: true },
    ]);
    expect(shown(records)[1]).toBe('    操作记录   v');
    expect(classicProblems(records, LCD)).toEqual([]);
  });

  it('puts items one a line where two do not fit, and scrolls the list with its cursor (^ v on the title line)', () => {
    const menu = (cursor: number) => screen('设置', items(['绑定管理', '支付设置', '修改密码', '操作记录', '数据备份'], cursor));
    expect(shown(menu(0))).toEqual(['在线       09:00', '      设置     v', '>1.绑定管理', ' 2.支付设置', ' 3.修改密码']);
    expect(shown(menu(2)).slice(1)).toEqual(['      设置     v', ' 1.绑定管理', ' 2.支付设置', '>3.修改密码']);
    expect(shown(menu(3)).slice(1)).toEqual(['      设置    ^v', ' 2.支付设置', ' 3.修改密码', '>4.操作记录']);
    expect(shown(menu(4)).slice(1)).toEqual(['      设置     ^', ' 3.修改密码', ' 4.操作记录', '>5.数据备份']);
  });

  it('shows what follows a list when its last item is selected', () => {
    const list = screen('绑定管理', [...items(['商户账号', '结算卡', '云闪付'], 2), { text: '[F1]添加绑定', tone: 'muted' }]);
    expect(shown(list).slice(2)).toEqual([' 2.结算卡', '>3.云闪付', '[F1]添加绑定']);
    expect(classicProblems(list, LCD)).toEqual([]);
  });

  it('drops spacer lines: four lines are too few to leave one empty', () => {
    expect(shown(screen('签退', text('确认签退？', '', '是-确认 否-取消')))).toEqual([
      '在线       09:00',
      '      签退',
      '确认签退？',
      '是-确认 否-取消',
      '',
    ]);
  });

  it('pages a long text, 1/3 on the title line, each page turned to by number', () => {
    const long = screen(
      '解绑申请',
      text('类型：结算卡', '账号：6222 **** **** 1234', '绑定于2024-03-18', '更换结算账户', '发至138****1234', '按[确认]提交'),
    );
    expect(shown(long)).toEqual(['在线       09:00', '    解绑申请 1/3', '类型：结算卡', '账号：6222 ****', '**** 1234']);
    expect(shown(long, 1).slice(1)).toEqual(['    解绑申请 2/3', '绑定于2024-03-18', '更换结算账户', '发至138****1234']);
    expect(shown(long, 2).slice(1)).toEqual(['    解绑申请 3/3', '按[确认]提交', '', '']);
    // Past the last page it stays there.
    expect(shown(long, 7)).toEqual(shown(long, 2));
    expect(displayRows(long, STATUS, t, CLASSIC, 1).classic?.paging).toEqual({ page: 1, count: 3 });
  });

  it('ends a page early rather than break a line that fits on one page', () => {
    const long = screen('结算', text('批次号 000001', '净额 10.00元', '按[下]看各支付方式的合计'));
    expect(shown(long).slice(1)).toEqual(['      结算   1/2', '批次号 000001', '净额 10.00元', '']);
    expect(shown(long, 1).slice(2, 4)).toEqual(['按[下]看各', '支付方式的合计']);
  });

  it('opens a screen that asks for input at the page with its input line and what follows it', () => {
    const prompt = screen('短信验证', [
      ...text('发至138****1234', '5分0秒内有效', '请输入验证码'),
      { text: '**_', field: true },
      { text: '验证码错 余2次', tone: 'error' },
    ]);
    expect(shown(prompt)).toEqual(['在线       09:00', '    短信验证 2/2', '请输入验证码', '**_', '验证码错 余2次']);
    expect(shown(prompt, 0).slice(1)).toEqual(['    短信验证 1/2', '发至138****1234', '5分0秒内有效', '']);
  });

  it('reads every page for expectations (a person pages to them), the title without its marker', () => {
    const long = screen('解绑申请', text('类型：结算卡', '账号：6222 **** **** 1234', '绑定于2024-03-18', '更换结算账户'));
    expect(matchableText(displayRows(long, STATUS, t, CLASSIC)).split('\n')).toEqual([
      '在线       09:00',
      '解绑申请',
      '类型：结算卡',
      '账号：6222 **** **** 1234',
      '绑定于2024-03-18',
      '更换结算账户',
    ]);
  });

  it('but not the lines of a list out of view: moving the cursor there changes the screen', () => {
    const menu = screen('设置', items(['绑定管理', '支付设置', '修改密码', '操作记录', '数据备份'], 0));
    expect(matchableText(displayRows(menu, STATUS, t, CLASSIC))).not.toContain('数据备份');
  });

  it('never cuts a word: a 15-digit number goes to a line of its own, flush left under an item', () => {
    const list = screen('绑定管理', items(['商户账号 898310058120134', '云闪付'], 0));
    expect(shown(list).slice(2)).toEqual(['>1.商户账号', ' 898310058120134', ' 2.云闪付']);
    expect(classicProblems(list, LCD)).toEqual([]);
  });

  it('says what could never be read: a word cut to fit, list rows no cursor brings into view', () => {
    expect(classicProblems(screen('x', text('ABCDEFGHIJKLMNOPQRSTUVWXYZ')), LCD)).toEqual([{ kind: 'cutWord', row: 'QRSTUVWXYZ' }]);
    // A file path breaks where the line ends, as in any terminal.
    expect(classicProblems(screen('x', text('/root/.local/share/pos-sim/backups/a.json')), LCD)).toEqual([]);
    const buried = screen('收款', [
      ...text('金额：12.34元', '本机未绑定商户，不能交易', '请选择支付方式'),
      ...items(['挥卡/闪付', '插卡'], 0),
    ]);
    expect(classicProblems(buried, LCD)).toEqual([{ kind: 'unreachable', where: 'above' }]);
    const trailing = screen('x', [
      ...items(['一', '二'], 0).map((line) => ({ ...line, text: `${line.text}长长长长长长长长长长` })),
      ...text('后面一行', '后面两行'),
    ]);
    expect(classicProblems(trailing, LCD)).toContainEqual({ kind: 'unreachable', where: 'below' });
  });

  it('breaks a title too long for its line between words, going on at the top of the body', () => {
    const rows = displayText(displayRows(screen('请输入密码确认注销', text('操作员 00 主管')), STATUS, t, CLASSIC)).split('\n');
    expect(rows.slice(1)).toEqual([' 请输入密码确认', '注销', '操作员 00 主管', '']);
  });

  it('draws the progress bar on a line of its own, in ASCII', () => {
    expect(shown(screen('解绑', text('资金清算中...', '请勿关机'), { progress: 0.5 })).slice(2)).toEqual([
      '资金清算中...',
      '请勿关机',
      '########........',
    ]);
  });

  it('keeps every line within the LCD width, and only ASCII besides Chinese text', () => {
    const menu = screen('主菜单', items(['消费', '撤销', '退货', '预授权', '离线', '打印', '管理'], 3));
    for (const row of shown(menu)) {
      expect(stringWidth(row)).toBeLessThanOrEqual(16);
      expect(row).not.toMatch(/[↑↓…—“”]/);
    }
  });

  it('leaves the smart display as it was: status with the terminal, title, body with "> ", soft keys', () => {
    const menu = screen('设置', items(['绑定管理', '支付设置'], 1), { hints: { confirm: '确认', cancel: '返回' } });
    const rows = displayText(displayRows(menu, STATUS, t, { columns: 28, rows: 8 })).split('\n');
    expect(rows.slice(0, 4)).toEqual(['在线  33018826         09:00', '设置', '  1.绑定管理', '> 2.支付设置']);
    expect(rows.at(-1)).toBe('[取消]返回        [确认]确认');
  });
});
