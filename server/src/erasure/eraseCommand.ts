/**
 * The operator command's erasure and retention (cli.ts hands them over):
 *
 *   polyphony erase network NETWORK_ID [--dry-run] [--yes] [--json] [--vacuum-full]
 *   polyphony erase meeting MEETING_ID [--dry-run] [--yes] [--json] [--vacuum-full]
 *   polyphony erase person PARTICIPANT_ID --words remove|anonymise [--dry-run] [--yes] [--json]
 *   polyphony erase due [--dry-run] [--yes] [--json]      networks with no activity for RETENTION_DAYS
 *   polyphony retention [--json]                          every network and when it is due
 *   polyphony erasures [--json]                           the record of erasures (ids, kinds, times)
 *
 * --dry-run lists what would go and changes nothing. Erasing asks for confirmation (type "yes") when
 * run in a terminal, and needs --yes otherwise. A running server drops its copies within a second.
 */
import readline from 'node:readline/promises';
import { ERASED_WORDS, type ErasedWords, type ErasurePreview } from '@polyphony/shared';
import type { ErasureTarget } from '../persistence/metadata/protection.js';
import type { MetadataStore } from '../persistence/metadata/types.js';
import type { ErasureService } from './ErasureService.js';

/** What the command was given. */
export interface EraseOptions {
  dryRun: boolean;
  yes: boolean;
  json: boolean;
  words: string | undefined;
  retentionDays: number | null;
}

/** The command's answer: an exit code, and what to print. */
export interface CommandResult {
  code: number;
  out?: string;
  err?: string;
}

const DAY = 24 * 60 * 60 * 1000;

/** One line per thing that goes. */
export function describePreview(preview: ErasurePreview, words?: ErasedWords): string {
  const meetings = preview.meetings.map((m) => `    meeting ${m.number} (${m.id}): ${m.title}`);
  const people = preview.people.map(
    (p) => `    ${p.name}${p.relation ? ` (${p.relation})` : ''}, ${p.role} (${p.id})`,
  );
  switch (preview.kind) {
    case 'network':
      return [
        `The network of ${preview.centreName} (${preview.networkId}), everything in it:`,
        `  ${preview.meetings.length} meeting(s) and their documents, ${preview.versions} version(s):`,
        ...meetings,
        `  ${preview.people.length} person(s), ${preview.links} link(s), ${preview.sessions} session(s):`,
        ...people,
        `  the activity log (${preview.activityEntries} entries), attendance and last-seen points`,
      ].join('\n');
    case 'meeting':
      return [
        `One meeting of the network of ${preview.centreName}:`,
        ...meetings,
        `  its document, its ${preview.versions} version(s) and "as agreed" state, attendance, last-seen points`,
        `  (${preview.activityEntries} log entries name it; they stay, without it)`,
      ].join('\n');
    case 'person':
      return [
        `A person of the network of ${preview.centreName}:`,
        ...people,
        `  their name and relation everywhere, ${preview.links} link(s), ${preview.sessions} session(s),`,
        `  attendance and last-seen points; their id leaves ${preview.activityEntries} log entries;`,
        `  their words in ${preview.meetings.length} meeting document(s): ${words === 'anonymise' ? 'kept without their name (anonymised)' : 'removed'}`,
      ].join('\n');
  }
}

async function confirm(question: string, options: EraseOptions): Promise<boolean> {
  if (options.yes) return true;
  if (!process.stdin.isTTY) return false;
  const prompt = readline.createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await prompt.question(`${question} Type yes to erase: `)).trim().toLowerCase() === 'yes';
  } finally {
    prompt.close();
  }
}

const refused = (err: string): CommandResult => ({ code: 2, err });
const NOT_CONFIRMED = 'nothing erased: not confirmed (in a script, add --yes)';

/** `polyphony erase …` */
export async function eraseCommand(
  args: readonly string[],
  options: EraseOptions,
  deps: { erasure: ErasureService; store: MetadataStore },
): Promise<CommandResult> {
  const [kind, id] = args;
  if (kind === 'due') return eraseDue(options, deps);
  if (kind !== 'network' && kind !== 'meeting' && kind !== 'person') {
    return refused('erase what? network NETWORK_ID, meeting MEETING_ID, person PARTICIPANT_ID, or due');
  }
  if (!id) return refused(`erase ${kind} needs its id`);
  let words: ErasedWords | undefined;
  if (kind === 'person') {
    if (!options.words || !(ERASED_WORDS as readonly string[]).includes(options.words)) {
      return refused(
        'erase person needs --words remove or --words anonymise (what happens to their words; see the README)',
      );
    }
    words = options.words as ErasedWords;
  }
  const target: ErasureTarget =
    kind === 'network'
      ? { kind, networkId: id }
      : kind === 'meeting'
        ? { kind, meetingId: id }
        : { kind, participantId: id };
  const preview = await deps.erasure.preview(target);
  if (!preview) return refused(`no ${kind} with id "${id}"`);
  const text = describePreview(preview, words);
  if (options.dryRun) {
    return {
      code: 0,
      out: options.json ? JSON.stringify({ dryRun: true, preview, words }, null, 2) : `Would erase:\n${text}`,
    };
  }
  if (!options.json) console.log(`This erases, for good:\n${text}`);
  if (!(await confirm('Erase it?', options))) return refused(NOT_CONFIRMED);
  const eraser = { by: 'operator' as const, actor: null };
  const done =
    kind === 'network'
      ? await deps.erasure.eraseNetwork(id, eraser)
      : kind === 'meeting'
        ? await deps.erasure.eraseMeeting(id, eraser)
        : await deps.erasure.erasePerson(id, words as ErasedWords, eraser);
  return {
    code: 0,
    out: options.json
      ? JSON.stringify(done, null, 2)
      : `Erased (erasure ${done.erasureId}, ${done.at}). A running server has dropped its copies; the database file is purged.`,
  };
}

