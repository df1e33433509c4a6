#!/usr/bin/env bash
# Shared set-up for run.sh and test.sh: make sure the machine has what Grants needs (the .NET SDK is assumed;
# PostgreSQL server binaries are installed when missing), then restore the solution. Safe to run again.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

log() { printf '[setup] %s\n' "$*" >&2; }

source "$here/scripts/server-env.sh"

if ! command -v dotnet >/dev/null 2>&1; then
  log "the .NET 10 SDK is required: https://learn.microsoft.com/dotnet/core/install/linux-debian"
  exit 1
fi

find_pg_bin() {
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"; return 0
  fi
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  return 1
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@";
  elif command -v sudo >/dev/null 2>&1; then sudo "$@";
  else return 1; fi
}

if ! pg_bin="$(find_pg_bin)"; then
  log "PostgreSQL server binaries not found; installing the Debian/Ubuntu package 'postgresql'"
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
     || ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; then
    log "could not install PostgreSQL. Install it yourself and run again:"
    log "  sudo apt-get install -y postgresql    (PostgreSQL 15 or newer)"
    exit 1
  fi
  pg_bin="$(find_pg_bin)" || { log "PostgreSQL installed but initdb still not found"; exit 1; }
fi
log "PostgreSQL binaries: $pg_bin ($("$pg_bin/postgres" --version))"

# initdb refuses to run as root: the embedded cluster then runs as the unprivileged 'postgres' user.
if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
  log "creating the system user 'postgres' to own the embedded cluster"
  useradd --system --home-dir /var/lib/postgresql --create-home --shell /bin/sh postgres
fi

export PATH="$pg_bin:$PATH"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
