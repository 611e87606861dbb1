#!/usr/bin/env bash
# Runs stream mode (`pipeline run FILE --stdin-jsonl`) once on a whole JSONL corpus and once under
# GNU parallel with two workers on 50-line blocks, and checks that the merged output equals the single run.
# Usage: Scripts/stream-under-parallel.sh [CORPUS.jsonl] [PIPELINE.yml]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/de-news/10kgnad-public.jsonl}
pipeline_file=${2:-Pipelines/de-en.yml}
command -v parallel >/dev/null || { echo "GNU parallel is missing: apt-get install parallel" >&2; exit 2; }
[ -f "$corpus" ] || { echo "$corpus: no such corpus file" >&2; exit 2; }
bin=${PIPELINE_BIN:-.build/release/pipeline}
[ -x "$bin" ] || swift build -c release >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

start=$(date +%s.%N)
"$bin" run "$pipeline_file" --stdin-jsonl --jobs 1 < "$corpus" > "$work/single.jsonl" 2> "$work/single.log"
middle=$(date +%s.%N)
# --keep-order merges the workers' output in input order; -N 50 hands each worker 50 documents at a time.
parallel --pipe --keep-order -N 50 -j 2 "$bin" run "$pipeline_file" --stdin-jsonl --jobs 1 \
    < "$corpus" > "$work/parallel.jsonl" 2> "$work/parallel.log"
end=$(date +%s.%N)

lines=$(wc -l < "$corpus")
single_lines=$(wc -l < "$work/single.jsonl")
echo "documents: $lines in, $single_lines out (single run)"
awk -v a="$start" -v b="$middle" -v c="$end" 'BEGIN { printf "single run: %.2f s; GNU parallel, 2 workers: %.2f s\n", b - a, c - b }'
if cmp -s "$work/single.jsonl" "$work/parallel.jsonl"; then
    echo "stream-under-parallel: equal ($(sha256sum < "$work/single.jsonl" | cut -c1-16))"
else
    echo "stream-under-parallel: DIFFERENT" >&2
    diff <(cut -c1-200 "$work/single.jsonl") <(cut -c1-200 "$work/parallel.jsonl") | head -20 >&2
    exit 1
fi
