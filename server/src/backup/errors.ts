/** Why a backup, restore or verify did not succeed: the command's exit code follows from the kind. */

/** Refused before anything was done: a missing or existing file, a server still running (exit 2). */
export class BackupRefused extends Error {
  override readonly name = 'BackupRefused';
}

/** The copy, or the backup given, is not sound; nothing was changed (exit 1). */
export class BackupFailed extends Error {
  override readonly name = 'BackupFailed';
}
