import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { metadataStoreContract } from '../metadata/contract.js';
import { openDatabase, type SqliteDatabase } from './database.js';
import { SqliteMetadataStore } from './SqliteMetadataStore.js';

metadataStoreContract('SQLite', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyphony-metadata-'));
  const opened: SqliteDatabase[] = [];
  return {
    open: async () => {
      const db = openDatabase(dir);
      opened.push(db);
      return new SqliteMetadataStore(db);
    },
    cleanup: async () => {
      for (const db of opened) db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});
