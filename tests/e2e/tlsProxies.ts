/**
 * Real TLS reverse proxies in front of a Polyphony server, run from the README's own examples: Debian's
 * Caddy (with its internal CA) and nginx (with a certificate from a CA made here with openssl), both on
 * 127.0.0.1 ports of their own, for the public name polyphony.example.org. Chromium trusts the two CAs for
 * real: they go into the NSS database of a HOME made for the browser (certutil), not into the machine's
 * trust store, and nothing outside the test's folder changes. Scripts/services.sh installs caddy, nginx,
 * certutil (libnss3-tools) and openssl.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';

/** The public name the tests serve Polyphony under; Chromium is told it is 127.0.0.1. */
export const PUBLIC_NAME = 'polyphony.example.org';

/** The examples' upstream: what the test's server port replaces. */
const EXAMPLE_UPSTREAM = '127.0.0.1:8080';

/** What is missing to run the proxy tests, if anything. */
export function missingProxyTools(): string | undefined {
  const missing = ['caddy', 'nginx', 'certutil', 'openssl'].filter(
    (tool) => spawnSync('sh', ['-c', `command -v ${tool} || test -x /usr/sbin/${tool}`]).status !== 0,
  );
  return missing.length > 0 ? `${missing.join(', ')} not installed; run scripts/services.sh` : undefined;
}

/** A running proxy. */
export interface RunningProxy {
  /** https://polyphony.example.org:<port> */
  url: string;
  /** The CA certificate (PEM file) its certificate comes from. */
  caFile: string;
  output(): string;
  stop(): Promise<void>;
}

/** Ports a proxy listens on. */
export interface ProxyPorts {
  https: number;
  http: number;
}

function nginxBinary(): string {
  return fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
}

function substituteUpstream(example: string, upstreamPort: number): string {
  if (!example.includes(EXAMPLE_UPSTREAM)) {
    throw new Error(`the README's example no longer proxies to ${EXAMPLE_UPSTREAM}; update this test`);
  }
  return example.replaceAll(EXAMPLE_UPSTREAM, `127.0.0.1:${upstreamPort}`);
}

