#!/usr/bin/env bash
# Faults during a meeting evening, on two product nodes behind nginx and one PostgreSQL: one node
# killed with SIGKILL mid-vote, PostgreSQL stopped and started again, and the file store full. Each
# scenario reports pass or fail with its figures; the script then checks the database with SQL. It
# starts everything on 127.0.0.1 only and stops it on exit. See bench/README.md.
#
# Usage: bench/faults.sh [--cells N] [--outage-seconds S]
#   --cells           generated cells of 36 members (default 6)
#   --outage-seconds  how long PostgreSQL stays stopped (default 20)
# Environment: BENCH_FAULTS_PORT (nginx, 8140), BENCH_FAULTS_PORT_A (8141), BENCH_FAULTS_PORT_B (8142),
# BENCH_FAULTS_PG_PORT (55441), BENCH_FAULTS_LOG_DIR (a folder to keep the logs in).
# Runs as root: it mounts a small tmpfs as the file store, to fill it.
set -euo pipefail

cd "$(dirname "$0")/.."
log() { printf 'faults: %s\n' "$*" >&2; }
# shellcheck source=bench/lib/cluster.sh
. bench/lib/cluster.sh

cells=6
outage_seconds=20
while [ $# -gt 0 ]; do
    case "$1" in
        --cells) cells=$2; shift 2 ;;
        --outage-seconds) outage_seconds=$2; shift 2 ;;
        *) log "unknown option $1; see the usage at the top of $0"; exit 2 ;;
    esac
done
if [ "$cells" -lt 1 ] || [ "$cells" -gt 100 ]; then
    log "--cells must be between 1 and 100, not $cells"; exit 2
fi
if [ "$outage_seconds" -lt 1 ] || [ "$outage_seconds" -gt 120 ]; then
    log "--outage-seconds must be between 1 and 120, not $outage_seconds"; exit 2
fi
[ "$(id -u)" -eq 0 ] || { log "run as root: the file store is a tmpfs that the script mounts and fills"; exit 1; }

balancer_port=${BENCH_FAULTS_PORT:-8140}
port_a=${BENCH_FAULTS_PORT_A:-8141}
port_b=${BENCH_FAULTS_PORT_B:-8142}
pg_port=${BENCH_FAULTS_PG_PORT:-55441}
find_java
find_postgres
require_free_ports "$balancer_port" "$port_a" "$port_b" "$pg_port"

