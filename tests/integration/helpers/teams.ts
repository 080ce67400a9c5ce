/**
 * What the team tests share (staffLinks, teamLeaving): the operator command against a running server,
 * `staff add` and its printed link, and a network of a team written into the server's SQLite file as the
 * team page would start it.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { hashToken, newId, newToken } from '@polyphony/server/auth/tokens';
import { openDatabase } from '@polyphony/server/persistence/database';
import { SqliteMetadataStore } from '@polyphony/server/persistence/metadata/SqliteMetadataStore';
import type { ServerProcess } from './serverProcess.js';

const CLI = fileURLToPath(new URL('../../../server/dist/cli.js', import.meta.url));
const run = promisify(execFile);

/** What `staff add --json` prints. */
export interface AddedStaff {
  team: { id: string; name: string };
  staff: { id: string; email: string };
  link: { url: string; expiresAt: string };
}

/** The operator command and `staff add`, against the running server's data. */
export function operatorOf(server: () => ServerProcess) {
  const polyphony = (...args: string[]) =>
    run(process.execPath, [CLI, ...args], {
      env: { ...process.env, DATA_DIR: server().dataDir, PUBLIC_URL: server().url, LOG_LEVEL: 'warn' },
    });
  const addStaff = async (...args: string[]) =>
    JSON.parse((await polyphony('staff', 'add', ...args, '--json')).stdout) as AddedStaff;
  return { polyphony, addStaff };
}

/**
 * A network of a team with Eeva (Anna's mother) and her personal link, ending `linkEndsInMs` from now,
 * written into the running server's SQLite file as the team page would start it.
 */
export async function seedTeamNetwork(
  dataDir: string,
  teamId: string,
  { centreName = 'Anna', linkEndsInMs = 86_400_000 } = {},
) {
  const networkId = newId();
  const meetingId = newId();
  const now = new Date();
  const eevaToken = newToken();
  const at = now.toISOString();
  const eeva = {
    id: newId(),
    networkId,
    name: 'Eeva',
    relation: 'mother',
    role: 'network_member' as const,
    createdAt: at,
    lastSeenAt: null,
  };
  const db = openDatabase(dataDir);
  try {
    await new SqliteMetadataStore(db).startNetwork({
      network: { id: networkId, centreName, createdAt: at, teamId },
      meeting: { id: meetingId, title: `Meeting with ${centreName}` },
      people: [
        {
          participant: eeva,
          link: {
            tokenHash: hashToken(eevaToken),
            record: {
              id: newId(),
              networkId,
              participantId: eeva.id,
              createdAt: new Date(now.getTime() - 3600_000).toISOString(),
              expiresAt: new Date(now.getTime() + linkEndsInMs).toISOString(),
              revokedAt: null,
            },
          },
        },
      ],
    });
  } finally {
    db.close();
  }
  return { networkId, meetingId, eeva, eevaToken };
}
