# Shared by the wamp-*.bench scripts (sourced): builds if needed, and starts and stops the WAMP router (a node with
# one websocket transport) and the anchor, a raw Jetty WebSocket forwarder, both over wss on loopback.
if [ ! -f target/wamp-tls.jar ] || [ ! -d target/test-classes/io/wamptls/bench ]; then
  mvn -B -q -DskipTests package >&2
fi
# 10,000 sessions need 10,000 descriptors on each side
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "${KEEP_LOGS:-}" ]; then mkdir -p "$KEEP_LOGS" && cp "$work"/*.log "$KEEP_LOGS"/; fi
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() {
  for _ in $(seq 1 120); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.5
  done
  echo "nothing listens on $1" >&2
  return 1
}

classpath="target/test-classes:target/classes:target/lib/*"
# shellcheck disable=SC2206 # SERVER_JVM_OPTS: extra JVM options for both servers (e.g. GC logging), word-split
server_jvm=(-Xms512m -Xmx2g ${SERVER_GC:--XX:+UseG1GC} ${SERVER_JVM_OPTS:-})
java -jar target/wamp-tls.jar init --cbdir "$work/node" >/dev/null 2>&1

# starts the router and the anchor on fresh ports; sets ours_port ours_pid anchor_port anchor_pid
start_servers() {
  ours_port=$(free_port)
  anchor_port=$(free_port)
  cat > "$work/node/config.json" <<JSON
{"version": 2, "workers": [{"type": "router",
  "realms": [{"name": "realm1", "roles": [{"name": "anonymous", "permissions": [{"uri": "", "match": "prefix",
    "allow": {"call": true, "register": true, "publish": true, "subscribe": true}}]}]}],
  "transports": [{"type": "websocket", "serializers": ["json", "msgpack"],
    "endpoint": {"type": "tcp", "port": $ours_port, "interface": "127.0.0.1",
                 "tls": {"key": "server.key", "certificate": "server.crt"}}}]}]}
JSON
  ${SERVER_CPUS:+taskset -c "$SERVER_CPUS"} java "${server_jvm[@]}" ${OURS_JVM_OPTS:-} -jar target/wamp-tls.jar start --cbdir "$work/node" > "$work/ours.log" 2>&1 &
  ours_pid=$!
  pids+=("$ours_pid")
  ${SERVER_CPUS:+taskset -c "$SERVER_CPUS"} java "${server_jvm[@]}" -cp "$classpath" io.wamptls.bench.RawForwarder "$anchor_port" "$work/node" \
    > "$work/anchor.log" 2>&1 &
  anchor_pid=$!
  pids+=("$anchor_pid")
  wait_port "$ours_port"
  wait_port "$anchor_port"
}

stop_servers() {
  kill "$ours_pid" "$anchor_pid"
  wait "$ours_pid" "$anchor_pid" 2>/dev/null || true
}

