// The boot splash `pos-sim` draws as its first frame while the rest loads: it must be the device's
// own boot screen (the App's first frame, line for line), read from the files without validating
// them, and its module graph must stay light.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { render } from 'ink-testing-library';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/device/simulator.js';
import { loadProfile, shippedProfileNames } from '../../src/profile/load-profile.js';
import { memoryMedium } from '../../src/store/flash-medium.js';
import { seedFlash, type FlashData } from '../../src/store/flash-data.js';
import { App } from '../../src/ui/app.js';
import { BootSplash, readBootSplash, splashFits } from '../../src/ui/boot-splash.js';
import { frameSize } from '../../src/ui/device-frame.js';
import { deviceBox, plain, waitForFrame, type Rendered } from '../support/ink.js';

const scratch = mkdtempSync(join(tmpdir(), 'pos-sim-splash-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let folders = 0;
const dataDir = (data?: unknown): string => {
  const dir = mkdtempSync(join(scratch, `data-${++folders}-`));
  if (data !== undefined) writeFileSync(join(dir, 'default.json'), typeof data === 'string' ? data : JSON.stringify(data));
  return dir;
};

let simulator: Simulator | undefined;
const rendered: Rendered[] = [];
afterEach(() => {
  for (const one of rendered.splice(0)) one.unmount();
  simulator?.stop();
  simulator = undefined;
});

/** The App's first frame and the splash's, for the same profile, data and clock. */
const bothFrames = async (fixture: string, data?: FlashData) => {
  simulator = createSimulator({ fixture, stayAtBoot: true, ...(data ? { medium: memoryMedium(data) } : {}) });
  const { height } = frameSize(simulator.profile.device.display);
  const app = render(<App session={simulator.session} />);
  rendered.push(app);
  const appFrame = await waitForFrame(app, (frame) => frame.includes('+--'), 'the App frame');
  const info = readBootSplash(fixture, dataDir(data));
  expect(info).toBeDefined();
  const splash = render(<BootSplash info={info!} lang="zh" now={simulator.store.now()} />);
  rendered.push(splash);
  return { app: deviceBox(appFrame, height), splash: deviceBox(plain(splash.lastFrame()), height) };
};

describe('the boot splash', () => {
  it.each(shippedProfileNames())('is the App’s first frame on the %s profile', async (fixture) => {
    const { app, splash } = await bothFrames(fixture);
    expect(app.join('\n')).toMatch(/^\|\s+\.{10,}\s+\|$/m);
    expect(splash).toEqual(app);
  });

  it('says it applies settings waiting for a restart, as the device does', async () => {
    const seeded = seedFlash(loadProfile('default'));
    const data = {
      ...seeded,
      network: 'offline',
      passwordFree: { active: seeded.passwordFree.active, pending: seeded.passwordFree.active },
    } as const;
    const { app, splash } = await bothFrames('default', data);
    expect(splash.join('\n')).toContain('正在应用新设置');
    expect(splash).toEqual(app);
  });

  it('reads what it shows from the profile and the device data, without validating them', () => {
    expect(readBootSplash('default', dataDir())).toEqual({
      name: 'default',
      brand: 'PosSim',
      model: 'S90',
      terminalId: '10086021',
      display: { columns: 36, rows: 10 },
      online: true,
      applying: false,
    });
    expect(readBootSplash('default', dataDir({ ...seedFlash(loadProfile('default')), network: 'offline' }))?.online).toBe(false);
  });

  it('steps aside (the full start-up reports) for damaged data, an unknown profile or a bad one', () => {
    expect(readBootSplash('default', dataDir('garbage {'))).toBeUndefined();
    expect(readBootSplash('default', dataDir({ network: 42 }))).toBeUndefined();
    expect(readBootSplash('no-such-profile', dataDir())).toBeUndefined();
    const bad = join(scratch, 'bad.json');
    writeFileSync(bad, JSON.stringify({ name: 'Bad Name', device: { brand: 'X', model: 'Y', terminalId: '1' }, network: 'online' }));
    expect(readBootSplash(bad, dataDir())).toBeUndefined();
  });

  it('is drawn only when the terminal has room for the frame', () => {
    const info = readBootSplash('default', dataDir())!;
    expect(splashFits(info, { columns: 80, rows: 24 })).toBe(true);
    expect(splashFits(info, { columns: 30, rows: 10 })).toBe(false);
  });

  it('loads neither zod, xstate nor conf before the first frame', async () => {
    const result = await build({
      entryPoints: ['src/commands/start-device.tsx'],
      absWorkingDir: join(import.meta.dirname, '../..'),
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      outdir: join(scratch, 'graph'),
      write: false,
      metafile: true,
      logLevel: 'error',
      alias: { 'react-devtools-core': './scripts/devtools-stub.mjs' },
    });
    const outputs = result.metafile.outputs;
    const entry = Object.keys(outputs).find((file) => outputs[file]?.entryPoint === 'src/commands/start-device.tsx')!;
    // What the entry imports statically runs before the splash; the rest comes by import().
    const loaded = new Set<string>();
    const visit = (file: string) => {
      if (loaded.has(file)) return;
      loaded.add(file);
      for (const imported of outputs[file]?.imports ?? [])
        if (imported.kind === 'import-statement' && outputs[imported.path]) visit(imported.path);
    };
    visit(entry);
    const inputs = [...loaded].flatMap((file) => Object.keys(outputs[file]?.inputs ?? {}));
    expect(inputs.some((input) => input.includes('node_modules/ink/'))).toBe(true);
    expect(inputs.filter((input) => /node_modules\/(zod|xstate|conf)\//.test(input) || input.includes('src/device/'))).toEqual([]);
  });
});