work=$(mktemp -d /tmp/chibo-faults.XXXXXX)
node_pids=()
cleanup() {
    stop_nginx
    stop_nodes
    if [ -n "${BENCH_FAULTS_LOG_DIR:-}" ]; then
        mkdir -p "$BENCH_FAULTS_LOG_DIR"
        cp "$work"/node-*.log "$work"/nginx/error.log "$work"/pg/server.log "$BENCH_FAULTS_LOG_DIR"/ 2>/dev/null || true
    fi
    stop_postgres
    umount "$work/files" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# The file store is a 4 MB tmpfs, shared by both nodes as a deployment shares its store.
mkdir -p "$work/files"
mount -t tmpfs -o size=4m,mode=0755 chibo-faults "$work/files"

log "building the jar"
build_jar
log "starting PostgreSQL ($pg_bin) on 127.0.0.1:$pg_port"
start_postgres "$pg_port"
psql_cmd=(psql -h 127.0.0.1 -p "$pg_port" -U postgres -d chibo -q -At)

export CHIBO_BENCH_CELLS=$cells CHIBO_BENCH_MANIFEST="$work/manifest.tsv"
CHIBO_CHECK_IN_KEY=$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=' | head -c 48)
export CHIBO_CHECK_IN_KEY
log "starting node A on 127.0.0.1:$port_a"
start_node node-a "$port_a" "$pg_port"
wait_for_log node-a 300 "Bench data loaded" "${node_pids[0]}"
log "starting node B on 127.0.0.1:$port_b"
CHIBO_BENCH_GENERATE=false start_node node-b "$port_b" "$pg_port"
wait_for_log node-b 300 "no bench data was generated" "${node_pids[1]}"
log "starting nginx on 127.0.0.1:$balancer_port in front of both nodes"
start_nginx "$balancer_port" "$port_a" "$port_b"

# The commands the load generator runs at the moment of each fault.
cat > "$work/database-stop.sh" <<EOF
runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg/data" -m fast -w stop >/dev/null
EOF
cat > "$work/database-start.sh" <<EOF
runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w \
    -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
EOF
# dd stops with "No space left on device" once the tmpfs is full, which is the point.
cat > "$work/disk-fill.sh" <<EOF
dd if=/dev/zero of="$work/files/filler" bs=64k 2>/dev/null || true
df -k "$work/files" | tail -1
EOF

log "compiling the load generator"
mkdir -p "$work/classes"
"$(dirname "$java_bin")/javac" -d "$work/classes" bench/evening/*.java bench/faults/*.java
log "load before the run: $(uptime)"
generator_status=0
"$java_bin" -cp "$work/classes" Faults base="http://127.0.0.1:$balancer_port" manifest="$work/manifest.tsv" \
    password=bench-password totp-secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP check-in-key="$CHIBO_CHECK_IN_KEY" \
    acknowledged="$work/acknowledged.tsv" upload-file=src/test/resources/documents/du-thao-nghi-quyet-thang-12.pdf \
    kill-command="kill -9 ${node_pids[1]}" \
    database-stop-command="sh $work/database-stop.sh" database-start-command="sh $work/database-start.sh" \
    outage-seconds="$outage_seconds" \
    disk-fill-command="sh $work/disk-fill.sh" disk-free-command="rm -f $work/files/filler" \
    events-command="psql -h 127.0.0.1 -p $pg_port -U postgres -d chibo -At -F '|' -c 'select id, meeting_id, part from live_event order by id'" \
    || generator_status=$?
log "load after the run: $(uptime)"

echo "Checks in the database:"
"${psql_cmd[@]}" -c "create table bench_acknowledged (kind varchar(20), ref_id bigint, username varchar(60))"
"${psql_cmd[@]}" -c "\\copy bench_acknowledged from '$work/acknowledged.tsv'"
failed=0
# Prints PASS or FAIL for a check whose query returns 0 when it holds.
check() {
    local description=$1 query=$2 count
    count=$("${psql_cmd[@]}" -c "$query")
    if [ "$count" = 0 ]; then
        echo "- PASS: $description"
    else
        echo "- FAIL: $description ($count found)"
        failed=1
    fi
}
echo "- acknowledged: $("${psql_cmd[@]}" -c "select string_agg(kind || ' ' || n, ', ') from (select kind, count(*) n,
    count(distinct (ref_id, username)) from bench_acknowledged group by kind) counts")"
check "every acknowledged check-in is stored as present" "select count(*) from bench_acknowledged a
    join account ac on ac.username = a.username
    where a.kind = 'check-in' and not exists (select 1 from attendance t where t.meeting_id = a.ref_id
        and t.member_id = ac.member_id and t.status like 'PRESENT%')"
check "every acknowledged ballot is stored (open ballots, or the roll of a secret ballot)" "select count(*)
    from bench_acknowledged a join account ac on ac.username = a.username
    where a.kind = 'ballot' and not exists (select 1 from ballot b where b.motion_id = a.ref_id and b.member_id = ac.member_id)
        and not exists (select 1 from secret_ballot_roll r where r.motion_id = a.ref_id and r.member_id = ac.member_id)"
check "no member has two ballots on one motion" "select count(*) from (select motion_id, member_id from ballot
    group by motion_id, member_id having count(*) > 1) twice"
check "no member is twice in the roll of a secret ballot" "select count(*) from (select motion_id, member_id
    from secret_ballot_roll group by motion_id, member_id having count(*) > 1) twice"
check "no member has two attendance rows in one meeting" "select count(*) from (select meeting_id, member_id
    from attendance group by meeting_id, member_id having count(*) > 1) twice"
check "every secret ballot has its roll entry and every roll entry its ballot (same count per motion)" "select count(*)
    from (select motion_id, count(*) n from secret_ballot group by motion_id) b
    full join (select motion_id, count(*) n from secret_ballot_roll group by motion_id) r using (motion_id)
    where b.n is distinct from r.n"
check "the refused upload left no stored-file row (one row: the upload after the space was freed)" \
    "select abs(count(*) - 1) from stored_file"
check "the refused upload left no partial file in the store" \
    "select $(find "$work/files" -name '*.part' | wc -l)"
echo "- files in the store: $(find "$work/files" -type f | wc -l), $(df -k "$work/files" | awk 'NR == 2 {print $3}') kB used"
"${psql_cmd[@]}" -c "drop table bench_acknowledged"

for name in node-a node-b; do
    if grep -q ' ERROR ' "$work/$name.log"; then
        log "$name logged errors (first 10):"
        grep ' ERROR ' "$work/$name.log" | head -10 >&2
    fi
done
log "warnings about the database outage logged by node A: $(grep -c 'the database is unavailable' "$work/node-a.log" || true)"
if [ "$generator_status" -ne 0 ] || [ "$failed" -ne 0 ]; then
    log "FAILED"
    exit 1
fi
log "all checks passed"
