/**
 * The operator command, against the same store as the server (which may be running): the SQLite file in
 * DATA_DIR, or PostgreSQL when DATABASE_URL (and DATABASE_SCHEMA, if the server has one) is set:
 *
 *   pnpm polyphony create --centre Anna --person "Maria:psychiatric nurse:professional" \
 *        --person "Anna::person_at_centre" --person "Eeva:mother:network_member" [--title …] [--json]
 *   pnpm polyphony list [--json]
 *   pnpm polyphony revoke <participantId> [--json]
 *   pnpm polyphony reissue <participantId> [--json]
 *   (an id that starts with "-" is taken as an id: `revoke -abc` and `revoke -- -abc` both work)
 *   pnpm polyphony migrate-to-postgres [--json]
 *   pnpm polyphony backup|restore|verify <file> [--json]      (backup/backupCommand.ts)
 *
 * A person is "name:relation:role" (relation may be empty; role defaults to network_member). The first
 * person is the one starting the meeting. Links are printed once: only their hashes are stored. Every
 * running instance notices a revocation made here within a second and closes that person's connections.
 *
 * migrate-to-postgres is the exception to "against the same store": it copies the SQLite file in DATA_DIR
 * into the PostgreSQL of DATABASE_URL (and DATABASE_SCHEMA), with the server stopped.
 */
import { parseArgs } from 'node:util';
import { type PersonInput, ROLES, type Role } from '@polyphony/shared';
import { newId } from './auth/tokens.js';
import { BACKUP_COMMANDS, BACKUP_USAGE, backupCommand } from './backup/backupCommand.js';
import { loadConfig } from './config.js';
import { ERASURE_SETTLE_MS, ErasureService } from './erasure/ErasureService.js';
import {
  type CommandResult,
  eraseCommand,
  erasuresCommand,
  retentionCommand,
} from './erasure/eraseCommand.js';
import { createLogger } from './logger.js';
import { NetworkService } from './networks/NetworkService.js';
import { openPersistence } from './persistence/open.js';
import {
  MigrationFailed,
  MigrationRefused,
  type MigrationSummary,
  migrateToPostgres,
} from './persistence/sqliteToPostgres/migrateToPostgres.js';
import { SyncServer } from './sync/SyncServer.js';
import { StaffService } from './teams/StaffService.js';

const USAGE = `usage:
  polyphony create --centre NAME --person "name:relation:role" [--person …] [--title TITLE] [--json]
  polyphony list [--json]
  polyphony staff add --team TEAM --name NAME --email EMAIL [--admin] [--peer-worker] [--json]
      add a professional (or peer worker) to a team (made if there is none of that name) and print
      their sign-in link: it works once, for STAFF_LINK_HOURS; running it again makes a new one
  polyphony team allow --team TEAM [--domain DOMAIN …] [--group GROUP …] [--remove] [--json]
      who may enter the team by signing in with the organisation's identity provider (OIDC_*): a
      verified address at DOMAIN, or the group claim GROUP (the team is made if there is none);
      --remove takes them away again. Without --domain or --group it prints the team's rule
  polyphony team invite --team TEAM --email EMAIL [--json]
      let one verified address enter the team through the identity provider
  polyphony staff remove --team TEAM --email EMAIL [--json]
      take someone out of a team (its id or name): their access to its networks ends at once
  polyphony revoke PARTICIPANT_ID [--json]
  polyphony reissue PARTICIPANT_ID [--json]
  polyphony erase network NETWORK_ID | meeting MEETING_ID | person PARTICIPANT_ID --words remove|anonymise
        [--dry-run] [--yes] [--json] [--vacuum-full]
      erase for good (asks for confirmation, or --yes); --dry-run lists what would go
  polyphony erase due [--dry-run] [--yes] [--json]
      erase the networks without activity for RETENTION_DAYS
  polyphony retention [--json]          every network, its last activity, and when it is due
  polyphony erasures [--json]           the record of erasures (kinds, ids, who, when)
  polyphony migrate-to-postgres [--json]
      copy everything in the SQLite file in DATA_DIR into the PostgreSQL of DATABASE_URL (and
      DATABASE_SCHEMA), in one transaction, and check the copy before committing it. Stop the server
      first. Refuses (exit 2, nothing written) when the target already holds Polyphony data; exit 1 when
      the copy or its check failed (rolled back, nothing written).
${BACKUP_USAGE}
roles: ${ROLES.join(', ')}`;

