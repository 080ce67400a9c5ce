/**
 * Thrown by a room when a message cannot be handled until something computed off the event loop is ready
 * (snapshotDeletes.ts): the message, and everything its socket sent after it, is handled again then, in
 * order (Intake.defer). Nothing of it has been counted or applied.
 */
export class WaitForMeeting extends Error {
  constructor(readonly until: Promise<unknown>) {
    super('waiting for the meeting');
    this.name = 'WaitForMeeting';
  }
}
