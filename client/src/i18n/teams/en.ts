/**
 * The words of teams (issue 17) — the team page, staff sign-in, a relative's request for a new link — in
 * English: the source of every other language's (the files beside this one). Each dictionary spreads
 * its language's words in.
 */
import type { Plural } from '../format';

export const teamsEn = {
  'activity.linkRequested': '{actor} asked for a new link',
  'activity.joinedFromTeam': '{actor} began working with the network, from the team',
  'linkRequest.ask': 'Ask the team for a new link',
  'linkRequest.asked': 'The team has been asked. One of its professionals will send you a new link.',
  'linkRequest.failed': 'The request could not be sent. Try again in a moment.',
  'team.loading': 'Opening the team page…',
  'team.notSignedIn': 'You are not signed in',
  'team.failed': 'The team page could not be opened',
  'team.notSignedInLead': 'Open the sign-in link you were given, or ask your team’s admin for a new one.',
  'team.signedInAs': 'Signed in as {name} ({email})',
  'team.networks': 'The team’s networks',
  'team.noNetworks': 'The team has no networks yet.',
} as const;

/** The teams words of one language: every English key, plural forms where English has them. */
export type TeamsWords = {
  readonly [K in keyof typeof teamsEn]: (typeof teamsEn)[K] extends string ? string : Plural;
};
