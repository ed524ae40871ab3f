#!/bin/sh
# tests/bench.sh: speed and memory of the display engine beside their targets
# (`make bench`; not part of `make test`). Headless, 1920x1080, on the built
# corpus ($BUILD/corpus.db; the engine fixture if that is missing). Also runs
# tests/bench_ingest.sh when present.
#
#   first frame       process start -> first frame rendered, median of 7 runs   < 100 ms
#   transition frame  compose time of one transition frame, 99th percentile      < 8 ms
#   prepare           layout + text textures of a new text-heavy screen, max     < 20 ms
#   peak RSS          VmHWM over a run with 40 transitions                       < 45 MB
#   wake-ups          loop iterations per second, live run, static screen        <= 2 /s
BUILD=${BUILD:-build}
APP=$BUILD/vitrine
SIZE=1920x1080
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
DB=$BUILD/corpus.db
if [ ! -s "$DB" ]; then
    DB=$tmp/fixture.db
    sqlite3 "$DB" < tests/fixtures/engine/fixture.sql
fi
echo "engine bench: headless $SIZE, database $DB"
fails=0
report() {  # name value unit op target
    if awk -v v="$2" -v t="$5" -v op="$4" 'BEGIN { exit !((op == "<" && v < t) || (op == "<=" && v <= t)) }'
    then verdict=ok; else verdict=MISSED; fails=$((fails + 1)); fi
    printf '%-18s %8s %-3s (target %s %s %s)  %s\n' "$1:" "$2" "$3" "$4" "$5" "$3" "$verdict"
}

# First frame: from just before exec to the first rendered frame.
printf 'at 16 quit\n' > "$tmp/first.script"
: > "$tmp/first"
for i in 1 2 3 4 5 6 7; do
    t0=$(date +%s%N)
    "$APP" --headless --quiet --bench --size $SIZE --db "$DB" --script "$tmp/first.script" \
        > "$tmp/out" 2>/dev/null
    t1=$(sed -n 's/^bench first_frame_at_ns //p' "$tmp/out")
    echo $(( (t1 - t0) / 1000 )) >> "$tmp/first"
done
first=$(sort -n "$tmp/first" | sed -n 4p | awk '{ printf "%.1f", $1 / 1000 }')
report "first frame" "$first" ms "<" 100

# Transitions: 40 of them, both kinds, every article prepared in turn.
{
    t=1000
    for i in $(seq 1 20); do echo "at $t key Right"; t=$((t + 1000)); done
    for i in $(seq 1 20); do echo "at $t key Left"; t=$((t + 1000)); done
    echo "at $t quit"
} > "$tmp/trans.script"
for kind in crossfade slide; do
    "$APP" --headless --quiet --bench --size $SIZE --db "$DB" --transition $kind \
        --script "$tmp/trans.script" >> "$tmp/trans" 2>/dev/null
done
p99=$(awk '$2 == "frame_ms" && $4 == "transition" { print $3 }' "$tmp/trans" | sort -n |
      awk '{ v[NR] = $1 } END { i = int(NR * 0.99); if (i < 1) i = 1; printf "%.2f", v[i] }')
nframes=$(grep -c 'frame_ms .* transition' "$tmp/trans")
report "transition frame" "$p99" ms "<" 8
echo "                   (p99 of $nframes transition frames)"
prep=$(awk '$2 == "prepare_ms" { print $3 }' "$tmp/trans" | sort -n | tail -1)
med=$(awk '$2 == "prepare_ms" { print $3 }' "$tmp/trans" | sort -n |
      awk '{ v[NR] = $1 } END { printf "%.2f", v[int((NR + 1) / 2)] }')
report "prepare (max)" "$prep" ms "<" 20
echo "                   (median $med ms over $(grep -c prepare_ms "$tmp/trans") screens)"
rss=$(awk '$2 == "peak_rss_kb" { if ($3 > m) m = $3 } END { printf "%.1f", m / 1024 }' "$tmp/trans")
report "peak RSS" "$rss" MB "<" 45

# Wake-ups: a live (real-clock) run showing a static screen for 4 s.
"$APP" --headless --quiet --bench --size $SIZE --db "$DB" > "$tmp/live" 2>/dev/null & pid=$!
sleep 4; kill -TERM $pid; wait $pid
steps=$(sed -n 's/^bench steps \([0-9]*\) .*/\1/p' "$tmp/live")
end=$(sed -n 's/.* end_ms \([0-9]*\)$/\1/p' "$tmp/live")
rate=$(awk -v s="$steps" -v e="$end" 'BEGIN { printf "%.2f", (s - 1) / (e / 1000) }')
report "wake-ups" "$rate" /s "<=" 2
echo "                   ($steps iterations in $end ms, first frame included)"

if [ -f tests/bench_ingest.sh ]; then
    echo
    BUILD=$BUILD sh tests/bench_ingest.sh || fails=$((fails + 1))
fi
[ $fails -eq 0 ]
