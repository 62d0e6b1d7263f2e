"""Runs Google's textfsm (the reference implementation) over the whole corpus and prints one JSON object.

Usage: textfsm_oracle.py CORPUS_DIR

Each case is a directory with a template.textfsm and zero or more *.txt inputs; a case without inputs only
compiles its template. An index/ directory (ntc-templates layout) with lookups.tsv (platform, command, input file)
is looked up through textfsm's clitable. Keys of the output: "case/input" (or "case" for a template alone, or
"index/N" for the N-th lookup); values: {"header": [...], "rows": [...]} or {"error": kind, "message": text}.
"""
import io
import json
import os
import sys
import warnings

import textfsm
from textfsm import clitable

warnings.simplefilter("ignore")  # Python's FutureWarning about "[[" in a set: textfsm itself takes it


def read_text(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def run_case(template_path, input_path):
    try:
        with open(template_path, encoding="utf-8") as template:
            fsm = textfsm.TextFSM(template)
            if input_path is None:
                return {"header": fsm.header, "rows": []}
            rows = fsm.ParseText(read_text(input_path))
            return {"header": fsm.header, "rows": rows}
    except textfsm.TextFSMTemplateError as e:
        return {"error": "template", "message": str(e)}
    except textfsm.TextFSMError as e:
        return {"error": "parse", "message": str(e)}


def run_lookups(index_dir):
    results = {}
    with open(os.path.join(index_dir, "lookups.tsv"), encoding="utf-8") as f:
        lookups = [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]
    for n, (platform, command, input_file) in enumerate(lookups, 1):
        table = clitable.CliTable("index", index_dir)
        try:
            table.ParseCmd(read_text(os.path.join(index_dir, input_file)),
                           {"Platform": platform, "Command": command})
            rows = [list(row.values) for row in table]
            results["index/%d" % n] = {"header": list(table.header), "rows": rows}
        except clitable.CliTableError as e:
            results["index/%d" % n] = {"error": "lookup", "message": str(e)}
    return results


def main(corpus):
    results = {}
    for case in sorted(os.listdir(corpus)):
        directory = os.path.join(corpus, case)
        if case == "index" or not os.path.isdir(directory):
            continue
        template = os.path.join(directory, "template.textfsm")
        inputs = sorted(f for f in os.listdir(directory) if f.endswith(".txt"))
        if not inputs:
            results[case] = run_case(template, None)
        for name in inputs:
            results[case + "/" + name] = run_case(template, os.path.join(directory, name))
    if os.path.isdir(os.path.join(corpus, "index")):
        results.update(run_lookups(os.path.join(corpus, "index")))
    json.dump(results, sys.stdout, ensure_ascii=False, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1])
