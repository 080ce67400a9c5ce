/**
 * Letting someone new in (issue 18): a meeting's "ask to join" code, the newcomer's request, and the
 * decision of the person at the centre or a professional. A waiting newcomer is told nothing of the
 * network: only whether they are still waiting, let in or not.
 */
import { z } from 'zod';

/** POST /api/ask/:code: who is asking. */
export const AskToJoinRequestSchema = z
  .object({
    /** The name they wish to be called. */
    name: z.string().trim().min(1, 'a name is needed').max(80),
    /** How they are related to the person at the centre: "neighbour". */
    relation: z.string().trim().max(80).default(''),
  })
  .strict();
export type AskToJoinRequest = z.input<typeof AskToJoinRequestSchema>;

/** Where a newcomer's request stands; `none`: this browser has not asked (or its request is gone). */
export const AskStateSchema = z.object({ state: z.enum(['waiting', 'admitted', 'refused', 'none']) });
export type AskState = z.infer<typeof AskStateSchema>;

/** POST /api/ask/enter: the admitted newcomer is in; their personal link, shown once. */
export const AskEnterResponseSchema = z.object({ path: z.string(), url: z.string() });
export type AskEnterResponse = z.infer<typeof AskEnterResponseSchema>;

/** Someone waiting, as everyone present sees them. */
export const WaitingPersonSchema = z.object({
  id: z.string(),
  name: z.string(),
  relation: z.string(),
  askedAt: z.string(),
});
export type WaitingPerson = z.infer<typeof WaitingPersonSchema>;

/** GET /api/meetings/:id/admission: the code shown (if any) and who is waiting. */
export const AdmissionStateSchema = z.object({
  /** The "ask to join" link while it is shown; null when turned off (or the meeting is closed). */
  url: z.string().nullable(),
  waiting: z.array(WaitingPersonSchema),
});
export type AdmissionState = z.infer<typeof AdmissionStateSchema>;

/** The roles a newcomer may be given at admission. */
export const ADMISSION_ROLES = ['network_member', 'observer'] as const;

/** POST /api/meetings/:id/admission/:requestId: let them in (with a role) or not. */
export const AdmissionDecisionSchema = z
  .object({
    decision: z.enum(['admit', 'refuse']),
    role: z.enum(ADMISSION_ROLES).default('network_member'),
  })
  .strict();
export type AdmissionDecision = z.input<typeof AdmissionDecisionSchema>;
