#!/usr/bin/env bash
# The embedded mode with a commune of 1,000 members: builds the jar, generates the commune (40 cells,
# a year of meetings) once into an H2 file database in a temporary folder with the commune profile,
# then starts the product on that file several times as the README's first command does (H2 under
# ./data, demo profile) and reports the time until it answers and until its start-up work is done,
# its resident memory after start and after a tour of pages as a cell secretary and as the commune
# committee, and the size of the H2 file. Everything listens on 127.0.0.1 only and stops on exit.
# See bench/README.md.
#
# Usage: bench/embedded.sh [starts]   (default 3 starts on the generated file)
# Environment: BENCH_EMBEDDED_PORT (8170), BENCH_EMBEDDED_JAVA_OPTIONS (JVM options of the measured
# starts; default the options of the documented run command), BENCH_EMBEDDED_KEEP (a folder to copy
# the generated data and the logs to), BENCH_EMBEDDED_REUSE (such a kept folder, whose data/ is copied
# in place of a new generation), CHIBO_COMMUNE_MEMBERS, CHIBO_COMMUNE_CELLS, CHIBO_COMMUNE_MONTHS
# (the commune's size, 1000, 40 and 12).
set -euo pipefail

cd "$(dirname "$0")/.."
log() { printf 'embedded: %s\n' "$*" >&2; }
# shellcheck source=bench/lib/cluster.sh
. bench/lib/cluster.sh

starts=${1:-3}
if ! [[ "$starts" =~ ^[0-9]+$ ]] || [ "$starts" -lt 1 ] || [ "$starts" -gt 10 ]; then
    log "starts must be a number from 1 to 10, not $starts"; exit 2
fi
port=${BENCH_EMBEDDED_PORT:-8170}
base="http://127.0.0.1:$port"
# The JVM options with which the README's first command, mvn spring-boot:run, starts the product: the
# heap limit of the pom's jvmArguments, and -XX:TieredStopAtLevel=1, which the Spring Boot Maven
# plugin adds by itself (its optimizedLaunch parameter, true by default).
read -r -a java_options <<< "${BENCH_EMBEDDED_JAVA_OPTIONS--XX:TieredStopAtLevel=1 -Xmx256m}"
generation_deadline=1800
start_deadline=120

find_java
require_free_ports "$port"
work=$(mktemp -d)
pid=""
stop_product() {
    if [ -n "$pid" ]; then
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        pid=""
    fi
}
cleanup() {
    stop_product
    if [ -n "${BENCH_EMBEDDED_KEEP:-}" ]; then
        mkdir -p "$BENCH_EMBEDDED_KEEP" && cp -r "$work"/. "$BENCH_EMBEDDED_KEEP"/
    fi
    rm -rf "$work"
}
trap cleanup EXIT

mvn -q -B package -DskipTests
jar=$(ls "$PWD"/target/chibo-*.jar | grep -v plain | head -1)
"$(dirname "$java_bin")/javac" -d "$work/classes" bench/embedded/*.java bench/evening/Browser.java \
    bench/evening/Load.java bench/evening/Recorder.java bench/evening/Codes.java

# Starts the product in $work, so that its H2 file and keys are under $work/data as under ./data.
start_product() {
    local name=$1
    shift
    (cd "$work" && exec "$java_bin" "$@" -jar "$jar" --server.address=127.0.0.1 --server.port="$port") \
        > "$work/$name.log" 2>&1 &
    pid=$!
}

# Waits until the log of the running product contains the text; fails after $2 seconds.
wait_for() {
    local name=$1 deadline=$2 text=$3 started
    started=$(date +%s)
    until grep -q "$text" "$work/$name.log"; do
        sleep 0.05
        if ! kill -0 "$pid" 2>/dev/null; then
            log "the product ended before it logged \"$text\":"; tail -40 "$work/$name.log" >&2; exit 1
        fi
        if [ $(( $(date +%s) - started )) -gt "$deadline" ]; then
            log "the product did not log \"$text\" within $deadline s"; exit 1
        fi
    done
}

# The CPU time (user and system) that the product has used so far, in seconds: on a shared machine it
# compares starts better than their wall-clock time.
cpu_seconds() {
    awk -v ticks="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / ticks }' "/proc/$pid/stat"
}

rss_mb() {
    awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$pid/status"
}

log "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
generation_seconds=0
if [ -n "${BENCH_EMBEDDED_REUSE:-}" ]; then
    [ -f "$BENCH_EMBEDDED_REUSE/data/chibo.mv.db" ] \
        || { log "$BENCH_EMBEDDED_REUSE/data/chibo.mv.db not found; give a folder that BENCH_EMBEDDED_KEEP filled"; exit 2; }
    cp -r "$BENCH_EMBEDDED_REUSE/data" "$work/data"
    log "reusing the commune of $BENCH_EMBEDDED_REUSE"
else
    log "generating the commune into $work/data (a few minutes)"
    generation_started=$(date +%s)
    SPRING_PROFILES_ACTIVE=commune start_product generate -Xmx1g
    wait_for generate "$generation_deadline" "Commune generated"
    generation_seconds=$(( $(date +%s) - generation_started ))
    stop_product
    grep -o "Commune generated: .*" "$work/generate.log" | sed 's/; manifest.*//' >&2
