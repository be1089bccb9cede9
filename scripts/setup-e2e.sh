#!/usr/bin/env bash
# Installs what the end-to-end test needs: Debian's chromium, the headers and rg binary that
# code-server's install needs, and e2e/editor (code-server + playwright-core) from its own lock.
# Idempotent and offline-friendly (npm registry + Debian packages only); see /work/shared/E2E.md.
# Usage: scripts/setup-e2e.sh   (as root when a Debian package is missing)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EDITOR_DIR="$ROOT/e2e/editor"
STAMP="$EDITOR_DIR/node_modules/.lock-hash"
# code-server 4.100.3 runs @vscode/ripgrep 1.15.11, whose postinstall would fetch this from GitHub.
RG_PKG_VERSION="1.15.11"
RG_RELEASE="v13.0.0-10"

log() { printf '[setup-e2e] %s\n' "$*"; }
die() { printf '[setup-e2e] ERROR: %s\n' "$*" >&2; exit 1; }
trap 'die "failed at line $LINENO (exit $?): $BASH_COMMAND"' ERR

start=$(date +%s)

# --- Debian packages -------------------------------------------------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -f /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev) # kerberos addon builds against it
[ -x /usr/bin/rg ] || missing+=(ripgrep)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || die "missing Debian packages (${missing[*]}); run as root or: sudo apt-get install -y ${missing[*]}"
  command -v apt-get >/dev/null || die "missing packages (${missing[*]}) and no apt-get on this machine"
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "Debian packages present (chromium, libkrb5-dev, ripgrep)"
fi

# --- e2e/editor node_modules -----------------------------------------------------------------
command -v node >/dev/null || die "node not found"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" = 20 ] || die "code-server 4.100.3 needs Node 20, found $(node -v)"
[ -f "$EDITOR_DIR/package-lock.json" ] || die "missing $EDITOR_DIR/package-lock.json"

# Native addons are built for one Node ABI, so the Node version is part of the stamp.
want_hash="$( (cat "$EDITOR_DIR/package-lock.json"; node -v; uname -m) | sha256sum | cut -d' ' -f1)"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want_hash" ] \
   && [ -x "$EDITOR_DIR/node_modules/.bin/code-server" ] \
   && [ -f "$EDITOR_DIR/node_modules/playwright-core/package.json" ]; then
  log "e2e/editor already installed from this lock; skipping npm ci"
  log "done in $(( $(date +%s) - start ))s"
  exit 0
fi

case "$(uname -m)" in
  x86_64) rg_target=x86_64-unknown-linux-musl ;;
  aarch64) rg_target=aarch64-unknown-linux-musl ;;
  *) die "unsupported architecture $(uname -m)" ;;
esac

# @vscode/ripgrep looks in $TMPDIR/vscode-ripgrep-cache-<version>/ before downloading.
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/vscode-ripgrep-cache-$RG_PKG_VERSION"
tar czf "$tmp/vscode-ripgrep-cache-$RG_PKG_VERSION/ripgrep-$RG_RELEASE-$rg_target.tar.gz" -C /usr/bin rg

export TMPDIR="$tmp"
export npm_config_unsafe_perm=true # code-server's postinstall refuses to run as root without it
export npm_config_yes=true         # node-pty's postinstall runs npx, which would prompt
if [ -f /usr/include/node/node.h ]; then
  export npm_config_nodedir=/usr   # build native addons against local headers, no download
fi

log "npm ci in e2e/editor (code-server + playwright-core; ~1 min)"
rm -f "$STAMP"
(cd "$EDITOR_DIR" && npm ci --no-audit --no-fund --loglevel=error) \
  || die "npm ci in e2e/editor failed (see output above)"
[ -x "$EDITOR_DIR/node_modules/.bin/code-server" ] || die "code-server binary missing after install"
# Even --version writes ~/.config/code-server and ~/.local/share, so point HOME at the temp dir.
HOME="$tmp" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" \
  "$EDITOR_DIR/node_modules/.bin/code-server" --version >/dev/null \
  || die "code-server installed but does not start"
echo "$want_hash" > "$STAMP"
log "installed e2e/editor ($(du -sh "$EDITOR_DIR/node_modules" | cut -f1)); done in $(( $(date +%s) - start ))s"
