#!/usr/bin/env bash
# setup-postgres.sh — install PostgreSQL 15 (Debian's `postgresql`) for the SQL engine tests
# (packages/engines/test): the tests start and stop their own throw-away server as user postgres
# (initdb in a temporary folder, 127.0.0.1 and a free port), so nothing is started here.
# Idempotent: when the binaries are there it only checks.  KAOPING_SKIP_APT=1 skips apt.
set -euo pipefail
BIN=/usr/lib/postgresql/15/bin
if [ -x "$BIN/pg_ctl" ] && [ -x "$BIN/initdb" ]; then
  echo "setup-postgres: PostgreSQL 15 present ($BIN)" >&2
  exit 0
fi
if [ "${KAOPING_SKIP_APT:-}" = "1" ]; then
  echo "setup-postgres: PostgreSQL 15 missing and KAOPING_SKIP_APT=1" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq postgresql >&2
[ -x "$BIN/pg_ctl" ] || { echo "setup-postgres: $BIN/pg_ctl still missing (is Debian's postgresql version 15?)" >&2; exit 1; }
