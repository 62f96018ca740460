// `pos-sim practice`: its argument (one task, or none), --history, --lang and --data-dir, and what
// it refuses.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCli, usage } from '../../src/cli-args.js';
import { setToolLang } from '../../src/i18n/tool-lang.js';
import { usageError } from '../support/usage-error.js';

const refusal = (argv: readonly string[]): string => usageError(argv).message;

describe('pos-sim practice', () => {
  beforeEach(() => setToolLang('en'));
  afterEach(() => setToolLang('zh'));

  it('takes no task (the list), a task name or number, --lang and --data-dir', () => {
    expect(parseCli(['practice'])).toMatchObject({ command: 'practice', paths: [], history: false, lang: 'zh' });
    expect(parseCli(['practice', '2', '--lang', 'en'])).toMatchObject({ command: 'practice', paths: ['2'], lang: 'en' });
    expect(parseCli(['practice', 'p1-deregister-unionpay', '--data-dir', 'd'])).toMatchObject({
      paths: ['p1-deregister-unionpay'],
      dataDir: 'd',
    });
  });

  it('--history prints the history, and does not go with a task', () => {
    expect(parseCli(['practice', '--history'])).toMatchObject({ command: 'practice', history: true, paths: [] });
    expect(refusal(['practice', '1', '--history'])).toBe('--history prints every practice; leave out the task (1).');
  });

  it('refuses a second task, flags of other commands, and --history elsewhere', () => {
    expect(refusal(['practice', '1', '2'])).toMatch(
      /^"practice" takes one task: its number or name from `pos-sim practice`, or a task file, got: 1 2$/,
    );
    expect(refusal(['practice', '--fixture', 'offline'])).toMatch(/^--fixture does not go with practice/);
    expect(refusal(['practice', '--fresh'])).toMatch(/^--fresh does not go with practice/);
    expect(refusal(['run', 'x.yaml', '--history'])).toMatch(/^--history does not go with run/);
  });

  it('is in the usage, in both languages', () => {
    setToolLang('zh');
    expect(usage()).toContain('pos-sim practice [TASK]');
    expect(usage()).toMatch(/--history\s+practice：打印练习记录/);
    setToolLang('en');
    expect(usage()).toContain('pos-sim practice --history');
    expect(usage()).toMatch(/--history\s+practice: print the practice history/);
  });
});
