#!/usr/bin/env bash
# Comment-post benchmark: POST /api/articles/{id}/comments at comment-service, beside the store's own floor for the
# same work and article-service's views fast path as the anchor, all in one run. See bench/README.md.
#
# Needs a running platform whose comment limits let a benchmark through (the designed limits, 5 posts per author a
# minute, would answer most posts 429):
#   NEWS_COMMENTS_RATE_AUTHOR_TOKENS=1000000 NEWS_COMMENTS_RATE_AUTHOR_BURST=1000000 \
#   NEWS_COMMENTS_RATE_CLIENT_TOKENS=1000000 NEWS_COMMENTS_RATE_CLIENT_BURST=1000000 infra/platform up
#
# Environment: COMMENT_SERVICE_URL (http://127.0.0.1:8082), ARTICLE_SERVICE_URL (http://127.0.0.1:8081),
# MONGODB_URI (mongodb://127.0.0.1:27017), CONNECTIONS (64), WARMUP (20s), DURATION (20s).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
COMMENTS_URL="${COMMENT_SERVICE_URL:-http://127.0.0.1:8082}"
ARTICLES_URL="${ARTICLE_SERVICE_URL:-http://127.0.0.1:8081}"
MONGODB_URI="${MONGODB_URI:-mongodb://127.0.0.1:27017}"
CONNECTIONS="${CONNECTIONS:-64}"
WARMUP="${WARMUP:-20s}"
DURATION="${DURATION:-20s}"
PLATFORM="$ROOT/infra/platform"

for url in "$COMMENTS_URL" "$ARTICLES_URL"; do
  [[ "$(curl -s -o /dev/null -w '%{http_code}' "$url/" || true)" != "000" ]] \
    || { echo "comment-post: nothing answers at $url (start the platform: see the top of this script)" >&2; exit 1; }
done

CP="$(bench_classpath)"
seconds() { echo "${1%s}"; }

load() { # name target mix [extra options...]: one closed-loop round, its table kept in $OUT/<name>.txt
  local name="$1" target="$2" mix="$3"; shift 3
  echo "== $name: infra/platform load --target $target --mix $mix --rate max --connections $CONNECTIONS --warm-up $WARMUP --duration $DURATION $*"
  "$PLATFORM" load --target "$target" --mix "$mix" --rate max --connections "$CONNECTIONS" --warm-up "$WARMUP" \
    --duration "$DURATION" "$@" | tee "$OUT/$name.txt" | tail -3
}
floor() { # mode: the store alone doing a post's work
  echo "== store floor ($1): CommentStoreFloor $MONGODB_URI $1 $CONNECTIONS $(seconds "$WARMUP") $(seconds "$DURATION")"
  java -Xmx512m -cp "$CP" news.comment.bench.CommentStoreFloor "$MONGODB_URI" "$1" "$CONNECTIONS" \
    "$(seconds "$WARMUP")" "$(seconds "$DURATION")" 2>&1 | grep -E '^(warm-up|store floor)' | tee "$OUT/floor-$1.txt"
}
rate() { # the req/s of a load table's one POST row, or of the floor's line
  if [[ "$1" == floor-* ]]; then sed -n 's/.*s): \([0-9]*\) .*/\1/p' "$OUT/$1.txt"; else awk '$1 == "POST" {gsub(",", "", $4); print $4}' "$OUT/$1.txt"; fi
}

load views "$ARTICLES_URL" views
load posts "$COMMENTS_URL" comment-posts --articles-from "$ARTICLES_URL"
if grep -q '× 429' "$OUT/posts.txt"; then
  echo "comment-post: posts were answered 429: the platform runs the designed comment limits; restart it as the top of this script says" >&2
  exit 1
fi
floor post
floor insert
load views-again "$ARTICLES_URL" views

views="$(rate views)"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }
row() { printf '%-58s %10s %16s %14s\n' "$@"; }
echo
row "what" "per second" "x views (first)" "x store floor"
row "POST /api/articles/{id}/views, fast path (anchor)" "$views" "1" ""
posts="$(rate posts)"; post_floor="$(rate floor-post)"
row "POST /api/articles/{id}/comments (comment-service)" "$posts" "$(ratio "$posts" "$views")" "$(ratio "$posts" "$post_floor")"
row "store floor: a post's three writes, no service" "$post_floor" "$(ratio "$post_floor" "$views")" "1"
insert_floor="$(rate floor-insert)"
row "store floor: the insert alone" "$insert_floor" "$(ratio "$insert_floor" "$views")" ""
views_again="$(rate views-again)"
row "views fast path again, after the rounds" "$views_again" "$(ratio "$views_again" "$views")" ""
echo "Tables in $OUT"
