/**
 * Whether a network may be started anonymously (from a browser that is nobody's professional): as
 * ALLOW_ANONYMOUS_START says; when it says nothing, yes until a team exists — a service that has teams
 * starts its networks from the team page, where each belongs to its team (issue 17).
 */
import type { MetadataStore } from '../persistence/metadata/types.js';

export async function anonymousStartAllowed(setting: boolean | null, store: MetadataStore): Promise<boolean> {
  if (setting !== null) return setting;
  return (await store.listTeams()).length === 0;
}
