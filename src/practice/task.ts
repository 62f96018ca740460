/**
 * The practice task format (fixtures/tasks/*.yaml): one procedure to carry out on a fresh device,
 * its goal in plain words, how the device shows the goal is reached (store conditions and states),
 * which menu flows belong to the procedure, a target time, and hints keyed by where the device is.
 * Tasks are data: a new task needs a file, not code. The JSON Schema is generated from this.
 */
import { z } from 'zod';
import { says } from '../json-source.js';
import type { StoreCheck } from './store-checks.js';

const localText = z
  .object({
    zh: z.string().min(1, says('tasks.giveChinese')),
    en: z.string().min(1, says('tasks.giveEnglish')),
  })
  .strict();

const DURATION = /^(\d+(?:\.\d+)?)\s*(s|m)$/;

/** 90s, 2m, 1.5m in milliseconds. */
export const parseDuration = (text: string): number => {
  const [, amount, unit] = DURATION.exec(text) ?? [];
  return Math.round(Number(amount) * (unit === 'm' ? 60_000 : 1000));
};

const anyValue = z.unknown().meta({ description: 'the value the path must hold (null: not there)' });

/** What a store path must hold; the keyed forms come first, any other value must be equal. */
const conditionSchema = z.union([
  z.object({ includes: z.unknown() }).strict().meta({ description: 'the list at the path holds this value' }),
  z.object({ excludes: z.unknown() }).strict().meta({ description: 'the list at the path does not hold this value' }),
  z.object({ not: z.unknown() }).strict().meta({ description: 'the path holds anything but this value ({not: null}: there is something)' }),
  z.object({ atMost: z.number() }).strict().meta({ description: 'the number at the path is at most this' }),
  z.object({ atLeast: z.number() }).strict().meta({ description: 'the number at the path is at least this' }),
  z
    .object({ some: z.record(z.string(), z.unknown()) })
    .strict()
    .meta({ description: 'some entry of the list at the path meets these conditions (paths inside the entry), e.g. a sale record' }),
  anyValue,
]);

const storeConditions = z
  .record(z.string(), conditionSchema)
  .meta({ description: 'store paths (bindings[*].id, passwordFree.active.enabled, records) and what they must hold' });

const stateList = z
  .array(z.string().min(1))
  .meta({ description: 'device states, as in walkthroughs: home, bindingManagement.detail, passwordPrompt.entering' });

export const hintSchema = z
  .object({
    at: z.string().min(1, says('tasks.nameState')).meta({
      description: 'the state the hint is for (home, settings.menu, passwordPrompt.entering); the innermost matching state wins',
    }),
    when: storeConditions.optional().meta({ description: 'only when the store also meets these conditions' }),
    screen: z.string().min(1).optional().meta({ description: 'only when the screen shows this text (e.g. a menu title)' }),
    zh: z.string().min(1, says('tasks.giveChineseHint')),
    en: z.string().min(1, says('tasks.giveEnglishHint')),
  })
  .strict();

export const taskSchema = z
  .object({
    title: localText.meta({ description: 'the task as the list and the task card name it' }),
    procedure: z
      .string()
      .regex(/^P\d+$/, says('tasks.nameProcedure'))
      .meta({ description: 'the procedure practised: P1 注销, P2 免密支付, P3 关闭服务, P4 解绑, P5 验证' }),
    goal: localText.meta({ description: 'what must be true at the end, in plain words (not the steps)' }),
    profile: z.string().min(1, says('tasks.nameProfile')).meta({
      description: 'device profile: a name, or a path to a .json profile relative to this file',
    }),
    walkthrough: z
      .string()
      .regex(/\.ya?ml$/, says('tasks.nameWalkthrough'))
      .meta({ description: 'the walkthrough that plays the procedure perfectly, relative to this file' }),
    setup: z
      .record(z.string(), z.unknown())
      .optional()
      .meta({ description: 'store paths to set on the fresh device before the task starts, e.g. passwordFree.active.enabled: false' }),
    done: z
      .object({
        store: storeConditions,
        state: stateList.optional().meta({ description: 'the device must also be in these states (e.g. home, after a restart)' }),
      })
      .strict()
      .meta({ description: 'how the device shows the goal is reached' }),
    flows: z
      .array(z.string().min(1))
      .min(1, says('tasks.listFlows'))
      .meta({ description: 'menu machines the procedure goes through; entering any other is a detour (device is always allowed)' }),
    targetTime: z
      .string()
      .regex(DURATION, says('tasks.giveTime'))
      .meta({ description: 'time a practised technician needs; slower costs points' }),
    firstStep: localText.meta({ description: "the procedure's first step: the hint where no other hint applies" }),
    hints: z.array(hintSchema).meta({ description: 'the next step, by where the device is; the first match in file order wins' }),
  })
  .strict();

/** A state name as tasks and walkthroughs write it matches a full name or the end of one. */
export const isStateNamed = (full: string, name: string): boolean => full === name || full.endsWith(`.${name}`);

export type TaskFile = z.infer<typeof taskSchema>;

export type Hint = {
  readonly at: string;
  readonly when: readonly StoreCheck[];
  readonly screen: string | undefined;
  readonly text: { readonly zh: string; readonly en: string };
};

/** A task as loaded: checked, with its paths resolved and its conditions compiled. */
export type Task = {
  /** The file name without .yaml: what `pos-sim practice ID` takes. */
  readonly id: string;
  readonly file: string;
  readonly title: { readonly zh: string; readonly en: string };
  readonly procedure: string;
  readonly goal: { readonly zh: string; readonly en: string };
  /** Profile name, or a path resolved against the task's folder. */
  readonly profile: string;
  /** The walkthrough file, resolved. */
  readonly walkthrough: string;
  readonly setup: Readonly<Record<string, unknown>>;
  readonly done: { readonly store: readonly StoreCheck[]; readonly state: readonly string[] };
  readonly flows: readonly string[];
  readonly targetMs: number;
  readonly firstStep: { readonly zh: string; readonly en: string };
  readonly hints: readonly Hint[];
};
