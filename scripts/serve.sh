#!/usr/bin/env bash
# Serve nnviz: PROCESSES Streamlit servers behind Debian's HAProxy on one public PORT.
#   PROCESSES=N PORT=P bash scripts/serve.sh
# PROCESSES defaults to the number of cores (one Streamlit process uses about one core); 1 runs the
# single server with no HAProxy (what the container runs). Also: BASE_URL_PATH (behind a proxy at a
# sub-path), ADDRESS (default 0.0.0.0), BACKEND_PORT (first process's port, default PORT+1),
# START_TIMEOUT (seconds for each process to answer its health check, default 180), HAPROXY=1 (HAProxy
# in front of a single process too, e.g. to measure what the balancer adds).
# Foreground: Ctrl-C or SIGTERM stops everything it started. A process that dies later is restarted.
set -euo pipefail
cd "$(dirname "$0")/.."

port=${PORT:-8501}
base=${BASE_URL_PATH:-}
base=${base#/}
base=${base%/}
address=${ADDRESS:-0.0.0.0}
processes=${PROCESSES:-$(nproc 2>/dev/null || echo 1)}
python=${PYTHON:-}
if [ -z "$python" ]; then
  if [ -x .venv/bin/python ]; then python=.venv/bin/python; else python=python3; fi
fi

say() { echo "serve.sh: $*" >&2; }
die() { say "$*"; exit 1; }

[[ "$processes" =~ ^[0-9]+$ ]] && [ "$processes" -ge 1 ] && [ "$processes" -le 64 ] \
  || die "PROCESSES must be a whole number from 1 to 64, not '$processes'"
[[ "$port" =~ ^[0-9]+$ ]] && [ "$port" -ge 1 ] && [ "$port" -le 65535 ] \
  || die "PORT must be a port number (1-65535), not '$port'"

streamlit_cmd() {  # streamlit_cmd PORT ADDRESS
  echo "$python" -m streamlit run app.py --server.port="$1" --server.address="$2" \
    --server.baseUrlPath="$base" --server.headless=true
}

if [ "$processes" -eq 1 ] && [ "${HAPROXY:-0}" != 1 ]; then
  # shellcheck disable=SC2046
  exec $(streamlit_cmd "$port" "$address")
fi

# --- several processes behind HAProxy ------------------------------------------------------------
apt_install() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@"; } >/dev/null 2>&1
}
if ! command -v haproxy >/dev/null 2>&1; then
  say "installing Debian's haproxy with apt-get"
  apt_install haproxy || true
  command -v haproxy >/dev/null 2>&1 || die "HAProxy is not installed and apt-get could not install it" \
    "(install the 'haproxy' package, or serve one process without it: PROCESSES=1 bash scripts/serve.sh)"
fi

first=${BACKEND_PORT:-$((port + 1))}
ports=()
for ((k = 1; k <= processes; k++)); do ports+=($((first + k - 1))); done

port_free() {  # port_free ADDRESS PORT: nothing listens there and we may bind it
  "$python" -c 'import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try:
    s.bind((sys.argv[1], int(sys.argv[2])))
except OSError as e:
    sys.exit(e.strerror)' "$1" "$2"
}
port_free "$address" "$port" 2>/dev/null || die "the public port $port is taken (or not allowed): HAProxy cannot listen there"
for ((k = 1; k <= processes; k++)); do
  port_free 127.0.0.1 "${ports[k - 1]}" 2>/dev/null \
    || die "process $k cannot start: port ${ports[k - 1]} is taken (set BACKEND_PORT to another first port)"
done

