/** The folder pos-sim is installed in, found from this module whether bundled (dist/) or not (src/). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const findRoot = (): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'pos-sim') {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('pos-sim: cannot find its own package folder');
    dir = parent;
  }
};

export const packageRoot = findRoot();
export const profilesDir = join(packageRoot, 'fixtures', 'profiles');
