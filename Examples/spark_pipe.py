#!/usr/bin/env python3
"""Runs the pipeline under PySpark (local mode) with RDD.pipe and checks the result equals a single run.

Every partition of the RDD is piped through one `pipeline run FILE --stdin-jsonl` process; the same
command works on a real cluster when the binary, the pipeline file and its glossary are on every worker.

Usage (from the project root, after `swift build -c release` and `pip install pyspark`):
    python3 Examples/spark_pipe.py [CORPUS.jsonl] [PIPELINE.yml] [PARTITIONS]
"""
import os
import subprocess
import sys

from pyspark import SparkConf, SparkContext


def main() -> int:
    corpus = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/de-news/10kgnad-public.jsonl"
    pipeline_file = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else "Pipelines/de-en.yml")
    partitions = int(sys.argv[3]) if len(sys.argv) > 3 else 4
    binary = os.path.abspath(os.environ.get("PIPELINE_BIN", ".build/release/pipeline"))
    command = [binary, "run", pipeline_file, "--stdin-jsonl", "--jobs", "1"]

    with open(corpus, encoding="utf-8") as handle:
        lines = [line.rstrip("\n") for line in handle if line.strip()]

    single = subprocess.run(command, input="\n".join(lines) + "\n", capture_output=True, text=True, check=True)
    expected = single.stdout.splitlines()

    context = SparkContext(conf=SparkConf().setMaster("local[2]").setAppName("pipeline-pipe"))
    context.setLogLevel("ERROR")
    try:
        # Spark keeps partition order, and pipe keeps line order within a partition.
        piped = context.parallelize(lines, partitions).pipe(" ".join(command)).collect()
    finally:
        context.stop()

    print(f"documents: {len(lines)}; single run: {len(expected)} lines; Spark RDD.pipe over {partitions} partitions: {len(piped)} lines")
    if piped == expected:
        print("spark-pipe: equal")
        return 0
    print("spark-pipe: DIFFERENT", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
