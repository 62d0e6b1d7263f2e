#!/usr/bin/env bash
# TextFSM speed: parses 10 MB of generated "show interfaces" output with one template (genja-textfsm's corpus
# case show-interfaces) in Java (JMH, single shot per parse) and in Google's textfsm (the python3-textfsm package,
# ParseText timed alone), and prints both and their ratio. Run it on a quiet machine.
#   bench/textfsm.sh [megabytes] [python rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
MB="${1:-10}"
ROUNDS="${2:-3}"
PYTHON=/usr/bin/python3
"$PYTHON" -c 'import textfsm' 2>/dev/null || PYTHON=python3
mvn -B -q -Pbench -pl bench -am package -DskipTests
INPUT="bench/target/show-interfaces-${MB}mb.txt"
java -cp bench/target/benchmarks.jar io.genja.bench.textfsm.ShowInterfacesOutput "$INPUT" "$MB"
TEMPLATE=genja-textfsm/src/test/resources/corpus/show-interfaces/template.textfsm
PY_JSON=$("$PYTHON" bench/textfsm_python.py "$TEMPLATE" "$INPUT" "$ROUNDS")
echo "textfsm (Python): $PY_JSON"
java -jar bench/target/benchmarks.jar 'io.genja.bench.textfsm.TextFsmBenchmark' -p megabytes="$MB" -f 1 -wi 3 -i 5 \
    -rf json -rff bench/target/textfsm-jmh.json | tail -n 4
JAVA_MS=$("$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["primaryMetric"]["score"])' \
    bench/target/textfsm-jmh.json)
PY_S=$("$PYTHON" -c 'import json,sys; print(json.loads(sys.argv[1])["best_seconds"])' "$PY_JSON")
"$PYTHON" -c 'import sys; j=float(sys.argv[1]); p=float(sys.argv[2])*1000; print("genja-textfsm %.0f ms, textfsm %.0f ms (best of rounds): %.1fx faster" % (j, p, p/j))' "$JAVA_MS" "$PY_S"
