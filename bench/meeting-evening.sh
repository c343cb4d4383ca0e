#!/usr/bin/env bash
# The meeting evening: N cells of 36 members publish a meeting, answer, check in, post opinions and
# vote on two motions while every member listens to the meeting's live stream; then the limits of
# the same run: pgbench with a one-row ballot insert against the same PostgreSQL, and a no-op
# endpoint of the product under the same load generator. Starts a throwaway PostgreSQL and the
# product on 127.0.0.1 only, and stops both on exit. See bench/README.md.
#
# Usage: bench/meeting-evening.sh [--nodes 1|2] [--balancer on|off] [--client web|app] [cells]
#   cells       generated cells of 36 members (default 200)
#   --client    how members check in and vote: the web pages (default) or the JSON API, as the app does
#   --nodes     product nodes on the same PostgreSQL (default 1)
#   --balancer  whether the load goes through nginx, round robin (default: off with one node, on with two)
# Environment: see bench/README.md.
set -euo pipefail

cd "$(dirname "$0")/.."
log() { printf 'meeting-evening: %s\n' "$*" >&2; }
# shellcheck source=bench/lib/cluster.sh
. bench/lib/cluster.sh

cells=200
nodes=1
balancer=""
client=web
while [ $# -gt 0 ]; do
    case "$1" in
        --nodes) nodes=$2; shift 2 ;;
        --balancer) balancer=$2; shift 2 ;;
        --client) client=$2; shift 2 ;;
        --*) log "unknown option $1; see the usage at the top of $0"; exit 2 ;;
        *) cells=$1; shift ;;
    esac
done
case "$nodes" in 1|2) ;; *) log "--nodes must be 1 or 2, not $nodes"; exit 2 ;; esac
[ -n "$balancer" ] || balancer=$([ "$nodes" -eq 2 ] && echo on || echo off)
case "$client" in web|app) ;; *) log "--client must be web or app, not $client"; exit 2 ;; esac
case "$balancer" in on|off) ;; *) log "--balancer must be on or off, not $balancer"; exit 2 ;; esac
if [ "$nodes" -eq 2 ] && [ "$balancer" = off ]; then
    log "two nodes need the balancer"; exit 2
fi
app_port=${BENCH_APP_PORT:-8150}
app_port_b=${BENCH_APP_PORT_B:-8151}
balancer_port=${BENCH_BALANCER_PORT:-8152}
pg_port=${BENCH_PG_PORT:-55450}
concurrency=${BENCH_CONCURRENCY:-64}
deadline=${BENCH_DEADLINE_SECONDS:-600}
noop_requests=${BENCH_NOOP_REQUESTS:-20000}
pgbench_seconds=${BENCH_PGBENCH_SECONDS:-20}
statements=${BENCH_PG_STATEMENTS:-0}
case "$statements" in ''|*[!0-9]*) log "BENCH_PG_STATEMENTS must be a number, not $statements"; exit 2 ;; esac
# Counting statements costs PostgreSQL a little time per statement, so it is off unless asked for.
if [ "$statements" -gt 0 ]; then
    pg_extra_options="-c shared_preload_libraries=pg_stat_statements"
fi
# More arguments for the product, such as --server.compression.enabled=false to try a setting; split
# into words on purpose.
read -r -a product_args <<< "${BENCH_PRODUCT_ARGS:-}"

# The load generator is several source files run directly, which needs Java 22 or newer.
find_java
find_postgres
[ -x "$pg_bin/pgbench" ] || { log "no pgbench in $pg_bin"; exit 1; }
ports=("$app_port" "$pg_port")
[ "$nodes" -eq 2 ] && ports+=("$app_port_b")
[ "$balancer" = on ] && ports+=("$balancer_port")
require_free_ports "${ports[@]}"

work=$(mktemp -d /tmp/chibo-bench.XXXXXX)
node_pids=()
cleanup() {
    stop_nginx
    stop_nodes
    # BENCH_APP_LOG names a file to keep node A's log in, with node B's and nginx's beside it
    # (.node-b, .nginx); the temporary folder is removed.
    if [ -n "${BENCH_APP_LOG:-}" ] && [ -f "$work/node-a.log" ]; then
        cp "$work/node-a.log" "$BENCH_APP_LOG"
        [ -f "$work/node-b.log" ] && cp "$work/node-b.log" "$BENCH_APP_LOG.node-b"
        [ -f "$work/nginx/error.log" ] && cp "$work/nginx/error.log" "$BENCH_APP_LOG.nginx"
    fi
    stop_postgres
    rm -rf "$work"
}
trap cleanup EXIT

