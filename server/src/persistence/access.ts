/** Records of links and memberships, and the benchmarks' seeding, at the path their callers know. */
export type { InvitationRecord, Membership } from './metadata/types.js';
export { linkState } from './metadata/types.js';
export { AccessRepository } from './sqlite/seeding.js';
