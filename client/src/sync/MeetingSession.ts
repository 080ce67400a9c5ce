/**
 * The live connection of one person to one meeting: the Yjs document, its copy in this browser
 * (IndexedDB) and its connection to the server (y-websocket), and the honest answer to "are my edits
 * saved on the server?".
 *
 * "Saved" means: connected, synced, every update-carrying message this socket sent has been counted by
 * the server's "saved" acknowledgement (which it sends only after committing), and no edit made while
 * there was no connection is still waiting to go out. Edits made without a connection travel in the
 * SyncStep2 this device sends after reconnecting, so they are saved when that message is acknowledged.
 */
import {
  attributeTo,
  type CloseCode,
  type CloseCodeName,
  CloseCodes,
  closeCodeName,
  isPermanentClose,
  NudgeTopic,
} from '@polyphony/shared';
import { IndexeddbPersistence } from 'y-indexeddb';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { PlainMessageKey } from '../i18n';
import { copyName, deleteCopy, markOpen, onCopiesDropped } from '../privacy/localCopies';
import { LEAVING_EVENT } from '../privacy/session';
import { closeMessage } from './closeMessages';
import { type CountedSocket, meetingProvider } from './provider';

/** The states of the save indicator. */
export type SaveState = 'saved' | 'saving' | 'offline' | 'reconnecting' | 'error';

/**
 * Why this page may no longer show the meeting: the link was revoked, this professional was taken out
 * of the network's team, the meeting (or this person) was erased, an erasure rewrote the document (load
 * it again), or the session on this device ended.
 */
export type MeetingEnd = 'revoked' | 'leftTeam' | 'erased' | 'rewritten' | 'session';

/** What the save indicator shows. */
export interface SaveStatus {
  state: SaveState;
  /** What to say, as a dictionary key: the badge puts it in the reader's language. */
  message: PlainMessageKey;
  /** Whether this person has edits the server has not confirmed (leaving the page warns). */
  unsaved: boolean;
  /**
   * Whether the server this person is connected to cannot reach the other servers of the deployment:
   * their edits are saved, but people connected elsewhere do not see them (nor they theirs) until it can.
   */
  apart: boolean;
  /** Set when the page must stop showing the meeting (it says why instead). */
  ended?: MeetingEnd;
}

/**
 * What the server's closing says about the page (close codes of shared/protocol, named by code and
 * reason: 4403 is a revoked link, or with `team_access_ended` a departure from the team).
 */
const ENDINGS: Partial<Record<CloseCodeName, MeetingEnd>> = {
  accessRevoked: 'revoked',
  teamAccessEnded: 'leftTeam',
  meetingNotFound: 'erased',
  documentRewritten: 'rewritten',
  unauthorized: 'session',
};

/** The close code whose sentence says each ending. */
const ENDING_CODES: Record<MeetingEnd, CloseCode> = {
  revoked: CloseCodes.accessRevoked,
  leftTeam: CloseCodes.teamAccessEnded,
  erased: CloseCodes.meetingNotFound,
  rewritten: CloseCodes.documentRewritten,
  session: CloseCodes.unauthorized,
};

/** Whether an ending means this browser's copy must go (it can never be saved, or it is out of date). */
const dropsCopy = (end: MeetingEnd) => end !== 'session';

/** How a person appears to the others: the name they wish to be called and their colour. */
export interface MeetingUser {
  name: string;
  color: string;
  /** Their participant id in the network, and how they are related ("mother"). */
  id?: string;
  relation?: string;
  role?: string;
}

/** After a drop, how long "Reconnecting…" is shown before saying plainly that we are offline. */
const OFFLINE_AFTER_MS = 4000;
/** How long to wait for this browser's copy before connecting anyway. */
const LOCAL_COPY_TIMEOUT_MS = 2000;

const OFFLINE = 'save.offline' satisfies PlainMessageKey;

