#!/usr/bin/env bash
# TextFSM speed: parses 10 MB of generated "show interfaces" output with one template (genja-textfsm's corpus
# case show-interfaces) in Java (JMH, single shot per parse) and in Google's textfsm (the python3-textfsm package,
# ParseText timed alone), and prints both and their ratios. Java is measured twice on the same work: in a fixed,
# pre-touched heap (parsing alone) and with the JVM's default, still growing heap (parsing plus the first touch of
# fresh memory, which is slow on virtual machines); see TextFsmBenchmark. Run it on a quiet machine.
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
java -jar bench/target/benchmarks.jar 'io.genja.bench.textfsm.TextFsmBenchmark' -p megabytes="$MB" -f 2 -wi 10 -i 10 \
    -rf json -rff bench/target/textfsm-jmh.json | tail -n 5
"$PYTHON" - bench/target/textfsm-jmh.json "$PY_JSON" <<'EOF'
import json, sys
python_ms = json.loads(sys.argv[2])["best_seconds"] * 1000
print("textfsm (Python) ParseText: %.0f ms (best of rounds)" % python_ms)
for result in json.load(open(sys.argv[1])):
    metric = result["primaryMetric"]
    print("%s: %.0f +- %.0f ms/op, %.1fx faster than textfsm" % (result["benchmark"].rsplit(".", 1)[1],
          metric["score"], metric["scoreError"], python_ms / metric["score"]))
EOF
