/** Reads a meeting document straight from a stopped (or killed) server's SQLite file. */
import { openDatabase } from '@polyphony/server/persistence/database';
import { SqliteDocumentStore } from '@polyphony/server/persistence/sqlite';
import * as Y from 'yjs';

/** What the database holds for a meeting, and the document it amounts to. */
export interface StoredMeeting {
  doc: Y.Doc;
  updateRows: number;
  hasSnapshot: boolean;
}

/** Load a meeting from the database in dataDir, as the server would at start. */
export async function readStoredMeeting(dataDir: string, meetingId: string): Promise<StoredMeeting> {
  const store = new SqliteDocumentStore(openDatabase(dataDir));
  try {
    const stored = await store.load(meetingId);
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
    return { doc, updateRows: stored.updates.length, hasSnapshot: stored.snapshot !== null };
  } finally {
    await store.close();
  }
}