/** One person's live session on one meeting. Create it, use it, destroy it. */
export class MeetingSession {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  /** Resolves once this browser's own copy is loaded into the document (or could not be, in time). */
  readonly localCopyLoaded: Promise<void>;
  private readonly localCopy: IndexeddbPersistence;
  private readonly listeners = new Set<() => void>();
  private status: SaveStatus = {
    state: 'reconnecting',
    message: 'save.opening',
    unsaved: false,
    apart: false,
  };
  /** The server said it cannot reach the others (message 17); until it says it can, or the socket ends. */
  private apart = false;
  /** Local edits made while no socket could carry them; cleared when a full-state sync is acknowledged. */
  private pendingOffline = false;
  private everSynced = false;
  private disconnectedAt: number | null = null;
  private lastCloseCode: number | null = null;
  private terminalCode: number | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private destroyed = false;
  private attributedTo: string | null = null;
  private stopAttributing: (() => void) | null = null;
  /** Bumped each time applying the server's updates failed in an editor (see `meetingProvider`). */
  private editorFailures = 0;
  private readonly editorListeners = new Set<() => void>();
  private readonly nudgeListeners = new Set<(topic: number) => void>();
  private ended: MeetingEnd | null = null;
  private cleared: Promise<void> | null = null;
  /** Resolves with whether this browser held a copy of the meeting before this page opened it. */
  readonly hadCopy: Promise<boolean>;
  private readonly stopListening: () => void;

  constructor(readonly meetingId: string) {
    this.provider = meetingProvider(meetingId, this.doc, {
      onSent: () => this.refresh(),
      onSaved: (socket) => {
        if (socket.sentFullState && socket.acked >= socket.sent) this.pendingOffline = false;
        this.refresh();
      },
      onRelay: (reachable) => {
        this.apart = !reachable;
        this.refresh();
      },
      onNudge: (topic) => this.nudged(topic),
      onEditorFailure: () => {
        this.editorFailures++;
        for (const listener of this.editorListeners) listener();
      },
    });
    this.provider.on('status', ({ status }) => {
      if (status === 'connected') this.disconnectedAt = null;
      else this.disconnectedAt ??= Date.now();
      this.refresh();
    });
    this.provider.on('sync', (synced: boolean) => {
      if (synced) {
        // Back after a break: a nudge may have been missed meanwhile, so everything is looked at again.
        if (this.everSynced) for (const topic of Object.values(NudgeTopic)) this.nudged(topic);
        this.everSynced = true;
        this.lastCloseCode = null;
      }
      this.refresh();
    });
    this.provider.on('connection-close', (event) => {
      // Emitted while provider.ws is still the closing socket: unacknowledged sends are not saved.
      const socket = this.provider.ws as CountedSocket | null;
      if (socket && socket.acked < socket.sent) this.pendingOffline = true;
      if (event) this.lastCloseCode = event.code;
      // The next socket may reach another server: it says so itself if that one cannot reach the others.
      this.apart = false;
      if (event && isPermanentClose(event.code)) this.terminalCode = event.code;
      const name = event ? closeCodeName(event.code, event.reason) : undefined;
      const end = name ? ENDINGS[name] : undefined;
      if (end) this.end(end);
      this.refresh();
    });
    this.doc.on('update', this.onUpdate);
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);