function fail(message: string): never {
  console.error(`polyphony: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function parsePerson(text: string): PersonInput {
  const [name = '', relation = '', role = 'network_member'] = text.split(':').map((part) => part.trim());
  if (!name) fail(`a person needs a name: "${text}"`);
  if (!(ROLES as readonly string[]).includes(role)) fail(`unknown role "${role}"`);
  return { name, relation, role: role as Role };
}

/** The commands whose positionals are ids, and the options each takes (`true`: it takes a value). */
const ID_COMMANDS: Record<string, Record<string, boolean>> = {
  revoke: { '--json': false, '--help': false, '-h': false },
  reissue: { '--json': false, '--help': false, '-h': false },
  erase: {
    '--json': false,
    '--help': false,
    '-h': false,
    '--dry-run': false,
    '--yes': false,
    '--vacuum-full': false,
    '--words': true,
  },
};

/**
 * The arguments, with the ids of `revoke`, `reissue` and `erase` taken as they are even when they start
 * with "-" (ids are random base64url: one in 64 does), which parseArgs would read as options: everything
 * after the command that is not one of its options (or an option's value) is moved behind "--".
 * `revoke -- <id>` works too.
 */
function idsAsPositionals(args: readonly string[]): string[] {
  const [command, ...rest] = args;
  const known = command === undefined ? undefined : ID_COMMANDS[command];
  if (!known) return [...args];
  const options: string[] = [];
  const ids: string[] = [];
  let afterSeparator = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    const name = arg.split('=')[0] as string;
    if (afterSeparator) ids.push(arg);
    else if (arg === '--') afterSeparator = true;
    else if (known[name] === true && !arg.includes('=') && i + 1 < rest.length) {
      options.push(arg, rest[i + 1] as string);
      i++;
    } else if (name in known) options.push(arg);
    else ids.push(arg);
  }
  return [command as string, ...options, '--', ...ids];
}

const { values, positionals } = parseArgs({
  args: idsAsPositionals(process.argv.slice(2)),
  allowPositionals: true,
  options: {
    centre: { type: 'string' },
    person: { type: 'string', multiple: true },
    title: { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
    'dry-run': { type: 'boolean', default: false },
    yes: { type: 'boolean', default: false },
    words: { type: 'string' },
    'vacuum-full': { type: 'boolean', default: false },
    team: { type: 'string' },
    name: { type: 'string' },
    email: { type: 'string' },
    admin: { type: 'boolean', default: false },
    'peer-worker': { type: 'boolean', default: false },
    domain: { type: 'string', multiple: true },
    group: { type: 'string', multiple: true },
    remove: { type: 'boolean', default: false },
  },
});
const [command, argument, ...extra] = positionals;
if (values.help || !command) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}

const config = loadConfig();
const print = (json: unknown, text: string) =>
  console.log(values.json ? JSON.stringify(json, null, 2) : text);

if (command === 'migrate-to-postgres') process.exit(await migrateCommand());
if ((BACKUP_COMMANDS as readonly string[]).includes(command)) {
  process.exit(
    await backupCommand(command as (typeof BACKUP_COMMANDS)[number], argument, config, values.json),
  );
}

/** migrate-to-postgres: 0 copied and checked, 1 failed (rolled back), 2 refused (nothing written). */
async function migrateCommand(): Promise<number> {
  let summary: MigrationSummary;
  try {
    summary = await migrateToPostgres({
      dataDir: config.dataDir,
      databaseUrl: config.databaseUrl,
      schema: config.databaseSchema,
    });
  } catch (error) {
    if (!(error instanceof MigrationRefused || error instanceof MigrationFailed)) throw error;
    console.error(`polyphony migrate-to-postgres: ${error.message}`);
    return error instanceof MigrationRefused ? 2 : 1;
  }
  const counts = Object.entries(summary.rows).map(([kind, rows]) => `${kind} ${rows}`);
  print(
    summary,
    [
      `Copied ${summary.source}`,
      `  into ${summary.target}${summary.schema ? `, schema ${summary.schema}` : ''}, and checked it:`,
      `  ${counts.join(', ')};`,
      `  ${summary.documents} meeting document(s), each the same in PostgreSQL as in SQLite.`,
      'Start the servers with this DATABASE_URL' +
        (summary.schema ? ' and DATABASE_SCHEMA' : '') +
        '. The SQLite file is unchanged: keep it as a backup, and do not start a server on it again (it would not see what is written in PostgreSQL).',
    ].join('\n'),
  );
  return 0;
}

const persistence = await openPersistence(config);
const { metadata } = persistence;
const logger = createLogger('warn');
// No sockets here: the sync server only writes the first state of a new meeting document.
const sync = new SyncServer({
  store: persistence.documents,
  authorize: async () => ({ ok: false, status: 403, error: 'cli' }),
  limits: config.limits,
  logger,
});
const service = new NetworkService({
  store: metadata,
  sync,
  invitationLifetimeMs: config.invitationLifetimeMs,
});
const base = (config.publicUrl ?? `http://${config.host}:${config.port}`).replace(/\/$/, '');
const erasure = new ErasureService({
  store: metadata,
  documents: persistence.documents,
  sync,
  service,
  persistence,
  logger,
  settleMs: ERASURE_SETTLE_MS,
  vacuumFull: values['vacuum-full'],
});
const erasing = { dryRun: values['dry-run'], yes: values.yes, json: values.json, words: values.words };
const { retentionDays } = config.protection;
const finish = (result: CommandResult) => {
  if (result.out) console.log(result.out);
  if (result.err) console.error(`polyphony ${command}: ${result.err}`);
  process.exitCode = result.code;
};

try {
  switch (command) {
    case 'create': {
      if (!values.centre) fail('--centre is needed: whose network is it?');
      const people = (values.person ?? []).map(parsePerson);
      if (people.length === 0) fail('at least one --person is needed');
      const started = await service.startNetwork({
        centreName: values.centre,
        meetingTitle: values.title,
        me: people[0] as PersonInput,
        people: people.slice(1),
      });
      const links = await Promise.all(
        started.invitations.map(({ participant, token, record }) =>
          service.invitationView(participant, token, record, base),
        ),
      );
      print(
        {
          network: started.network,
          meeting: { ...started.meeting, url: `${base}/m/${started.meeting.id}` },
          links,
        },
        [
          `Network of ${started.network.centreName} (${started.network.id}), meeting ${started.meeting.id}`,
          ...links.map(
            (link) =>
              `  ${link.participant.name}${link.participant.relation ? ` (${link.participant.relation})` : ''}, ` +
              `${link.participant.role}, ${link.participant.id}\n    ${link.url}`,
          ),
          `Links work until ${links[0]?.expiresAt}. They are shown only now.`,
        ].join('\n'),
      );
      break;
    }
    case 'list': {
      const list = [];
      for (const network of await metadata.listNetworks()) {
        list.push({
          ...network,
          meetings: (await metadata.listMeetings(network.id)).length,
          people: await service.peopleOf(network.id),
        });
      }
      print(
        list,
        list
          .map(
            (network) =>
              `${network.centreName} (${network.id}), ${network.meetings} meeting(s), started ${network.createdAt}\n` +
              network.people
                .map((person) => `  ${person.id}  ${person.name}, ${person.role}, link ${person.link.state}`)
                .join('\n'),
          )
          .join('\n') || 'No networks yet.',
      );
      break;
    }
    case 'revoke':
    case 'reissue': {
      if (extra.length > 0) fail(`${command} takes one participant id, got ${extra.length + 1}`);
      const participant = argument ? await metadata.findParticipant(argument) : undefined;
      if (!participant) fail(`no person with id "${argument ?? ''}"`);
      if (command === 'revoke') {
        const revoked = await service.revoke(participant.networkId, null, participant.id);
        print(
          { participant: await service.participantView(participant), revokedInvitations: revoked.length },
          `Revoked ${revoked.length} link(s) of ${participant.name}; a running server closes their connections within a second.`,
        );
      } else {
        const { token, record } = await service.reissue(participant.networkId, null, participant.id);
        const link = await service.invitationView(participant, token, record, base);
        print(link, `New link for ${participant.name} (the old one no longer works):\n  ${link.url}`);
      }
      break;
    }
    case 'staff': {
      if (argument !== 'add' && argument !== 'remove') fail('staff takes "add" or "remove"');
      const staffService = new StaffService(metadata, config.staffLinkLifetimeMs);
      if (argument === 'remove') {
        if (!values.team || !values.email) fail('staff remove needs --team and --email');
        let removed: Awaited<ReturnType<StaffService['removeStaff']>>;
        try {
          removed = await staffService.removeStaff({ team: values.team, email: values.email });
        } catch (error) {
          fail(error instanceof Error ? error.message : String(error));
        }
        print(
          {
            team: removed.team,
            staff: removed.staff,
            networks: removed.left.networkIds.length,
            sessionsEnded: removed.left.sessionHashes.length,
          },
          `${removed.staff.name} <${removed.staff.email}> is no longer in ${removed.team.name}; their access to its ${removed.left.networkIds.length} network(s) ended, and a running server closes their connections and video within a second.`,
        );
        break;
      }
      if (!values.team || !values.name || !values.email) fail('staff add needs --team, --name and --email');
      let added: Awaited<ReturnType<StaffService['addStaff']>>;
      try {
        added = await staffService.addStaff({
          team: values.team,
          name: values.name,
          email: values.email,
          admin: values.admin,
          kind: values['peer-worker'] ? 'peer_worker' : 'professional',
        });
      } catch (error) {
        fail(error instanceof Error ? error.message : String(error));
      }
      const url = `${base}/staff/${added.link.token}`;
      print(
        { team: added.team, staff: added.staff, link: { url, expiresAt: added.link.record.expiresAt } },
        [
          `${added.staff.name} <${added.staff.email}> is in ${added.team.name}${values.admin ? ' (admin)' : ''}.`,
          `Sign-in link (works once, until ${added.link.record.expiresAt}; shown only now):`,
          `  ${url}`,
        ].join('\n'),
      );
      break;
    }
    case 'team': {
      if (argument !== 'allow' && argument !== 'invite') fail('team takes "allow" or "invite"');
      if (!values.team) fail(`team ${argument} needs --team (its name or id)`);
      const teamName = values.team.trim();
      let team = (await metadata.listTeams()).find((each) => each.id === teamName || each.name === teamName);
      if (argument === 'invite') {
        const email = (values.email ?? '').trim().toLowerCase();
        if (!/^[^@\s]{1,200}@[^@\s]{1,200}$/.test(email))
          fail('team invite needs --email with an e-mail address');
        if (!team) fail(`no team "${teamName}"`);
        await metadata.inviteToTeam({
          teamId: team.id,
          email,
          invitedBy: null,
          at: new Date().toISOString(),
        });
        print(
          { team: { id: team.id, name: team.name }, invited: await metadata.teamInvitations(team.id) },
          `${email} may enter ${team.name} by signing in with the organisation's identity provider.`,
        );
        break;
      }
      const domains = (values.domain ?? []).map((domain) => domain.trim().toLowerCase().replace(/^@/, ''));
      const groups = (values.group ?? []).map((group) => group.trim());
      for (const domain of domains) {
        if (!/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z0-9-]{1,63}$/.test(domain)) {
          fail(`"${domain}" is not an e-mail domain (such as pohjola.fi)`);
        }
      }
      for (const group of groups) {
        if (group.length === 0 || group.length > 320) fail('a --group is 1 to 320 characters');
      }
      if (domains.length > 0 || groups.length > 0) {
        if (!team) {
          if (values.remove) fail(`no team "${teamName}"`);
          team = {
            id: newId(),
            name: teamName,
            createdAt: new Date().toISOString(),
            domains: [],
            groups: [],
          };
          await metadata.createTeam(team);
        }
        const change = (now: string[], given: string[]) =>
          values.remove ? now.filter((each) => !given.includes(each)) : [...new Set([...now, ...given])];
        team = { ...team, domains: change(team.domains, domains), groups: change(team.groups, groups) };
        await metadata.setTeamEntry(team.id, { domains: team.domains, groups: team.groups });
      }
      if (!team) fail(`no team "${teamName}"`);
      const invited = await metadata.teamInvitations(team.id);
      print(
        { team: { id: team.id, name: team.name }, domains: team.domains, groups: team.groups, invited },
        [
          `${team.name} (${team.id}): who may enter by signing in with the identity provider`,
          `  verified addresses at: ${team.domains.join(', ') || '(no domain)'}`,
          `  the group claim: ${team.groups.join(', ') || '(no group)'}`,
          `  invited addresses: ${invited.join(', ') || '(none)'}`,
        ].join('\n'),
      );
      break;
    }
    case 'erase':
      finish(
        await eraseCommand(positionals.slice(1), { ...erasing, retentionDays }, { erasure, store: metadata }),
      );
      break;
    case 'retention':
      finish(await retentionCommand({ json: values.json, retentionDays }, metadata));
      break;
    case 'erasures':
      finish(await erasuresCommand({ json: values.json }, metadata));
      break;
    default:
      fail(`unknown command "${command}"`);
  }
} finally {
  await sync.close();
  await persistence.close();
}
