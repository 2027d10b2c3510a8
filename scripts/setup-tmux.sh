#!/usr/bin/env bash
# setup-tmux.sh: make sure tmux is installed for the terminal chat tests
# (cmd/dataeng-os/internal/cli/chat_tmux_test.go drive `dataeng-os chat` in a
# tmux pane). Idempotent: does nothing when TMUX_PATH points to an executable
# or `tmux` is on PATH. Installs Debian's package with apt-get; runs
# `apt-get update` only when the package is unknown to apt's cache.
set -euo pipefail

if [[ -n "${TMUX_PATH:-}" && -x "${TMUX_PATH}" ]]; then
  exit 0
fi
if command -v tmux >/dev/null 2>&1; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-tmux: tmux not found and apt-get unavailable; install tmux or set TMUX_PATH" >&2
  exit 1
fi

SUDO=""
if [[ "$(id -u)" != "0" ]]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "setup-tmux: need root (or sudo) to apt-get install tmux" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
# Wait up to 5 minutes for another apt/dpkg (unattended upgrades, a parallel
# setup script) to release its lock instead of failing at once.
APT_LOCK=(-o DPkg::Lock::Timeout=300)
candidate="$(apt-cache policy tmux 2>/dev/null | awk '/Candidate:/ {print $2}')"
if [[ -z "$candidate" || "$candidate" == "(none)" ]]; then
  echo "setup-tmux: apt-get update" >&2
  $SUDO apt-get "${APT_LOCK[@]}" update -qq
fi
echo "setup-tmux: apt-get install -y tmux" >&2
$SUDO apt-get "${APT_LOCK[@]}" install -y -qq --no-install-recommends tmux >&2
command -v tmux >/dev/null 2>&1
