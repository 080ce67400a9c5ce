/** The words of staff sign-in (issue 17) in this language; English (en.ts) is the source. */
import type { SignInWords } from './en';

export const signInIt: SignInWords = {
  'signIn.withOrganisation': 'Accedi con la tua organizzazione',
  'signIn.staffOnly':
    'Per i professionisti dell’équipe. I familiari e la persona al centro entrano con il loro link personale.',
  'signIn.signOut': 'Esci',
  'signInRefused.notAllowed.title': 'Il tuo accesso non apre nessuna équipe qui',
  'signInRefused.notAllowed.explanation':
    'Hai effettuato l’accesso con la tua organizzazione, ma nessuna équipe in Polyphony accetta questo account. Chiedi all’amministratore della tua équipe di invitare il tuo indirizzo di lavoro, o di consentire il dominio o il gruppo della tua organizzazione.',
  'signInRefused.unverifiedEmail.title': 'Il tuo indirizzo e-mail non è confermato',
  'signInRefused.unverifiedEmail.explanation':
    'L’accesso della tua organizzazione non ha confermato il tuo indirizzo e-mail, quindi Polyphony non può farlo entrare in un’équipe. Chiedi a chi gestisce gli account della tua organizzazione di confermarlo, poi accedi di nuovo.',
  'signInRefused.failed.title': 'L’accesso non è andato a buon fine',
  'signInRefused.failed.explanation':
    'Non è stato possibile verificare l’accesso: forse ha richiesto troppo tempo, è stato aperto due volte o è iniziato in un altro browser. Ricomincia da qui.',
  'signInRefused.unavailable.title': 'L’accesso della tua organizzazione non è raggiungibile',
  'signInRefused.unavailable.explanation':
    'Polyphony non riesce a raggiungere in questo momento il servizio di accesso della tua organizzazione. Riprova tra qualche minuto.',
  'signInRefused.nothingOpened': 'Nessuno ha effettuato l’accesso e nessuna rete è stata aperta.',
  'signIn.inviteHeading': 'Invita qualcuno ad accedere con l’organizzazione',
  'signIn.inviteEmail': 'Il suo indirizzo e-mail di lavoro',
  'signIn.inviteSend': 'Invita',
  'signIn.invited': '{email} ora può accedere con l’organizzazione ed entrare nel team.',
  'signIn.inviteFailed': 'L’invito non è riuscito. Riprova tra un momento.',
};
