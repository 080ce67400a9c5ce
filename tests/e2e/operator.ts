/**
 * The operator command (`server/dist/cli.js`) against a running end-to-end server's data, as the specs
 * that sign staff in use it (staffSignIn, oidcSignIn, teamLeaving, accessibility): any command, and
 * `staff add` with the sign-in link it gives — as JSON, or picked out of the words it prints.
 * The integration tests' twin is tests/integration/helpers/teams.ts `operatorOf`.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from '@playwright/test';
import { repoRoot } from './server.js';

const run = promisify(execFile);
const CLI = path.join(repoRoot, 'server/dist/cli.js');

/** What `staff add --json` prints. */
export interface AddedStaff {
  team: { id: string; name: string };
  staff: { id: string; email: string };
  link: { url: string; expiresAt: string };
}

/** Where the server's data is, and its address (read when a command runs: servers start in beforeAll). */
type ServerOf = () => { dataDir: string; url: string };

/** The operator command and `staff add`, against the server `server()` returns. */
export function operatorOf(server: ServerOf) {
  const polyphony = (...args: string[]) =>
    run(process.execPath, [CLI, ...args], {
      env: { ...process.env, DATA_DIR: server().dataDir, PUBLIC_URL: server().url, LOG_LEVEL: 'warn' },
    });
  /** `staff add` with `--json`: the team, the staff member and their link. */
  const addStaff = async (...args: string[]) =>
    JSON.parse((await polyphony('staff', 'add', ...args, '--json')).stdout) as AddedStaff;
  /** `staff add` as an operator reads it: the sign-in link picked out of the printed words. */
  const addStaffLink = async (...args: string[]) => {
    const { stdout } = await polyphony('staff', 'add', ...args);
    const link = /https?:\/\/\S+\/staff\/\S+/.exec(stdout)?.[0];
    expect(link, stdout).toBeTruthy();
    return link as string;
  };
  return { polyphony, addStaff, addStaffLink };
}
