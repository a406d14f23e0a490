#!/usr/bin/env bash
# A three-node MariaDB Galera cluster on loopback with HAProxy in front, for fault benchmarks of the service.
# Everything (configs, data, logs, sockets, pid files) lives under $GALERA_BASE_DIR, away from the system
# MariaDB on 3306. Run as root. `galera.sh help` for usage.
set -euo pipefail

BASE=${GALERA_BASE_DIR:-/tmp/galera-cluster}
TIMEOUT=${GALERA_TIMEOUT:-300}
BUFFER_POOL=${GALERA_BUFFER_POOL:-256M}
GCACHE=${GALERA_GCACHE_SIZE:-256M}
EXTRA_PROVIDER_OPTIONS=${GALERA_PROVIDER_OPTIONS:-}
DATABASE_NAME=${DATABASE_NAME:-ecommerce_cluster}
DATABASE_USER=${DATABASE_USER:-ecommerce}
DATABASE_PASSWORD=${DATABASE_PASSWORD:-cluster-secret}
CHECK_USER=clustercheck
CHECK_PASSWORD=${GALERA_CHECK_PASSWORD:-clustercheck-secret}

NODES=(1 2 3)
PROXY_PORT=3310                 # node N: SQL 3310+N, gcomm 4570+N, IST 4580+N, rsync SST 4590+N
MARIADBD=/usr/sbin/mariadbd
HAPROXY=/usr/sbin/haproxy
PROVIDER=/usr/lib/galera/libgalera_smm.so
PACKAGES=(galera-4 haproxy rsync socat)
MARKER=$BASE/.created-by-galera-sh
HDIR=$BASE/haproxy

usage() {
    cat <<EOF
usage: $0 up | down | status | kill N | start N | sql N "statement"

  up          install missing packages, start nodes 1-3 (node 1 bootstraps), wait until all are Synced,
              create the database and user, start HAProxy on 127.0.0.1:$PROXY_PORT (node 1 active,
              nodes 2 and 3 backups) and print the JDBC address
  down        stop HAProxy and all nodes, remove the base directory
  kill N      SIGKILL node N; wait until the other nodes see the smaller cluster and HAProxy has N down
  start N     start node N so it rejoins (IST when it can); wait until it is Synced, the cluster whole and
              HAProxy has N up; report IST or SST and the times
  status      per node: process, cluster size, state, wsrep_ready; HAProxy's view and current target
  sql N STMT  run STMT on node N as root over its socket (tab-separated, no column names)

environment: GALERA_BASE_DIR ($BASE), GALERA_TIMEOUT seconds per wait ($TIMEOUT),
  GALERA_BUFFER_POOL ($BUFFER_POOL), GALERA_GCACHE_SIZE ($GCACHE), GALERA_PROVIDER_OPTIONS (more
  wsrep_provider_options, such as evs.suspect_timeout=PT3S), DATABASE_NAME ($DATABASE_NAME),
  DATABASE_USER ($DATABASE_USER), DATABASE_PASSWORD, GALERA_CHECK_PASSWORD
EOF
}

die() { echo "galera.sh: error: $*" >&2; exit 1; }
say() { echo "galera.sh: $*"; }

