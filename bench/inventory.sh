#!/usr/bin/env bash
# Measures the inventory at scale: generates 100,000 hosts (100 groups, 3 levels of parents, each host in
# 2 groups) as YAML, then reports load time, resolve-all-for-ssh time and peak heap, under -Xmx300m (so the
# run fails if the heap target is missed). JMH=1 also runs the JMH benchmark.
#   bench/inventory.sh [hosts] [directory] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pbench -pl bench -am package -DskipTests
java -Xmx300m -cp bench/target/benchmarks.jar io.genja.bench.inventory.InventoryLoadMain \
    "${1:-100000}" "${2:-bench/target/inventory-bench-100000}" "${3:-5}"
if [ "${JMH:-0}" = 1 ]; then
    java -Xmx1g -jar bench/target/benchmarks.jar 'io.genja.bench.inventory.InventoryBenchmark' -f 1 -wi 2 -i 5
fi
