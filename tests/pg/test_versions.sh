#!/usr/bin/env bash
# When two people edit the same record at once, on two masa servers over one
# PostgreSQL database: tests/cli/test_versions.sh (which tests/run cli runs
# on SQLite) with MASA_PG_URL, in a schema of its own.
: "${MASA_PG_URL:?run through tests/run pg, which starts a cluster}"
exec bash "$(dirname "$0")/../cli/test_versions.sh"
