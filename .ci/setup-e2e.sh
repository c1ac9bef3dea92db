#!/usr/bin/env bash
# setup-e2e.sh — install everything the VS Code / Neovim end-to-end tests need.
#
# Idempotent: a second run only checks and exits (a few seconds).
# Works offline except for Debian apt and the npm registry.
#
#   * apt: chromium, fonts-noto-cjk (CJK glyphs, else Chinese renders as boxes),
#     neovim, ripgrep, and the -dev libs code-server's native modules build against.
#   * code-server (real VS Code in the browser) into a private npm prefix
#     ($HOME/.cache/kaoping/code-server), NOT globally.  Its @vscode/ripgrep
#     postinstall would download rg from outside; we pre-seed its download cache
#     with a tarball of Debian's /usr/bin/rg so it never goes online.
#
# Output contract: everything informative goes to stderr; the ONLY line on
# stdout is the absolute path of the code-server binary, so callers can do
#     CODE_SERVER_BIN="$(bash .ci/setup-e2e.sh)"
#
# Environment overrides:
#   KAOPING_CODE_SERVER_VERSION  (default 4.100.3; newest that runs on Node 20)
#   KAOPING_CODE_SERVER_PREFIX   (default $HOME/.cache/kaoping/code-server)
#   KAOPING_SKIP_APT=1           skip the apt part (e.g. when not root)
set -euo pipefail

CODE_SERVER_VERSION="${KAOPING_CODE_SERVER_VERSION:-4.100.3}"
PREFIX="${KAOPING_CODE_SERVER_PREFIX:-$HOME/.cache/kaoping/code-server}"
# @vscode/ripgrep version bundled by code-server 4.100.x and the rg release its
# postinstall asks for (see node_modules/@vscode/ripgrep/lib/{postinstall,download}.js).
VSCODE_RIPGREP_VERSION="1.15.11"
RG_ASSET="ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"

APT_PACKAGES=(
  chromium fonts-noto-cjk neovim ripgrep
  libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config
)

BIN="$PREFIX/node_modules/.bin/code-server"
PKG_JSON="$PREFIX/node_modules/code-server/package.json"
MARKER="$PREFIX/.kaoping-installed-$CODE_SERVER_VERSION"
LOG_DIR="${TMPDIR:-/tmp}/kaoping-setup-e2e"
mkdir -p "$LOG_DIR"

log() { printf '[setup-e2e] %s\n' "$*" >&2; }
die() { printf '[setup-e2e] ERROR: %s\n' "$*" >&2; exit 1; }

# run_quiet LOGNAME cmd... : run a command with output in a log file; on failure dump its tail.
run_quiet() {
  local name="$1"; shift
  local logf="$LOG_DIR/$name.log"
  if ! "$@" >"$logf" 2>&1; then
    printf '[setup-e2e] ERROR: command failed: %s\n[setup-e2e] --- last 60 lines of %s ---\n' "$*" "$logf" >&2
    tail -n 60 "$logf" >&2
    exit 1
  fi
}

[ "$(uname -s)" = Linux ] && [ "$(uname -m)" = x86_64 ] || die "only linux x86_64 is supported (got $(uname -sm))"
command -v node >/dev/null || die "node not found"
command -v npm >/dev/null || die "npm not found"
NODE_MAJOR="$(node -p 'process.versions.node.split(".")[0]')"
[ "$NODE_MAJOR" = 20 ] || log "WARNING: code-server $CODE_SERVER_VERSION expects Node 20, found $(node -v)"

