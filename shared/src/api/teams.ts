/** Request and response schemas of teams (issue 17): who a staff session is, and their team's networks. */
import { z } from 'zod';
import { NetworkSummarySchema } from './networks.js';

/** A staff member as their team page shows them. */
export const StaffSchema = z.object({ id: z.string(), name: z.string(), email: z.string() });

/** How many networks a team page shows at most (the search finds the others). */
export const TEAM_PAGE_NETWORKS = 50;
/** The longest first name the team page's search takes. */
export const TEAM_SEARCH_MAX = 80;

/** One network on the team page: its meetings, what is new, and the plan items that are this person's. */
export const TeamNetworkSchema = NetworkSummarySchema.extend({
  /** The newest meeting, if any. */
  lastMeeting: z
    .object({
      id: z.string(),
      number: z.number().int(),
      startedAt: z.string(),
      closedAt: z.string().nullable(),
    })
    .nullable(),
  /** The next meeting as agreed in the newest one ('when_needed' or a time); null when not agreed. */
  nextMeeting: z.object({ when: z.string(), convenerName: z.string() }).nullable(),
  /** When this staff member last opened the network; null if they never did (then nothing is read). */
  lastSeenAt: z.string().nullable(),
  /** Log entries by others since they last looked (reads not counted), at most 50. */
  newSince: z.number().int(),
  /** Open plan items of the newest meeting that are theirs to do. */
  myPlanItems: z.array(z.object({ text: z.string(), byWhen: z.string() })),
});
export type TeamNetwork = z.infer<typeof TeamNetworkSchema>;

/** A member of the team, as its admins see them. */
export const TeamMemberSchema = StaffSchema.extend({
  role: z.enum(['admin', 'member']),
  kind: z.enum(['professional', 'peer_worker']),
});

/** One team of a staff member, with its networks (newest first). */
export const TeamViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The staff member's place in it. */
  role: z.enum(['admin', 'member']),
  kind: z.enum(['professional', 'peer_worker']),
  networks: z.array(TeamNetworkSchema),
  /** More networks matched than the page shows (TEAM_PAGE_NETWORKS): search by first name. */
  more: z.boolean(),
  /** Relatives whose links expired and who asked for a new one, oldest first. */
  requests: z.array(
    z.object({ networkId: z.string(), participantId: z.string(), name: z.string(), at: z.string() }),
  ),
  /** The team's members: shown to its admins only (empty for everyone else). */
  members: z.array(TeamMemberSchema),
});

/** GET /api/team: the signed-in staff member and their teams. */
export const TeamResponseSchema = z.object({ staff: StaffSchema, teams: z.array(TeamViewSchema) });
export type TeamResponse = z.infer<typeof TeamResponseSchema>;
