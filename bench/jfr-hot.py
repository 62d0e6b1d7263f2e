"""Reads `jfr print --events jdk.ExecutionSample` and prints, for the frames that matter to the processor's
cost, the share of samples whose stack contains them (inclusive), then the hottest top frames (exclusive)."""
import collections
import re
import sys

stacks, stack = [], None
for line in sys.stdin:
    if line.startswith("jdk.ExecutionSample"):
        stack = []
        stacks.append(stack)
    elif stack is not None:
        m = re.match(r"\s+([\w.$<>]+)\(", line)
        if m:
            stack.append(m.group(1))
total = len(stacks) or 1
inclusive = collections.Counter()
for s in stacks:
    for frame in set(s):
        inclusive[frame] += 1
print(f"{len(stacks)} samples")
print("inclusive (stack contains):")
for frame, n in inclusive.most_common():
    if any(k in frame for k in ("genja", "javapoet", "JavacFiler", "JavacElements.getTypeElement",
                                "JavaCompiler.compile", "JavacProcessingEnvironment", "Attr.attrib", "Gen.gen")):
        if n * 100 / total >= 2:
            print(f"  {n * 100 / total:5.1f} %  {frame}")
print("exclusive (top frame):")
for frame, n in collections.Counter(s[0] for s in stacks if s).most_common(15):
    print(f"  {n * 100 / total:5.1f} %  {frame}")
