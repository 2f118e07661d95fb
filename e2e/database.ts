import Database from 'better-sqlite3';

/** The suite's database (playwright.config.ts hands its path to every worker). */
export function suiteDatabase(): string {
  const file = process.env.E2E_DATABASE_PATH;
  if (!file)
    throw new Error('E2E_DATABASE_PATH is not set: run the specs through playwright.config.ts');
  return file;
}

/**
 * Every row of every table, in a stable order, as one string: equal snapshots mean the
 * database holds exactly the same data. Read-only, beside the running server (WAL). The
 * write budgets are left out: every write request spends from one, refused or not, by design.
 */
export function snapshot(file = suiteDatabase()): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'write_budgets' ORDER BY name",
      )
      .pluck()
      .all() as string[];
    return JSON.stringify(
      tables.map((table) => [table, db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all()]),
    );
  } finally {
    db.close();
  }
}

/**
 * Moves a poll's deadline to `deadline` as if that much time had passed: the API refuses a
 * deadline in the past, and a test must not sleep until one passes. The version moves with
 * it, as every write's does, so the server's per-version cache sees the change.
 */
export function moveDeadline(pollId: string, deadline: number, file = suiteDatabase()): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('UPDATE polls SET deadline = ?, version = version + 1 WHERE id = ?').run(
      deadline,
      pollId,
    );
  } finally {
    db.close();
  }
}
