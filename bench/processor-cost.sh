#!/usr/bin/env bash
# What the annotation processor adds to a clean compile of 500 small tasks: javac with and without the processor,
# alternating, best of 3 rounds, wall and CPU time, and the ratio (goal: <= 1.3x); once with a fresh javac process
# per compile (CPU = user+sys), once warm in one JVM (see ProcessorCost's Javadoc).
#   bench/processor-cost.sh [tasks] [rounds]
# PROFILE=1 instead records a JFR profile of the processor alone (-proc:only, 5 compiles) into
# bench/target/processor-cost.jfr and prints its hottest frames. Results: bench/processor-cost-results.md and
# docs/tasks.md ("Build cost").
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pbench -pl bench -am package dependency:build-classpath -DskipTests \
    -Dmdep.includeScope=compile -Dmdep.outputFile="$PWD/bench/target/processor-cost.classpath"
CP="bench/target/classes:$(cat bench/target/processor-cost.classpath)"
if [ "${PROFILE:-0}" = 1 ]; then
    java -XX:StartFlightRecording=filename=bench/target/processor-cost.jfr,settings=profile \
        -cp "$CP" io.genja.bench.processor.ProcessorCost --proc-only "${1:-500}" 5
    jfr print --events jdk.ExecutionSample --stack-depth 64 bench/target/processor-cost.jfr \
        | python3 bench/jfr-hot.py
else
    java -cp "$CP" io.genja.bench.processor.ProcessorCost "${1:-500}" "${2:-3}"
fi
