/**
 * Stands in for `use-sync-external-store/shim` (client/vite.config.ts aliases it here): the shim exists for
 * React before 18; React 19 has the hook itself (issue 18, part 2).
 */
export { useSyncExternalStore } from 'react';
