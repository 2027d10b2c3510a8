#!/usr/bin/env bash
# setup-chromium.sh: make sure a headless-capable Chromium is installed for the
# cockpit's browser tests (web/ chromedp tests). Idempotent: does nothing when
# CHROME_PATH points to an executable or `chromium` is already on PATH.
# Installs Debian's package with apt-get; runs `apt-get update` only when the
# package is unknown to apt's cache.
set -euo pipefail

if [[ -n "${CHROME_PATH:-}" && -x "${CHROME_PATH}" ]]; then
  exit 0
fi
for c in chromium chromium-browser; do
  if command -v "$c" >/dev/null 2>&1; then
    exit 0
  fi
done

if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-chromium: chromium not found and apt-get unavailable; install Chromium and set CHROME_PATH" >&2
  exit 1
fi

SUDO=""
if [[ "$(id -u)" != "0" ]]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "setup-chromium: need root (or sudo) to apt-get install chromium" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
# Wait up to 5 minutes for another apt/dpkg (unattended upgrades, a parallel
# setup) to release its lock instead of failing at once.
APT_LOCK=(-o DPkg::Lock::Timeout=300)
candidate="$(apt-cache policy chromium 2>/dev/null | awk '/Candidate:/ {print $2}')"
if [[ -z "$candidate" || "$candidate" == "(none)" ]]; then
  echo "setup-chromium: apt-get update" >&2
  $SUDO apt-get "${APT_LOCK[@]}" update -qq
fi
# fonts-liberation is only a Recommends of chromium; without a font the
# screenshots the browser tests save are unreadable.
echo "setup-chromium: apt-get install -y chromium fonts-liberation" >&2
$SUDO apt-get "${APT_LOCK[@]}" install -y -qq --no-install-recommends chromium fonts-liberation >&2
command -v chromium >/dev/null 2>&1
