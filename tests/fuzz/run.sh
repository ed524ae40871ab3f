#!/bin/sh
# tests/fuzz/run.sh: run the ingest fuzzer for a bounded time, then replay
# every regression case. Called by `make fuzz` from the repository root.
#
# usage: sh tests/fuzz/run.sh FUZZER [SECONDS]
#   FUZZER   the libFuzzer binary (make fuzz builds $(BUILD)/fuzz_ingest)
#   SECONDS  fuzzing time (default 60; 0 = only replay the regression cases)
#
# The fuzzer works on a copy of the seed corpus in a temporary folder:
# tests/fuzz/seed/* plus the bundled articles of assets/corpus (each with its
# .meta sidecar appended after the separator of tests/fuzz/fuzz_input.h), so
# the checked-in seeds never change. Inputs up to FUZZ_MAX_LEN bytes, each
# allowed FUZZ_TIMEOUT seconds. A crash is saved under FUZZ_CRASH_DIR (default
# the fuzzer's folder/fuzz-crashes) and counts as a failure; to keep it:
#   FUZZER -minimize_crash=1 -runs=10000 -exact_artifact_path=tests/fuzz/regress/NAME CRASH
# The fuzzing run counts as one test, each regression case as one more; the
# last line is "N passed, N failed", and the exit status is 1 on any failure.
set -u
bin=${1:?usage: run.sh FUZZER [SECONDS]}
secs=${2:-60}
here=$(dirname "$0")
max_len=${FUZZ_MAX_LEN:-65536}
per_input=${FUZZ_TIMEOUT:-10}
crashes=${FUZZ_CRASH_DIR:-$(dirname "$bin")/fuzz-crashes}
passed=0; failed=0

tmp=$(mktemp -d "${TMPDIR:-/tmp}/vitrine-fuzz-run.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/corpus" "$crashes"
cp "$here"/seed/* "$tmp/corpus/"
for a in assets/corpus/*.txt; do
    [ -f "$a" ] || continue
    out="$tmp/corpus/bundled_$(basename "$a")"
    cp "$a" "$out"
    meta=${a%.txt}.meta
    if [ -f "$meta" ]; then printf '\n--8<-- sidecar\n' >> "$out"; cat "$meta" >> "$out"; fi
done

if [ "$secs" -gt 0 ]; then
    nseed=$(ls "$tmp/corpus" | wc -l)
    start=$(date +%s)
    "$bin" -max_len="$max_len" -timeout="$per_input" -rss_limit_mb=2048 \
        -max_total_time="$secs" -dict="$here/ingest.dict" -print_final_stats=1 \
        -artifact_prefix="$crashes/" "$tmp/corpus" > "$tmp/log" 2>&1
    rc=$?
    end=$(date +%s)
    grep -E '^#[0-9]+' "$tmp/log" | tail -n 1
    grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$tmp/log"
    echo "fuzz: ran $((end - start)) s from $nseed seeds, corpus now $(ls "$tmp/corpus" | wc -l) files (exit $rc)"
    if [ "$rc" = 0 ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "---- fuzz: crash (last 60 lines of the log)"
        tail -n 60 "$tmp/log"
        echo "---- saved in $crashes/; minimise it and add it to $here/regress/"
    fi
fi

for f in "$here"/regress/*; do
    [ -f "$f" ] || continue
    if "$bin" -timeout="$per_input" -rss_limit_mb=2048 "$f" > "$tmp/one" 2>&1; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "---- regression case $f fails:"
        tail -n 40 "$tmp/one"
    fi
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
