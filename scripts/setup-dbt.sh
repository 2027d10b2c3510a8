#!/usr/bin/env bash
# setup-dbt.sh: create the git-ignored .venv with dbt-core and dbt-duckdb for
# the scaffold integration test. Idempotent: does nothing when the venv
# already holds the pinned versions.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${DBT_VENV:-$root/.venv}"
# dbt-core 1.12 depends on dbt-core-experimental-parser (only used with
# --use-v2-parser). Its releases from 2.0.0b1 on are sdists that download a
# binary from GitHub at build time, which fails offline; 1.12.0 accepts the
# 2.0.0a4 pre-release, which PyPI ships as a manylinux wheel.
core_spec="dbt-core==1.12.0"
parser_spec="dbt-core-experimental-parser==2.0.0a4"
duckdb_spec="dbt-duckdb~=1.11.0"

have_versions() {
	[ -x "$venv/bin/python" ] && [ -x "$venv/bin/dbt" ] || return 1
	"$venv/bin/python" - <<'PY' 2>/dev/null
import sys
from importlib.metadata import version
core = version("dbt-core").split(".")
duck = version("dbt-duckdb").split(".")
ok = core[:2] == ["1", "12"] and duck[:2] == ["1", "11"]
sys.exit(0 if ok else 1)
PY
}

if have_versions; then
	exit 0
fi

python="${PYTHON:-python3}"
if [ ! -x "$venv/bin/python" ]; then
	echo "setup-dbt: creating $venv" >&2
	"$python" -m venv "$venv"
fi
echo "setup-dbt: installing $core_spec $duckdb_spec" >&2
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
	--only-binary "dbt-core-experimental-parser" \
	"$core_spec" "$parser_spec" "$duckdb_spec"
have_versions || { echo "setup-dbt: dbt install incomplete in $venv" >&2; exit 1; }
"$venv/bin/dbt" --version >&2
