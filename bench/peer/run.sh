#!/usr/bin/env bash
# The peer benchmark (../shared/bench: one real OpenSSH sshd on 127.0.0.1 playing a device fleet; Nornir, Ansible,
# the OpenSSH client and genja side by side) with the genja peer running Genja the way users now run it: the
# launcher bin/genja of the examples distribution, instead of `java -jar`. Everything else (inventory, task,
# host-key check, timing) is the harness's own. See README.md here.
#
# Usage: bench/peer/run.sh    (env as bench.sh: PEERS, N_LIST, W_LIST, REPS; RESULTS defaults to a dated file here)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
harness=${BENCH_HARNESS:-$root/../shared/bench}
die() { echo "bench/peer/run.sh: $*" >&2; exit 1; }
[ -f "$harness/bench.sh" ] || die "no peer harness at $harness (set BENCH_HARNESS)"
launcher=$(ls -d "$root"/examples/target/genja-examples-*-bin/genja-examples-*/bin/genja 2>/dev/null | head -1)
[ -x "$launcher" ] || die "no launcher: build it first (mvn -B -q -pl examples -am package -DskipTests)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$harness"/. "$work"/
# the one change: the peer's `java -jar` becomes the launcher (its JVM options are the launcher's own)
sed -i 's|^java \${GENJA_JAVA_OPTS:-} -jar "\$jar" |"$GENJA_LAUNCHER" |' "$work/peers/genja.sh"
grep -q '^"\$GENJA_LAUNCHER" ' "$work/peers/genja.sh" || die "peers/genja.sh changed: cannot point it at the launcher"

export GENJA_LAUNCHER="$launcher" PROJECT_DIR="$root"
export BENCH_RUN_DIR="${BENCH_RUN_DIR:-/var/lib/genja-peer-bench}"
export RESULTS="${RESULTS:-$root/bench/peer/results-$(date +%F).md}"
cd "$work"
bash bench.sh
echo "results: $RESULTS"
