#!/usr/bin/env bash
# Measures what the product's budgets name for the embedded mode: start-up time, resident memory
# after start, and the compressed bytes a member's phone downloads for the main pages (HTML plus
# the stylesheet and scripts they load). Builds the jar, starts it with the demo data on an
# in-memory H2 database on 127.0.0.1 with the JVM options of the README's command, signs in as the
# demo village secretary (with the second factor that demo mode shows) and member, prints a table
# and stops the server.
#
# Usage: bench/page-weight.sh [port]
set -euo pipefail

cd "$(dirname "$0")/.."
port=${1:-8097}
base="http://127.0.0.1:$port"
work=$(mktemp -d)
java_bin=""
for candidate in /usr/lib/jvm/*/bin/java; do
    if "$candidate" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then
        java_bin=$candidate
    fi
done
[ -n "$java_bin" ] || { echo "no Java 21+ under /usr/lib/jvm" >&2; exit 1; }

mvn -q -B package -DskipTests
jar=$(ls target/chibo-*.jar | head -1)

# A server still running on the port (an earlier run that is stopping, say) would be measured instead.
if curl -s -o /dev/null "$base/login"; then
    echo "port $port is already in use; stop the server on it or give another port" >&2
    exit 1
fi

started=$(date +%s%N)
SPRING_PROFILES_ACTIVE=demo "$java_bin" -XX:TieredStopAtLevel=1 -Xmx256m -jar "$jar" \
    --server.address=127.0.0.1 --server.port="$port" \
    --spring.datasource.url="jdbc:h2:mem:bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
    --chibo.files.root="$work/files" > "$work/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
# The demo data loads just after the server starts responding, so wait for it, or sign-in fails.
until grep -q "Demo data loaded" "$work/app.log"; do
    sleep 0.2
    kill -0 $pid 2>/dev/null || { cat "$work/app.log" >&2; exit 1; }
done
ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
rss_kb=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)

csrf_of() {
    grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'
}

# Signs in with the demo password. For an officer's account it then enters the second factor: the
# current code that the demo mode's code page shows.
sign_in() {
    rm -f "$work/jar"
    local csrf target page code
    csrf=$(curl -s -c "$work/jar" -b "$work/jar" "$base/login" | csrf_of)
    target=$(curl -s -c "$work/jar" -b "$work/jar" -o /dev/null -w '%{redirect_url}' \
        -d "username=$1&password=chibo-demo&_csrf=$csrf" "$base/login")
    if [[ "$target" == */second-factor ]]; then
        page=$(curl -s -c "$work/jar" -b "$work/jar" "$base/second-factor")
        code=$(printf '%s' "$page" | tr '\n' ' ' | grep -o 'demo-code[^<]*' | grep -o '[0-9]\{6\}' | head -1)
        csrf=$(printf '%s' "$page" | csrf_of)
        curl -s -c "$work/jar" -b "$work/jar" -o /dev/null -d "code=$code&_csrf=$csrf" "$base/second-factor"
    fi
}

# Prints the compressed size of a page and of every stylesheet and script it loads.
weigh() {
    local path=$1 html assets total size
    html=$(curl -s -b "$work/jar" "$base$path")
    total=$(curl -s -b "$work/jar" -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$base$path")
    assets=$(printf '%s' "$html" | grep -o '\(href\|src\)="/\(css\|js\|webjars\)/[^"]*"' | sed 's/^[a-z]*="//;s/"$//')
    for asset in $assets; do
        size=$(curl -s -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$base$asset")
        total=$((total + size))
    done
    printf '| %s | %d |\n' "$path" "$total"
}

echo "| Page (demo data) | Bytes transferred, gzip, HTML + CSS + JS |"
echo "|---|---|"
sign_in 0912104729
weigh /
weigh /cells/2
weigh /cells/2/members
weigh /cells/2/meetings/new
# The village cell's own demo document, with its readers report and access log.
weigh /documents/3
sign_in 0912418916
weigh /
weigh /cells/2/meetings
# The demo meeting of the village cell, with its agenda, opinions and the forms to post one.
weigh /meetings/1
# The library, and the commune's internal study material issued to the cell.
weigh /documents
weigh /documents/1
# The member handbook: its contents and its longest pages.
weigh /handbook
weigh /handbook/cell-meeting
weigh /handbook/using-the-app
echo
echo "Started and answering after ${ready_ms} ms; resident memory ${rss_kb} kB."
