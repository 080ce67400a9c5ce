/**
 * The operator command's backup, restore and verify (cli.ts hands them over):
 *
 *   pnpm polyphony backup <file> [--json]    while the server runs: a consistent copy of DATA_DIR's file
 *   pnpm polyphony restore <file> [--json]   server stopped: verify, then put it in DATA_DIR
 *   pnpm polyphony verify <file> [--json]    whether a backup is sound and every meeting in it loads
 *
 * Exit 0 done; 1 the backup (or the copy being made) is not sound, nothing changed; 2 refused before
 * anything was done. With DATABASE_URL everything is in PostgreSQL, which pg_dump backs up (README).
 */
import type { Config } from '../config.js';
import { backupFile } from './backupFile.js';
import { BackupFailed, BackupRefused } from './errors.js';
import { restoreBackup } from './restoreBackup.js';
import type { StoreContent } from './storeContent.js';
import { verifyBackup } from './verifyBackup.js';

/** The commands this module runs. */
export const BACKUP_COMMANDS = ['backup', 'restore', 'verify'] as const;

/** Their lines in the command's usage text. */
export const BACKUP_USAGE = `  polyphony backup FILE [--json]
      while the server runs: a consistent copy of the SQLite file in DATA_DIR (and FILE.sha256)
  polyphony restore FILE [--json]
      server stopped: verify FILE, then make it DATA_DIR's file (the one there is kept aside)
  polyphony verify FILE [--json]
      whether FILE is sound: checksum, schema version, integrity, every meeting document loads
      (exit 1: not sound, nothing changed; exit 2: refused, e.g. the server is still running)`;

const POSTGRES = `this deployment keeps everything in PostgreSQL (DATABASE_URL): back it up with pg_dump and restore it with pg_restore (see the README); Redis holds nothing to back up`;

const counts = (content: StoreContent) =>
  `${content.networks} network(s), ${content.meetings} meeting(s), ${content.documents} document(s), schema ${content.schemaVersion}`;

/** Run one of BACKUP_COMMANDS; resolves with the exit code. */
export async function backupCommand(
  command: (typeof BACKUP_COMMANDS)[number],
  file: string | undefined,
  config: Pick<Config, 'dataDir' | 'databaseUrl'>,
  json: boolean,
): Promise<number> {
  const print = (value: unknown, text: string) => console.log(json ? JSON.stringify(value, null, 2) : text);
  try {
    if (!file) throw new BackupRefused(`${command} needs a FILE`);
    if (config.databaseUrl && command !== 'verify') throw new BackupRefused(POSTGRES);
    switch (command) {
      case 'backup': {
        const made = await backupFile(config.dataDir, file);
        print(
          made,
          `Backed up ${config.dataDir} to ${made.file} (${made.bytes} bytes, ${made.tookMs} ms): ${counts(made)}.\n` +
            `Checked by SQLite; its SHA-256 is in ${made.file}.sha256. Run "polyphony verify" on it wherever it is kept.`,
        );
        return 0;
      }
      case 'verify': {
        const verified = await verifyBackup(file);
        print(
          verified,
          `${verified.file} is sound: ${counts(verified)}, ${verified.versions} version(s); every meeting document loads.\n` +
            (verified.checksum === 'matches'
              ? 'Its SHA-256 matches the one written when it was made.'
              : 'There is no .sha256 beside it, so its bytes were checked by SQLite and by loading them only.') +
            (verified.incomplete.length > 0
              ? `\nNote: ${verified.incomplete.length} meeting(s) hold updates that wait for others not in them, as on the server: ${verified.incomplete.join(', ')}`
              : ''),
        );
        return 0;
      }
      case 'restore': {
        const restored = await restoreBackup(config.dataDir, file);
        print(
          restored,
          `Restored ${restored.file} into ${restored.dataDir}: ${counts(restored)}.\n` +
            (restored.keptAside ? `The file that was there is kept as ${restored.keptAside}.\n` : '') +
            'Start the server on this DATA_DIR.',
        );
        return 0;
      }
    }
  } catch (error) {
    if (!(error instanceof BackupRefused || error instanceof BackupFailed)) throw error;
    console.error(`polyphony ${command}: ${error.message}`);
    return error instanceof BackupRefused ? 2 : 1;
  }
}
