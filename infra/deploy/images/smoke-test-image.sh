#!/usr/bin/env bash
# Runs a service image tarball WITHOUT Docker, to prove the image itself works: unpacks its layers in order into a
# root file system, starts its entrypoint there with chroot as the image's user (never root), with the image's
# environment, and waits for GET /actuator/health/liveness to answer 200 on a free management port (the service on
# another free port). Then stops it.
#
#   sudo infra/deploy/images/smoke-test-image.sh gateway/target/image/gateway.tar [KEY=VALUE ...]
#
# Extra KEY=VALUE pairs are added to the environment (e.g. KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092). Readiness is
# printed but not required: without a broker and store it is DOWN by design. Needs root (chroot, mount of /proc).
set -euo pipefail

TAR="$(readlink -f "${1:?usage: smoke-test-image.sh <image.tar> [KEY=VALUE ...]}")"
shift
[[ "$(id -u)" == 0 ]] || { echo "smoke-test-image: chroot needs root" >&2; exit 1; }
command -v python3 >/dev/null || { echo "smoke-test-image: python3 is needed to read the image's JSON" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/news-image-smoke.XXXXXX")"
ROOTFS="$WORK/rootfs"
PID=""
cleanup() {
  [[ -n "$PID" ]] && kill "$PID" 2>/dev/null && sleep 2
  mountpoint -q "$ROOTFS/proc" && umount "$ROOTFS/proc"
  rm -rf "$WORK"
}
trap cleanup EXIT

mkdir -p "$WORK/image" "$ROOTFS"
tar -C "$WORK/image" -xf "$TAR"
# layers in order; Jib writes gzip-compressed ones, a docker-save base may be plain tar
python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))[0]["Layers"]))' "$WORK/image/manifest.json" |
  while read -r layer; do tar -C "$ROOTFS" -xzf "$WORK/image/$layer" 2>/dev/null || tar -C "$ROOTFS" -xf "$WORK/image/$layer"; done

read_config() {
  python3 - "$WORK/image" "$1" <<'PY'
import json, shlex, sys
root, what = sys.argv[1], sys.argv[2]
manifest = json.load(open(root + "/manifest.json"))[0]
config = json.load(open(root + "/" + manifest["Config"]))["config"]
if what == "user":
    print(config.get("User", ""))
elif what == "env":
    print("\n".join(config.get("Env", [])))
elif what == "entrypoint":
    print(" ".join(shlex.quote(a) for a in config.get("Entrypoint", []) + (config.get("Cmd") or [])))
elif what == "workdir":
    print(config.get("WorkingDir", "/"))
elif what == "ports":
    print(" ".join(p.split("/")[0] for p in config.get("ExposedPorts", {})))
PY
}

USER_SPEC="$(read_config user)"
[[ -n "$USER_SPEC" && "${USER_SPEC%%:*}" != 0 && "${USER_SPEC%%:*}" != root ]] ||
  { echo "smoke-test-image: the image runs as '${USER_SPEC:-root}', not as a non-root user" >&2; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PORT="$(free_port)"
MANAGEMENT_PORT="$(free_port)"
mapfile -t ENV_LIST < <(read_config env)
ENV_LIST+=("SERVER_PORT=$PORT" "MANAGEMENT_SERVER_PORT=$MANAGEMENT_PORT" "$@")

mount -t proc proc "$ROOTFS/proc"
echo "Starting $(read_config entrypoint) as $USER_SPEC on port $PORT (management $MANAGEMENT_PORT)"
(cd / && exec env -i "${ENV_LIST[@]}" chroot --userspec="$USER_SPEC" "$ROOTFS" /bin/sh -c \
  "cd $(read_config workdir) && exec $(read_config entrypoint)") >"$WORK/service.log" 2>&1 &
PID=$!

for _ in $(seq 1 90); do
  if ! kill -0 "$PID" 2>/dev/null; then
    echo "smoke-test-image: the service exited; last lines:" >&2; tail -30 "$WORK/service.log" >&2; exit 1
  fi
  status="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$MANAGEMENT_PORT/actuator/health/liveness" || true)"
  if [[ "$status" == 200 ]]; then
    echo "liveness: 200 (image declares ports $(read_config ports); process user: $(ps -o user= -p "$(pgrep -P "$PID" java || echo "$PID")" | tr -d ' '))"
    echo "readiness: $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$MANAGEMENT_PORT/actuator/health/readiness")"
    exit 0
  fi
  sleep 2
done
echo "smoke-test-image: no 200 from /actuator/health/liveness within 180 s; last lines:" >&2
tail -30 "$WORK/service.log" >&2
exit 1