run=$(mktemp -d "${TMPDIR:-/tmp}/nnviz-serve.XXXXXX")
pids=()
haproxy_pid=""
stopping=""
cleanup() {
  stopping=1
  trap '' INT TERM
  local all=("${pids[@]}" $haproxy_pid)
  [ ${#all[@]} -eq 0 ] || kill -TERM "${all[@]}" 2>/dev/null || true
  for _ in $(seq 50); do
    local alive=0
    for p in "${all[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ $alive -eq 0 ] && break
    sleep 0.2
  done
  [ ${#all[@]} -eq 0 ] || kill -KILL "${all[@]}" 2>/dev/null || true
  rm -rf "$run"
}
trap cleanup EXIT
trap 'say "stopping"; exit 130' INT
trap 'say "stopping"; exit 143' TERM

# Sessions that move to another process keep working: the same secret signs every process's cookies.
if [ -z "${STREAMLIT_SERVER_COOKIE_SECRET:-}" ]; then
  STREAMLIT_SERVER_COOKIE_SECRET=$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')
  export STREAMLIT_SERVER_COOKIE_SECRET
fi
# One process per core: torch's own threads would only fight the other processes for the cores.
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}

start_process() {  # start_process K: process K on its port, its output prefixed with [app K]
  local k=$1
  # shellcheck disable=SC2046
  ( exec > >(sed -u "s/^/[app$k] /") 2>&1; exec $(streamlit_cmd "${ports[k - 1]}" 127.0.0.1) ) &
  pids[k - 1]=$!
}

healthy() {  # healthy PORT
  PORT=$1 BASE_URL_PATH=$base "$python" scripts/healthcheck.py
}

for ((k = 1; k <= processes; k++)); do start_process "$k"; done
timeout=${START_TIMEOUT:-180}
deadline=$((SECONDS + timeout))
for ((k = 1; k <= processes; k++)); do
  until healthy "${ports[k - 1]}"; do
    if ! kill -0 "${pids[k - 1]}" 2>/dev/null; then
      wait "${pids[k - 1]}" && code=0 || code=$?
      die "process $k (port ${ports[k - 1]}) exited during start-up with code $code: see its [app$k] lines above"
    fi
    [ $SECONDS -lt $deadline ] \
      || die "process $k (port ${ports[k - 1]}) did not answer its health check within $timeout s (START_TIMEOUT)"
    sleep 0.5
  done
  say "process $k: pid ${pids[k - 1]}, port ${ports[k - 1]}, healthy"
done

servers=""
for ((k = 1; k <= processes; k++)); do
  servers+="    server app$k 127.0.0.1:${ports[k - 1]} cookie app$k\n"
done
sed "s|^ *# @SERVERS@.*|${servers%\\n}|" deploy/haproxy.cfg > "$run/haproxy.cfg"
export NNVIZ_BIND="$address:$port" NNVIZ_HEALTH="/${base:+$base/}_stcore/health" NNVIZ_RUN="$run"
haproxy -q -c -f "$run/haproxy.cfg" >/dev/null || die "HAProxy refused its configuration ($run/haproxy.cfg)"
haproxy -db -q -f "$run/haproxy.cfg" &
haproxy_pid=$!
for _ in $(seq 50); do
  healthy "$port" 2>/dev/null && break
  kill -0 "$haproxy_pid" 2>/dev/null || die "HAProxy exited during start-up on port $port"
  sleep 0.2
done
healthy "$port" || die "HAProxy did not answer on port $port"
say "HAProxy: pid $haproxy_pid, port $port -> ${processes} processes (ports ${ports[*]}), stats socket $run/haproxy.sock"
say "serving http://${address/0.0.0.0/localhost}:$port/${base:+$base/} (Ctrl-C stops everything)"

# Supervise: HAProxy gone -> stop; a process gone -> restart it (the health check takes it out until then).
while true; do
  died=""
  wait -n -p died && code=0 || code=$?
  [ -n "$stopping" ] && break
  [ -n "$died" ] || continue
  if [ "$died" = "$haproxy_pid" ]; then
    die "HAProxy (pid $died) exited with code $code; stopping"
  fi
  for ((k = 1; k <= processes; k++)); do
    if [ "${pids[k - 1]}" = "$died" ]; then
      say "process $k (port ${ports[k - 1]}, pid $died) exited with code $code; restarting it in ${RESTART_DELAY:-3} s"
      sleep "${RESTART_DELAY:-3}"  # a process that fails at once must not spin the cores
      start_process "$k"
      say "process $k: pid ${pids[k - 1]}, port ${ports[k - 1]}, restarted"
    fi
  done
done
