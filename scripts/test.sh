#!/usr/bin/env bash
# The full DataEngOS test suite, on a fresh machine with only Go, Python and
# apt: it installs what the integration tests drive (dbt in .venv, Chromium,
# a real Ollama server and a small model under .tools/), then runs every test.
# Each setup script is idempotent and does nothing when its tool is present.
set -euo pipefail
cd "$(dirname "$0")/.."

for setup in scripts/setup-*.sh; do
  echo "== $setup" >&2
  bash "$setup"
done

echo "== go vet" >&2
go vet ./...
echo "== go test" >&2
go test -count=1 -timeout 40m ./...
