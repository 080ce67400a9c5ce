/**
 * The team page's data (issue 17): for each of a staff member's teams, its networks — each with its last
 * and next meeting, what is new since this staff member last looked, and the open plan items that are
 * theirs —, the relatives asking for a new link, and (for its admins) its members. A network's content
 * (next meeting, plan items) is read only where the staff member is one of its people, and that read is
 * in the network's activity log as opening the network page is. Bounded: at most TEAM_PAGE_NETWORKS
 * networks a team, found by the person's first name.
 */
import {
  type ActivityKind,
  TEAM_PAGE_NETWORKS,
  type TeamNetwork,
  type TeamResponse,
} from '@polyphony/shared';
import { nextMeetingOf, openPlanItemsOf } from '../document/meetingDocument.js';
import type { NetworkService } from '../networks/NetworkService.js';
import type { StaffRecord, TeamMemberRecord } from '../persistence/metadata/teams.js';
import type { MetadataStore, NetworkRecord } from '../persistence/metadata/types.js';
import type { SyncServer } from '../sync/SyncServer.js';

/** Log entries that are someone reading, not something new. */
const READS: ReadonlySet<ActivityKind> = new Set<ActivityKind>([
  'joined',
  'viewed',
  'network_viewed',
  'version_viewed',
  'agreed_viewed',
  'searched',
  'exported',
  'own_data_exported',
]);
/** How far back "new since" counts. */
const NEW_SINCE_MAX = 50;

/** What the team page needs. */
export interface TeamPageDependencies {
  store: MetadataStore;
  sync: SyncServer;
  service: NetworkService;
}

/** Whether the person at the centre's first name begins with what was searched (any case). */
export function matchesFirstName(centreName: string, search: string): boolean {
  const wanted = search.trim().toLocaleLowerCase();
  if (!wanted) return true;
  const first = centreName.trim().split(/\s+/)[0] ?? '';
  return first.toLocaleLowerCase().startsWith(wanted);
}

async function networkOverview(
  deps: TeamPageDependencies,
  network: NetworkRecord,
  staff: StaffRecord,
): Promise<TeamNetwork> {
  const { store, sync, service } = deps;
  const [meetings, me] = await Promise.all([
    store.listMeetings(network.id),
    store.staffParticipant(network.id, staff.id),
  ]);
  const last = meetings.at(-1);
  const overview: TeamNetwork = {
    id: network.id,
    centreName: network.centreName,
    createdAt: network.createdAt,
    lastMeeting: last
      ? { id: last.id, number: last.number, startedAt: last.createdAt, closedAt: last.closedAt }
      : null,
    nextMeeting: null,
    lastSeenAt: me?.lastSeenAt ?? null,
    newSince: 0,
    myPlanItems: [],
  };
  // Not one of its people yet: nothing of its content is read for them until they open it.
  if (!me) return overview;
  const since = me.lastSeenAt ? Date.parse(me.lastSeenAt) : Number.NEGATIVE_INFINITY;
  const entries = await store.listActivity(network.id, NEW_SINCE_MAX);
  overview.newSince = entries.filter(
    (entry) => Date.parse(entry.at) > since && !READS.has(entry.kind) && entry.actor?.id !== me.id,
  ).length;
  if (last) {
    const doc = await sync.readDocument(last.id);
    overview.nextMeeting = nextMeetingOf(doc);
    overview.myPlanItems = openPlanItemsOf(doc, me.name);
    // Reading the next meeting and the plan is reading the network: its log says so, as the network
    // page's timeline does.
    await service.recordNetworkView(network.id, me.id);
  }
  return overview;
}

/** The team page of a staff member; `search` keeps the networks whose person's first name begins so. */
export async function teamPage(
  deps: TeamPageDependencies,
  staff: StaffRecord,
  search = '',
): Promise<TeamResponse> {
  const { store } = deps;
  const teams: TeamResponse['teams'] = [];
  for (const place of await store.teamsOf(staff.id)) {
    const record = await store.findTeam(place.teamId);
    if (!record) continue;
    const all = await store.teamNetworks(record.id);
    const matching = all.filter((network) => matchesFirstName(network.centreName, search));
    const shown = matching.slice(0, TEAM_PAGE_NETWORKS);
    const networks: TeamNetwork[] = [];
    for (const network of shown) networks.push(await networkOverview(deps, network, staff));
    const requests = [];
    for (const asked of await store.openLinkRequests(all.map((network) => network.id))) {
      const person = await store.findParticipant(asked.participantId);
      if (person) {
        requests.push({
          networkId: asked.networkId,
          participantId: person.id,
          name: person.name,
          at: asked.createdAt,
        });
      }
    }
    const members = place.role === 'admin' ? (await store.teamMembers(record.id)).map(memberView) : [];
    teams.push({
      id: record.id,
      name: record.name,
      role: place.role,
      kind: place.kind,
      networks,
      more: matching.length > shown.length,
      requests,
      members,
    });
  }
  return { staff: { id: staff.id, name: staff.name, email: staff.email }, teams };
}

const memberView = (member: TeamMemberRecord) => ({
  id: member.staff.id,
  name: member.staff.name,
  email: member.staff.email,
  role: member.role,
  kind: member.kind,
});
