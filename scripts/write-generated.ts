// Writes the files generated from the code (`npm run generate`): the JSON Schemas of profiles,
// walkthroughs and tasks in fixtures/, and the menu chart embedded in the README. Tests check they are current.
import { readFileSync, writeFileSync } from 'node:fs';
import { embedChart, README_FILE } from '../src/chart/readme-chart.js';
import { JSON_SCHEMAS } from '../src/json-schemas.js';

for (const [file, schema] of JSON_SCHEMAS) {
  writeFileSync(file, `${JSON.stringify(schema(), null, 2)}\n`);
  console.log(`wrote ${file}`);
}
writeFileSync(README_FILE, embedChart(readFileSync(README_FILE, 'utf8')));
console.log(`wrote the menu chart into ${README_FILE}`);
