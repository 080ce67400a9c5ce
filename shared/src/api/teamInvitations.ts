/** A team admin invites an address to enter the team by signing in with the organisation (issue 17). */
import { z } from 'zod';

/** POST /api/team/:teamId/invitations */
export const TeamInvitationRequestSchema = z.object({
  /** The work address, as the identity provider will give it (compared in lower case). */
  email: z
    .string()
    .trim()
    .max(254)
    .regex(/^[^@\s]{1,64}@[^@\s]{1,189}$/, 'an e-mail address such as ulla@pohjola.fi'),
});
export type TeamInvitationRequest = z.infer<typeof TeamInvitationRequestSchema>;

/** The team's invited addresses, after the invitation. */
export const TeamInvitationsResponseSchema = z.object({ invited: z.array(z.string()) });
export type TeamInvitationsResponse = z.infer<typeof TeamInvitationsResponseSchema>;
