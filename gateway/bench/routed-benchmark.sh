#!/usr/bin/env bash
# The realistic benchmark: what browsers send, through the gateway and, in the same run, the same requests through
# nginx proxy_pass (one worker, kept-alive upstreams) to the same services, with page data served by nginx from
# files holding the gateway's bytes. Load from `infra/platform load` (HTTP/1.1 keep-alive; a new reader id and
# client address with every request; latencies from the moment each request was due).
#
#   gateway/bench/routed-benchmark.sh            # needs a running platform (infra/platform up), wrk-free
#
# The local runtime stops the services' JIT at its first tier (fast from the first second, about half the warm
# throughput): to measure the code at full speed start it with the JVM's full JIT,
#   NEWS_JAVA_OPTS="-Xms64m -Xmx384m -XX:+UseSerialGC -Xss512k" infra/platform up
#
# Steps: top the store up to BENCH_ARTICLES published articles (so that page reads miss the page cache as a real
# site's long tail does), capture every page for nginx, then for each scenario run the gateway and nginx one after
# the other: views, article reads, the browse mix (closed loop, BENCH_CONNECTIONS connections), then the browse mix
# open-loop at BENCH_RATE req/s. Prints each scenario's table and the gateway / nginx ratio.
# Environment: GATEWAY_URL (http://127.0.0.1:8080), ARTICLE_SERVICE_URL, COMMENT_SERVICE_URL, RANKING_SERVICE_URL
# (127.0.0.1:8081-8083), NGINX_PORT (18091), BENCH_ARTICLES (300), BENCH_CONNECTIONS (64), BENCH_WARMUP (15s),
# BENCH_DURATION (30s), BENCH_RATE (2000), BENCH_SCENARIOS ("views articles browse open").
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/gateway/bench"
gateway="${GATEWAY_URL:-http://127.0.0.1:8080}"
article="${ARTICLE_SERVICE_URL:-http://127.0.0.1:8081}"
comment="${COMMENT_SERVICE_URL:-http://127.0.0.1:8082}"
ranking="${RANKING_SERVICE_URL:-http://127.0.0.1:8083}"
port="${NGINX_PORT:-18091}"
articles="${BENCH_ARTICLES:-300}"
connections="${BENCH_CONNECTIONS:-64}"
warmup="${BENCH_WARMUP:-15s}"
duration="${BENCH_DURATION:-30s}"
rate="${BENCH_RATE:-2000}"
scenarios="${BENCH_SCENARIOS:-views articles browse open}"
platform="$root/infra/platform"

for tool in nginx curl; do
  command -v "$tool" >/dev/null || { echo "routed-benchmark: $tool is missing (apt-get install -y nginx curl)" >&2; exit 1; }
done
curl -sf -o /dev/null "$gateway/api/pages/home" || { echo "routed-benchmark: no gateway at $gateway (infra/platform up)" >&2; exit 1; }

dir="$(mktemp -d /tmp/routed-benchmark.XXXXXX)"
mkdir -p "$dir/tmp" "$dir/pages"
chmod 755 "$dir" "$dir/pages"  # nginx workers run as an unprivileged user when started by root
echo "Results in $dir"

# 1. enough published articles for a long tail
token="$("$platform" token --role editor --sub bench-editor --name "Bench Editor")"
sections=("Army" "Navy" "Air Force" "Defense Industry" "Policy" "Views" "North Korea")
published() { # every published article id, newest first, one per line
  local cursor="" body next
  while :; do
    body="$(curl -sf --get "$gateway/api/articles" --data-urlencode "limit=50" ${cursor:+--data-urlencode "cursor=$cursor"})"
    grep -o '"id":"[^"]*"' <<< "$body" | cut -d'"' -f4
    next="$(grep -o '"next":"[^"]*"' <<< "$body" | cut -d'"' -f4 || true)"
    [[ -n "$next" ]] || break
    cursor="$next"
  done
}
existing="$(published | wc -l)"
if (( existing < articles )); then
  echo "Publishing $((articles - existing)) more articles (now $existing)"
  for i in $(seq "$existing" $((articles - 1))); do
    s="${sections[$((i % ${#sections[@]}))]}"
    curl -sf -o /dev/null -X POST "$gateway/api/articles" -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' -H "X-Forwarded-For: 192.0.2.$((i % 250 + 1))" \
      -d "{\"title\":\"Bench story $i on readiness and procurement\",\"section\":\"$s\",\"source\":\"Bench Wire\",\"byline\":{\"name\":\"Bench Writer\",\"email\":\"bench@example.com\"},\"body\":[\"First paragraph of bench story $i, long enough to look like an article body.\",\"Second paragraph with more words about budgets, schedules and readiness.\"],\"tags\":[\"bench\"],\"publish\":true}" \
      || { echo "routed-benchmark: publishing bench story $i failed" >&2; exit 1; }
  done
  sleep 2  # let the gateway's catalog take in the new articles before their pages are captured
fi

# 2. the pages, as the gateway answers them, for nginx
mapfile -t ids < <(published)
# each page from an address of its own, as readers ask: one address would meet the gateway's read budget
n=0
for id in "${ids[@]}"; do
  n=$((n + 1))
  curl -sf -H "X-Forwarded-For: 192.0.2.$((n % 250 + 1))" -o "$dir/pages/$id.json" "$gateway/api/pages/article/$id"
done
curl -sf -o "$dir/pages/home.json" "$gateway/api/pages/home"
chmod 644 "$dir"/pages/*.json
echo "${#ids[@]} published articles; pages captured for nginx"

address() { local u="${1#http://}"; echo "${u%%/*}"; }
sed -e "s#BENCH_DIR#$dir#g" -e "s#NGINX_PORT#$port#g" -e "s#ARTICLE_ADDRESS#$(address "$article")#" \
    -e "s#COMMENT_ADDRESS#$(address "$comment")#" -e "s#RANKING_ADDRESS#$(address "$ranking")#" \
    "$here/nginx-routed.conf" > "$dir/nginx.conf"
nginx -c "$dir/nginx.conf" &
nginx_pid=$!
trap 'kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -sf -o /dev/null "http://127.0.0.1:$port/api/pages/home" && break; sleep 0.1; done
curl -sf -o /dev/null "http://127.0.0.1:$port/api/articles/${ids[0]}" || { echo "nginx does not route" >&2; exit 1; }

run() { # scenario name target mix rate
  local scenario="$1" name="$2" target="$3" mix="$4" rate="$5"
  echo "== $scenario through $name: $mix mix, rate $rate, $connections connections, warm-up $warmup, $duration counted"
  "$platform" load --target "$target" --mix "$mix" --rate "$rate" --connections "$connections" --warm-up "$warmup" \
    --duration "$duration" --json "$dir/$scenario-$name.json" | tee "$dir/$scenario-$name.txt"
}
for scenario in $scenarios; do
  case "$scenario" in
    views|articles|browse) mix="$scenario"; r=max ;;
    open) mix=browse; r="$rate" ;;
    *) echo "unknown scenario $scenario" >&2; exit 2 ;;
  esac
  run "$scenario" gateway "$gateway" "$mix" "$r"
  run "$scenario" nginx "http://127.0.0.1:$port" "$mix" "$r"
done
echo
for scenario in $scenarios; do
  echo "== $scenario: gateway vs nginx proxy_pass (same requests, same services, same run)"
  "$platform" load --compare "gateway=$dir/$scenario-gateway.json" --anchor "nginx=$dir/$scenario-nginx.json"
  echo
done