# ---------------------------------------------------------------- apt
if [ "${KAOPING_SKIP_APT:-0}" != 1 ]; then
  missing=()
  for p in "${APT_PACKAGES[@]}"; do
    [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" = "install ok installed" ] || missing+=("$p")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    [ "$(id -u)" = 0 ] || die "apt packages missing (${missing[*]}) and not root; install them or set KAOPING_SKIP_APT=1"
    export DEBIAN_FRONTEND=noninteractive
    log "apt-get update"
    run_quiet apt-update apt-get update -q
    log "apt-get install ${missing[*]}"
    run_quiet apt-install apt-get install -y -q --no-install-recommends "${missing[@]}"
  else
    log "apt packages already installed"
  fi
fi
for b in /usr/bin/chromium /usr/bin/rg /usr/bin/nvim; do
  [ -x "$b" ] || die "$b missing after apt step"
done

# ---------------------------------------------------------------- code-server
installed_version() { node -p "require('$PKG_JSON').version" 2>/dev/null || true; }

if [ -f "$MARKER" ] && [ -x "$BIN" ] && [ "$(installed_version)" = "$CODE_SERVER_VERSION" ]; then
  log "code-server $CODE_SERVER_VERSION already installed in $PREFIX"
else
  log "installing code-server@$CODE_SERVER_VERSION into $PREFIX (about a minute)"
  case "$PREFIX" in /|"$HOME"|"$HOME"/|/usr|/usr/*|/tmp|/tmp/) die "refusing to wipe PREFIX=$PREFIX" ;; esac
  rm -rf "$PREFIX"
  mkdir -p "$PREFIX"

  # Pre-seed @vscode/ripgrep's download cache (it checks
  # $TMPDIR/vscode-ripgrep-cache-<pkgver>/<asset> before downloading and then
  # runs `tar xvf <asset> -C bin/`, expecting `bin/rg`).  Use a private TMPDIR so
  # a /tmp cleaner cannot break re-installs.
  RG_TMP="$PREFIX/.tmp"
  RG_CACHE="$RG_TMP/vscode-ripgrep-cache-$VSCODE_RIPGREP_VERSION"
  mkdir -p "$RG_CACHE"
  tar -czf "$RG_CACHE/$RG_ASSET" -C /usr/bin rg
  log "seeded $RG_CACHE/$RG_ASSET from /usr/bin/rg ($(/usr/bin/rg --version | head -1))"

  # Native modules (node-pty, kerberos, ...) are rebuilt by code-server's
  # postinstall with node-gyp; point it at this Node's own headers so it does
  # not try to download them.
  NODE_PREFIX="$(dirname "$(dirname "$(command -v node)")")"
  if [ -f "$NODE_PREFIX/include/node/node.h" ]; then
    export npm_config_nodedir="$NODE_PREFIX"
  fi

  start=$SECONDS
  TMPDIR="$RG_TMP" \
  npm_config_unsafe_perm=true npm_config_yes=true \
  npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false \
    run_quiet npm-install-code-server \
      npm install --prefix "$PREFIX" --no-save --loglevel=warn "code-server@$CODE_SERVER_VERSION"
  log "npm install finished in $((SECONDS - start))s (log: $LOG_DIR/npm-install-code-server.log)"

  # Verify: binary, version, every bundled @vscode/ripgrep got its rg.
  [ -x "$BIN" ] || die "code-server binary missing at $BIN"
  [ "$(installed_version)" = "$CODE_SERVER_VERSION" ] || die "installed code-server version is '$(installed_version)', wanted $CODE_SERVER_VERSION"
  found_rg=0
  while IFS= read -r d; do
    found_rg=1
    [ -x "$d/bin/rg" ] || die "ripgrep binary missing in $d/bin (postinstall did not use the seeded cache?)"
  done < <(find "$PREFIX/node_modules" -type d -path '*/@vscode/ripgrep' 2>/dev/null)
  [ "$found_rg" = 1 ] || log "WARNING: no @vscode/ripgrep found under $PREFIX (search in VS Code may not work)"
  touch "$MARKER"
fi

# (code-server writes a default config.yaml on every start; keep it out of ~/.config)
ver="$(XDG_CONFIG_HOME="$PREFIX/.config" "$BIN" --version 2>/dev/null | grep -E '^[0-9]+\.[0-9]+\.[0-9]+ ' | head -1)" \
  || die "'$BIN --version' failed"
case "$ver" in "$CODE_SERVER_VERSION"*) ;; *) die "unexpected 'code-server --version' output: $ver" ;; esac
log "code-server $ver ready; chromium: $(/usr/bin/chromium --version 2>/dev/null | head -1); nvim: $(/usr/bin/nvim --version | head -1)"
echo "$BIN"