    this.localCopy = new IndexeddbPersistence(copyName(meetingId), this.doc);
    markOpen(meetingId, true);
    // Whether this browser already held a copy (y-indexeddb counts what it loaded), for the page to
    // check it against an erasure's rewrite of the document.
    this.hadCopy = this.localCopy.whenSynced.then(
      () => ((this.localCopy as unknown as { _dbsize?: number })._dbsize ?? 0) > 0,
      () => false,
    );
    // Told that this copy must go (erased, revoked, rewritten: see privacy/localCopies), or leaving the device.
    const stopDrops = onCopiesDropped((id, reason) => {
      if (id === meetingId) this.end(reason === 'left' ? 'session' : reason);
    });
    const leaving = () => this.end('session', true);
    window.addEventListener(LEAVING_EVENT, leaving);
    this.stopListening = () => {
      stopDrops();
      window.removeEventListener(LEAVING_EVENT, leaving);
    };
    // Connect once this browser's copy is loaded, so the first SyncStep2 carries everything it holds.
    const timeout = new Promise((resolve) => setTimeout(resolve, LOCAL_COPY_TIMEOUT_MS));
    this.localCopyLoaded = Promise.race([this.localCopy.whenSynced, timeout])
      .catch(() => undefined)
      .then(() => undefined);
    void this.localCopyLoaded.then(() => {
      if (!this.destroyed && navigator.onLine) this.provider.connect();
      this.refresh();
    });
  }

  /** The current save status (a stable object until it changes, for useSyncExternalStore). */
  getStatus = (): SaveStatus => this.status;

  /** Be told whenever the save status changes. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Tell the others who this person is (name label and colour of their caret). */
  setUser(user: MeetingUser): void {
    this.provider.awareness.setLocalStateField('user', user);
  }

  /** How many times the editors had to be opened again (a key for them: see `meetingProvider`). */
  getEditorFailures = (): number => this.editorFailures;

  /** Be told when the editors must be opened again. */
  subscribeEditorFailures = (listener: () => void): (() => void) => {
    this.editorListeners.add(listener);
    return () => this.editorListeners.delete(listener);
  };

  /**
   * Be told when the server says something of the meeting outside its document changed (a NudgeTopic,
   * message 18), and after each reconnection (every topic: a nudge may have been missed meanwhile).
   */
  onNudge = (listener: (topic: number) => void): (() => void) => {
    this.nudgeListeners.add(listener);
    return () => this.nudgeListeners.delete(listener);
  };

  private nudged(topic: number): void {
    for (const listener of this.nudgeListeners) listener(topic);
  }

  /** Raise or lower this person's hand, for everyone to see. */
  setHandRaised(raised: boolean): void {
    this.provider.awareness.setLocalStateField('handRaised', raised);
  }

  /** Whether this person's hand is raised. */
  isHandRaised(): boolean {
    return (this.provider.awareness.getLocalState() as { handRaised?: boolean } | null)?.handRaised === true;
  }

  /** Run once the document has synced with the server (at once if it already has). */
  whenSynced(run: () => void): () => void {
    if (this.provider.synced) {
      run();
      return () => undefined;
    }
    const onSync = (synced: boolean) => {
      if (!synced) return;
      this.provider.off('sync', onSync);
      run();
    };
    this.provider.on('sync', onSync);
    return () => this.provider.off('sync', onSync);
  }

  /**
   * Make every insertion of this browser attributable to a participant: maps this Yjs client id to the
   * participant id in the document's PermanentUserData. Done after syncing, so that the participant's
   * entry written by an earlier visit is found instead of a second one being made beside it. Written in
   * PermanentUserData's layout without Yjs's class, which throws on an entry in another layout.
   */
  attributeTo(participantId: string): void {
    if (this.attributedTo === participantId) return;
    this.attributedTo = participantId;
    this.stopAttributing?.();
    this.stopAttributing = attributeTo(this.doc, participantId);
  }

  /** Why the page may no longer show the meeting, if it may not. */
  get endedBy(): MeetingEnd | null {
    return this.ended;
  }

  /**
   * The meeting may no longer be shown here: stop connecting, and delete this browser's copy when it can
   * never be saved or is out of date (`dropCopy`, or the ending says so). The page then says why.
   */
  private end(end: MeetingEnd, dropCopy = false): void {
    if (this.ended && this.ended !== 'session') return;
    this.ended = end;
    this.provider.shouldConnect = false;
    this.provider.disconnect();
    // y-indexeddb's clearData closes the database and starts deleting it; deleteCopy waits for it.
    if (dropCopy || dropsCopy(end)) {
      this.cleared = this.localCopy.clearData().then(() => deleteCopy(this.meetingId, end !== 'rewritten'));
    }
    this.refresh();
  }

  /** End the meeting here because the page learned it from the API (see `end`). */
  endWith(end: MeetingEnd): void {
    this.end(end);
  }

  /** Resolves once this browser's copy is deleted (after an ending that deletes it). */
  whenCopyCleared(): Promise<void> {
    return this.cleared ?? Promise.resolve();
  }

  /** Close the connection and free everything. Edits stay in this browser's copy. */
  destroy(): void {
    this.stopListening();
    markOpen(this.meetingId, false);
    this.destroyed = true;
    clearTimeout(this.timer);
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.doc.off('update', this.onUpdate);
    this.stopAttributing?.();
    this.provider.destroy();
    void this.localCopy.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }

  private readonly onUpdate = (_update: Uint8Array, origin: unknown): void => {
    // Updates from the server, or loaded from this browser's copy, are not this person's new edits.
    if (origin === this.provider || origin === this.localCopy) return;
    if (!this.provider.wsconnected) this.pendingOffline = true;
    this.refresh();
  };

  private readonly onOffline = (): void => {
    // The browser knows it has no network: an open socket may linger silently, so close it now and
    // say "offline" at once instead of waiting for a timeout.
    this.provider.disconnect();
    this.refresh();
  };

  private readonly onOnline = (): void => {
    if (this.terminalCode === null) this.provider.connect();
    this.refresh();
  };

  private compute(): SaveStatus {
    return { ...this.computeSave(), apart: this.apart && this.provider.wsconnected };
  }

  private computeSave(): Omit<SaveStatus, 'apart'> {
    const socket = this.provider.ws as CountedSocket | null;
    const connected = this.provider.wsconnected && socket !== null;
    const unacked = connected && socket.acked < socket.sent;
    const unsaved = this.pendingOffline || unacked;
    if (this.ended) {
      return {
        state: 'error',
        message: closeMessage(ENDING_CODES[this.ended].code, ENDING_CODES[this.ended].reason) ?? OFFLINE,
        unsaved,
        ended: this.ended,
      };
    }
    if (this.terminalCode !== null) {
      return { state: 'error', message: closeMessage(this.terminalCode) ?? OFFLINE, unsaved };
    }
    if (!navigator.onLine) return { state: 'offline', message: OFFLINE, unsaved };
    if (connected && this.provider.synced) {
      return unsaved
        ? { state: 'saving', message: 'save.saving', unsaved }
        : { state: 'saved', message: 'save.saved', unsaved };
    }
    const tooLarge = this.lastCloseCode !== null ? closeMessage(this.lastCloseCode) : undefined;
    if (tooLarge) return { state: 'error', message: tooLarge, unsaved };
    if (!this.everSynced) return { state: 'reconnecting', message: 'save.connecting', unsaved };
    if (this.disconnectedAt !== null && Date.now() - this.disconnectedAt >= OFFLINE_AFTER_MS) {
      return { state: 'offline', message: OFFLINE, unsaved };
    }
    return { state: 'reconnecting', message: 'save.reconnecting', unsaved };
  }

  private refresh = (): void => {
    if (this.destroyed) return;
    const next = this.compute();
    clearTimeout(this.timer);
    // While disconnected, look again later: "Reconnecting…" turns into "Offline" after a while.
    if (this.disconnectedAt !== null) this.timer = setTimeout(this.refresh, 1000);
    const current = this.status;
    if (
      next.state === current.state &&
      next.message === current.message &&
      next.unsaved === current.unsaved &&
      next.apart === current.apart &&
      next.ended === current.ended
    ) {
      return;
    }
    this.status = next;
    for (const listener of this.listeners) listener();
  };
}
