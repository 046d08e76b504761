#!/usr/bin/env bash
# Builds the services' base image WITHOUT Docker and without a container registry: a Debian bookworm root file
# system with the JRE 17 of Debian's openjdk-17-jre-headless package and a non-root user `news` (uid/gid 10001),
# written as a `docker save`-format tarball that Jib takes as its base (`-Djib.from.image=tar://...`).
#
# Use it where no registry is reachable (only Debian's package mirror is). Where a registry is reachable, Jib pulls
# eclipse-temurin:17-jre instead and this script is not needed (docs/deploy.md).
#
#   sudo infra/deploy/images/build-base-image.sh [output.tar]    # needs root (debootstrap) and ~1 GB of disk
#
# Default output: infra/deploy/images/target/news-jre17-base.tar (git-ignored). Rebuilding gives the same packages
# as long as the mirror serves the same versions; the layer is written with fixed file times to stay reproducible.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="${1:-$HERE/target/news-jre17-base.tar}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
SUITE="${DEBIAN_SUITE:-bookworm}"
UID_GID=10001

for tool in debootstrap sha256sum tar; do
  command -v "$tool" >/dev/null || { echo "build-base-image: '$tool' is missing (apt-get install -y $tool)" >&2; exit 1; }
done
[[ "$(id -u)" == 0 ]] || { echo "build-base-image: debootstrap needs root" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/news-base-image.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
ROOTFS="$WORK/rootfs"

echo "debootstrap $SUITE (minbase + openjdk-17-jre-headless) from $MIRROR ..."
debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates,tzdata \
  "$SUITE" "$ROOTFS" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 || {
  tail -40 "$WORK/debootstrap.log" >&2
  exit 1
}

# the non-root user the services run as (Jib's <container><user> refers to it by number)
echo "news:x:$UID_GID:$UID_GID:news platform:/home/news:/usr/sbin/nologin" >>"$ROOTFS/etc/passwd"
echo "news:x:$UID_GID:" >>"$ROOTFS/etc/group"
echo "news:!:20000::::::" >>"$ROOTFS/etc/shadow"
install -d -o "$UID_GID" -g "$UID_GID" -m 0750 "$ROOTFS/home/news"
# where ranking-service keeps its Kafka Streams state unless a volume is mounted there
install -d -o "$UID_GID" -g "$UID_GID" -m 0750 "$ROOTFS/var/lib/news"

# what an image does not need
rm -rf "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/usr/share/doc/* \
  "$ROOTFS"/usr/share/man/* "$ROOTFS"/usr/share/info/* "$ROOTFS"/var/log/* "$ROOTFS"/tmp/*
chmod 1777 "$ROOTFS/tmp"

JAVA_HOME_IN_IMAGE="$(cd "$ROOTFS" && dirname "$(dirname "$(readlink -f "$ROOTFS/usr/bin/java" | sed "s|^$ROOTFS||")")")"
[[ -x "$ROOTFS$JAVA_HOME_IN_IMAGE/bin/java" ]] || { echo "build-base-image: no java in the root file system" >&2; exit 1; }

echo "writing the layer ..."
LAYER="$WORK/layer.tar"
tar --numeric-owner --sort=name --mtime='2026-01-01 00:00:00Z' -C "$ROOTFS" -cf "$LAYER" .
DIFF_ID="sha256:$(sha256sum "$LAYER" | cut -d' ' -f1)"
LAYER_DIR="${DIFF_ID#sha256:}"

IMAGE="$WORK/image"
mkdir -p "$IMAGE/$LAYER_DIR"
mv "$LAYER" "$IMAGE/$LAYER_DIR/layer.tar"
cat >"$IMAGE/config.json" <<JSON
{"architecture":"amd64","os":"linux",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=$JAVA_HOME_IN_IMAGE","LANG=C.UTF-8"],
           "User":"$UID_GID:$UID_GID","WorkingDir":"/home/news",
           "Labels":{"org.opencontainers.image.title":"news-platform JRE 17 base","org.opencontainers.image.base.name":"debian:$SUITE (debootstrap)"}},
 "rootfs":{"type":"layers","diff_ids":["$DIFF_ID"]},
 "history":[{"created":"2026-01-01T00:00:00Z","created_by":"infra/deploy/images/build-base-image.sh: debootstrap $SUITE minbase + openjdk-17-jre-headless"}]}
JSON
CONFIG_DIGEST="$(sha256sum "$IMAGE/config.json" | cut -d' ' -f1)"
mv "$IMAGE/config.json" "$IMAGE/$CONFIG_DIGEST.json"
cat >"$IMAGE/manifest.json" <<JSON
[{"Config":"$CONFIG_DIGEST.json","RepoTags":["news-platform/jre17-base:$SUITE"],"Layers":["$LAYER_DIR/layer.tar"]}]
JSON

mkdir -p "$(dirname "$OUT")"
# entries without a leading ./ (Jib refuses to unpack "./" as a path outside its destination)
tar --numeric-owner --sort=name --mtime='2026-01-01 00:00:00Z' -C "$IMAGE" -cf "$OUT" \
  manifest.json "$CONFIG_DIGEST.json" "$LAYER_DIR"
echo "Base image: $OUT ($(du -h "$OUT" | cut -f1)), java at $JAVA_HOME_IN_IMAGE/bin/java, user $UID_GID"
echo "Build the service images on it: ./mvnw -B -DskipTests -Dimages -Djib.from.image=tar://$OUT package"