fi
database_mb=$(du -m "$work/data/chibo.mv.db" | cut -f1)

# Rows that a year left, counted with H2's own shell from the product's jar.
h2_jar=$(unzip -Z1 "$jar" | grep 'BOOT-INF/lib/h2-.*\.jar$')
unzip -q -o -j "$jar" "$h2_jar" -d "$work/h2"
"$java_bin" -cp "$work"/h2/h2-*.jar org.h2.tools.Shell \
    -url "jdbc:h2:file:$work/data/chibo;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" -user chibo -password "" \
    -sql "select (select count(*) from member) members, (select count(*) from meeting) meetings,
                 (select count(*) from attendance) attendance, (select count(*) from opinion) opinions,
                 (select count(*) from ballot) ballots, (select count(*) from minutes) minutes,
                 (select count(*) from resolution) resolutions, (select count(*) from notification) notifications,
                 (select count(*) from audit_event) audit_events, (select count(*) from event_publication) event_publications" >&2

echo "| Start | Answers (/login 200), s | Ready (start-up work done), s | CPU until ready, s | RSS after start, MB | RSS after the tour, MB | Peak RSS, MB | Load average |"
echo "|---|---|---|---|---|---|---|---|"
for run in $(seq 1 "$starts"); do
    started=$(date +%s%N)
    SPRING_PROFILES_ACTIVE=demo start_product "start-$run" "${java_options[@]}"
    until curl -s -o /dev/null -w '%{http_code}' "$base/login" 2>/dev/null | grep -q 200; do
        sleep 0.05
        kill -0 "$pid" 2>/dev/null || { log "the product ended during start $run"; tail -40 "$work/start-$run.log" >&2; exit 1; }
        if [ $(( ($(date +%s%N) - started) / 1000000000 )) -gt "$start_deadline" ]; then
            log "the product did not answer within $start_deadline s"; exit 1
        fi
    done
    answered_ms=$(( ($(date +%s%N) - started) / 1000000 ))
    wait_for "start-$run" "$start_deadline" "Ready: start-up work done"
    ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
    cpu_ready=$(cpu_seconds)
    rss_start=$(rss_mb)
    if ! "$java_bin" -cp "$work/classes" CommuneTour base="$base" manifest="$work/data/commune-manifest.properties" \
        > "$work/tour-$run.md"; then
        log "the tour of start $run failed:"; cat "$work/tour-$run.md" >&2; exit 1
    fi
    rss_tour=$(rss_mb)
    peak=$(awk '/^VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$pid/status")
    printf '| %d | %.1f | %.1f | %s | %s | %s | %s | %s |\n' "$run" "$(bc <<< "scale=1; $answered_ms / 1000")" \
        "$(bc <<< "scale=1; $ready_ms / 1000")" "$cpu_ready" "$rss_start" "$rss_tour" "$peak" "$(cut -d' ' -f1-3 /proc/loadavg)"
    stop_product
done

echo
echo "Tour of the last start (each page read twice):"
echo
cat "$work/tour-$starts.md"
echo
echo "Generation: ${generation_seconds} s. H2 file after the starts: $(du -m "$work/data/chibo.mv.db" | cut -f1) MB" \
    "(${database_mb} MB after the generation). JVM options of the starts: ${java_options[*]:-none}."
