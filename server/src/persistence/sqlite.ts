/** The SQLite stores (sqlite/), at the path their callers know. */
export { SqliteDocumentStore } from './sqlite/SqliteDocumentStore.js';
export { SqliteMetadataStore } from './sqlite/SqliteMetadataStore.js';
