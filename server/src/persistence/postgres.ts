/** The PostgreSQL stores (postgres/), at the path their callers know. */
export { DOCUMENTS_SCHEMA, loadDocument, PostgresDocumentStore } from './postgres/PostgresDocumentStore.js';
export { METADATA_SCHEMA, PostgresMetadataStore } from './postgres/PostgresMetadataStore.js';
