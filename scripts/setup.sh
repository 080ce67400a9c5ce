#!/usr/bin/env bash
# Sets up Polyphony on a fresh machine: pnpm, the dependencies Polyphony needs (better-sqlite3 is built
# from source), the build. With --test it also installs what the test suite and `pnpm bench` need:
# Chromium from Debian for Playwright, pdftotext (poppler-utils) for the print test, PostgreSQL on
# 127.0.0.1, Redis, Caddy and nginx (scripts/services.sh), a LiveKit server built from source
# (scripts/livekit.sh), and the benchmark's reference servers (tests/bench/references: y-websocket's
# server with LevelDB, Hocuspocus with sqlite3, whose native builds take most of a fresh install).
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=12.21.0
# Prebuilt native downloads are refused here; node-gyp builds from source against the installed headers.
export npm_config_nodedir="${npm_config_nodedir:-/usr}"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v pnpm >/dev/null 2>&1; then
  echo "setup: installing pnpm $PNPM_VERSION"
  as_root npm install -g "pnpm@$PNPM_VERSION" >/dev/null
fi

if [ "${1:-}" = "--test" ] && [ ! -x /usr/bin/chromium ]; then
  echo "setup: installing Chromium from Debian for the browser tests"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

if [ "${1:-}" = "--test" ] && ! command -v pdftotext >/dev/null 2>&1; then
  echo "setup: installing poppler-utils (pdftotext) for the print-to-PDF test"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
fi

if [ "${1:-}" = "--test" ]; then
  # The PostgreSQL store's contract tests run against a real PostgreSQL on 127.0.0.1.
  bash scripts/services.sh >/dev/null
  # The video tests run against a real LiveKit server, built once from source into a cache.
  bash scripts/livekit.sh >/dev/null || echo "setup: WARNING: livekit-server could not be built; the video tests against LiveKit will be skipped" >&2
fi

if [ "${1:-}" = "--test" ]; then
  pnpm install --frozen-lockfile
else
  # Everything but the benchmark's reference servers. One lockfile for the whole workspace, checked
  # (--frozen-lockfile) either way; --test then installs the rest.
  pnpm install --frozen-lockfile --filter '!@polyphony/bench-references'
fi
pnpm build
