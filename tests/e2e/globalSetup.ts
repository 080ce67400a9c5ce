/** Starts one real server for the whole end-to-end run; the returned function stops it. */
import { startServer } from './server.js';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const server = await startServer();
  // Workers start after global setup and inherit this environment.
  process.env.POLYPHONY_E2E_URL = server.url;
  return () => server.stop();
}
