// Operators, records and backup in the interactive UI: the terminal's arrow keys switch who logs in
// on the 设置 prompt, scroll 操作记录 and step through a record; 数据备份 shows where the file went;
// the new password in 修改密码 is masked like any other.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/device/simulator.js';
import { App } from '../../src/ui/app.js';
import { KEY, press, waitForFrame, waitForText, type Rendered } from '../support/ink.js';

let sim: Simulator | undefined;
let app: Rendered | undefined;

const start = async (): Promise<Rendered> => {
  sim = createSimulator();
  app = render(<App session={sim.session} />);
  await waitForText(app, '上海浦东便利店');
  return app;
};

afterEach(() => {
  app?.unmount();
  app = undefined;
  sim?.stop();
  sim = undefined;
});

/** From home: 菜单, the password, 确认: the 设置 menu. */
const openSettings = async (rendered: Rendered, password = '123456'): Promise<string> => {
  await press(rendered, 'm', '请输入密码');
  await press(rendered, password, '*'.repeat(password.length));
  return press(rendered, KEY.enter, '5.数据备份');
};

describe('operators on the 设置 prompt', () => {
  it('arrow keys switch who logs in; the 系统管理员 gets in, an ordinary operator is refused', async () => {
    const rendered = await start();
    await press(rendered, 'm', '操作员 00 主管');
    expect(rendered.lastFrame()).toContain('按[上][下]切换操作员');
    await press(rendered, KEY.up, '操作员 99 系统管理员');
    await press(rendered, '12345678', '********_');
    expect(rendered.lastFrame()).not.toContain('12345678');
    await press(rendered, KEY.enter, '5.数据备份');

    await press(rendered, KEY.escape, '按[菜单]键');
    await press(rendered, 'm', '操作员 00 主管');
    await press(rendered, KEY.down, '操作员 01 收银员');
    await press(rendered, '0000', '****_');
    const refused = await press(rendered, KEY.enter, '操作员无权限');
    expect(refused).toContain('无权限');
    await press(rendered, KEY.enter, '按[菜单]键');
  });
});

describe('操作记录 and 数据备份', () => {
  it('数据备份 shows the path of the file it wrote', async () => {
    const rendered = await start();
    await openSettings(rendered);
    await press(rendered, '5', '是否备份POS机上的数据');
    const done = await press(rendered, KEY.enter, '备份成功');
    expect(done).toContain('(memory)/backups/default-2026-06-0');
    expect(sim?.backups()).toHaveLength(1);
  });

  it('操作记录 lists newest first, scrolls with the arrow keys and opens a record with Enter', async () => {
    const rendered = await start();
    await openSettings(rendered);
    // Two records: a backup, then a 注销 (with the 主管 password).
    await press(rendered, '5', '是否备份');
    await press(rendered, KEY.enter, '备份成功');
    await press(rendered, KEY.enter, '5.数据备份');
    await press(rendered, '1', '绑定管理');
    await press(rendered, '3', '云闪付');
    await press(rendered, KEY.enter, '按[1]先备份数据');
    await press(rendered, KEY.enter, '请输入主管密码');
    await press(rendered, '123456', '******_');
    // The binding is gone: 注销成功 (or 服务已关闭 where the profile closes services).
    rendered.stdin.write(KEY.enter);
    await waitForFrame(rendered, (frame) => frame.includes('注销成功') || frame.includes('服务已关闭'), 'the binding removed');
    await press(rendered, KEY.enter, '绑定管理');
    await press(rendered, KEY.escape, '5.数据备份');

    const list = await press(rendered, '4', '共2条');
    expect(list).toMatch(/> 06-01 09:00 00 注销/);
    expect(list).toMatch(/ {2}06-01 09:00 00 数据备份/);
    const moved = await press(rendered, KEY.down);
    expect(moved).toMatch(/> 06-01 09:00 00 数据备份/);
    const detail = await press(rendered, KEY.enter, '第2/2条');
    expect(detail).toContain('操作：数据备份');
    expect(detail).toContain('操作员：00 主管');
    const previous = await press(rendered, KEY.up, '第1/2条');
    expect(previous).toContain('操作：注销');
    await press(rendered, KEY.escape, '共2条');
    await press(rendered, KEY.escape, '5.数据备份');
  });

  it('修改密码 masks the new password on the frame', async () => {
    const rendered = await start();
    await openSettings(rendered);
    await press(rendered, '3', '请输入原密码');
    await press(rendered, '123456', '******_');
    await press(rendered, KEY.enter, '请输入新密码');
    const typed = await press(rendered, '888888', '******_');
    expect(typed).not.toContain('888888');
    await press(rendered, KEY.enter, '请再次输入新密码');
    await press(rendered, '888888', '******_');
    await press(rendered, KEY.enter, '修改密码成功');
  });
});
