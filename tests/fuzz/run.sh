#!/bin/sh
# tests/fuzz/run.sh: run the ingest fuzzers for a bounded time, then replay
# every regression case. Called by `make fuzz` from the repository root.
#
# usage: sh tests/fuzz/run.sh FUZZER... [SECONDS]
#   FUZZER   a libFuzzer binary: $(BUILD)/fuzz_ingest (text articles) and/or
#            $(BUILD)/fuzz_html (saved pages); its name says its kind
#   SECONDS  fuzzing time for all of them together, shared evenly (default
#            60; 0 = only replay the regression cases)
#
# Per kind: fuzz_store (the app's side) uses tests/fuzz/seed_store,
# regress_store, store.dict and the bundled $BUILD/corpus.db, inputs up to
# FUZZ_STORE_MAX_LEN (300000) bytes, FUZZ_STORE_TIMEOUT (30) s each (every
# input is shown on about 20 screens; instrumented, that is ~20x slower than
# the app); fuzz_ingest uses tests/fuzz/seed, regress, ingest.dict, plus the
# bundled articles of assets/corpus (each with its .meta sidecar appended
# after the separator of tests/fuzz/fuzz_input.h); fuzz_html uses
# tests/fuzz/seed_html, regress_html, html.dict, plus the development
# pages' page.html when they are there (../shared/webpages-dev beside the
# repository or $VITRINE_WEBPAGES; only their first FUZZ_MAX_LEN bytes are
# used). The fuzzer works on a copy of the seeds in a temporary folder, so
# the checked-in seeds never change. Inputs up to FUZZ_MAX_LEN bytes, each
# allowed FUZZ_TIMEOUT seconds. A crash is saved under FUZZ_CRASH_DIR (default
# the fuzzer's folder/fuzz-crashes) and counts as a failure; to keep it:
#   FUZZER -minimize_crash=1 -runs=10000 -exact_artifact_path=tests/fuzz/regress/NAME CRASH
# Each fuzzing run counts as one test, each regression case as one more; the
# last line is "N passed, N failed", and the exit status is 1 on any failure.
set -u
bins=""; secs=60
for a in "$@"; do
    case $a in *[!0-9]*) bins="$bins $a" ;; *) secs=$a ;; esac
done
[ -n "$bins" ] || { echo "usage: run.sh FUZZER... [SECONDS]" >&2; exit 2; }
nbins=$(echo $bins | wc -w)
here=$(dirname "$0")
max_len=${FUZZ_MAX_LEN:-65536}
per_input=${FUZZ_TIMEOUT:-10}
passed=0; failed=0
webpages=${VITRINE_WEBPAGES:-../shared/webpages-dev}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/vitrine-fuzz-run.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

for bin in $bins; do
    kind=$(basename "$bin"); kind=${kind#fuzz_}
    case $kind in
    ingest) seed=$here/seed; regress=$here/regress; dict=$here/ingest.dict ;;
    *) seed=$here/seed_$kind; regress=$here/regress_$kind; dict=$here/$kind.dict ;;
    esac
    len=$max_len; limit=$per_input
    if [ "$kind" = store ]; then    # databases are bigger, and each shows ~20 screens
        len=${FUZZ_STORE_MAX_LEN:-300000}; limit=${FUZZ_STORE_TIMEOUT:-30}
    fi
    crashes=${FUZZ_CRASH_DIR:-$(dirname "$bin")/fuzz-crashes}
    rm -rf "$tmp/corpus"; mkdir -p "$tmp/corpus" "$crashes"
    cp "$seed"/* "$tmp/corpus/"
    if [ "$kind" = ingest ]; then
        for a in assets/corpus/*.txt; do
            [ -f "$a" ] || continue
            out="$tmp/corpus/bundled_$(basename "$a")"
            cp "$a" "$out"
            meta=${a%.txt}.meta
            if [ -f "$meta" ]; then printf '\n--8<-- sidecar\n' >> "$out"; cat "$meta" >> "$out"; fi
        done
    elif [ "$kind" = store ]; then
        db=${BUILD:-build}/corpus.db
        [ -f "$db" ] && cp "$db" "$tmp/corpus/bundled_corpus.db"
    elif [ "$kind" = html ] && [ -d "$webpages" ]; then
        for p in "$webpages"/*/page.html; do
            [ -f "$p" ] && head -c "$max_len" "$p" > "$tmp/corpus/dev_$(basename "$(dirname "$p")").html"
        done
    fi

    share=$((secs / nbins))
    if [ "$secs" -gt 0 ]; then
        [ "$share" -gt 0 ] || share=1
        nseed=$(ls "$tmp/corpus" | wc -l)
        start=$(date +%s)
        "$bin" -max_len="$len" -timeout="$limit" -rss_limit_mb=2048 \
            -max_total_time="$share" -dict="$dict" -print_final_stats=1 \
            -artifact_prefix="$crashes/" "$tmp/corpus" > "$tmp/log" 2>&1
        rc=$?
        end=$(date +%s)
        grep -E '^#[0-9]+' "$tmp/log" | tail -n 1
        grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$tmp/log"
        echo "fuzz $kind: ran $((end - start)) s from $nseed seeds, corpus now $(ls "$tmp/corpus" | wc -l) files (exit $rc)"
        if [ "$rc" = 0 ]; then
            passed=$((passed + 1))
        else
            failed=$((failed + 1))
            echo "---- fuzz $kind: crash (last 60 lines of the log)"
            tail -n 60 "$tmp/log"
            echo "---- saved in $crashes/; minimise it and add it to $regress/"
        fi
    fi

    for f in "$regress"/*; do
        [ -f "$f" ] || continue
        if "$bin" -timeout="$limit" -rss_limit_mb=2048 "$f" > "$tmp/one" 2>&1; then
            passed=$((passed + 1))
        else
            failed=$((failed + 1))
            echo "---- regression case $f fails:"
            tail -n 40 "$tmp/one"
        fi
    done
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
