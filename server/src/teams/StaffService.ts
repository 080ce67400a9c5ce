/**
 * Staff without an identity provider (issue 17): the operator (or a team admin) adds a professional or
 * peer worker to a team and gets a personal sign-in link for them. The link is kept only as its hash,
 * lives for STAFF_LINK_HOURS (a day by default: far shorter than a relative's 30-day link, since it opens
 * every network of the team), is used once, and a new one replaces the old (renewing). What a staff
 * member may open comes from their team membership, not from the link: the link only starts a session.
 */
import { hashToken, looksLikeToken, newId, newToken } from '../auth/tokens.js';
import type {
  LeftTeam,
  StaffKind,
  StaffLinkRecord,
  StaffRecord,
  TeamRecord,
} from '../persistence/metadata/teams.js';
import type { MetadataStore } from '../persistence/metadata/types.js';

/** A sign-in link lasts a day unless configured otherwise. */
export const DEFAULT_STAFF_LINK_MS = 24 * 60 * 60 * 1000;

/** Whom to add: their team (by name, made if there is none), name, e-mail, admin or not. */
export interface StaffInput {
  team: string;
  name: string;
  email: string;
  admin: boolean;
  kind: StaffKind;
}

/** A sign-in link as it is shown once: the token is never stored. */
export interface IssuedStaffLink {
  token: string;
  record: StaffLinkRecord;
}

/** Why a sign-in link does not open: unknown (or malformed), used or renewed, expired. */
export type StaffLinkProblem = 'invalid' | 'revoked' | 'expired';

export class StaffService {
  constructor(
    private readonly store: MetadataStore,
    private readonly linkLifetimeMs = DEFAULT_STAFF_LINK_MS,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Add someone to a team (the team and the staff identity are made if missing) with a fresh link. */
  async addStaff(
    input: StaffInput,
  ): Promise<{ team: TeamRecord; staff: StaffRecord; link: IssuedStaffLink }> {
    const name = input.name.trim();
    const email = input.email.trim().toLowerCase();
    const teamName = input.team.trim();
    if (!name || !teamName) throw new Error('a team and a name are needed');
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new Error(`"${input.email}" is not an e-mail address`);
    const at = this.now().toISOString();
    let team = (await this.store.listTeams()).find((each) => each.name === teamName);
    if (!team) {
      team = { id: newId(), name: teamName, createdAt: at, domains: [], groups: [] };
      await this.store.createTeam(team);
    }
    let staff = await this.store.findStaffByEmail(email);
    if (!staff) {
      staff = { id: newId(), name, email, issuer: null, subject: null, createdAt: at };
      await this.store.createStaff(staff);
    }
    await this.store.joinTeam({
      teamId: team.id,
      staffId: staff.id,
      role: input.admin ? 'admin' : 'member',
      kind: input.kind,
      at,
    });
    return { team, staff, link: await this.issueLink(staff.id) };
  }

  /**
   * Take someone out of a team (named by its id or its name) by their e-mail: their access to every
   * network of the team ends at once (leaveTeam; the running servers' sweeps close their sockets and
   * video within a second). Refused (throws) for an unknown team, address or someone not in the team.
   */
  async removeStaff(input: { team: string; email: string }): Promise<{
    team: TeamRecord;
    staff: StaffRecord;
    left: LeftTeam;
  }> {
    const teams = await this.store.listTeams();
    const team =
      teams.find((each) => each.id === input.team) ?? teams.find((each) => each.name === input.team.trim());
    if (!team) throw new Error(`no team "${input.team}"`);
    const staff = await this.store.findStaffByEmail(input.email.trim());
    if (!staff) throw new Error(`no staff member with the address "${input.email}"`);
    const left = await this.store.leaveTeam({
      teamId: team.id,
      staffId: staff.id,
      at: this.now().toISOString(),
    });
    if (!left) throw new Error(`${staff.email} is not in ${team.name}`);
    return { team, staff, left };
  }

  /** A new sign-in link; the staff member's earlier links stop working. */
  async issueLink(staffId: string): Promise<IssuedStaffLink> {
    const token = newToken();
    const created = this.now();
    const record: StaffLinkRecord = {
      id: newId(),
      staffId,
      createdAt: created.toISOString(),
      expiresAt: new Date(created.getTime() + this.linkLifetimeMs).toISOString(),
      revokedAt: null,
    };
    await this.store.issueStaffLink({ record, tokenHash: hashToken(token) });
    return { token, record };
  }

  /**
   * The staff member a sign-in link opens for, using it up (a link opens once: one forwarded or left
   * in a browser's history opens nothing afterwards); or why it does not. Someone in no team gets in
   * nowhere, whatever their link.
   */
  async useLink(
    token: string,
  ): Promise<{ ok: true; staff: StaffRecord } | { ok: false; problem: StaffLinkProblem }> {
    const record = looksLikeToken(token)
      ? await this.store.findStaffLinkByTokenHash(hashToken(token))
      : undefined;
    if (!record) return { ok: false, problem: 'invalid' };
    if (record.revokedAt) return { ok: false, problem: 'revoked' };
    if (Date.parse(record.expiresAt) <= this.now().getTime()) return { ok: false, problem: 'expired' };
    const staff = await this.store.findStaff(record.staffId);
    if (!staff || (await this.store.teamsOf(staff.id)).length === 0) return { ok: false, problem: 'revoked' };
    await this.store.revokeStaffLinks(staff.id, this.now().toISOString());
    return { ok: true, staff };
  }
}
