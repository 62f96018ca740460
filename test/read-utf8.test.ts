// Files people write in an editor that saves another encoding (GBK and UTF-16 on Chinese Windows,
// Latin-1): refused at the first byte that is not UTF-8, with the fix, instead of read with
// replacement characters and run on garbled text.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { runWalkthroughsCommand } from '../src/commands/run-walkthroughs.js';
import { setToolLang } from '../src/i18n/tool-lang.js';
import { loadTask } from '../src/practice/load-tasks.js';
import { loadProfile } from '../src/profile/load-profile.js';
import { thrownMessage } from './support/thrown.js';

const dir = mkdtempSync(join(tmpdir(), 'pos-sim-utf8-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => setToolLang('zh'));

/** 关闭 in GBK: what Notepad on Chinese Windows saves as "ANSI". */
const GBK_CLOSE = Buffer.from([0xb9, 0xd8, 0xb1, 0xd5]);
const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

const run = async (path: string) => {
  const out: string[] = [];
  const code = await runWalkthroughsCommand(
    { paths: [path], reporter: 'pretty', bail: false, coverage: false, snapshotDir: undefined },
    (text) => out.push(text),
    () => undefined,
  );
  return { code, out: out.join('\n') };
};

describe('a walkthrough that is not UTF-8', () => {
  it('cannot run, and says where and what to do (GBK, Latin-1, UTF-16)', async () => {
    const files = {
      gbk: Buffer.concat([Buffer.from('name: t\nsteps:\n  - expect: '), GBK_CLOSE, Buffer.from('\n')]),
      latin1: Buffer.from('name: caf\xe9\nsteps:\n  - expect: x\n', 'latin1'),
      utf16: utf16('name: t\nsteps:\n  - expect: 按[确认]键收款\n'),
    };
    const folder = join(dir, 'walkthroughs');
    mkdirSync(folder);
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(folder, `${name}.yaml`), bytes);
    const { code, out } = await run(folder);
    expect(code).toBe(2);
    expect(out).toMatch(/gbk\.yaml:3:13: 不是 UTF-8 编码的文字/);
    expect(out).toMatch(/latin1\.yaml:1:10: 不是 UTF-8 编码的文字/);
    expect(out).toMatch(/utf16\.yaml:1:1: 不是 UTF-8 编码的文字/);
    expect(out).toContain('请用 UTF-8 重新保存');
    expect(out).toContain('0 个通过，0 个失败，3 个无法运行');
  });

  it('as a piece it is called from: cannot run, named at the piece', async () => {
    const folder = join(dir, 'pieces');
    mkdirSync(join(folder, '_lib'), { recursive: true });
    writeFileSync(
      join(folder, '_lib', 'piece.yaml'),
      Buffer.concat([Buffer.from('name: piece\nsteps:\n  - expect: '), GBK_CLOSE, Buffer.from('\n')]),
    );
    writeFileSync(join(folder, 'caller.yaml'), 'name: t\nsteps:\n  - run: _lib/piece.yaml\n');
    const { code, out } = await run(folder);
    expect(code).toBe(2);
    expect(out).toMatch(/piece\.yaml:3:13: 不是 UTF-8 编码的文字/);
  });
});

describe('a profile or a practice task that is not UTF-8', () => {
  it('is refused at the byte, not as JSON or YAML that has a strange character', () => {
    const profile = join(dir, 'gbk-profile.json');
    const text = readFileSync('fixtures/profiles/default.json', 'utf8').replace('上海浦东便利店', '\u0000');
    const at = text.indexOf('\u0000');
    writeFileSync(profile, Buffer.concat([Buffer.from(text.slice(0, at)), GBK_CLOSE, Buffer.from(text.slice(at + 1))]));
    expect(thrownMessage(() => loadProfile(profile))).toMatch(/gbk-profile\.json:\d+:\d+: 不是 UTF-8 编码的文字/);
    const task = join(dir, 'task.yaml');
    writeFileSync(task, utf16('name: t\n'));
    expect(thrownMessage(() => loadTask(task))).toMatch(/task\.yaml:1:1: 不是 UTF-8 编码的文字/);
  });
});

describe('a file larger than any walkthrough a person writes', () => {
  it('is refused before it is read, with its size and the fix, and the rest of the suite runs', async () => {
    const folder = join(dir, 'large');
    mkdirSync(folder);
    // Sparse: 9 MB by its size, nothing written to the disk.
    const large = join(folder, 'a-large.yaml');
    writeFileSync(large, 'name: t\n');
    truncateSync(large, 9 * 1024 * 1024);
    writeFileSync(join(folder, 'b-small.yaml'), 'name: small\nsteps:\n  - expect: 按[确认]键收款\n');
    const { code, out } = await run(folder);
    expect(code).toBe(2);
    expect(out).toContain('a-large.yaml: 文件有 9 MB，超过 pos-sim 读入的上限 8 MB；请拆成几个文件');
    expect(out).toContain('1 个通过，0 个失败，1 个无法运行');
  });
});
