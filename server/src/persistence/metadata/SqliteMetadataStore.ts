/** The SQLite metadata store, at the path its callers know; it lives in sqlite/SqliteMetadataStore.ts. */
export { SqliteMetadataStore } from '../sqlite/SqliteMetadataStore.js';
