import { getTableColumns, type Column, type Table } from 'drizzle-orm';
import { getTableConfig as pgConfig, type PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as pg from '@/db/postgres/schema';
import * as sqlite from '@/db/schema';

/** The PostgreSQL type that holds exactly what each SQLite column type holds. */
const TYPE_TWINS: Record<string, string[]> = {
  SQLiteText: ['PgText'],
  SQLiteTextJson: ['PgJsonb'],
  SQLiteBoolean: ['PgBoolean'],
  SQLiteReal: ['PgDoublePrecision'],
  // Counts and positions fit 32 bits; instants (UTC ms) need 53.
  SQLiteInteger: ['PgInteger', 'PgBigInt53'],
};

/** Instants are named *_at, or `deadline`: they alone need PostgreSQL's bigint. */
const isInstant = (name: string) => name.endsWith('_at') || name === 'deadline';

function tablesOf(module: Record<string, unknown>, isTable: (v: unknown) => boolean) {
  return Object.fromEntries(
    Object.entries(module)
      .filter(([, value]) => isTable(value))
      .map(([key, value]) => [key, value as Table]),
  );
}

const sqliteTables = tablesOf(sqlite, (v) => {
  try {
    return Boolean(v) && sqliteConfig(v as SQLiteTable).name !== undefined;
  } catch {
    return false;
  }
});
const pgTables = tablesOf(pg, (v) => {
  try {
    return Boolean(v) && pgConfig(v as PgTable).name !== undefined;
  } catch {
    return false;
  }
});

function columnShape(column: Column) {
  return {
    notNull: column.notNull,
    primary: column.primary,
    hasDefault: column.hasDefault,
    default: column.default,
    enumValues: column.enumValues ?? null,
  };
}

type Index = { name: string; columns: string[]; unique: boolean };
type ForeignKey = {
  columns: string[];
  foreignTable: string;
  foreignColumns: string[];
  onDelete: string | undefined;
};

function sqliteShape(table: SQLiteTable) {
  const config = sqliteConfig(table);
  return {
    name: config.name,
    indexes: config.indexes
      .map((i): Index => ({
        name: i.config.name,
        columns: i.config.columns.map((c) => (c as Column).name),
        unique: i.config.unique,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    primaryKeys: config.primaryKeys.map((k) => k.columns.map((c) => c.name)),
    foreignKeys: config.foreignKeys.map((fk): ForeignKey => {
      const ref = fk.reference();
      return {
        columns: ref.columns.map((c) => c.name),
        foreignTable: sqliteConfig(ref.foreignTable).name,
        foreignColumns: ref.foreignColumns.map((c) => c.name),
        onDelete: fk.onDelete,
      };
    }),
    uniqueConstraints: config.uniqueConstraints.map((u) => u.columns.map((c) => c.name)),
  };
}

function pgShape(table: PgTable) {
  const config = pgConfig(table);
  return {
    name: config.name,
    indexes: config.indexes
      .map((i): Index => ({
        name: i.config.name ?? '',
        columns: i.config.columns.map((c) => (c as Column).name),
        unique: i.config.unique,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    primaryKeys: config.primaryKeys.map((k) => k.columns.map((c) => c.name)),
    foreignKeys: config.foreignKeys.map((fk): ForeignKey => {
      const ref = fk.reference();
      return {
        columns: ref.columns.map((c) => c.name),
        foreignTable: pgConfig(ref.foreignTable).name,
        foreignColumns: ref.foreignColumns.map((c) => c.name),
        onDelete: fk.onDelete,
      };
    }),
    uniqueConstraints: config.uniqueConstraints.map((u) => u.columns.map((c) => c.name)),
  };
}

describe('the PostgreSQL schema mirrors the SQLite schema', () => {
  it('has the same tables under the same export names', () => {
    expect(Object.keys(pgTables).sort()).toEqual(Object.keys(sqliteTables).sort());
    expect(Object.keys(sqliteTables).length).toBeGreaterThan(0);
  });

  describe.each(Object.keys(sqliteTables))('table %s', (key) => {
    const lite = sqliteTables[key] as SQLiteTable;
    const post = pgTables[key] as PgTable;

    it('has the same columns, nullability, defaults and enums', () => {
      const liteColumns = getTableColumns(lite);
      const postColumns = getTableColumns(post);
      expect(Object.keys(postColumns)).toEqual(Object.keys(liteColumns));
      for (const [field, column] of Object.entries(liteColumns)) {
        const twin = postColumns[field] as Column;
        expect(twin.name, field).toBe(column.name);
        expect(columnShape(twin), field).toEqual(columnShape(column));
      }
    });

    it('gives every column a type that holds the same values', () => {
      const postColumns = getTableColumns(post);
      for (const [field, column] of Object.entries(getTableColumns(lite))) {
        const twin = postColumns[field] as Column;
        expect(TYPE_TWINS[column.columnType], column.name).toContain(twin.columnType);
        if (column.columnType === 'SQLiteInteger')
          expect(twin.columnType, column.name).toBe(
            isInstant(column.name) ? 'PgBigInt53' : 'PgInteger',
          );
      }
    });

    it('has the same indexes, unique constraints, keys and cascades', () => {
      expect(pgShape(post)).toEqual(sqliteShape(lite));
    });
  });

  it('cascades every foreign key on delete, but the one that only forgets who answered', () => {
    const keys = Object.values(pgTables).flatMap((t) =>
      pgShape(t as PgTable).foreignKeys.map((key) => ({ table: pgConfig(t as PgTable).name, key })),
    );
    expect(keys.length).toBeGreaterThan(0);
    for (const { table, key } of keys)
      // An invitation outlives the answer given from it: the guest counts as not answered again.
      expect(key.onDelete).toBe(
        table === 'invitations' && key.columns.join() === 'participant_id' ? 'set null' : 'cascade',
      );
  });
});
