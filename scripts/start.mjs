// `npm start`: build when the sources are newer than the last build, then serve.
// The database is created and migrated by the server at start-up (instrumentation.ts).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

process.env.NEXT_TELEMETRY_DISABLED = '1';
const root = path.resolve(import.meta.dirname, '..');
const next = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const buildId = path.join(root, '.next', 'BUILD_ID');
const SOURCES = [
  'app',
  'components',
  'lib',
  'db',
  'server',
  'i18n',
  'messages',
  'public',
  'next.config.mjs',
  'package-lock.json',
  'instrumentation.ts',
  'instrumentation-node.ts',
  'proxy.ts',
  'postcss.config.mjs',
];

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(p).reduce((m, f) => Math.max(m, newestMtime(path.join(p, f))), s.mtimeMs);
}

/**
 * Ends the whole tree on SIGTERM or Ctrl-C, within 10 s: the signal goes to the child
 * (`next start` stops accepting, finishes what is in flight and exits), and a child still
 * running after the grace period (a request that never ends) is killed. `npm start` does
 * not pass SIGTERM on (npm signals its `sh -c`, which dies without signalling us), so a
 * parent that goes away counts as a SIGTERM too.
 */
const GRACE_MS = 8_000;
let child = null;
let stopping = null;

function stop(signal) {
  if (stopping) return;
  stopping = signal;
  if (!child) process.exit(signal === 'SIGINT' ? 130 : 143);
  child.kill(signal);
  setTimeout(() => child?.kill('SIGKILL'), GRACE_MS).unref();
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(signal));
const parent = process.ppid;
setInterval(() => process.ppid !== parent && stop('SIGTERM'), 500).unref();

/** Runs node with `args` as the one child; resolves with its exit code. */
function run(args) {
  return new Promise((resolve) => {
    child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
    child.on('exit', (code, signal) => {
      child = null;
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

// --no-build serves the build there is: a container image, whose copied folders look newer
// than its build.
const serveOnly = process.argv.includes('--no-build');
if (serveOnly && !existsSync(buildId)) {
  console.error('kairos: --no-build, and there is no build in .next');
  process.exit(1);
}
const stale =
  !serveOnly &&
  (!existsSync(buildId) ||
    SOURCES.some((s) => newestMtime(path.join(root, s)) > statSync(buildId).mtimeMs));
if (stale) {
  console.log('kairos: building (sources changed since the last build)…');
  const status = await run([next, 'build']);
  if (status !== 0 || stopping) process.exit(status || 1);
}
if (process.argv.includes('--build-only')) process.exit(0);

// V8 lets a busy server's heap grow to several times what is alive before collecting; with
// 20 pages rendering at once that took the server past 400 MB while 55 MB were live. A
// growth of 1.5x per major collection keeps it near 250 MB for the same throughput (see the
// README's benchmarks). Shared with the benchmarks, which measure this server.
const nodeFlags = JSON.parse(
  readFileSync(path.join(root, 'scripts', 'server-node-flags.json'), 'utf8'),
);
const args = [...nodeFlags, next, 'start', '-p', process.env.PORT ?? '3000'];
if (process.env.HOST) args.push('-H', process.env.HOST);
process.exit(await run(args));
