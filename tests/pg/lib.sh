# Helpers for the tests that need PostgreSQL itself (tests/run pg runs them):
# MASA_PG_URL is the throwaway cluster's database, MASA_PG_DIR its directory
# (for scripts/pg-cluster stop/start). Each test works in schemas of its own.
. "$(dirname "${BASH_SOURCE[0]}")/../cli/lib.sh"
: "${MASA_PG_URL:?run through tests/run pg, which starts a cluster}"
: "${MASA_PG_DIR:?run through tests/run pg, which starts a cluster}"

# psql_run SQL...: runs SQL on the cluster's database, unaligned, no header.
psql_run() {
	"$ROOT/scripts/pg-cluster" psql "$MASA_PG_DIR" -F '|' "$@" 2>&1 | grep -v '^NOTICE:'
}

# pg_schema NAME: makes schema NAME (anew) and prints the URL that uses it.
pg_schema() {
	psql_run -c "DROP SCHEMA IF EXISTS $1 CASCADE" -c "CREATE SCHEMA $1" >/dev/null
	echo "$MASA_PG_URL&options=-c%20search_path%3D$1"
}

# table_rows DB TABLE: every row of TABLE in id order, values by '|', from
# either backend (DB: a SQLite file or a schema name).
table_rows() {
	case $1 in
	*.db) sqlite3 "$1" "SELECT * FROM $2 ORDER BY 1" ;;
	*) psql_run -c "SET search_path = $1" -c "SELECT * FROM $2 ORDER BY 1" ;;
	esac
}
