#!/usr/bin/env bash
# Side-by-side validator benchmark (issue 20): dataeng-os validate against
# odcslint, pyodcs and (with --datacontract) datacontract-cli, pinned and
# installed from PyPI into .venv-peers/. Not part of the CI test run; its
# latest output goes into bench/README.md with the machine's load average.
#
#   bash bench/peers.sh                 # 10,000 small, 1,000 large, 50 cold starts, 3 repeats
#   bash bench/peers.sh --small 1000 --large 100 --repeat 1   # a quick look
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.venv-peers
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
pkgs=(odcslint==0.3.0 pyodcs==0.9.1)
for a in "$@"; do
  [ "$a" = --datacontract ] && pkgs+=(datacontract-cli==1.2.8)
done
"$venv/bin/pip" install -q --disable-pip-version-check "${pkgs[@]}"
mkdir -p .tools/bench
go build -o .tools/bench/dataeng-os ./cmd/dataeng-os
exec "$venv/bin/python" bench/peers.py --ours .tools/bench/dataeng-os --venv "$venv" "$@"
