#!/usr/bin/env bash
# Comment-read benchmark: GET the newest 20 comments of an article that has 10,000 (and a page from
# the middle, through the cursor). See bench/README.md.
#
#   bench/comment-read.sh                 against a running platform (infra/platform up): seeds the article into
#                                         MONGODB_URI, then loads BASE_URL
#   bench/comment-read.sh --self-contained starts comment-service on the embedded broker + in-memory store first
#
# Environment: BASE_URL (http://127.0.0.1:8082), MONGODB_URI (mongodb://127.0.0.1:27017), ARTICLE (bench-article),
# COMMENTS (10000), DURATION (30s), THREADS (1), CONNECTIONS (16), PORT (8082, self-contained only).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ARTICLE="${ARTICLE:-bench-article}"
COMMENTS="${COMMENTS:-10000}"
DURATION="${DURATION:-30s}"
THREADS="${THREADS:-1}"
CONNECTIONS="${CONNECTIONS:-16}"
PORT="${PORT:-8082}"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

CP="$(bench_classpath)"

SERVER_PID=""
cleanup() { if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi; }
trap cleanup EXIT

if [[ "${1:-}" == "--self-contained" ]]; then
  BASE_URL="http://127.0.0.1:$PORT"
  echo "Starting comment-service on the embedded broker and store (port $PORT)..."
  java -Xmx1g -cp "$CP" news.comment.bench.CommentReadBenchServer "$PORT" "$ARTICLE" "$COMMENTS" > "$OUT/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 180); do
    grep -q '^READY' "$OUT/server.log" && break
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "the bench server died:" >&2; tail -40 "$OUT/server.log" >&2; exit 1; }
    sleep 1
  done
  grep -q '^READY' "$OUT/server.log" || { echo "the bench server did not become ready" >&2; exit 1; }
  MIDDLE_CURSOR="$(sed -n 's/^MIDDLE_CURSOR=//p' "$OUT/server.log")"
else
  BASE_URL="${BASE_URL:-http://127.0.0.1:8082}"
  MONGODB_URI="${MONGODB_URI:-mongodb://127.0.0.1:27017}"
  echo "Seeding $COMMENTS comments on $ARTICLE into $MONGODB_URI..."
  MIDDLE_CURSOR="$(java -cp "$CP" news.comment.bench.CommentSeed "$MONGODB_URI" "$ARTICLE" "$COMMENTS" \
      | sed -n 's/^MIDDLE_CURSOR=//p')"
fi

FIRST="$BASE_URL/api/articles/$ARTICLE/comments?limit=20"
MIDDLE="$FIRST&cursor=$MIDDLE_CURSOR"
count="$(curl -fsS "$FIRST" | grep -o '"count":[0-9]*' || true)"
echo "Check: $count (expect \"count\":$COMMENTS), $(curl -fsS "$FIRST" | grep -o '"articleId":' | wc -l) items on the first page"

echo "== first page: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency $FIRST"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$FIRST" | tee "$OUT/first-page.txt"
echo "== middle page (cursor): wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency $MIDDLE"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$MIDDLE" | tee "$OUT/middle-page.txt"
echo "Results in $OUT"
