# Shared by scripts/run and scripts/test: installs what is missing, and
# nothing else, so a second run costs seconds. Source it; do not run it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Builds live outside the clone so a fresh clone (CI) reuses compiled
# dependencies; the build still works from nothing.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/masthead/target}"

# Cargo names a workspace crate's artifacts without its folder and judges
# them fresh by the files it last read; two clones sharing one target
# directory would then run each other's code. When the clone changes, drop
# the workspace crates' artifacts (the dependencies stay cached).
claim_target_dir() {
  local owner="$CARGO_TARGET_DIR/.masthead-checkout"
  if [ -f "$owner" ] && [ "$(cat "$owner")" != "$ROOT" ]; then
    say "Build cache was last used by $(cat "$owner"): rebuilding Masthead's own crates"
    (cd "$ROOT" && cargo clean --quiet -p masthead-core -p masthead-text -p masthead-pdf -p masthead-pgtest -p masthead-cli -p masthead-bindings -p masthead-serve -p masthead-version -p masthead-appimage -p masthead-app -p masthead-e2e)
  fi
  mkdir -p "$CARGO_TARGET_DIR"
  echo "$ROOT" >"$owner"
}

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

BUILD_PACKAGES=(pkg-config build-essential file libwebkit2gtk-4.1-dev libgtk-3-dev libsoup-3.0-dev
  libjavascriptcoregtk-4.1-dev libxdo-dev libssl-dev libayatana-appindicator3-dev librsvg2-dev)
RUN_PACKAGES=(xvfb xauth x11-utils dbus-x11 at-spi2-core fonts-dejavu-core procps)
# procps (in RUN_PACKAGES) gives `kill`, which the tests use on the store process.
# postgresql: the tests start their own throwaway cluster (crates/masthead-pgtest);
# openssl makes its certificate. No server needs to be running.
# chromium and chromium-driver: the contributors' page in a real browser.
# squashfs-tools: the AppImage runtime's tests make an image as scripts/package does;
# appstream and desktop-file-utils validate the packages' metainfo and desktop entry.
TEST_PACKAGES=(webkit2gtk-driver xdotool imagemagick poppler-utils qpdf postgresql openssl chromium chromium-driver
  squashfs-tools appstream desktop-file-utils)

# apt_install PKG... — installs the packages that are not installed yet.
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "Installing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

check_toolchains() {
  command -v cargo >/dev/null || die "Rust is not installed. Install it with rustup (https://rustup.rs), then run this again."
  command -v node >/dev/null || die "Node.js 20 or newer is needed. Install it (e.g. from your package manager), then run this again."
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$major" -ge 20 ] || die "Node.js $(node -v) is too old; Masthead's front end needs Node.js 20 or newer."
}

# npm ci, only when package-lock.json changed since the last install.
npm_install() {
  local stamp="$ROOT/ui/node_modules/.masthead-lock-sha"
  local want
  want="$(sha256sum "$ROOT/ui/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
  say "Installing npm packages"
  (cd "$ROOT/ui" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" >"$stamp"
}

build_ui() {
  say "Building the front end"
  (cd "$ROOT/ui" && npm run --silent build -- --logLevel warn)
}

# start_xvfb — gives this shell a display, starting Xvfb when there is none.
start_xvfb() {
  if [ -n "${DISPLAY:-}" ] && xdpyinfo >/dev/null 2>&1; then return 0; fi
  local n=90
  while [ -e "/tmp/.X${n}-lock" ]; do n=$((n + 1)); done
  Xvfb ":$n" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
  XVFB_PID=$!
  export DISPLAY=":$n"
  for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && return 0; sleep 0.1; done
  die "Xvfb did not start on display $DISPLAY"
}
