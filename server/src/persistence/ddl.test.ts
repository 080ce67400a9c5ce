/**
 * The migrations made from the one schema (schema.ts). A database out there is at one of the released
 * steps; if a step's statements changed, a new database and an upgraded one would differ without anyone
 * noticing. The steps are therefore pinned here: a change to the schema is a new step, never an edit.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DOCUMENTS_SCHEMA, METADATA_SCHEMA } from './postgres/migrations.js';
import { TABLES } from './schema.js';
import { DATABASE_FILE, openDatabase } from './sqlite/database.js';
import { MIGRATIONS } from './sqlite/migrations.js';

const digest = (steps: readonly string[]) =>
  steps.map((step) => createHash('sha256').update(step).digest('hex').slice(0, 16));

/** The schema of a SQLite file: every table, index and column, as SQLite reports them. */
function schemaOf(db: Database.Database): unknown {
  const objects = db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
  const columns = TABLES.map((table) => db.pragma(`table_xinfo(${table.name})`));
  return { objects, columns };
}

describe('migrations from the one schema', () => {
  it('[SC1] released steps never change (SQLite and both PostgreSQL parts)', () => {
    expect(digest(MIGRATIONS)).toEqual([
      '4a7ef08cea1487a6',
      '9c99f3e7eff7fbbb',
      '10ca9ca523b69d63',
      '3b12ebf6dbfc2151',
      'a0315e3ee7875ce0',
      // admission (issue 18)
      '78ff37825e3a6219',
      // teams (issue 17)
      'd45f268a8ad4cc19',
      // team departures (issue 17: leaving the team)
      '7431ed278301f4ce',
    ]);
    expect(digest(DOCUMENTS_SCHEMA.steps)).toEqual(['95dedb80e9cdbd4f', '13f00fd7388186f6']);
    expect(digest(METADATA_SCHEMA.steps)).toEqual([
      '2ccd91bcc25d9525',
      '86ac6ef944909ff0',
      'da261de92762905f',
      // admission (issue 18)
      '017e25d78d7839e4',
      // teams (issue 17)
      'e6070d0f53207926',
      // team departures (issue 17: leaving the team)
      '586be7747c5215dd',
    ]);
  });

  it('[SC2] a file upgraded from any released step has the schema of a new file', () => {
    const fresh = openDatabase(fs.mkdtempSync(path.join(os.tmpdir(), 'polyphony-ddl-')));
    const expected = schemaOf(fresh);
    fresh.close();
    for (let step = 1; step < MIGRATIONS.length; step++) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyphony-ddl-'));
      const old = new Database(path.join(dir, DATABASE_FILE));
      for (const statements of MIGRATIONS.slice(0, step)) old.exec(statements);
      old.pragma(`user_version = ${step}`);
      old.close();
      const upgraded = openDatabase(dir);
      expect(schemaOf(upgraded)).toEqual(expected);
      upgraded.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('[SC3] every column of the schema is in a new SQLite file, but the insertion order (the rowid)', () => {
    const db = openDatabase(fs.mkdtempSync(path.join(os.tmpdir(), 'polyphony-ddl-')));
    for (const table of TABLES) {
      const columns = (db.pragma(`table_info(${table.name})`) as { name: string }[]).map((c) => c.name);
      const expected = table.columns.filter((column) => !column.insertionOrder).map((column) => column.name);
      expect(columns, table.name).toEqual(expected);
    }
    db.close();
  });
});
