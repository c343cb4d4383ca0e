# Shell functions for the benchmark scripts: find the JDK and PostgreSQL, start a throwaway PostgreSQL
# cluster on 127.0.0.1, and start product nodes with the bench profile. A script sources this file,
# sets `log` and the variable `work` (its temporary folder), and stops what it started in its own
# EXIT trap with stop_nodes and stop_postgres.

# Sets java_bin to the newest JDK 22+ under /usr/lib/jvm: the load generators use Java 22 features.
find_java() {
    java_bin=""
    for candidate in /usr/lib/jvm/*/bin/java; do
        if "$candidate" -version 2>&1 | grep -Eq 'version "(2[2-9]|[3-9][0-9])'; then
            java_bin=$candidate
        fi
    done
    [ -n "$java_bin" ] || { log "no Java 22+ under /usr/lib/jvm"; exit 1; }
}

# Sets pg_bin to the newest PostgreSQL server binaries (Debian's package postgresql).
find_postgres() {
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    [ -x "$pg_bin/initdb" ] || { log "no PostgreSQL server binaries under /usr/lib/postgresql (package postgresql)"; exit 1; }
}

# Exits when any of the given ports on 127.0.0.1 already accepts connections.
require_free_ports() {
    for port in "$@"; do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            log "port $port on 127.0.0.1 is in use; choose another with the script's settings"
            exit 1
        fi
    done
}

as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Starts a cluster in $work/pg on 127.0.0.1:$1 with the database chibo owned by the user chibo
# (password chibo). fsync and synchronous_commit stay on, as in production: they bound the commit rate.
start_postgres() {
    local port=$1
    # PostgreSQL runs as the user postgres when the script runs as root, and must reach its folder.
    chmod 711 "$work"
    mkdir -p "$work/pg"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$work/pg"
    as_postgres "$pg_bin/initdb" -D "$work/pg/data" -U postgres -A trust -E UTF8 >/dev/null
    as_postgres "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w \
        -o "-p $port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=200 ${pg_extra_options:-}" \
        start >/dev/null
    psql -h 127.0.0.1 -p "$port" -U postgres -q -At \
        -c "create user chibo with password 'chibo'" -c "create database chibo owner chibo"
}

stop_postgres() {
    if [ -n "${pg_bin:-}" ] && [ -d "$work/pg/data" ]; then
        as_postgres "$pg_bin/pg_ctl" -D "$work/pg/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
}

# Builds the product jar, extracts it into $work/app and sets jar to the extracted jar, as
# docs/deployment.md runs it. A node run from the executable jar with virtual threads once hung on the
# lock of a nested jar under load (spring-projects/spring-boot#51463). The extracted layout reads plain jars.
build_jar() {
    local packaged
    # Offline first; the first repackaging may need spring-boot-loader-tools from Maven Central.
    mvn -o -q -B package -DskipTests || mvn -q -B package -DskipTests
    packaged=$(ls target/chibo-*.jar | grep -v plain | head -1)
    "$java_bin" -Djarmode=tools -jar "$packaged" extract --destination "$work/app" >/dev/null
    jar="$work/app/$(basename "$packaged")"
}

# Starts a product node with the bench profile in the background:
#   start_node NAME APP_PORT PG_PORT [ARGUMENTS...]
# Its log is $work/NAME.log and its process id is appended to node_pids. Every node of one run shares
# the key files and the file store in $work, as the nodes of one deployment do. The environment
# variables CHIBO_BENCH_* and CHIBO_CHECK_IN_KEY that the caller exports reach the node.
start_node() {
    local name=$1 app_port=$2 pg_port=$3
    shift 3
    SPRING_PROFILES_ACTIVE=bench \
    SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$pg_port/chibo" \
    SPRING_DATASOURCE_USERNAME=chibo SPRING_DATASOURCE_PASSWORD=chibo \
    CHIBO_FILES_ROOT="$work/files" \
        "$java_bin" -jar "$jar" --server.address=127.0.0.1 --server.port="$app_port" \
        --chibo.crypto.lookup-key-file="$work/lookup-key" --chibo.crypto.data-key-file="$work/data-key" \
        --chibo.video.room-key-file="$work/video-room-key" --chibo.backup.folder="$work/backups" \
        --logging.level.vn.chibo=WARN --logging.level.vn.chibo.bench=INFO "$@" \
        > "$work/$name.log" 2>&1 &
    node_pids+=("$!")
}

# Waits until the node's log contains the text, or fails when the node ended or $2 seconds passed.
wait_for_log() {
    local name=$1 deadline=$2 text=$3 pid=$4 started
    started=$(date +%s)
    until grep -q "$text" "$work/$name.log"; do
        sleep 1
        if ! kill -0 "$pid" 2>/dev/null; then
            log "node $name ended before it logged \"$text\":"
            tail -50 "$work/$name.log" >&2
            exit 1
        fi
        if [ $(( $(date +%s) - started )) -gt "$deadline" ]; then
            log "node $name did not log \"$text\" within $deadline s"
            exit 1
        fi
    done
}

stop_nodes() {
    for pid in "${node_pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${node_pids[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
}

# Starts nginx in front of the nodes, round robin, as a user without root rights:
#   start_nginx PORT APP_PORT...
# Its files are in $work/nginx; stop it with stop_nginx. Needs Debian's package nginx.
start_nginx() {
    local port=$1 upstreams="" app_port
    shift
    command -v nginx >/dev/null || { log "no nginx on the PATH (Debian's package nginx)"; exit 1; }
    for app_port in "$@"; do
        upstreams+="        server 127.0.0.1:$app_port max_fails=1 fail_timeout=10s;"$'\n'
    done
    chmod 711 "$work"
    mkdir -p "$work/nginx"
    sed -e "s#@PREFIX@#$work/nginx#g" -e "s#@PORT@#$port#g" \
        -e "s#@PROXY_CONF@#$PWD/docs/nginx/chibo-proxy.conf#g" bench/lib/nginx.conf.template \
        | awk -v upstreams="$upstreams" '{ if ($0 == "@UPSTREAMS@") printf "%s", upstreams; else print }' \
        > "$work/nginx/nginx.conf"
    if [ "$(id -u)" -eq 0 ]; then
        chown -R nobody:nogroup "$work/nginx"
        # setpriv, unlike runuser, keeps this shell's open-files limit: PAM would lower it to 1024,
        # too few for thousands of live streams.
        setpriv --reuid=nobody --regid=nogroup --clear-groups -- \
            nginx -p "$work/nginx" -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf"
    else
        nginx -p "$work/nginx" -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf"
    fi
}

stop_nginx() {
    if [ -f "$work/nginx/nginx.pid" ]; then
        kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null || true
    fi
}
