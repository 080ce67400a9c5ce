/**
 * Versions in the embedded database, for the benchmarks' seeding, at the path they know. The store's
 * versions and last-seen points are persistence/actions/history.ts.
 */
export type { StoredVersion } from '../persistence/metadata/types.js';
export { VersionRepository } from '../persistence/sqlite/seeding.js';
