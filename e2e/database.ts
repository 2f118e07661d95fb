import Database from 'better-sqlite3';
import { Client } from 'pg';

/**
 * The suite's database: the SQLite file playwright.config.ts hands to every worker, or, on
 * the PostgreSQL pass (scripts/e2e-postgres.mjs), the database behind E2E_DATABASE_URL.
 * Specs read it to compare snapshots, whichever store the server runs on.
 */
type SuiteStore = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

function suiteStore(): SuiteStore {
  const url = process.env.E2E_DATABASE_URL;
  if (url) return { kind: 'postgres', url };
  const file = process.env.E2E_DATABASE_PATH;
  if (!file)
    throw new Error('E2E_DATABASE_PATH is not set: run the specs through playwright.config.ts');
  return { kind: 'sqlite', file };
}

/** `sql` with `?` placeholders, on either store; rows as plain objects. */
export async function query<Row>(
  sql: string,
  params: unknown[] = [],
  store: SuiteStore = suiteStore(),
): Promise<Row[]> {
  if (store.kind === 'sqlite') {
    const readOnly = /^\s*select/i.test(sql);
    const db = new Database(store.file, { readonly: readOnly, fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      const statement = db.prepare(sql);
      if (statement.reader) return statement.all(...params) as Row[];
      statement.run(...params);
      return [];
    } finally {
      db.close();
    }
  }
  const client = new Client({ connectionString: store.url });
  await client.connect();
  try {
    let n = 0;
    const result = await client.query(
      sql.replace(/\?/g, () => `$${++n}`),
      params,
    );
    return result.rows as Row[];
  } finally {
    await client.end();
  }
}

async function tableNames(store: SuiteStore): Promise<string[]> {
  const rows =
    store.kind === 'sqlite'
      ? await query<{ name: string }>(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
          [],
          store,
        )
      : await query<{ name: string }>(
          "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
          [],
          store,
        );
  return rows.map((r) => r.name).sort();
}

/**
 * Every row of every table, in a stable order, as one string: equal snapshots mean the
 * database holds exactly the same data. Read beside the running server. The write budgets
 * are left out: every write request spends from one, refused or not, by design. Rows are
 * sorted by their own text, so the order does not depend on how a store lays them out.
 * `file` reads a SQLite file of a server a spec started itself.
 */
export async function snapshot(file?: string): Promise<string> {
  const store: SuiteStore = file ? { kind: 'sqlite', file } : suiteStore();
  const tables = (await tableNames(store)).filter((name) => name !== 'write_budgets');
  const content: [string, string[]][] = [];
  for (const table of tables) {
    const rows = await query<Record<string, unknown>>(`SELECT * FROM "${table}"`, [], store);
    content.push([table, rows.map((row) => JSON.stringify(row)).sort()]);
  }
  return JSON.stringify(content);
}

/**
 * Moves a poll's deadline to `deadline` as if that much time had passed: the API refuses a
 * deadline in the past, and a test must not sleep until one passes. The version moves with
 * it, as every write's does, so the server's per-version cache sees the change.
 */
export async function moveDeadline(pollId: string, deadline: number): Promise<void> {
  await query('UPDATE polls SET deadline = ?, version = version + 1 WHERE id = ?', [
    deadline,
    pollId,
  ]);
}
