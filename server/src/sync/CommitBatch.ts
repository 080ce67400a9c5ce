/**
 * One room's share of one commit: the updates taken from its CommitQueue, and the sockets that are owed a
 * "saved" for them. A batch is either committed — the store's transaction holding it is done, and only
 * then is each socket told how many of its updates are durable (rule [SY1]) — or failed, and then
 * everything goes back in front of the queue: nothing is dropped, and nobody is told "saved".
 */
import { writeSaved } from '@polyphony/shared';
import type { CommitQueue } from './CommitQueue.js';
import type { Connection } from './Connection.js';

/** A socket owed a "saved", and the count it is owed. */
export interface OwedAck {
  connection: Connection;
  /** How many of the socket's update messages the batch makes durable (Connection.acknowledgeable). */
  count: number;
}

/** Updates of one room taken for a commit. */
export class CommitBatch {
  constructor(
    private readonly queue: CommitQueue,
    /** The updates, oldest first. */
    readonly updates: Uint8Array[],
    readonly bytes: number,
    /** The sockets owed a "saved" once the batch is committed. */
    readonly acks: readonly OwedAck[],
    /**
     * The room's state vector when the batch was taken (everything applied so far is in the batch or
     * already committed); null when no socket owed an acknowledgement asked for "saved".
     */
    private readonly stateVector: Uint8Array | null,
  ) {}

  /** The participants whose sockets wait for this batch (for the log of a failed commit). */
  participants(): string[] {
    return this.acks.map((ack) => ack.connection.principal.participantId);
  }

  /**
   * The store committed the batch (its last update got `lastSeq`): record it, tell `announce` whose
   * updates were stored (only when there were any), then send each socket that asked for it its "saved".
   */
  committed(
    lastSeq: number | undefined,
    announce: (writers: ReadonlySet<string>, updates: readonly Uint8Array[]) => void,
  ): void {
    this.queue.committed(this.updates.length, this.bytes, lastSeq);
    if (this.updates.length > 0) {
      const writers = new Set(this.acks.map(({ connection }) => connection.principal.participantId));
      announce(writers, this.updates);
    }
    for (const { connection, count } of this.acks) {
      if (this.stateVector && connection.wantsAck) {
        connection.send(writeSaved({ count, stateVector: this.stateVector }));
      }
    }
  }

  /**
   * The commit failed: the updates go back in front of the queue and the sockets keep waiting, so their
   * people keep seeing "Saving…" rather than a false "Saved".
   */
  failed(): void {
    this.queue.putBack(this.updates, this.bytes, this.acks);
  }
}
