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


def default_corpus() -> str:
    """../shared's news corpus where it is, else the repository's German samples as JSON lines."""
    shared = "../shared/corpus/de-news/10kgnad-public.jsonl"
    if os.path.exists(shared):
        return shared
    import json
    import tempfile
    folder = "Samples/de"
    texts = []
    for name in sorted(n for n in os.listdir(folder) if n.endswith((".txt", ".md"))):
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            texts.append(handle.read())
    output = tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8")
    for index in range(20 * len(texts)):  # ids stay unique: a stream refuses a repeated one
        output.write(json.dumps({"id": f"sample-{index}", "text": texts[index % len(texts)]}, ensure_ascii=False) + "\n")
    output.close()
    print(f"note: ../shared is absent; using Samples/de as {output.name}", file=sys.stderr)
    return output.name


def main() -> int:
    corpus = sys.argv[1] if len(sys.argv) > 1 else default_corpus()
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
