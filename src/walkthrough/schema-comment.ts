/** The comment that points editors (yaml-language-server) at the walkthrough schema. */
import { join, relative } from 'node:path';
import { packageRoot } from '../package-root.js';

export const schemaComment = (dir: string): string =>
  `# yaml-language-server: $schema=${relative(dir, join(packageRoot, 'fixtures', 'walkthrough.schema.json'))}`;
