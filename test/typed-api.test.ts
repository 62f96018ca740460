// The package's TypeScript declarations (built into dist/types) type-check a consumer project that
// uses the README's examples — createSimulator and the pos-sim/vitest matchers — with strict
// settings and library checks on; and a wrong use is an error, so the types are not `any`.
// The project is kept in node_modules/.cache and checked incrementally: with library checks on, a
// first check reads all of vitest's and Node's declarations (~10 s), which tsc then remembers until they change.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const project = join(ROOT, 'node_modules/.cache/pos-sim/consumer');

/** The ```ts blocks of the README section "From code". */
const readmeExamples = (): string[] => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### From code'), readme.indexOf('## Practice'));
  return [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
};

const typecheck = () => {
  const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', '.'], { cwd: project, encoding: 'utf8' });
  return { code: tsc.status, output: `${tsc.stdout}${tsc.stderr}` };
};

beforeAll(() => {
  // The sources and links are written afresh; tsc's own record of what it checked is kept.
  mkdirSync(project, { recursive: true });
  for (const old of readdirSync(project)) if (old !== 'tsc.tsbuildinfo') rmSync(join(project, old), { recursive: true, force: true });
  mkdirSync(join(project, 'node_modules/@types'), { recursive: true });
  symlinkSync(ROOT, join(project, 'node_modules/pos-sim'));
  symlinkSync(join(ROOT, 'node_modules/vitest'), join(project, 'node_modules/vitest'));
  symlinkSync(join(ROOT, 'node_modules/@types/node'), join(project, 'node_modules/@types/node'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', type: 'module', private: true }));
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        incremental: true,
        tsBuildInfoFile: 'tsc.tsbuildinfo',
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        types: ['node'],
        skipLibCheck: false,
        noUncheckedIndexedAccess: true,
      },
      include: ['*.ts'],
    }),
  );
});

describe('a TypeScript project that uses pos-sim', () => {
  // One tsc run (library checks on take a while): the README's examples must have no error, and
  // a wrong use exactly the errors it should.
  it('type-checks the README examples against the built package, and is told when it uses the API wrongly', { timeout: 120_000 }, () => {
    const examples = readmeExamples();
    expect(examples).toHaveLength(4);
    examples.forEach((example, index) => writeFileSync(join(project, `readme-${index + 1}.ts`), `export {};\n${example}`));
    writeFileSync(
      join(project, 'wrong.ts'),
      "import { createSimulator } from 'pos-sim';\nimport { expect } from 'vitest';\nimport 'pos-sim/vitest';\nconst sim = createSimulator({ fixture: 'default' });\nsim.press(7);\nexpect(sim).toBeIn(3);\n",
    );
    const { code, output } = typecheck();
    expect(code).not.toBe(0);
    expect(
      output
        .trim()
        .split('\n')
        .map((line) => line.replace(/: error (TS\d+):.*/, ' $1')),
    ).toEqual(['wrong.ts(5,11) TS2345', 'wrong.ts(6,20) TS2345']);
  });
});
