/** The PostgreSQL metadata store, at the path its callers know; it lives in postgres/PostgresMetadataStore.ts. */
export { METADATA_SCHEMA, PostgresMetadataStore } from '../postgres/PostgresMetadataStore.js';
