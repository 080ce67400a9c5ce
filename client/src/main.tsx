/** Entry point: picks the page from the path. */
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { startLanguage, useT } from './i18n';
import { LeftPage } from './pages/LeftPage';
import { LinkProblemPage } from './pages/LinkProblemPage';
import { SwitchPersonPage } from './pages/SwitchPersonPage';
import { TooManyPage } from './pages/TooManyPage';
import { reconcileOnce } from './privacy/localCopies';
import { watchActivity } from './privacy/session';
import { LanguageBar } from './ui/LanguagePicker';
import { usePathname } from './ui/navigation';
import './ui/styles.css';

// The editor stack is most of the code: the start and network pages do not wait for it.
const MeetingPage = lazy(() =>
  import('./features/meeting/MeetingPage').then((module) => ({ default: module.MeetingPage })),
);

// Each page is its own chunk: the meeting page, the one opened most on a phone, loads no other page's code.
const StartPage = lazy(() =>
  import('./features/start/StartPage').then((module) => ({ default: module.StartPage })),
);
const NetworkPage = lazy(() =>
  import('./features/network/NetworkPage').then((module) => ({ default: module.NetworkPage })),
);
const TeamPage = lazy(() =>
  import('./features/team/TeamPage').then((module) => ({ default: module.TeamPage })),
);
const SignInRefusedPage = lazy(() =>
  import('./features/team/OrganisationSignIn').then((module) => ({ default: module.SignInRefusedPage })),
);
const AskPage = lazy(() =>
  import('./features/admission/AskPage').then((module) => ({ default: module.AskPage })),
);

const PrintPage = lazy(() => import('./pages/PrintPage').then((module) => ({ default: module.PrintPage })));

const PRINT_PATH = /^\/m\/([A-Za-z0-9_-]+)\/print\/?$/;
const MEETING_PATH = /^\/m\/([A-Za-z0-9_-]+)\/?$/;
const NETWORK_PATH = /^\/n\/([A-Za-z0-9_-]+)\/?$/;
const ASK_PATH = /^\/ask\/([A-Za-z0-9_-]{43})\/?$/;

/** The page for the path; pages without a header of their own get the language picker on a row above. */
function App() {
  const pathname = usePathname();
  // The pages load their own code: nothing is shown until it has come (a moment, not a flash of text).
  const page = (
    <Suspense fallback={null}>
      <Page pathname={pathname} />
    </Suspense>
  );
  // The meeting and network pages carry the picker in their headers (and above their notices).
  if (MEETING_PATH.test(pathname) || NETWORK_PATH.test(pathname)) return page;
  return (
    <>
      <LanguageBar leave={pathname !== '/left'} />
      {page}
    </>
  );
}

function Page({ pathname }: { pathname: string }) {
  const t = useT();
  const printId = PRINT_PATH.exec(pathname)?.[1];
  if (printId) {
    return (
      <Suspense fallback={<p className="notice">{t('app.preparingPrint')}</p>}>
        <PrintPage key={printId} meetingId={printId} />
      </Suspense>
    );
  }
  const meetingId = MEETING_PATH.exec(pathname)?.[1];
  if (meetingId) {
    return (
      <Suspense fallback={<p className="notice">{t('app.openingMeeting')}</p>}>
        <MeetingPage key={meetingId} meetingId={meetingId} />
      </Suspense>
    );
  }
  const networkId = NETWORK_PATH.exec(pathname)?.[1];
  if (networkId) return <NetworkPage key={networkId} networkId={networkId} />;
  if (pathname === '/team' || pathname === '/team/') return <TeamPage />;
  if (pathname === '/left') return <LeftPage />;
  if (pathname === '/switch-person') return <SwitchPersonPage />;
  const askCode = ASK_PATH.exec(pathname)?.[1];
  if (askCode) return <AskPage code={askCode} />;
  // The server serves the app for a personal link only when it refused it for too many attempts (429).
  if (pathname.startsWith('/join/')) return <TooManyPage />;
  if (pathname === '/link-problem' || pathname === '/link-problem/') {
    return <LinkProblemPage reason={new URLSearchParams(location.search).get('reason')} />;
  }
  if (pathname === '/sign-in-refused' || pathname === '/sign-in-refused/') {
    return <SignInRefusedPage reason={new URLSearchParams(location.search).get('reason')} />;
  }
  if (pathname === '/' || pathname === '') return <StartPage />;
  return (
    <main className="notice">
      <h1>{t('app.nothingHere')}</h1>
      <p>{t('app.notAPage')}</p>
      <a className="button" href="/">
        {t('app.startAMeeting')}
      </a>
    </main>
  );
}

// Copies this browser must no longer keep (erased, revoked, rewritten) go whenever Polyphony opens, and
// using the page keeps the session from ending for idleness (privacy/).
void reconcileOnce();
void watchActivity();

// The chosen language's dictionary is loaded before the first render, so nobody sees English flash by.
void startLanguage().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
