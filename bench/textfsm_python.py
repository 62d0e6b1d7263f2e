"""Times Google's textfsm parsing one text with one template: the Python side of bench/textfsm.sh.

Usage: textfsm_python.py TEMPLATE INPUT [ROUNDS]
Prints each round's seconds for ParseText alone (the template compiled before the clock starts), wall and CPU (the
CPU time tells on a busy machine), the best of each, and the number of rows, as one line of JSON at the end.
"""
import json
import sys
import time

import textfsm


def main(template_path, input_path, rounds):
    with open(input_path, encoding="utf-8", newline="") as f:
        text = f.read()
    times = []
    cpu_times = []
    rows = 0
    for _ in range(rounds):
        with open(template_path, encoding="utf-8") as template:
            fsm = textfsm.TextFSM(template)
        start, cpu_start = time.perf_counter(), time.process_time()
        rows = len(fsm.ParseText(text))
        times.append(time.perf_counter() - start)
        cpu_times.append(time.process_time() - cpu_start)
        print("round: %.3f s (CPU %.3f s)" % (times[-1], cpu_times[-1]), file=sys.stderr)
    print(json.dumps({"best_seconds": min(times), "best_cpu_seconds": min(cpu_times), "rounds": times,
                      "rows": rows, "bytes": len(text.encode())}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 3)
