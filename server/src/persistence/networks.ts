/** Records of networks, people and meetings, and the benchmarks' seeding, at the path their callers know. */
export type { MeetingRecord, NetworkRecord, ParticipantRecord } from './metadata/types.js';
export { NetworkRepository } from './sqlite/seeding.js';
