/** The embedded SQLite database, kept at this path for its callers; it lives in sqlite/database.ts. */
export * from './sqlite/database.js';
