/**
 * Teams (issue 17): a crisis team or a POD service, its staff (professionals and peer workers, an admin
 * or two), the networks that belong to it, how its staff sign in (through the organisation's identity
 * provider, or with a short-lived sign-in link when there is none), and the requests relatives make for
 * a new link when theirs has lapsed. A professional's access to the team's networks comes from the
 * membership, never from a link that lapses. Both databases keep it; teamsContract.ts is its contract.
 */
import type { NetworkRecord, ParticipantRecord } from './types.js';

/** A team admin may add and remove staff and make sign-in links; a member works with the networks. */
export type TeamRole = 'admin' | 'member';
/** What a staff member is in the team's work. */
export type StaffKind = 'professional' | 'peer_worker';

/** A stored team, with who may sign in through the identity provider. */
export interface TeamRecord {
  id: string;
  name: string;
  createdAt: string;
  /** E-mail domains whose verified addresses may enter, lower case. */
  domains: string[];
  /** Group claim values that may enter. */
  groups: string[];
}

/** A stored staff identity: the e-mail is theirs (lower case); issuer and subject once they used the IdP. */
export interface StaffRecord {
  id: string;
  name: string;
  email: string;
  issuer: string | null;
  subject: string | null;
  createdAt: string;
}

/** A staff member's place in a team. */
export interface TeamMemberRecord {
  teamId: string;
  staff: StaffRecord;
  role: TeamRole;
  kind: StaffKind;
  joinedAt: string;
}

/** A staff sign-in link (its token is not stored). */
export interface StaffLinkRecord {
  id: string;
  staffId: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

/** A relative's request for a new link. */
export interface LinkRequestRecord {
  id: string;
  networkId: string;
  participantId: string;
  createdAt: string;
  answeredAt: string | null;
  answeredBy: string | null;
}

/** What leaving a team ended: the sessions of the staff member, to close their sockets and video. */
export interface LeftTeam {
  sessionHashes: string[];
  /** The staff member's people in the team's networks. */
  participantIds: string[];
  /** The networks they were people of. */
  networkIds: string[];
  /** Each of those people with their network (one staff member may be more than one person in a network). */
  people: { participantId: string; networkId: string }[];
  /** Their personal links in those networks (from starting one), revoked with the team's access. */
  revokedInvitations: string[];
}

export interface TeamStore {
  createTeam(team: TeamRecord): Promise<void>;
  findTeam(id: string): Promise<TeamRecord | undefined>;
  listTeams(): Promise<TeamRecord[]>;
  /** Replace who may sign in through the identity provider. */
  setTeamEntry(teamId: string, entry: { domains: string[]; groups: string[] }): Promise<void>;

  /** A new staff identity; refused (throws) when the e-mail is already someone's. */
  createStaff(staff: StaffRecord): Promise<void>;
  findStaff(id: string): Promise<StaffRecord | undefined>;
  findStaffByEmail(email: string): Promise<StaffRecord | undefined>;
  findStaffBySubject(issuer: string, subject: string): Promise<StaffRecord | undefined>;
  /** Remember the identity provider's subject of a staff member (their first sign-in through it). */
  bindStaffSubject(staffId: string, issuer: string, subject: string): Promise<void>;

  /** Add a staff member to a team, or change their role and kind if they are in it. */
  joinTeam(input: {
    teamId: string;
    staffId: string;
    role: TeamRole;
    kind: StaffKind;
    at: string;
  }): Promise<void>;
  /**
   * Take a staff member out of a team: the membership, and with it the access to every network of the
   * team ('left_team' in each of their networks' logs); their sessions end when they are in no team any
   * more. Undefined if they were not in it.
   */
  leaveTeam(input: { teamId: string; staffId: string; at: string }): Promise<LeftTeam | undefined>;
  /**
   * The teams a staff member left and has not joined again since: a domain or group rule
   * does not let them back in through the identity provider; an invitation or the operator does.
   */
  teamDepartures(staffId: string): Promise<string[]>;
  /**
   * The people whose access ended in (from, to] as their staff member left the network's team and is
   * not back in it: every instance closes their sockets and video (as it does for revoked links).
   */
  departedBetween(from: Date, to: Date): Promise<{ networkId: string; participantId: string }[]>;
  teamMembers(teamId: string): Promise<TeamMemberRecord[]>;
  /** The teams a staff member is in, with their place in each. */
  teamsOf(staffId: string): Promise<TeamMemberRecord[]>;
  /** An admin invites an address to enter the team through the identity provider. */
  inviteToTeam(input: { teamId: string; email: string; invitedBy: string | null; at: string }): Promise<void>;
  teamInvitations(teamId: string): Promise<string[]>;

  /** A new sign-in link for a staff member; their earlier live links are revoked (renewing). */
  issueStaffLink(input: { record: StaffLinkRecord; tokenHash: string }): Promise<void>;
  findStaffLinkByTokenHash(tokenHash: string): Promise<StaffLinkRecord | undefined>;
  /** Revoke a staff member's live sign-in links; how many. */
  revokeStaffLinks(staffId: string, at: string): Promise<number>;

  /** A new session signed in as a staff member. */
  startStaffSession(sessionHash: string, staffId: string, at: string): Promise<void>;
  /** Who a session is signed in as, if it is a staff session. */
  sessionStaff(sessionHash: string): Promise<StaffRecord | undefined>;
  staffSessions(staffId: string): Promise<string[]>;

  /** The team's networks, newest first. */
  teamNetworks(teamId: string): Promise<NetworkRecord[]>;
  /** The staff member's person in a network, if they have worked with it. */
  staffParticipant(networkId: string, staffId: string): Promise<ParticipantRecord | undefined>;
  /**
   * A staff member of the network's team becomes one of its professionals (joining it later: they see
   * its whole history), with the log entry; the person already there if they had.
   */
  addStaffToNetwork(input: { participant: ParticipantRecord; staffId: string }): Promise<ParticipantRecord>;

  /**
   * A relative asks for a new link, logged ('link_requested'); a request still open for the person is
   * returned instead of a second one.
   */
  requestLink(request: {
    id: string;
    networkId: string;
    participantId: string;
    at: string;
  }): Promise<LinkRequestRecord>;
  /** The open requests of these networks, oldest first. */
  openLinkRequests(networkIds: readonly string[]): Promise<LinkRequestRecord[]>;
}
