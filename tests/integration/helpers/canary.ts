/**
 * Looking for a canary — a string written before an erasure — in every place Polyphony keeps bytes:
 * the SQLite file with its WAL and shared-memory index, every row of every table of a PostgreSQL schema
 * (text, and bytea as the hex PostgreSQL prints it), and a server's output (its logs).
 */
import fs from 'node:fs';
import path from 'node:path';
import { withAdmin } from './postgresSchemas.js';

/** A string no test writes by chance. */
export const newCanary = (label: string) => `canary-${label}-${Math.random().toString(36).slice(2, 10)}`;

/** The files of the SQLite database in dataDir that hold the canary's bytes (UTF-8). */
export function sqliteFilesHolding(dataDir: string, canary: string): string[] {
  const needle = Buffer.from(canary, 'utf8');
  return ['polyphony.sqlite', 'polyphony.sqlite-wal', 'polyphony.sqlite-shm'].filter((name) => {
    const file = path.join(dataDir, name);
    return fs.existsSync(file) && fs.readFileSync(file).includes(needle);
  });
}

/** The tables of a PostgreSQL schema with a row holding the canary, as text or as bytes. */
export function postgresTablesHolding(schema: string, canary: string): Promise<string[]> {
  const hex = Buffer.from(canary, 'utf8').toString('hex');
  return withAdmin(async (client) => {
    const tables = await client.query<{ table_name: string }>(
      'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
      [schema],
    );
    const holding: string[] = [];
    for (const { table_name: table } of tables.rows) {
      const found = await client.query(
        `SELECT 1 FROM "${schema}"."${table}" t WHERE row_to_json(t)::text LIKE $1 OR row_to_json(t)::text LIKE $2 LIMIT 1`,
        [`%${canary}%`, `%${hex}%`],
      );
      if (found.rowCount) holding.push(table);
    }
    return holding;
  });
}
