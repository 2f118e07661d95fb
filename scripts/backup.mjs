// `npm run backup -- <file>`: a consistent copy of the SQLite database, safe while Kairos
// runs. VACUUM INTO reads one snapshot (WAL lets the server keep writing meanwhile) and
// writes a compact file; it goes to <file>.partial first and is renamed once SQLite's
// integrity check passes, so <file> is never a half-written backup.
// PostgreSQL (DATABASE_URL) is backed up with pg_dump: see the README.
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

const root = path.resolve(import.meta.dirname, '..');

function fail(message) {
  console.error(`kairos backup: ${message}`);
  process.exit(1);
}

if (process.env.DATABASE_URL)
  fail('DATABASE_URL is set: back up PostgreSQL with pg_dump (see the README, "Backups")');
const argument = process.argv[2];
if (!argument || process.argv.length > 3) fail('usage: npm run backup -- <backup-file.sqlite>');
// npm runs scripts from the package folder; a relative path means the caller's folder.
const target = path.resolve(process.env.INIT_CWD ?? process.cwd(), argument);
// The same default and base folder as the server (db/client.ts, started from the package).
const source = path.resolve(root, process.env.DATABASE_PATH ?? './data/kairos.sqlite');
if (!existsSync(source)) fail(`no database at ${source} (set DATABASE_PATH)`);
if (existsSync(target)) fail(`${target} exists: choose a new file, a backup never overwrites`);

const partial = `${target}.partial`;
rmSync(partial, { force: true });
const db = new Database(source, { fileMustExist: true });
try {
  db.pragma('busy_timeout = 5000');
  db.prepare('VACUUM INTO ?').run(partial);
} finally {
  db.close();
}
const copy = new Database(partial, { readonly: true, fileMustExist: true });
const integrity = copy.pragma('integrity_check', { simple: true });
copy.close();
if (integrity !== 'ok') {
  rmSync(partial, { force: true });
  fail(`the copy failed SQLite's integrity check (${integrity}); nothing written`);
}
renameSync(partial, target);
console.log(`kairos backup: ${source} → ${target}`);
