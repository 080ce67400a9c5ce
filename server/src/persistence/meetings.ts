/** Meetings as records: which meetings exist. Their documents live in the DocumentStore. */
import type { SqliteDatabase } from './database.js';

/** A stored meeting. */
export interface MeetingRecord {
  id: string;
  title: string;
  createdAt: string;
}

/** The meetings table. */
export class MeetingRepository {
  private readonly insertStatement;
  private readonly findStatement;

  constructor(db: SqliteDatabase) {
    this.insertStatement = db.prepare<[string, string, string]>(
      'INSERT INTO meetings (id, title, created_at) VALUES (?, ?, ?)',
    );
    this.findStatement = db.prepare<[string], { id: string; title: string; created_at: string }>(
      'SELECT id, title, created_at FROM meetings WHERE id = ?',
    );
  }

  create(meeting: MeetingRecord): MeetingRecord {
    this.insertStatement.run(meeting.id, meeting.title, meeting.createdAt);
    return meeting;
  }

  find(id: string): MeetingRecord | undefined {
    const row = this.findStatement.get(id);
    return row && { id: row.id, title: row.title, createdAt: row.created_at };
  }
}
