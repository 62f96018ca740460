// A line the device wraps is matched as it was before wrapping, whatever the profile's display and
// the language: the same walkthrough passes on every shipped profile (issue: "[ ] 开启免密支付
// 待重启生效" passed on default and failed on pax-a920, where the line wraps at its space).
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../src/device/simulator.js';
import { loadProfile, shippedProfileNames } from '../../src/profile/load-profile.js';
import { parseWalkthrough } from '../../src/walkthrough/parse-walkthrough.js';
import { runWalkthrough } from '../../src/walkthrough/run-walkthrough.js';

/**
 * Profiles on which 免密支付 can be saved: online, with the setting to change. (Not on a classic
 * LCD, whose four lines scroll the list to 保存设置: the line is out of view, as it is for a person
 * there; classic-layout's own tests cover how it breaks lines.)
 */
const SAVING = shippedProfileNames().filter((name) => {
  const profile = loadProfile(name);
  return profile.network === 'online' && profile.device.display.kind !== 'classic';
});

const WORDS = {
  zh: { menu: '免密支付', master: '开启免密支付', save: '保存设置', pending: '待重启生效' },
  en: { menu: 'Password-free payment', master: 'Password-free payment', save: 'Save settings', pending: 'after restart' },
} as const;

/** 免密支付: tick or untick 开启免密支付, save, restart later; the line then says it waits for the restart. */
const savedNotRestarted = (profile: string, lang: 'zh' | 'en') => {
  const words = WORDS[lang];
  const box = loadProfile(profile).passwordFree.enabled ? '[ ]' : '[x]';
  return parseWalkthrough(
    [
      `name: wrapped line on ${profile}`,
      `fixture: ${profile}`,
      `lang: ${lang}`,
      'steps:',
      '  - press: MENU',
      '  - type: "123456"',
      '  - press: ENTER',
      `  - select: ${words.menu}`,
      `  - select: ${words.master}`,
      `  - select: ${words.save}`,
      '  - type: "123456"',
      '  - press: ENTER',
      '  - press: CANCEL',
      `  - expect: "${box} ${words.master} ${words.pending}"`,
      `  - expect: { not: "${words.master}${words.pending}" }`,
      '',
    ].join('\n'),
    `${profile}.yaml`,
    {},
  );
};

describe('a wrapped line matches as it was before wrapping', () => {
  it('the profiles cover displays where the line wraps and where it does not', () => {
    const wraps = (profile: string, lang: 'zh' | 'en') => {
      const sim = createSimulator({ fixture: profile, lang });
      try {
        const walkthrough = savedNotRestarted(profile, lang);
        for (const step of walkthrough.steps.filter((candidate) => candidate.kind !== 'expect')) runStepOn(sim, step);
        return sim.session.rows().body.some((row) => row.continued);
      } finally {
        sim.stop();
      }
    };
    expect(SAVING.map((profile) => wraps(profile, 'zh'))).toContain(true);
    expect(SAVING.map((profile) => wraps(profile, 'zh'))).toContain(false);
    expect(SAVING.every((profile) => wraps(profile, 'en'))).toBe(true);
  });

  it.each(SAVING.flatMap((profile) => [[profile, 'zh'] as const, [profile, 'en'] as const]))('on %s (%s)', (profile, lang) => {
    const result = runWalkthrough(savedNotRestarted(profile, lang));
    expect(result.failure?.message ?? '', result.failure?.screen).toBe('');
  });
});

/** Plays one key step on a simulator, as the runner does. */
const runStepOn = (sim: ReturnType<typeof createSimulator>, step: ReturnType<typeof parseWalkthrough>['steps'][number]) => {
  if (step.kind === 'press') for (const key of step.keys) sim.press(key);
  else if (step.kind === 'type') sim.type(step.digits);
  else if (step.kind === 'select') sim.select(step.label);
};
