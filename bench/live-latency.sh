#!/usr/bin/env bash
# Live-update latency and fan-out. Opens N live streams on a meeting in progress, on one product node or
# spread over two nodes on one PostgreSQL, and lets the secretary open and close votes on node A. Reports
# when each stream received each change, the memory per open stream and the CPU use. Starts a
# throwaway PostgreSQL and the nodes on 127.0.0.1 only, and stops them on exit. See bench/README.md.
#
# Usage: bench/live-latency.sh [--nodes 1|2] [--clients N] [--changes K] [--spacing-ms MS] [--gzip on|off]
#   --nodes      product nodes on the same database (default 2); the changes are made on node A
#   --clients    open live streams in all (default 5000 with one node, 2000 with two), half per node
#   --changes    measured changes (default 50), after 4 more for warm-up
#   --spacing-ms time from one change's request to the next, in milliseconds (default 1000)
#   --gzip       whether the streams accept gzip as browsers do, so that the nodes compress them (default on)
# Environment: BENCH_LIVE_PORT_A (8160), BENCH_LIVE_PORT_B (8161), BENCH_LIVE_PG_PORT (55460),
# BENCH_LIVE_LOG_DIR (a folder to keep the nodes' logs in), BENCH_LIVE_PRODUCT_ARGS (more arguments for
# every node, such as --server.compression.mime-types=text/html,text/event-stream to try a setting).
set -euo pipefail

cd "$(dirname "$0")/.."
log() { printf 'live-latency: %s\n' "$*" >&2; }
# shellcheck source=bench/lib/cluster.sh
. bench/lib/cluster.sh

nodes=2
clients=""
changes=50
spacing_ms=1000
gzip=on
while [ $# -gt 0 ]; do
    case "$1" in
        --nodes) nodes=$2; shift 2 ;;
        --clients) clients=$2; shift 2 ;;
        --changes) changes=$2; shift 2 ;;
        --spacing-ms) spacing_ms=$2; shift 2 ;;
        --gzip) gzip=$2; shift 2 ;;
        *) log "unknown option $1; see the usage at the top of $0"; exit 2 ;;
    esac
done
case "$nodes" in 1|2) ;; *) log "--nodes must be 1 or 2, not $nodes"; exit 2 ;; esac
case "$gzip" in on|off) ;; *) log "--gzip must be on or off, not $gzip"; exit 2 ;; esac
if [ -z "$clients" ]; then
    if [ "$nodes" -eq 1 ]; then clients=5000; else clients=2000; fi
fi
# Each stream needs a file descriptor in the load generator and one in a node.
if [ "$clients" -lt 1 ] || [ "$clients" -gt 20000 ]; then
    log "--clients must be between 1 and 20000, not $clients"; exit 2
fi
if [ "$changes" -lt 1 ] || [ "$changes" -gt 1000 ]; then
    log "--changes must be between 1 and 1000, not $changes"; exit 2
fi
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $(( clients + 1000 )) ]; then
    ulimit -n $(( clients + 1000 )) 2>/dev/null \
        || { log "the open-files limit $(ulimit -n) is too low for $clients streams; raise it with ulimit -n"; exit 1; }
fi

# Split into words on purpose: each word is one argument of the nodes.
read -r -a product_args <<< "${BENCH_LIVE_PRODUCT_ARGS:-}"
port_a=${BENCH_LIVE_PORT_A:-8160}
port_b=${BENCH_LIVE_PORT_B:-8161}
pg_port=${BENCH_LIVE_PG_PORT:-55460}
find_java
find_postgres
if [ "$nodes" -eq 2 ]; then require_free_ports "$port_a" "$port_b" "$pg_port"; else require_free_ports "$port_a" "$pg_port"; fi

work=$(mktemp -d /tmp/chibo-live.XXXXXX)
node_pids=()
cleanup() {
    stop_nodes
    if [ -n "${BENCH_LIVE_LOG_DIR:-}" ]; then
        mkdir -p "$BENCH_LIVE_LOG_DIR"
        cp "$work"/node-*.log "$BENCH_LIVE_LOG_DIR"/ 2>/dev/null || true
    fi
    stop_postgres
    rm -rf "$work"
}
trap cleanup EXIT

log "building the jar"
build_jar
log "starting PostgreSQL ($pg_bin) on 127.0.0.1:$pg_port"
start_postgres "$pg_port"

# One cell is enough: every stream listens to its meeting, so that each change reaches all of them.
export CHIBO_BENCH_CELLS=1 CHIBO_BENCH_MANIFEST="$work/manifest.tsv"
CHIBO_CHECK_IN_KEY=$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=' | head -c 48)
export CHIBO_CHECK_IN_KEY
log "starting node A on 127.0.0.1:$port_a"
start_node node-a "$port_a" "$pg_port" "${product_args[@]}"
wait_for_log node-a 300 "Bench data loaded" "${node_pids[0]}"
if [ "$nodes" -eq 2 ]; then
    # Node B starts once A has migrated the schema and generated the data, and must not generate again.
    log "starting node B on 127.0.0.1:$port_b"
    CHIBO_BENCH_GENERATE=false start_node node-b "$port_b" "$pg_port" "${product_args[@]}"
    wait_for_log node-b 300 "no bench data was generated" "${node_pids[1]}"
fi

log "compiling the load generator"
mkdir -p "$work/classes"
"$(dirname "$java_bin")/javac" -d "$work/classes" bench/evening/*.java bench/live/*.java

generator_args=(base-a="http://127.0.0.1:$port_a" pid-a="${node_pids[0]}")
if [ "$nodes" -eq 2 ]; then
    generator_args+=(base-b="http://127.0.0.1:$port_b" pid-b="${node_pids[1]}")
fi
log "load before the run: $(uptime)"
log "running the load generator: $clients streams, $changes changes"
# The generator needs the heap for thousands of streams; 1 GB leaves the rest of the machine to the nodes.
"$java_bin" -Xmx1g -cp "$work/classes" LiveLatency "${generator_args[@]}" manifest="$work/manifest.tsv" \
    password=bench-password totp-secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP clients="$clients" \
    changes="$changes" spacing-millis="$spacing_ms" gzip="$([ "$gzip" = on ] && echo true || echo false)" \
    events-command="psql -h 127.0.0.1 -p $pg_port -U postgres -d chibo -At -c \"select id from live_event where meeting_id = %d and part = 'VOTES' order by id\""
log "load after the run: $(uptime)"
for name in node-a node-b; do
    if [ -f "$work/$name.log" ] && grep -q ' ERROR ' "$work/$name.log"; then
        log "$name logged errors:"
        grep ' ERROR ' "$work/$name.log" | head -20 >&2
    fi
done
