/**
 * The words of staff sign-in with the organisation's identity provider (issue 17): the button on the
 * start page and the team page, signing out, and the page that says why a sign-in was refused — in
 * English, the source of every other language's (the files beside this one).
 */
export const signInEn = {
  'signIn.withOrganisation': 'Sign in with your organisation',
  'signIn.staffOnly':
    'For the team’s professionals. Relatives and the person at the centre come in with their personal link.',
  'signIn.signOut': 'Sign out',
  'signInRefused.notAllowed.title': 'Your sign-in does not open a team here',
  'signInRefused.notAllowed.explanation':
    'You signed in with your organisation, but no team in Polyphony lets that account in. Ask your team’s admin to invite your work address, or to allow your organisation’s domain or group.',
  'signInRefused.unverifiedEmail.title': 'Your e-mail address is not confirmed',
  'signInRefused.unverifiedEmail.explanation':
    'Your organisation’s sign-in did not confirm your e-mail address, so Polyphony cannot let it into a team. Ask whoever looks after your organisation’s accounts to confirm it, then sign in again.',
  'signInRefused.failed.title': 'The sign-in did not go through',
  'signInRefused.failed.explanation':
    'The sign-in could not be checked: it may have taken too long, been opened twice, or been started in another browser. Start it again from here.',
  'signInRefused.unavailable.title': 'Your organisation’s sign-in cannot be reached',
  'signInRefused.unavailable.explanation':
    'Polyphony cannot reach your organisation’s sign-in service just now. Try again in a few minutes.',
  'signInRefused.nothingOpened': 'Nobody was signed in, and no network was opened.',
  'signIn.inviteHeading': 'Invite someone to sign in with the organisation',
  'signIn.inviteEmail': 'Their work e-mail address',
  'signIn.inviteSend': 'Invite',
  'signIn.invited': '{email} can now sign in with the organisation and join the team.',
  'signIn.inviteFailed': 'Could not invite them. Try again in a moment.',
} as const;

/** The sign-in words of one language: every English key. */
export type SignInWords = { readonly [K in keyof typeof signInEn]: string };
