/**
 * What the blocks of a meeting need to know about the people: who is writing (for "I agree", "Respond"),
 * everyone in the network (to type for someone else), where each person is, and whether this person may
 * write. Node views are rendered through portals inside EditorContent, so they read this context.
 */
import type { AttendanceView } from '@polyphony/shared';
import { createContext, useContext } from 'react';

/** A person of the network, as a block refers to them. */
export interface PersonOfNetwork {
  id: string;
  name: string;
  relation: string;
}

/** The people around a meeting document. */
export interface MeetingPeople {
  me: PersonOfNetwork;
  people: PersonOfNetwork[];
  attendance: Record<string, AttendanceView>;
  canWrite: boolean;
}

const fallback: MeetingPeople = {
  me: { id: '', name: '', relation: '' },
  people: [],
  attendance: {},
  canWrite: false,
};

/** Provides the people to every editor and block below. */
export const MeetingPeopleContext = createContext<MeetingPeople>(fallback);

/** The people around this meeting document. */
export function useMeetingPeople(): MeetingPeople {
  return useContext(MeetingPeopleContext);
}
