# Sourced by the comment-service benchmarks: where the module is, where results go, and the classpath of the bench
# tools (comment-service's test classes, src/test/java/news/comment/bench).
MODULE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(dirname "$MODULE")"
OUT="$MODULE/target/bench"
mkdir -p "$OUT"

# bench_classpath: compiles comment-service with its test classes, then prints the classpath that runs the tools
bench_classpath() {
  echo "Compiling comment-service and its test classes (the bench tools live there)..." >&2
  (cd "$ROOT" && ./mvnw -B -q -pl comment-service test-compile dependency:build-classpath \
      -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt") >&2
  echo "$MODULE/target/classes:$MODULE/target/test-classes:$(cat "$OUT/classpath.txt")"
}
