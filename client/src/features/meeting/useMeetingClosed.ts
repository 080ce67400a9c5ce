/**
 * Whether the meeting is closed, and when: read from the document's `meta` only. The server writes
 * `closed` and `closedAt` there when it closes a meeting (no client may: shared/schema/rules.ts), so
 * everyone in the meeting sees it closed at the same moment, the person who closed it included.
 */
import { MetaKeys } from '@polyphony/shared';
import type * as Y from 'yjs';
import { useMetaValue } from '../../sync/hooks';

function readString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Whether the meeting is closed, and its closing time ('' while open). */
export function useMeetingClosed(doc: Y.Doc): { closed: boolean; closedAt: string } {
  const [closed] = useMetaValue(doc, MetaKeys.closed, (value) => value === true);
  const [closedAt] = useMetaValue(doc, MetaKeys.closedAt, readString);
  return { closed: closed || closedAt !== '', closedAt };
}
