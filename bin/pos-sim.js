#!/usr/bin/env node
// Ink draws only the final frame when the CI variable is set. At a real terminal someone is
// watching, so let Ink draw as usual; this must happen before Ink is loaded.
if (process.stdin.isTTY && process.stdout.isTTY) {
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
}
await import('../dist/cli.js');
