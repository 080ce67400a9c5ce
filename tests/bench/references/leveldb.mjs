// y-leveldb, resolved from this package (the reference servers'), for the benchmark's seeding of the
// y-websocket server's LevelDB (tests/bench/seed.ts).
export { LeveldbPersistence } from 'y-leveldb';