/** Resolves once a TLS handshake for PUBLIC_NAME succeeds on the port (any certificate). */
async function waitForTls(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the proxy exited (${child.exitCode}):\n${output()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = tls.connect({
        port,
        host: '127.0.0.1',
        servername: PUBLIC_NAME,
        rejectUnauthorized: false,
      });
      socket.once('secureConnect', () => {
        const certificate = socket.getPeerCertificate();
        socket.destroy();
        resolve(Boolean(certificate?.subjectaltname?.includes(PUBLIC_NAME)));
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline)
      throw new Error(`the proxy did not serve TLS on ${port} in time:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function spawnKept(command: string, args: string[], env: NodeJS.ProcessEnv) {
  let output = '';
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  return { child, output: () => output, stop };
}

/**
 * Caddy with the README's Caddyfile. The test adds only a global options block: ports and address of its
 * own, its internal CA for every site instead of Let's Encrypt, that CA kept in `dir` and not installed in
 * the machine's trust store, no admin endpoint.
 */
export async function startCaddy(options: {
  example: string;
  upstreamPort: number;
  ports: ProxyPorts;
  dir: string;
}): Promise<RunningProxy> {
  const { dir, ports } = options;
  const storage = path.join(dir, 'caddy-data');
  const config = path.join(dir, 'Caddyfile');
  fs.writeFileSync(
    config,
    [
      '{',
      '\tadmin off',
      '\tlocal_certs',
      '\tskip_install_trust',
      `\thttp_port ${ports.http}`,
      `\thttps_port ${ports.https}`,
      '\tdefault_bind 127.0.0.1',
      `\tstorage file_system ${storage}`,
      '}',
      '',
      substituteUpstream(options.example, options.upstreamPort),
    ].join('\n'),
  );
  // Caddy keeps its own state under HOME / XDG folders: all of them in the test's folder.
  const env = {
    ...process.env,
    HOME: dir,
    XDG_CONFIG_HOME: path.join(dir, 'config'),
    XDG_DATA_HOME: path.join(dir, 'data'),
  };
  const validated = spawnSync('caddy', ['validate', '--config', config, '--adapter', 'caddyfile'], {
    env,
    encoding: 'utf8',
  });
  if (validated.status !== 0)
    throw new Error(`caddy validate refused the README's Caddyfile:\n${validated.stderr}`);
  const running = spawnKept('caddy', ['run', '--config', config, '--adapter', 'caddyfile'], env);
  await waitForTls(ports.https, running.child, running.output);
  return {
    url: `https://${PUBLIC_NAME}:${ports.https}`,
    caFile: path.join(storage, 'pki/authorities/local/root.crt'),
    output: running.output,
    stop: running.stop,
  };
}

/** A CA and a certificate for PUBLIC_NAME signed by it, made with openssl, for nginx. */
export function makeCertificate(dir: string): { caFile: string; certFile: string; keyFile: string } {
  const file = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  openssl(
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.crt'),
    '-days',
    '2',
    '-subj',
    '/CN=Polyphony test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  );
  openssl(
    'req',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    file('server.key'),
    '-out',
    file('server.csr'),
    '-subj',
    `/CN=${PUBLIC_NAME}`,
  );
  fs.writeFileSync(
    file('server.ext'),
    `subjectAltName=DNS:${PUBLIC_NAME}\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n`,
  );
  openssl(
    'x509',
    '-req',
    '-in',
    file('server.csr'),
    '-CA',
    file('ca.crt'),
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-out',
    file('server.crt'),
    '-days',
    '2',
    '-extfile',
    file('server.ext'),
  );
  return { caFile: file('ca.crt'), certFile: file('server.crt'), keyFile: file('server.key') };
}

/**
 * nginx with the README's example as its one conf.d file: the test puts in its own listening addresses
 * and certificate, and wraps the example in a main configuration of its own (pid, logs and temporary
 * files in `dir`). `nginx -t` must accept it before it runs.
 */
export async function startNginx(options: {
  example: string;
  upstreamPort: number;
  ports: ProxyPorts;
  dir: string;
}): Promise<RunningProxy & { checked: string }> {
  const { dir, ports } = options;
  const certificate = makeCertificate(dir);
  let site = substituteUpstream(options.example, options.upstreamPort);
  const replace = (pattern: RegExp, by: string) => {
    if (!pattern.test(site))
      throw new Error(`the README's nginx example has no ${pattern}; update this test`);
    site = site.replace(pattern, by);
  };
  replace(/listen 443 ssl http2;/, `listen 127.0.0.1:${ports.https} ssl http2;`);
  replace(/listen 80;/, `listen 127.0.0.1:${ports.http};`);
  replace(/ssl_certificate \s*\S+;/, `ssl_certificate ${certificate.certFile};`);
  replace(/ssl_certificate_key \S+;/, `ssl_certificate_key ${certificate.keyFile};`);
  fs.writeFileSync(path.join(dir, 'polyphony.conf'), site);
  const config = path.join(dir, 'nginx.conf');
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, `${name}-temp`)};`;
  fs.writeFileSync(
    config,
    `daemon off;
worker_processes 1;
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'error.log')} warn;
events { worker_connections 256; }
http {
    access_log off;
    ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n    ')}
    include ${path.join(dir, 'polyphony.conf')};
}
`,
  );
  const args = ['-e', path.join(dir, 'error.log'), '-p', dir, '-c', config];
  const checked = spawnSync(nginxBinary(), ['-t', ...args], { encoding: 'utf8' });
  if (checked.status !== 0) throw new Error(`nginx -t refused the README's example:\n${checked.stderr}`);
  const running = spawnKept(nginxBinary(), args, process.env);
  await waitForTls(
    ports.https,
    running.child,
    () => running.output() + readIfThere(path.join(dir, 'error.log')),
  );
  return {
    url: `https://${PUBLIC_NAME}:${ports.https}`,
    caFile: certificate.caFile,
    checked: checked.stderr,
    output: () => running.output() + readIfThere(path.join(dir, 'error.log')),
    // SIGQUIT: nginx's graceful stop.
    stop: async () => {
      if (running.child.exitCode === null) running.child.kill('SIGQUIT');
      await running.stop();
    },
  };
}

function readIfThere(file: string): string {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
}

/**
 * A HOME for Chromium whose NSS database (~/.pki/nssdb, where Chromium on Linux looks for certificates a
 * user trusts) trusts these CAs to identify web sites.
 */
export function browserHomeTrusting(home: string, caFiles: Record<string, string>): string {
  const db = `sql:${path.join(home, '.pki/nssdb')}`;
  fs.mkdirSync(path.join(home, '.pki/nssdb'), { recursive: true });
  execFileSync('certutil', ['-N', '-d', db, '--empty-password'], { stdio: 'pipe' });
  for (const [name, file] of Object.entries(caFiles)) {
    execFileSync('certutil', ['-A', '-d', db, '-n', name, '-t', 'C,,', '-i', file], { stdio: 'pipe' });
  }
  return home;
}

/** A free port on 127.0.0.1. */
export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