now_ms() { local t=${EPOCHREALTIME//[.,]/}; echo $((t / 1000)); }
since() { local ms=$(($(now_ms) - $1)); printf '%d.%01d s' $((ms / 1000)) $((ms % 1000 / 100)); }

node_dir() { echo "$BASE/node$1"; }
node_cnf() { echo "$BASE/node$1/my.cnf"; }
node_sock() { echo "$BASE/node$1/mysqld.sock"; }
node_log() { echo "$BASE/node$1/error.log"; }
node_port() { echo $((PROXY_PORT + $1)); }

check_node_arg() {
    [[ ${1:-} =~ ^[123]$ ]] || die "node must be 1, 2 or 3, not '${1:-}'"
}

# The pid of our process whose command line contains $2, read from pid file $1; fails if none (a stale pid
# file whose pid now belongs to someone else, such as the system mariadbd, does not count).
pid_from() {
    local pid
    [[ -r $1 ]] || return 1
    pid=$(<"$1")
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -qF -- "$2" || return 1
    echo "$pid"
}
node_pid() { pid_from "$(node_dir "$1")/mariadbd.ssd.pid" "--defaults-file=$(node_cnf "$1")"; }
haproxy_pid() { pid_from "$HDIR/haproxy.ssd.pid" "$HDIR/haproxy.cfg"; }

running_nodes() {
    local n
    for n in "${NODES[@]}"; do
        if node_pid "$n" >/dev/null; then echo "$n"; fi
    done
}

q() {  # q N SQL: run SQL on node N as root over its socket
    mariadb --no-defaults --socket="$(node_sock "$1")" -uroot --connect-timeout=2 -N -B -e "$2"
}

# "size|state|ready|cluster status" of node N, or failure when it does not answer.
node_info() {
    local out
    out=$(q "$1" "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_cluster_size', 'wsrep_local_state_comment',
                  'wsrep_ready', 'wsrep_cluster_status')" 2>/dev/null) || return 1
    awk -F'\t' '{ v[$1] = $2 } END {
        printf "%s|%s|%s|%s\n", v["wsrep_cluster_size"], v["wsrep_local_state_comment"], v["wsrep_ready"],
               v["wsrep_cluster_status"] }' <<<"$out"
}

node_synced() {
    local info
    info=$(node_info "$1") || return 1
    [[ $info == *"|Synced|ON|Primary" ]]
}

# Every running node is Synced, Primary and sees exactly the running nodes.
cluster_settled() {
    local n info running
    running=$(running_nodes | wc -l)
    ((running > 0)) || return 1
    for n in $(running_nodes); do
        info=$(node_info "$n") || return 1
        [[ $info == "$running|Synced|ON|Primary" ]] || return 1
    done
}

wait_for() {  # wait_for SECONDS DESCRIPTION COMMAND...: poll COMMAND until it succeeds
    local limit=$1 what=$2 deadline=$((SECONDS + $1))
    shift 2
    until "$@"; do
        ((SECONDS < deadline)) || die "timed out after $limit s waiting for $what"
        sleep 0.3
    done
}

port_in_use() { [[ -n $(ss -Hltn "sport = :$1") ]]; }

sql_str() {
    local s=${1//\\/\\\\}
    s=${s//\'/\\\'}
    printf "'%s'" "$s"
}

need_root() { ((EUID == 0)) || die "run as root (nodes run as user mysql through start-stop-daemon --chuid)"; }

install_packages() {
    local p missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    ((${#missing[@]} == 0)) && return 0
    say "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y "${missing[@]}" >/dev/null ||
        { apt-get update >/dev/null && apt-get install -y "${missing[@]}" >/dev/null; } ||
        die "apt-get install ${missing[*]} failed"
}

check_prerequisites() {
    local f
    for f in "$MARIADBD" /usr/bin/mariadb /usr/bin/mariadb-install-db /usr/bin/wsrep_sst_rsync "$PROVIDER" \
        "$HAPROXY" /usr/bin/socat; do
        [[ -x $f || -f $f ]] || die "$f is missing (is mariadb-server 10.4+ installed?)"
    done
    id mysql >/dev/null 2>&1 || die "there is no user mysql"
}

ensure_base() {
    if [[ -d $BASE && ! -e $MARKER ]]; then
        die "$BASE exists but was not created by galera.sh; choose another GALERA_BASE_DIR"
    fi
    mkdir -p "$BASE" "$HDIR"
    chmod 755 "$BASE"
    touch "$MARKER"
}

write_node_cnf() {
    local n=$1 dir donors other
    dir=$(node_dir "$n")
    # Prefer a donor from the end of the list: HAProxy sends writes to the lowest-numbered Synced node,
    # and a rsync SST donor is read-locked for the whole transfer. The trailing comma allows any donor.
    donors=""
    for other in 3 2 1; do
        [[ $other == "$n" ]] || donors+="node$other,"
    done
    mkdir -p "$dir"
    cat >"$dir/my.cnf" <<EOF
[mariadbd]
datadir = $dir/data
socket = $dir/mysqld.sock
pid-file = $dir/mariadbd.pid
log_error = $dir/error.log
port = $(node_port "$n")
bind_address = 127.0.0.1
skip_name_resolve = ON
character_set_server = utf8mb4
collation_server = utf8mb4_general_ci
innodb_buffer_pool_size = $BUFFER_POOL
default_storage_engine = InnoDB
binlog_format = ROW
innodb_autoinc_lock_mode = 2
# With wsrep on, MariaDB treats binary logging as enabled even though log_bin is OFF: without this, a user
# without SUPER (the service's tests) gets error 1419 creating a trigger.
log_bin_trust_function_creators = 1

wsrep_on = ON
wsrep_provider = $PROVIDER
wsrep_cluster_name = galera-bench
wsrep_cluster_address = gcomm://127.0.0.1:4571,127.0.0.1:4572,127.0.0.1:4573
wsrep_node_name = node$n
wsrep_node_address = 127.0.0.1
wsrep_node_incoming_address = 127.0.0.1:$(node_port "$n")
wsrep_provider_options = "gmcast.listen_addr=tcp://127.0.0.1:$((4570 + n));ist.recv_addr=127.0.0.1:$((4580 + n));gcache.size=$GCACHE${EXTRA_PROVIDER_OPTIONS:+;$EXTRA_PROVIDER_OPTIONS}"
wsrep_sst_method = rsync
wsrep_sst_receive_address = 127.0.0.1:$((4590 + n))
wsrep_sst_donor = $donors
EOF
    chown -R mysql:mysql "$dir"
    chmod 750 "$dir"
}

check_ports_free() {
    local n p
    n=$1
    for p in $(node_port "$n") $((4570 + n)) $((4580 + n)) $((4590 + n)); do
        ! port_in_use "$p" || die "port $p (node $n) is in use by another process: $(ss -Hltnp "sport = :$p")"
    done
}

# Starts mariadbd for node N with extra arguments; start-stop-daemon needs its own pid file, or it refuses to
# start because the system mariadbd already runs.
launch_node() {
    local n=$1 dir
    shift
    dir=$(node_dir "$n")
    check_ports_free "$n"
    start-stop-daemon --start --quiet --background --make-pidfile --pidfile "$dir/mariadbd.ssd.pid" \
        --chuid mysql --output "$dir/stdout.log" --exec "$MARIADBD" -- --defaults-file="$dir/my.cnf" "$@"
}

# Fails at once, with the end of the node's error log, when its mariadbd has exited.
node_alive_or_die() {
    node_pid "$1" >/dev/null && return 0
    echo "--- last lines of $(node_log "$1"):" >&2
    tail -n 20 "$(node_log "$1")" >&2 || true
    die "node $1's mariadbd exited"
}

node_synced_or_dead() { node_alive_or_die "$1" && node_synced "$1"; }

bootstrap_node1() {
    local dir
    dir=$(node_dir 1)
    rm -rf "$dir"
    write_node_cnf 1
    mariadb-install-db --no-defaults --user=mysql --datadir="$dir/data" --skip-test-db \
        --auth-root-authentication-method=socket >"$dir/install-db.log" 2>&1 ||
        die "mariadb-install-db failed, see $dir/install-db.log"
    launch_node 1 --wsrep-new-cluster
    wait_for "$TIMEOUT" "node 1 to bootstrap (see $(node_log 1))" node_synced_or_dead 1
}

# After a crash grastate.dat holds seqno -1, and a node started as it is asks for a full SST. Recovering the
# position from InnoDB first, as the systemd unit's galera_recovery does, lets it ask for IST instead.
# Prints the mariadbd option to start node N with, or nothing.
start_position_option() {
    local dir seqno pos
    dir=$(node_dir "$1")
    [[ -f $dir/data/grastate.dat ]] || return 0
    seqno=$(awk '$1 == "seqno:" { print $2 }' "$dir/data/grastate.dat")
    [[ $seqno == -1 ]] || return 0
    install -o mysql -g mysql -m 640 /dev/null "$dir/recover.log"
    runuser -u mysql -- "$MARIADBD" --defaults-file="$dir/my.cnf" --wsrep-recover --log-error="$dir/recover.log" \
        2>>"$dir/recover.log" ||
        die "mariadbd --wsrep-recover failed for node $1, see $dir/recover.log"
    pos=$(sed -n 's/.*WSREP: Recovered position: \([0-9a-f-]*:[0-9-]*\).*/\1/p' "$dir/recover.log" | tail -n 1)
    [[ -z $pos || $pos == *:-1 ]] || echo "--wsrep-start-position=$pos"
}

launch_joiner() {
    local option
    option=$(start_position_option "$1")
    launch_node "$1" ${option:+"$option"}
}

# A joiner needs no system tables of its own: the rsync SST replaces its whole data directory.
create_joiner() {
    rm -rf "$(node_dir "$1")"
    write_node_cnf "$1"
    mkdir -p "$(node_dir "$1")/data"
    chown mysql:mysql "$(node_dir "$1")/data"
}

# Prints how node N's last join got its state, from the error log written after byte offset $2.
transfer_kind() {
    local part
    part=$(tail -c +"$(($2 + 1))" "$(node_log "$1")")
    # The rsync SST script runs for an IST too and "SST received" is logged either way; only its own
    # "rsync SST|IST completed on joiner" tells them apart.
    local writesets
    writesets=$(sed -n 's/.*Receiving IST: \([0-9]*\) writesets.*/\1/p' <<<"$part" | tail -n 1)
    if grep -q 'rsync SST completed on joiner' <<<"$part"; then
        echo "SST (full rsync copy of the data directory${writesets:+, then IST of $writesets writesets})"
    elif grep -q 'rsync IST completed on joiner\|IST received' <<<"$part"; then
        echo "IST (${writesets:-?} writesets)"
    else
        echo "no state transfer (see $(node_log "$1"))"
    fi
}

setup_database() {
    local n=$1 pw check_pw
    [[ $DATABASE_NAME =~ ^[A-Za-z0-9_]+$ ]] || die "DATABASE_NAME may hold only letters, digits and _"
    [[ $DATABASE_USER =~ ^[A-Za-z0-9_]+$ ]] || die "DATABASE_USER may hold only letters, digits and _"
    pw=$(sql_str "$DATABASE_PASSWORD")
    check_pw=$(sql_str "$CHECK_PASSWORD")
    # No anonymous accounts to drop (they would shadow 'user'@'%'): mariadb-install-db --skip-test-db makes none.
    q "$n" "
        CREATE DATABASE IF NOT EXISTS \`$DATABASE_NAME\`;
        CREATE USER IF NOT EXISTS '$DATABASE_USER'@'%' IDENTIFIED BY $pw;
        CREATE USER IF NOT EXISTS '$DATABASE_USER'@'localhost' IDENTIFIED BY $pw;
        ALTER USER '$DATABASE_USER'@'%' IDENTIFIED BY $pw;
        ALTER USER '$DATABASE_USER'@'localhost' IDENTIFIED BY $pw;
        GRANT ALL ON \`$DATABASE_NAME\`.* TO '$DATABASE_USER'@'%';
        GRANT ALL ON \`$DATABASE_NAME\`.* TO '$DATABASE_USER'@'localhost';
        CREATE USER IF NOT EXISTS '$CHECK_USER'@'127.0.0.1' IDENTIFIED BY $check_pw;
        ALTER USER '$CHECK_USER'@'127.0.0.1' IDENTIFIED BY $check_pw;"
}

write_haproxy_files() {
    # Client options file: keeps the password off the check's command line.
    printf '[client]\nuser = %s\npassword = "%s"\n' "$CHECK_USER" "$CHECK_PASSWORD" >"$HDIR/check.cnf"
    chmod 600 "$HDIR/check.cnf"
    # HAProxy's mysql-check only sees the handshake, which a joining, donor or non-primary node still
    # completes (and then answers error 1047); this check passes only a Synced node with wsrep_ready=ON.
    cat >"$HDIR/check-node.sh.new" <<EOF
#!/bin/sh
# HAProxy external check: \$3 = server address, \$4 = server port.
expected=\$(printf 'wsrep_local_state_comment\tSynced\nwsrep_ready\tON')
actual=\$(/usr/bin/timeout 2 /usr/bin/mariadb --defaults-file=$HDIR/check.cnf --connect-timeout=1 \\
    -h "\$3" -P "\$4" -N -B -e "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_local_state_comment', 'wsrep_ready')" \\
    2>/dev/null) || exit 1
[ "\$actual" = "\$expected" ]
EOF
    chmod 755 "$HDIR/check-node.sh.new"
    mv "$HDIR/check-node.sh.new" "$HDIR/check-node.sh"
    # shutdown-sessions: a node that stops being Synced is still alive, so its clients would otherwise keep
    # their sessions and get error 1047. shutdown-backup-sessions: once node 1 is back, sessions still on a
    # backup are closed, so that writes do not go to two nodes at once (certification conflicts).
    # observe layer4 + on-error mark-down: the first refused connection to a killed node marks it down at once,
    # and redispatch sends that connection on to a backup, instead of failing it until the checks notice.
    # Client and server timeouts match MariaDB's wait_timeout, so pooled idle connections survive.
    cat >"$HDIR/haproxy.cfg.new" <<EOF
global
    log stderr format iso local0
    stats socket $HDIR/admin.sock mode 600 level admin
    external-check
    insecure-fork-wanted
    maxconn 2000

defaults
    mode tcp
    log global
    option tcplog
    option dontlog-normal
    timeout connect 2s
    timeout client 8h
    timeout server 8h
    timeout check 2s

listen galera
    bind 127.0.0.1:$PROXY_PORT
    option external-check
    external-check path "/usr/bin:/bin"
    external-check command $HDIR/check-node.sh
    option redispatch
    retries 3
    default-server inter 1s fall 2 rise 2 on-marked-down shutdown-sessions observe layer4 error-limit 1 on-error mark-down
    server node1 127.0.0.1:$(node_port 1) check on-marked-up shutdown-backup-sessions
    server node2 127.0.0.1:$(node_port 2) check backup
    server node3 127.0.0.1:$(node_port 3) check backup
EOF
}

haproxy_stat() {
    echo "show stat" | socat -t 2 stdio "unix-connect:$HDIR/admin.sock"
}

# HAProxy's check status of node N: UP, DOWN, "UP 1/2" (going down), "DOWN 1/2" (coming up), ...
haproxy_server_status() {
    haproxy_stat | awk -F, -v name="node$1" '
        NR == 1 { sub(/^# /, ""); for (i = 1; i <= NF; i++) col[$i] = i; next }
        $1 == "galera" && $2 == name { print $col["status"] }'
}

haproxy_says() { [[ $(haproxy_server_status "$1" 2>/dev/null) == "$2" ]]; }

app_query() {
    mariadb --no-defaults -h127.0.0.1 -P"$PROXY_PORT" -u"$DATABASE_USER" -p"$DATABASE_PASSWORD" \
        --connect-timeout=2 -N -B "$DATABASE_NAME" -e "$1"
}

proxy_reaches_node1() { [[ $(app_query "SELECT @@port" 2>/dev/null) == "$(node_port 1)" ]]; }

ensure_haproxy() {
    local pid
    write_haproxy_files
    if pid=$(haproxy_pid); then
        if cmp -s "$HDIR/haproxy.cfg" "$HDIR/haproxy.cfg.new"; then
            rm "$HDIR/haproxy.cfg.new"
            return 0
        fi
        say "HAProxy configuration changed, restarting HAProxy"
        stop_pids 10 "$pid"
    fi
    mv "$HDIR/haproxy.cfg.new" "$HDIR/haproxy.cfg"
    "$HAPROXY" -c -q -f "$HDIR/haproxy.cfg" || die "HAProxy rejects $HDIR/haproxy.cfg"
    ! port_in_use "$PROXY_PORT" || die "port $PROXY_PORT is in use: $(ss -Hltnp "sport = :$PROXY_PORT")"
    start-stop-daemon --start --quiet --background --make-pidfile --pidfile "$HDIR/haproxy.ssd.pid" \
        --output "$HDIR/haproxy.log" --exec "$HAPROXY" -- -db -f "$HDIR/haproxy.cfg"
}

stop_pids() {  # stop_pids GRACE_SECONDS PID...: TERM, and KILL what is left after the grace period
    local grace=$1 pid deadline
    shift
    (($# > 0)) || return 0
    kill -TERM "$@" 2>/dev/null || true
    deadline=$((SECONDS + grace))
    for pid in "$@"; do
        while [[ -e /proc/$pid ]] && ((SECONDS < deadline)); do sleep 0.2; done
    done
    for pid in "$@"; do
        if [[ -e /proc/$pid ]]; then
            say "process $pid did not stop within $grace s, killing it"
            kill -KILL "$pid" 2>/dev/null || true
        fi
    done
    for pid in "$@"; do
        while [[ -e /proc/$pid ]]; do sleep 0.1; done
    done
}

# Processes working on files under $BASE (mariadbd, HAProxy and what they spawn: an SST's rsync daemon and
# script, a health check) that lost their pid file; matched on the exact base path and program name.
stray_pids() {
    local p cmd comm
    for p in /proc/[0-9]*; do
        p=${p#/proc/}
        [[ $p == "$$" || $p == "$BASHPID" ]] && continue
        comm=$(cat "/proc/$p/comm" 2>/dev/null) || continue
        case $comm in
        mariadbd | haproxy | rsync | wsrep_sst_rsyn* | check-node.sh) ;;
        *) continue ;;
        esac
        cmd=$(tr '\0' ' ' 2>/dev/null <"/proc/$p/cmdline") || continue
        if [[ $cmd == *"$BASE/"* ]]; then echo "$p"; fi
    done
}

cmd_up() {
    local started n running
    started=$(now_ms)
    need_root
    install_packages
    check_prerequisites
    ensure_base
    mapfile -t running < <(running_nodes)
    if ((${#running[@]} == 0)); then
        say "no node runs: creating a new cluster in $BASE"
        bootstrap_node1
        say "node 1 bootstrapped ($(since "$started")), joining nodes 2 and 3"
        for n in 2 3; do
            create_joiner "$n"
            launch_joiner "$n"
        done
    else
        for n in "${NODES[@]}"; do
            if ! node_pid "$n" >/dev/null; then
                say "starting node $n to join the running nodes ${running[*]}"
                [[ -f $(node_cnf "$n") ]] || create_joiner "$n"
                write_node_cnf "$n"
                launch_joiner "$n"
            fi
        done
    fi
    for n in "${NODES[@]}"; do
        wait_for "$TIMEOUT" "node $n to be Synced (see $(node_log "$n"))" node_synced_or_dead "$n"
    done
    wait_for "$TIMEOUT" "cluster size 3 on every node" cluster_settled
    say "cluster of 3 Synced nodes ($(since "$started"))"
    setup_database 1
    ensure_haproxy
    wait_for 30 "HAProxy on 127.0.0.1:$PROXY_PORT to route user $DATABASE_USER to node 1 (see $HDIR/haproxy.log)" \
        proxy_reaches_node1
    say "up in $(since "$started"): HAProxy 127.0.0.1:$PROXY_PORT -> node 1 (3311), backups node 2 (3312), node 3 (3313)"
    echo "JDBC: jdbc:mysql://127.0.0.1:$PROXY_PORT/$DATABASE_NAME  user $DATABASE_USER"
    echo "service: DATABASE_ENGINE=mysql DATABASE_HOST=127.0.0.1 DATABASE_PORT=$PROXY_PORT DATABASE_NAME=$DATABASE_NAME DATABASE_USER=$DATABASE_USER DATABASE_PASSWORD=..."
}

cmd_down() {
    local pids=() n pid
    need_root
    if [[ -d $BASE && ! -e $MARKER ]]; then
        die "$BASE was not created by galera.sh; not touching it"
    fi
    if pid=$(haproxy_pid); then pids+=("$pid"); fi
    for n in "${NODES[@]}"; do
        if pid=$(node_pid "$n"); then pids+=("$pid"); fi
    done
    stop_pids 60 "${pids[@]}"
    mapfile -t pids < <(stray_pids)
    if ((${#pids[@]} > 0)); then
        say "stopping stray processes under $BASE: ${pids[*]}"
        stop_pids 10 "${pids[@]}"
    fi
    rm -rf "$BASE"
    say "down: HAProxy and nodes stopped, $BASE removed"
}

others_see_cluster() {  # every running node but $1 reports a cluster of exactly the running nodes
    local running info m
    running=$(running_nodes | wc -l)
    for m in $(running_nodes); do
        [[ $m == "$1" ]] && continue
        info=$(node_info "$m") || return 1
        [[ $info == "$running|"* ]] || return 1
    done
}

cmd_kill() {
    local n=$1 pid started
    check_node_arg "$n"
    need_root
    if pid=$(node_pid "$n"); then
        started=$(now_ms)
        kill -KILL "$pid"
        while [[ -e /proc/$pid ]]; do sleep 0.05; done
        say "node $n (pid $pid) killed"
    else
        say "node $n is not running"
        started=$(now_ms)
    fi
    local left
    left=$(running_nodes | wc -l)
    ((left > 0)) || { say "no node is left running"; return 0; }
    wait_for "$TIMEOUT" "the remaining nodes to report cluster size $left" others_see_cluster "$n"
    say "remaining nodes report cluster size $left after $(since "$started")"
    if haproxy_pid >/dev/null; then
        wait_for 30 "HAProxy to mark node $n DOWN" haproxy_says "$n" DOWN
        say "HAProxy has node $n DOWN"
    fi
    if ((left == 1)); then
        say "warning: a single node left of three has no quorum; it is non-Primary and refuses queries"
    fi
}

# Polls while node N starts: records when its port first accepts connections and the state it reports then.
port_probe() {
    local n=$1 port
    port=$(node_port "$n")
    if [[ -z $PORT_OPEN_AT ]] && (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        PORT_OPEN_AT=$(now_ms)
        PORT_OPEN_STATE=$(node_info "$n" || echo "no answer")
    fi
    node_alive_or_die "$n"
    node_synced "$n"
}

cmd_start() {
    local n=$1 started offset others
    check_node_arg "$n"
    need_root
    [[ -f $(node_cnf "$n") ]] || die "node $n was never created; run up"
    if node_pid "$n" >/dev/null; then
        wait_for "$TIMEOUT" "node $n to be Synced" node_synced_or_dead "$n"
        wait_for "$TIMEOUT" "cluster size $(running_nodes | wc -l) on every node" cluster_settled
        if haproxy_pid >/dev/null; then
            wait_for 30 "HAProxy to mark node $n UP (see $HDIR/haproxy.log)" haproxy_says "$n" UP
        fi
        say "node $n is already running and Synced"
        return 0
    fi
    others=$(running_nodes | tr '\n' ' ')
    [[ -n $others ]] || die "no node runs, so node $n has no cluster to join; run down and up"
    offset=$(stat -c %s "$(node_log "$n")" 2>/dev/null || echo 0)
    started=$(now_ms)
    PORT_OPEN_AT="" PORT_OPEN_STATE=""
    launch_joiner "$n"
    wait_for "$TIMEOUT" "node $n to be Synced (see $(node_log "$n"))" port_probe "$n"
    local synced_in
    synced_in=$(since "$started")
    wait_for "$TIMEOUT" "cluster size 3 on every node" cluster_settled
    if haproxy_pid >/dev/null; then
        wait_for 30 "HAProxy to mark node $n UP (see $HDIR/haproxy.log)" haproxy_says "$n" UP
    fi
    say "node $n rejoined by $(transfer_kind "$n" "$offset"): Synced after $synced_in, cluster whole and HAProxy has it UP after $(since "$started")"
    if [[ -n $PORT_OPEN_AT ]]; then
        say "node $n port $(node_port "$n") accepted connections $(((PORT_OPEN_AT - started) / 100 / 10)).$(((PORT_OPEN_AT - started) / 100 % 10)) s after start, reporting size|state|ready|status = $PORT_OPEN_STATE"
    fi
}

cmd_status() {
    local n pid info state size st ready cl
    printf '%-5s %-5s %-14s %-5s %-34s %-6s %s\n' node port process size state ready cluster
    for n in "${NODES[@]}"; do
        if pid=$(node_pid "$n"); then
            state="up pid $pid"
            if info=$(node_info "$n"); then
                IFS='|' read -r size st ready cl <<<"$info"
            else
                size=- st="(not answering)" ready=- cl=-
            fi
        else
            state=down size=- st=- ready=- cl=-
        fi
        printf '%-5s %-5s %-14s %-5s %-34s %-6s %s\n' "$n" "$(node_port "$n")" "$state" "$size" "$st" "$ready" "$cl"
    done
    if ! pid=$(haproxy_pid); then
        echo "haproxy: not running"
        return 0
    fi
    haproxy_stat | awk -F, -v pid="$pid" -v port="$PROXY_PORT" '
        NR == 1 { sub(/^# /, ""); for (i = 1; i <= NF; i++) col[$i] = i; next }
        $1 != "galera" || $2 == "FRONTEND" || $2 == "BACKEND" { next }
        {
            role = $col["bck"] == 1 ? "backup" : "active"
            up = $col["status"] ~ /^UP/
            printf "haproxy %s: %-5s %-6s %-10s sessions now %s, total %s, last check %s\n", port, $2, role,
                $col["status"], $col["scur"], $col["stot"], $col["check_status"]
            if (up && role == "active" && active == "") active = $2
            if (up && role == "backup" && backup == "") backup = $2
        }
        END {
            target = active != "" ? active : backup != "" ? backup : "nowhere (no server UP)"
            printf "haproxy (pid %s) sends new connections to: %s\n", pid, target
        }'
}

cmd_sql() {
    check_node_arg "${1:-}"
    [[ -n ${2:-} ]] || die "usage: $0 sql N \"statement\""
    q "$1" "$2"
}

main() {
    local cmd=${1:-help}
    shift || true
    case $cmd in
    up) cmd_up ;;
    down) cmd_down ;;
    kill) cmd_kill "${1:-}" ;;
    start) cmd_start "${1:-}" ;;
    status) cmd_status ;;
    sql) cmd_sql "$@" ;;
    help | -h | --help) usage ;;
    *) usage >&2; exit 2 ;;
    esac
}

main "$@"
