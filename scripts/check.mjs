// `npm test`'s static checks, `npm run typecheck` and `npm run lint`, run side by side (each is
// mostly one core's work; one after the other they left the second core idle for seconds of every
// test run). Each one's output is printed whole, in turn; the exit code is the first failure's.
import { spawn } from 'node:child_process';

const run = (script) =>
  new Promise((resolve) => {
    const child = spawn('npm', ['run', '-s', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output: Buffer.concat(output) }));
  });

const results = await Promise.all(['typecheck', 'lint'].map(run));
for (const { output } of results) process.stdout.write(output);
process.exitCode = results.find(({ code }) => code !== 0)?.code ?? 0;
