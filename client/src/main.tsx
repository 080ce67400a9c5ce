/** Entry point: picks the page from the path. */
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { LinkProblemPage } from './pages/LinkProblemPage';
import { NetworkPage } from './pages/NetworkPage';
import { StartPage } from './pages/StartPage';
import { usePathname } from './ui/navigation';
import './ui/styles.css';

// The editor stack is most of the code: the start and network pages do not wait for it.
const MeetingPage = lazy(() =>
  import('./pages/MeetingPage').then((module) => ({ default: module.MeetingPage })),
);

const PrintPage = lazy(() => import('./pages/PrintPage').then((module) => ({ default: module.PrintPage })));

const PRINT_PATH = /^\/m\/([A-Za-z0-9_-]+)\/print\/?$/;
const MEETING_PATH = /^\/m\/([A-Za-z0-9_-]+)\/?$/;
const NETWORK_PATH = /^\/n\/([A-Za-z0-9_-]+)\/?$/;

function App() {
  const pathname = usePathname();
  const printId = PRINT_PATH.exec(pathname)?.[1];
  if (printId) {
    return (
      <Suspense fallback={<p className="notice">Preparing the meeting for printing…</p>}>
        <PrintPage key={printId} meetingId={printId} />
      </Suspense>
    );
  }
  const meetingId = MEETING_PATH.exec(pathname)?.[1];
  if (meetingId) {
    return (
      <Suspense fallback={<p className="notice">Opening the meeting…</p>}>
        <MeetingPage key={meetingId} meetingId={meetingId} />
      </Suspense>
    );
  }
  const networkId = NETWORK_PATH.exec(pathname)?.[1];
  if (networkId) return <NetworkPage key={networkId} networkId={networkId} />;
  if (pathname === '/link-problem' || pathname === '/link-problem/') {
    return <LinkProblemPage reason={new URLSearchParams(location.search).get('reason')} />;
  }
  if (pathname === '/' || pathname === '') return <StartPage />;
  return (
    <main className="notice">
      <h1>There is nothing here</h1>
      <p>This address is not a page of Polyphony.</p>
      <a className="button" href="/">
        Start a meeting
      </a>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
