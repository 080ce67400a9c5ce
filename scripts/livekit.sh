#!/usr/bin/env bash
# Builds the LiveKit server the video tests run against, once, into a cache folder, and prints its path.
#
# `go install github.com/livekit/livekit-server/cmd/server@v1.13.x` is refused by Go ("the go.mod file
# … contains one or more replace directives"), and releases after v1.13.5 need module versions the Go
# proxy here refuses. So: download the pinned release's module and build it inside its own module, where
# its replace directives apply.
set -euo pipefail

LIVEKIT_VERSION="${LIVEKIT_VERSION:-v1.13.5}"
CACHE_DIR="${POLYPHONY_CACHE:-$HOME/.cache/polyphony}"
BINARY="$CACHE_DIR/livekit-server-$LIVEKIT_VERSION"

if [ -x "$BINARY" ]; then
  echo "$BINARY"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  echo "livekit: Go is not installed; cannot build livekit-server $LIVEKIT_VERSION" >&2
  exit 1
fi

mkdir -p "$CACHE_DIR"
echo "livekit: building livekit-server $LIVEKIT_VERSION (a few minutes, once)" >&2
json=$(go mod download -json "github.com/livekit/livekit-server@$LIVEKIT_VERSION")
dir=$(printf '%s' "$json" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p' | head -n 1)
if [ -z "$dir" ] || [ ! -d "$dir" ]; then
  echo "livekit: go mod download gave no module folder:" >&2
  printf '%s\n' "$json" >&2
  exit 1
fi
# The module cache is read-only; build from it, write only the binary (atomically, via a temp name).
(cd "$dir" && go build -trimpath -o "$BINARY.partial" ./cmd/server)
mv "$BINARY.partial" "$BINARY"
"$BINARY" --version >&2
echo "$BINARY"
