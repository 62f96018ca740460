// Writes the JSON Schemas of profiles and walkthroughs into fixtures/ (`npm run schemas`).
import { writeFileSync } from 'node:fs';
import { PROFILE_SCHEMA_FILE, profileJsonSchema, WALKTHROUGH_SCHEMA_FILE, walkthroughJsonSchema } from '../src/json-schemas.js';

for (const [file, schema] of [
  [PROFILE_SCHEMA_FILE, profileJsonSchema()],
  [WALKTHROUGH_SCHEMA_FILE, walkthroughJsonSchema()],
] as const) {
  writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${file}`);
}
