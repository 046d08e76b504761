#!/usr/bin/env bash
# Scale-out by hand: two ranking-service jars that differ only in --server.port share one
# application id; both answer every list alike; a killed instance's lists move to the other (state restored from
# the changelogs); a stopped instance hands its lists over at once. Prints what it sees; asserts nothing.
#   ranking-service/bench/two-instances.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

SECOND_PID=""
stop_second() { [[ -n "$SECOND_PID" ]] && kill "$@" "$SECOND_PID" 2>/dev/null && wait "$SECOND_PID" 2>/dev/null || true; SECOND_PID=""; }
trap 'stop_second; cleanup' EXIT

LISTS=()
for list in popular-now must-reads most-shared; do
  for section in all Views Army Navy Air%20Force Defense%20Industry North%20Korea Policy; do LISTS+=("$list?section=$section&limit=50"); done
done

answers() { # answers <port>: every list as that instance answers it
  for path in "${LISTS[@]}"; do curl -s "http://127.0.0.1:$1/api/rankings/$path"; echo; done
}

wait_all_answered() { # wait_all_answered <port>: seconds until all 16 lists answer 200
  local start=$SECONDS
  while true; do
    local ok=1
    for path in "${LISTS[@]}"; do
      [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/api/rankings/$path")" == 200 ]] || { ok=0; break; }
    done
    [[ $ok == 1 ]] && { echo $((SECONDS - start)); return; }
    sleep 0.5
  done
}

build
start_broker
FIRST="$(free_port 18083)"
SECOND="$(free_port $((FIRST + 10)))"
APP="two-instances-$(date +%s)"
start_service "$FIRST" "$APP"
bench load "$BOOTSTRAP" 5000 40

start_second() {
  KAFKA_BOOTSTRAP_SERVERS="$BOOTSTRAP" NEWS_RANKING_APPLICATION_ID="$APP" NEWS_RANKING_STATE_DIR="$WORK/state" \
    java $SERVICE_JAVA_OPTS -jar "$JAR" --server.port="$SECOND" --management.server.port="$((SECOND + 1000))" >> "$WORK/ranking-service-$SECOND.log" 2>&1 &
  SECOND_PID=$!
  until curl -fs "http://127.0.0.1:$((SECOND + 1000))/actuator/health/readiness" >/dev/null 2>&1; do sleep 0.5; done
}
start_second
echo "== second instance ready on $SECOND; both answer every list after $(wait_all_answered "$SECOND") s"
sleep 3
if diff <(answers "$FIRST") <(answers "$SECOND") >/dev/null; then echo "== both instances give identical answers"; else
  echo "== the answers differ (a list may have been recomputed between the two reads):"; diff <(answers "$FIRST") <(answers "$SECOND") | head; fi
grep -h "went from" "$WORK/ranking-service-$FIRST.log" | tail -2

echo "== kill -9 of the second instance"
stop_second -9
echo "   the first answers every list again after $(wait_all_answered "$FIRST") s"

start_second
echo "== second instance back; SIGTERM to the first (graceful: it leaves the group)"
SERVICE_PORT="$FIRST"; stop_service
echo "   the second answers every list after $(wait_all_answered "$SECOND") s"
