import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentStoreContract } from './contract.js';
import { DATABASE_FILE, openDatabase } from './database.js';
import { SqliteDocumentStore } from './sqlite.js';

documentStoreContract('SQLite', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyphony-store-'));
  return {
    open: async () => new SqliteDocumentStore(openDatabase(dir)),
    cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
});

describe('SQLite database', () => {
  it('is one file in DATA_DIR, in WAL mode', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyphony-db-'));
    const db = openDatabase(dir);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(fs.existsSync(path.join(dir, DATABASE_FILE))).toBe(true);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
