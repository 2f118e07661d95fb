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
 * database holds exactly the same data. Read-only, beside the running server (WAL).
 */
export function snapshot(file = suiteDatabase()): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
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
