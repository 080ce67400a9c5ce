/** Request and response schemas of teams (issue 17): who a staff session is, and their team's networks. */
import { z } from 'zod';
import { NetworkSummarySchema } from './networks.js';

/** A staff member as their team page shows them. */
export const StaffSchema = z.object({ id: z.string(), name: z.string(), email: z.string() });

/** One team of a staff member, with its networks (newest first). */
export const TeamViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The staff member's place in it. */
  role: z.enum(['admin', 'member']),
  kind: z.enum(['professional', 'peer_worker']),
  networks: z.array(NetworkSummarySchema),
  /** Relatives whose links expired and who asked for a new one, oldest first. */
  requests: z.array(
    z.object({ networkId: z.string(), participantId: z.string(), name: z.string(), at: z.string() }),
  ),
});

/** GET /api/team: the signed-in staff member and their teams. */
export const TeamResponseSchema = z.object({ staff: StaffSchema, teams: z.array(TeamViewSchema) });
export type TeamResponse = z.infer<typeof TeamResponseSchema>;
