#!/usr/bin/env bash
# The page benchmark: GET /api/pages/article/{id} through the gateway vs. nginx serving the same
# response bytes (and headers) from a file, side by side in one session, wrk with one thread.
#
#   gateway/bench/page-benchmark.sh <articleId> [duration=30s] [connections=64] [warm-up=15s]
#
# Needs a running gateway (GATEWAY_URL, default http://127.0.0.1:8080; e.g. infra/platform up) that knows the
# article, plus wrk and nginx (apt-get install -y wrk nginx). Prints req/s and p99 of both and the ratio.
set -euo pipefail

id="${1:?usage: page-benchmark.sh <articleId> [duration] [connections] [warm-up]}"
duration="${2:-30s}"
connections="${3:-64}"
warmup="${4:-15s}"
gateway="${GATEWAY_URL:-http://127.0.0.1:8080}"
port="${NGINX_PORT:-18090}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="$(mktemp -d /tmp/page-benchmark.XXXXXX)"
mkdir -p "$dir/tmp"
chmod 755 "$dir"  # nginx workers run as an unprivileged user when started by root

for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null || { echo "page-benchmark: $tool is missing (apt-get install -y wrk nginx curl)" >&2; exit 1; }
done

page="$gateway/api/pages/article/$id"
curl -sf -D "$dir/headers" -o "$dir/page.json" "$page" || { echo "page-benchmark: GET $page failed" >&2; exit 1; }
chmod 644 "$dir/page.json"
etag="$(grep -i '^etag:' "$dir/headers" | cut -d' ' -f2- | tr -d '\r')"
degraded="$(grep -o '"degraded":\[[^]]*\]' "$dir/page.json" || true)"
echo "Page $page: $(wc -c < "$dir/page.json") bytes, ETag $etag, $degraded"

sed -e "s#BENCH_DIR#$dir#g" -e "s#NGINX_PORT#$port#g" -e "s#PAGE_ETAG#$etag#g" "$here/nginx.conf" > "$dir/nginx.conf"
nginx -c "$dir/nginx.conf" &
nginx_pid=$!
trap 'kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -sf -o /dev/null "http://127.0.0.1:$port/page.json" && break; sleep 0.1; done
cmp -s <(curl -s "http://127.0.0.1:$port/page.json") "$dir/page.json" || { echo "nginx does not serve the same bytes" >&2; exit 1; }

run() { # name url
  echo "== $1: warm-up $warmup"
  wrk -t1 -c"$connections" -d"$warmup" "$2" > /dev/null
  echo "== $1: wrk -t1 -c$connections -d$duration --latency $2"
  wrk -t1 -c"$connections" -d"$duration" --latency "$2" | tee "$dir/$1.txt"
}
run gateway "$page"
run nginx "http://127.0.0.1:$port/page.json"

rps() { awk '/^Requests\/sec:/ {print $2}' "$dir/$1.txt"; }
p99() { awk '$1 == "99%" {print $2}' "$dir/$1.txt"; }
echo
printf '%-8s %12s %10s\n' "server" "req/s" "p99"
printf '%-8s %12s %10s\n' "gateway" "$(rps gateway)" "$(p99 gateway)"
printf '%-8s %12s %10s\n' "nginx" "$(rps nginx)" "$(p99 nginx)"
awk -v g="$(rps gateway)" -v n="$(rps nginx)" 'BEGIN { printf "gateway / nginx = %.2f (target >= 0.50; p99 target < 10ms)\n", g / n }'
echo "Raw wrk output: $dir"