/** Networks due under RETENTION_DAYS: listed with --dry-run, erased on confirmation. */
async function eraseDue(
  options: EraseOptions,
  deps: { erasure: ErasureService; store: MetadataStore },
): Promise<CommandResult> {
  if (options.retentionDays === null) return refused('RETENTION_DAYS is not set: no network is ever due');
  const due = await deps.store.inactiveNetworks(new Date(Date.now() - options.retentionDays * DAY));
  const lines = due.map(
    ({ network, lastActivityAt }) =>
      `  ${network.centreName} (${network.id}), last activity ${lastActivityAt}`,
  );
  if (options.dryRun || due.length === 0) {
    return {
      code: 0,
      out: options.json
        ? JSON.stringify({ dryRun: options.dryRun, retentionDays: options.retentionDays, due }, null, 2)
        : due.length === 0
          ? `No network has been without activity for ${options.retentionDays} days.`
          : `Would erase ${due.length} network(s) without activity for ${options.retentionDays} days:\n${lines.join('\n')}`,
    };
  }
  if (!options.json) console.log(`Without activity for ${options.retentionDays} days:\n${lines.join('\n')}`);
  if (!(await confirm(`Erase these ${due.length} network(s), everything in them, for good?`, options))) {
    return refused(NOT_CONFIRMED);
  }
  const erased = [];
  for (const { network } of due) {
    erased.push(await deps.erasure.eraseNetwork(network.id, { by: 'retention', actor: null }));
  }
  return {
    code: 0,
    out: options.json ? JSON.stringify({ erased }, null, 2) : `Erased ${erased.length} network(s).`,
  };
}

/** `polyphony retention`: every network, its last activity, and when it is due. */
export async function retentionCommand(
  options: Pick<EraseOptions, 'json' | 'retentionDays'>,
  store: MetadataStore,
): Promise<CommandResult> {
  const rows = [];
  for (const network of await store.listNetworks()) {
    const lastActivityAt = (await store.lastActivity(network.id)) ?? network.createdAt;
    const dueAt =
      options.retentionDays === null
        ? null
        : new Date(Date.parse(lastActivityAt) + options.retentionDays * DAY).toISOString();
    rows.push({ id: network.id, centreName: network.centreName, lastActivityAt, dueAt });
  }
  rows.sort((a, b) => a.lastActivityAt.localeCompare(b.lastActivityAt));
  const text =
    (options.retentionDays === null
      ? 'RETENTION_DAYS is not set: networks are kept until they are erased.\n'
      : `RETENTION_DAYS=${options.retentionDays}: a network without activity for that long is due (erase due).\n`) +
    (rows
      .map(
        (row) =>
          `  ${row.centreName} (${row.id}), last activity ${row.lastActivityAt}${row.dueAt ? `, due ${row.dueAt}` : ''}`,
      )
      .join('\n') || '  No networks.');
  return {
    code: 0,
    out: options.json
      ? JSON.stringify({ retentionDays: options.retentionDays, networks: rows }, null, 2)
      : text,
  };
}

/** `polyphony erasures`: what was erased, when, by whom (ids and kinds only). */
export async function erasuresCommand(
  options: Pick<EraseOptions, 'json'>,
  store: MetadataStore,
): Promise<CommandResult> {
  const erasures = await store.listErasures();
  if (options.json) return { code: 0, out: JSON.stringify(erasures, null, 2) };
  return {
    code: 0,
    out:
      erasures
        .map(
          (e) =>
            `${e.id}  ${e.at}  ${e.kind} ${e.participantId ?? e.meetingId ?? e.networkId}  by ${e.by}` +
            `${e.actorRole ? ` (${e.actorRole} ${e.actorId})` : ''}${e.words ? `, words ${e.words}` : ''}` +
            `${e.doneAt ? '' : '  (unfinished)'}`,
        )
        .join('\n') || 'Nothing has been erased.',
  };
}