log "building the jar"
build_jar
log "starting PostgreSQL ($pg_bin) on 127.0.0.1:$pg_port"
start_postgres "$pg_port"
psql_cmd=(psql -h 127.0.0.1 -p "$pg_port" -U postgres -q -At)

log "starting the product with $cells generated cells on 127.0.0.1:$app_port"
export CHIBO_BENCH_CELLS="$cells" CHIBO_BENCH_MANIFEST="$work/manifest.tsv"
CHIBO_CHECK_IN_KEY=$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=' | head -c 48)
export CHIBO_CHECK_IN_KEY
started=$(date +%s)
start_node node-a "$app_port" "$pg_port" "${product_args[@]}"
wait_for_log node-a "$deadline" "Bench data loaded" "${node_pids[0]}"
log "product ready after $(( $(date +%s) - started )) s, resident memory $(awk '/VmRSS/ {print $2}' /proc/${node_pids[0]}/status) kB"
product_pids=${node_pids[0]}
base="http://127.0.0.1:$app_port"
if [ "$nodes" -eq 2 ]; then
    # Node B starts once A has migrated the schema and generated the data, and must not generate again.
    log "starting node B on 127.0.0.1:$app_port_b"
    CHIBO_BENCH_GENERATE=false start_node node-b "$app_port_b" "$pg_port" "${product_args[@]}"
    wait_for_log node-b 300 "no bench data was generated" "${node_pids[1]}"
    product_pids+=",${node_pids[1]}"
fi
if [ "$balancer" = on ]; then
    upstream_ports=("$app_port")
    [ "$nodes" -eq 2 ] && upstream_ports+=("$app_port_b")
    log "starting nginx on 127.0.0.1:$balancer_port in front of ${upstream_ports[*]}"
    start_nginx "$balancer_port" "${upstream_ports[@]}"
    base="http://127.0.0.1:$balancer_port"
fi

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

if [ "$statements" -gt 0 ]; then
    "${psql_cmd[@]}" -d chibo -c "create extension if not exists pg_stat_statements" \
        -c "select pg_stat_statements_reset()" >/dev/null
fi

log "running the meeting evening"
"$java_bin" bench/evening/MeetingEvening.java base="$base" manifest="$work/manifest.tsv" \
    password=bench-password totp-secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP check-in-key="$CHIBO_CHECK_IN_KEY" \
    concurrency="$concurrency" deadline-seconds="$deadline" noop-requests="$noop_requests" \
    product-pid="$product_pids" pgbench-tps="$pgbench_tps" client="$client" \
    postgres-pid="$(head -1 "$work/pg/data/postmaster.pid")" \
    commits-command="psql -h 127.0.0.1 -p $pg_port -U postgres -At -c \"select xact_commit from pg_stat_database where datname = 'chibo'\""

echo
echo "Rows stored (expected: every member's answer, check-in and opinion; ballots of official members):"
"${psql_cmd[@]}" -d chibo -F ' ' -c "select 'answers', count(*) from meeting_response
    union all select 'present', count(*) from attendance where status like 'PRESENT%'
    union all select 'opinions', count(*) from opinion
    union all select 'ballots', count(*) from ballot
    union all select 'live events', count(*) from live_event"
if [ "$statements" -gt 0 ]; then
    echo
    echo "The $statements statements the evening ran most often (calls, mean ms, total s, statement):"
    "${psql_cmd[@]}" -d chibo -F ' | ' -c "select calls, round(mean_exec_time::numeric, 3),
        round((total_exec_time / 1000)::numeric, 1), regexp_replace(case when length(query) > 240
            then left(query, 120) || ' … ' || right(query, 120) else query end, '\s+', ' ', 'g')
        from pg_stat_statements order by calls desc limit $statements"
fi
for name in node-a node-b; do
    if [ -f "$work/$name.log" ] && grep -q ' ERROR ' "$work/$name.log"; then
        log "$name logged errors:"
        grep ' ERROR ' "$work/$name.log" | head -20 >&2
    fi
done
