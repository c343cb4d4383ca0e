#!/usr/bin/env bash
# The meeting evening: N cells of 36 members publish a meeting, answer, check in, post opinions and
# vote on two motions while every member listens to the meeting's live stream; then the limits of
# the same run: pgbench with a one-row ballot insert against the same PostgreSQL, and a no-op
# endpoint of the product under the same load generator. Starts a throwaway PostgreSQL and the
# product on 127.0.0.1 only, and stops both on exit. See bench/README.md.
#
# Usage: bench/meeting-evening.sh [cells]      (default 200; environment: see bench/README.md)
set -euo pipefail

cd "$(dirname "$0")/.."
cells=${1:-200}
app_port=${BENCH_APP_PORT:-8150}
pg_port=${BENCH_PG_PORT:-55450}
concurrency=${BENCH_CONCURRENCY:-64}
deadline=${BENCH_DEADLINE_SECONDS:-600}
noop_requests=${BENCH_NOOP_REQUESTS:-20000}
pgbench_seconds=${BENCH_PGBENCH_SECONDS:-20}
# More arguments for the product, such as --server.compression.enabled=false to try a setting.
product_args=${BENCH_PRODUCT_ARGS:-}
base="http://127.0.0.1:$app_port"

log() { printf 'meeting-evening: %s\n' "$*" >&2; }

java_bin=""
for candidate in /usr/lib/jvm/*/bin/java; do
    if "$candidate" -version 2>&1 | grep -Eq 'version "(2[2-9]|[3-9][0-9])'; then
        java_bin=$candidate
    fi
done
# The load generator is several source files run directly, which needs Java 22 or newer.
[ -n "$java_bin" ] || { log "no Java 22+ under /usr/lib/jvm"; exit 1; }
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$pg_bin/initdb" ] || { log "no PostgreSQL server binaries under /usr/lib/postgresql (package postgresql)"; exit 1; }
[ -x "$pg_bin/pgbench" ] || { log "no pgbench in $pg_bin"; exit 1; }
for port in "$app_port" "$pg_port"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        log "port $port is in use; set BENCH_APP_PORT or BENCH_PG_PORT to a free one"
        exit 1
    fi
done

work=$(mktemp -d /tmp/chibo-bench.XXXXXX)
# PostgreSQL runs as the user postgres when this script runs as root, and must reach its folder.
chmod 711 "$work"
app_pid=""
as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
cleanup() {
    if [ -n "$app_pid" ]; then
        kill "$app_pid" 2>/dev/null || true
        wait "$app_pid" 2>/dev/null || true
    fi
    # BENCH_APP_LOG names a file to keep the product's log in; the temporary folder is removed.
    if [ -n "${BENCH_APP_LOG:-}" ] && [ -f "$work/app.log" ]; then
        cp "$work/app.log" "$BENCH_APP_LOG"
    fi
    as_postgres "$pg_bin/pg_ctl" -D "$work/pg/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

log "building the jar"
# Offline first; the first repackaging may need spring-boot-loader-tools from Maven Central.
mvn -o -q -B package -DskipTests || mvn -q -B package -DskipTests
jar=$(ls target/chibo-*.jar | grep -v plain | head -1)

# fsync and synchronous_commit stay on, as in production: they bound the commit rate.
log "starting PostgreSQL ($pg_bin) on 127.0.0.1:$pg_port"
mkdir -p "$work/pg"
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$work/pg"
as_postgres "$pg_bin/initdb" -D "$work/pg/data" -U postgres -A trust -E UTF8 >/dev/null
as_postgres "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w \
    -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
psql_cmd=(psql -h 127.0.0.1 -p "$pg_port" -U postgres -q -At)
"${psql_cmd[@]}" -c "create user chibo with password 'chibo'" -c "create database chibo owner chibo"

log "starting the product with $cells generated cells on $base"
check_in_key=$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=' | head -c 48)
started=$(date +%s)
SPRING_PROFILES_ACTIVE=bench \
SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$pg_port/chibo" \
SPRING_DATASOURCE_USERNAME=chibo SPRING_DATASOURCE_PASSWORD=chibo \
CHIBO_BENCH_CELLS="$cells" CHIBO_BENCH_MANIFEST="$work/manifest.tsv" CHIBO_CHECK_IN_KEY="$check_in_key" \
CHIBO_FILES_ROOT="$work/files" \
    "$java_bin" -jar "$jar" --server.address=127.0.0.1 --server.port="$app_port" \
    --chibo.crypto.lookup-key-file="$work/lookup-key" --chibo.crypto.data-key-file="$work/data-key" \
    --chibo.video.room-key-file="$work/video-room-key" --chibo.backup.folder="$work/backups" \
    --logging.level.vn.chibo=WARN --logging.level.vn.chibo.bench=INFO $product_args \
    > "$work/app.log" 2>&1 &
app_pid=$!
until grep -q "Bench data loaded" "$work/app.log"; do
    sleep 1
    if ! kill -0 "$app_pid" 2>/dev/null; then
        tail -50 "$work/app.log" >&2
        exit 1
    fi
    if [ $(( $(date +%s) - started )) -gt "$deadline" ]; then
        log "the product did not load the bench data within $deadline s"
        exit 1
    fi
done
log "product ready after $(( $(date +%s) - started )) s, resident memory $(awk '/VmRSS/ {print $2}' /proc/$app_pid/status) kB"

log "pgbench: one-row ballot inserts, 16 clients, $pgbench_seconds s"
"${psql_cmd[@]}" -d chibo -c "create table bench_ballot (id bigint generated by default as identity primary key,
    motion_id bigint not null, member_id bigint not null, choice varchar(10) not null,
    cast_at timestamp with time zone not null, unique (motion_id, member_id),
    check (choice in ('FOR', 'AGAINST', 'ABSTAIN')))"
"$pg_bin/pgbench" -h 127.0.0.1 -p "$pg_port" -U postgres -n -c 16 -j 2 -T "$pgbench_seconds" \
    -f bench/ballot.sql chibo > "$work/pgbench.txt" 2>&1
grep -E '^(tps|latency|number of (failed )?transactions)' "$work/pgbench.txt" >&2 || true
pgbench_tps=$(awk '/^tps/ {print $3; exit}' "$work/pgbench.txt")
"${psql_cmd[@]}" -d chibo -c "drop table bench_ballot"

log "running the meeting evening"
"$java_bin" bench/evening/MeetingEvening.java base="$base" manifest="$work/manifest.tsv" \
    password=bench-password totp-secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP check-in-key="$check_in_key" \
    concurrency="$concurrency" deadline-seconds="$deadline" noop-requests="$noop_requests" \
    product-pid="$app_pid" pgbench-tps="$pgbench_tps" \
    commits-command="psql -h 127.0.0.1 -p $pg_port -U postgres -At -c \"select xact_commit from pg_stat_database where datname = 'chibo'\""

echo
echo "Rows stored (expected: every member's answer, check-in and opinion; ballots of official members):"
"${psql_cmd[@]}" -d chibo -F ' ' -c "select 'answers', count(*) from meeting_response
    union all select 'present', count(*) from attendance where status like 'PRESENT%'
    union all select 'opinions', count(*) from opinion
    union all select 'ballots', count(*) from ballot
    union all select 'live events', count(*) from live_event"
if grep -q ' ERROR ' "$work/app.log"; then
    log "the product logged errors:"
    grep ' ERROR ' "$work/app.log" | head -20 >&2
fi
