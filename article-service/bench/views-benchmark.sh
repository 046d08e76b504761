#!/usr/bin/env bash
# The views benchmark: wrk sends the same POST /api/articles/{id}/views requests (views.lua) to a running
# article-service and, in the same run, to nginx (one worker) answering every one of them 202 at once: the baseline
# of what this machine's loopback and wrk allow. Prints wrk's figures for both; stops the nginx it started.
#
#   article-service/bench/start-local.sh        # in another terminal: prints the ids
#   article-service/bench/views-benchmark.sh http://127.0.0.1:18081 <articleId> [...]
#
# Settings: WRK_THREADS (2), WRK_CONNECTIONS (64), WARM_UP (15s), DURATION (30s), BENCH_NGINX_PORT (18089).
set -euo pipefail

service="${1:?usage: views-benchmark.sh <article-service url> <articleId> [...]}"
shift
(( $# > 0 )) || { echo "views-benchmark: pass one or more published article ids" >&2; exit 2; }
for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null || { echo "views-benchmark: $tool is missing (apt-get install -y wrk nginx curl)" >&2; exit 1; }
done
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
threads="${WRK_THREADS:-2}"
connections="${WRK_CONNECTIONS:-64}"
port="${BENCH_NGINX_PORT:-18089}"
dir="$(mktemp -d /tmp/views-benchmark.XXXXXX)"
chmod 755 "$dir"
mkdir -p "$dir/tmp"
cat > "$dir/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    keepalive_requests 1000000;
    client_body_temp_path $dir/tmp;
    proxy_temp_path $dir/tmp;
    fastcgi_temp_path $dir/tmp;
    uwsgi_temp_path $dir/tmp;
    scgi_temp_path $dir/tmp;
    server {
        listen 127.0.0.1:$port;
        location /api/ { return 202; }
    }
}
CONF
nginx -c "$dir/nginx.conf" &
nginx_pid=$!
trap 'kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
  curl -s -o /dev/null -X POST "http://127.0.0.1:$port/api/articles/x/views" && break
  sleep 0.1
done
curl -fs -o /dev/null -X POST -H 'Content-Type: application/json' -d '{}' "$service/api/articles/$1/views" \
  || { echo "views-benchmark: $service does not accept a view of $1" >&2; exit 1; }

run() { # label, url, duration
  echo "== $1: wrk -t$threads -c$connections -d$3 --latency -s views.lua $2"
  wrk -t"$threads" -c"$connections" -d"$3" --latency -s "$here/views.lua" "$2" -- "${ids[@]}"
}
ids=("$@")
run "nginx warm-up" "http://127.0.0.1:$port" 5s > /dev/null
run "nginx (baseline)" "http://127.0.0.1:$port" "${DURATION:-30s}"
run "article-service warm-up" "$service" "${WARM_UP:-15s}" > /dev/null
run "article-service" "$service" "${DURATION:-30s}"
echo "== article-service counters"
service_port="${service##*:}"; service_port="${service_port%%/*}"
curl -s "${service%:*}:$((service_port + 1000))/actuator/prometheus" | grep -E '^news_views_(accepted|dropped)_total' || true
