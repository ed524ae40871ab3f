#!/bin/sh
# tests/bench.sh: speed and memory of the app beside their targets (`make
# bench`; not part of `make test`). Headless (software renderer), on the
# built corpus ($BUILD/corpus.db; the engine fixture if that is missing).
# Prints one table, then the details; exits non-zero if a target is missed.
#
#   first frame       process start -> first frame rendered (exhibit home),
#                     median of 7 runs, 1920x1080                          < 100 ms
#   transition frame  compose time of one transition frame (engine test
#                     screens, crossfade + slide, and the exhibit's tour of
#                     every screen below), p50 and p99, at 1920x1080 and
#                     3840x2160                                            p99 < 8 ms
#   prepare           layout + text textures of a new screen (engine test
#                     screens, and every exhibit screen: home, article,
#                     full text, quote, timeline, each slide kind), max,
#                     1920x1080                                            < 20 ms
#   peak RSS          VmHWM over the 1920x1080 transition runs             < 45 MB
#                     and with a ~170 KB one-paragraph article's full text   < 45 MB
#   shot              one `shot` at 1920x1080 (render, read back, PNG),
#                     median of 20; memory: peak RSS above a run without   <= 30 ms, <= 10 MB
#   wake-ups          loop iterations per second, live run, static screen  <= 2 /s
#   ingest            tests/bench_ingest.sh: 10,000 generated articles     >= 500 /s
#   html ingest       tests/bench_html.sh: 1,000 generated saved pages of
#                     100-300 KB, pages per CPU second (one core)          >= 200 /s
#   html peak memory  peak RSS of that build                               <= 64 MB
#   10k corpus        first frame and peak RSS of the app started on those
#                     10,000 articles, against 100 generated ones (both
#                     fill Home's 24 cards; the bundled 5 show 5):
#                     flat = at most +20 ms and +2 MB                      (flat)
#   pictures          ingest with a 2400x1600 picture per article, JPEG    >= 100 /s
#                     and PNG (each its own line)
#                     and the tour at 1080p with pictures on every card,
#                     article and summary slide: p99, RSS, prepare, first frame as above
# The targets are issue 3's, set for 1920x1080. The 4K rows are shown for
# information: the software renderer blends 4x the pixels there, and on the
# Pi the GPU renderer composes. Whole run: about two minutes.
BUILD=${BUILD:-build}
APP=$BUILD/vitrine
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
DB=$BUILD/corpus.db
if [ ! -s "$DB" ]; then
    DB=$tmp/fixture.db
    cat tests/fixtures/schema.sql tests/fixtures/engine/fixture.sql | sqlite3 "$DB"
fi
t_start=$(date +%s)
fails=0
: > "$tmp/table"
report() {  # name value unit op target [note]
    if awk -v v="$2" -v t="$5" -v op="$4" 'BEGIN { exit !(v != "" && ((op == "<" && v < t) || (op == "<=" && v <= t) || (op == ">=" && v >= t))) }'
    then verdict=ok; else verdict=MISSED; fails=$((fails + 1)); fi
    printf '%-30s %10s %-4s %-12s %-7s %s\n' "$1" "$2" "$3" "$4 $5 $3" "$verdict" "${6:-}" >> "$tmp/table"
}
pct() {  # file percentile -> value
    sort -n "$1" | awk -v q="$2" '{ v[NR] = $1 } END { i = int(NR * q + 0.5); if (i < 1) i = 1; if (i > NR) i = NR; printf "%.2f", NR ? v[i] : -1 }'
}
run() { "$APP" --headless --quiet --bench "$@" 2>/dev/null; }

# First frame: from just before exec to the first rendered frame (median of n).
first_frame() {  # db runs -> ms; also leaves peak RSS (KiB, max) in $tmp/ff_rss
    printf 'at 16 quit\n' > "$tmp/first.script"
    : > "$tmp/first"; : > "$tmp/ff_rss"
    for i in $(seq 1 "$2"); do
        t0=$(date +%s%N)
        run --size 1920x1080 --db "$1" --script "$tmp/first.script" > "$tmp/out"
        t1=$(sed -n 's/^bench first_frame_at_ns //p' "$tmp/out")
        echo $(( (t1 - t0) / 1000 )) >> "$tmp/first"
        sed -n 's/^bench peak_rss_kb //p' "$tmp/out" >> "$tmp/ff_rss"
    done
    sort -n "$tmp/first" | awk '{ v[NR] = $1 } END { printf "%.1f", v[int((NR + 1) / 2)] / 1000 }'
}
first=$(first_frame "$DB" 7)
rss5=$(sort -n "$tmp/ff_rss" | tail -1)
report "first frame (1080p)" "$first" ms "<" 100

# Transitions: engine test screens, 2n transitions of each kind (every
# article prepared in turn), then the exhibit's tour of every screen.
trans() {  # size n [suffix] -> $tmp/trans_SIZE[suffix], on $DB
    out=$tmp/trans_$1${3:-}
    : > "$out"
    {
        t=1000
        for i in $(seq 1 "$2"); do echo "at $t key Right"; t=$((t + 1000)); done
        for i in $(seq 1 "$2"); do echo "at $t key Left"; t=$((t + 1000)); done
        echo "at $t quit"
    } > "$tmp/trans.script"
    for kind in crossfade slide; do
        run --size "$1" --db "$DB" --screens test --transition $kind --script "$tmp/trans.script" >> "$out"
    done
    # every exhibit screen: card -> article -> full text -> back, the
    # quotes (button at the top right, then next), the timeline (button,
    # scroll, zoom), then 10 minutes of idle slideshow (every slide kind)
    {
        t=500
        for i in 1 2 3 4 5; do
            echo "at $t tap 0.2 0.3"; t=$((t + 1000)); echo "at $t key Escape"; t=$((t + 1000))
            echo "at $t tap 0.7 0.3"; t=$((t + 1000)); echo "at $t key Return"; t=$((t + 1000))
            echo "at $t key Home"; t=$((t + 1000))
        done
        echo "at $t tap 0.825 0.055"; t=$((t + 1000))
        for i in 1 2 3 4 5 6; do echo "at $t key Right"; t=$((t + 1000)); done
        echo "at $t key Home"; t=$((t + 1000))
        echo "at $t tap 0.925 0.055"; t=$((t + 1000))
        for k in Right Right Up Up Down Left; do echo "at $t key $k"; t=$((t + 1000)); done
        echo "at $t key Home"; t=$((t + 600000))
        echo "at $t quit"
    } > "$tmp/exhibit.script"
    for kind in crossfade slide; do
        run --size "$1" --db "$DB" --transition $kind --script "$tmp/exhibit.script" >> "$out"
    done
    awk '$2 == "frame_ms" && $4 == "transition" { print $3 }' "$out" > "$out.frames"
}
trans 1920x1080 20
trans 3840x2160 8
f=$tmp/trans_1920x1080.frames
report "transition frame p50 (1080p)" "$(pct "$f" 0.5)" ms "<" 8
report "transition frame p99 (1080p)" "$(pct "$f" 0.99)" ms "<" 8 "$(wc -l < "$f") frames"
f=$tmp/trans_3840x2160.frames
for q in 50 99; do
    printf '%-30s %10s %-4s %-12s %-7s %s\n' "transition frame p$q (4K)" "$(pct "$f" 0.$q)" ms "-" info \
        "$(wc -l < "$f") frames; 4x the pixels of 1080p, blended by the CPU here (the Pi's GPU composes)" >> "$tmp/table"
done
awk '$2 == "prepare_ms" { print $3 }' "$tmp/trans_1920x1080" > "$tmp/prep"
permax=$(awk '$2 == "prepare_ms" { k = $4 == "" ? "test" : $4; if ($3 > m[k]) m[k] = $3 }
             END { for (k in m) printf "%s %.1f, ", k, m[k] }' "$tmp/trans_1920x1080" | sed 's/, $//')
report "prepare max (1080p)" "$(sort -n "$tmp/prep" | tail -1)" ms "<" 20 \
    "median $(pct "$tmp/prep" 0.5) ms, $(wc -l < "$tmp/prep") screens; max per screen: $permax"
rss=$(awk '$2 == "peak_rss_kb" { if ($3 > m) m = $3 } END { printf "%.1f", m / 1024 }' "$tmp/trans_1920x1080")
report "peak RSS (1080p)" "$rss" MB "<" 45
rss4k=$(awk '$2 == "peak_rss_kb" { if ($3 > m) m = $3 } END { printf "%.1f", m / 1024 }' "$tmp/trans_3840x2160")
printf '%-30s %10s %-4s %-12s %-7s %s\n' "peak RSS (4K)" "$rss4k" MB "-" info \
    "frame + snapshot are 33 MB each at 4K" >> "$tmp/table"

# Shots: a `shot` at 1920x1080 (render + read back + PNG), median of 20 over
# Home, an article and its full text; its memory is the peak RSS of that
# run above the same run without shots.
{ t=0; for i in $(seq 1 20); do
      case $((i % 3)) in 1) echo "at $t key Home" ;; 2) echo "at $t tap 0.2 0.3" ;; 0) echo "at $t key Return" ;; esac
      t=$((t + 1000)); echo "at $t shot s$i.png"; t=$((t + 10)); done
  echo "at $t quit"; } > "$tmp/shots.script"
grep -v ' shot ' "$tmp/shots.script" > "$tmp/noshots.script"
mkdir -p "$tmp/shots"
run --size 1920x1080 --db "$DB" --script "$tmp/shots.script" --shots "$tmp/shots" > "$tmp/shot_out"
run --size 1920x1080 --db "$DB" --script "$tmp/noshots.script" --shots "$tmp/shots" > "$tmp/noshot_out"
awk '$2 == "shot_ms" { print $3 }' "$tmp/shot_out" > "$tmp/shot_ms"
awk '$2 == "shot_ms" { print $5 }' "$tmp/shot_out" > "$tmp/shot_cpu"
shot_mb=$(awk '$2 == "peak_rss_kb" { print $3 }' "$tmp/shot_out" "$tmp/noshot_out" | tr '\n' ' ' |
          awk '{ printf "%.1f", ($1 - $2) / 1024 }')
report "shot (1080p)" "$(pct "$tmp/shot_ms" 0.5)" ms "<=" 30 \
    "CPU $(pct "$tmp/shot_cpu" 0.5) ms; $(du -k "$tmp/shots" | awk '{ printf "%.0f", $1 / 20 }') KB a file"
report "shot memory (1080p)" "$shot_mb" MB "<=" 10 "peak RSS with 20 shots minus without"

# A one-paragraph article of ~170 KB (what vitrine-corpus check accepts):
# open its full text and scroll it; the text is cut into bands that fit the
# GPU and TEXT_TEX_BUDGET, so memory stays that of a few screens.
awk 'BEGIN {
    split("the ferry crossed river again while council members watched quietly from a small boat near old quay under grey sky", w, " ");
    s = ""; n = 0; srand(7);
    while (length(s) < 170000) { s = s w[int(rand() * 22) + 1] (++n % 17 ? " " : ". "); }
    printf "INSERT INTO articles VALUES (1, \047long\047, \047One long paragraph\047, \047Test\047, NULL, \0472024-01-01\047, NULL, \047%s\047, %d, \047l.txt\047);\n", s, n;
    printf "INSERT INTO summaries VALUES (1, 1, \047A summary.\047);\n";
}' | cat tests/fixtures/schema.sql - | sqlite3 "$tmp/long.db"
printf 'at 0 tap 0.2 0.25\nat 1000 key Return\nat 2100 drag 0.5 0.9 0.5 0.1 300\nat 4000 swipe 0.5 0.9 0.5 0.1 60\nat 9000 quit\n' \
    > "$tmp/long.script"
run --size 1920x1080 --db "$tmp/long.db" --script "$tmp/long.script" > "$tmp/long"
rsslong=$(awk '$2 == "peak_rss_kb" { printf "%.1f", $3 / 1024 }' "$tmp/long")
report "peak RSS, 170 KB paragraph" "$rsslong" MB "<" 45 \
    "full text scrolled, 1080p; prepare $(awk '$2 == "prepare_ms" && $4 == "fulltext" { print $3 }' "$tmp/long") ms"

# Wake-ups: a live (real-clock) run showing a static screen for 4 s.
"$APP" --headless --quiet --bench --size 1920x1080 --db "$DB" > "$tmp/live" 2>/dev/null & pid=$!
sleep 4; kill -TERM $pid; wait $pid
steps=$(sed -n 's/^bench steps \([0-9]*\) .*/\1/p' "$tmp/live")
end=$(sed -n 's/.* end_ms \([0-9]*\)$/\1/p' "$tmp/live")
rate=$(awk -v s="$steps" -v e="$end" 'BEGIN { if (e > 0) printf "%.2f", (s - 1) / (e / 1000) }')
report "wake-ups (static screen)" "$rate" /s "<=" 2 "$steps iterations in $end ms"

# Ingest, keeping its 10,000-article database for the start-up figures.
BENCH_INGEST_DB=$tmp/big.db BUILD=$BUILD sh tests/bench_ingest.sh > "$tmp/ingest" 2>&1
irate=$(sed -n 's/^ingest: \([0-9]*\) articles.*/\1/p' "$tmp/ingest")
report "ingest (10,000 articles)" "$irate" /s ">=" 500 "$(sed -n 's/^build: //p' "$tmp/ingest")"

# Saved HTML pages: speed on one core and peak memory of a 1,000-page build.
BUILD=$BUILD sh tests/bench_html.sh 1000 > "$tmp/html" 2>&1
hrate=$(sed -n 's/^html: \([0-9]*\) pages.*/\1/p' "$tmp/html")
hmem=$(sed -n 's/^html: .*peak memory \([0-9]*\) MB.*/\1/p' "$tmp/html")
report "html ingest (1,000 pages)" "$hrate" /s ">=" 200 "$(sed -n 's/^generated //p' "$tmp/html"); CPU time"
report "html ingest peak memory" "$hmem" MB "<=" 64 "$(sed -n 's/^build: //p' "$tmp/html")"

# Start time and RSS on the 10,000-article corpus against 100 generated
# articles: both fill Home (24 cards), so any difference is the corpus size.
BENCH_INGEST_DB=$tmp/small.db BUILD=$BUILD sh tests/bench_ingest.sh 100 > /dev/null 2>&1
if [ -s "$tmp/big.db" ] && [ -s "$tmp/small.db" ]; then
    nbig=$(sqlite3 "$tmp/big.db" 'SELECT count(*) FROM articles' 2>/dev/null)
    small=$(first_frame "$tmp/small.db" 5)
    rsssmall=$(sort -n "$tmp/ff_rss" | tail -1)
    big=$(first_frame "$tmp/big.db" 5)
    rssbig=$(sort -n "$tmp/ff_rss" | tail -1)
    mb() { awk -v k="$1" -v a="${2:-0}" 'BEGIN { printf "%.1f", k / 1024 + a }'; }
    report "first frame, $nbig articles" "$big" ms "<" "$(awk -v f="$small" 'BEGIN { print f + 20 }')" \
        "100 articles: $small ms (flat: +20)"
    report "peak RSS, $nbig articles" "$(mb "$rssbig")" MB "<" "$(mb "$rsssmall" 2)" \
        "100 articles: $(mb "$rsssmall") MB (flat: +2); bundled 5 (5 cards): $(mb "$rss5") MB"
else
    report "first frame, 10,000 articles" "" ms "<" 0 "no database from bench_ingest.sh"
fi

# ---- issue 14: pictures -------------------------------------------------------
# Ingest with a 2400x1600 picture beside every article (decoded, scaled to
# 1920, its focal point found, re-encoded), and the exhibit's tour at 1080p
# on the bundled articles with such a picture each: pictures on every card,
# Article screen and summary slide; the same targets as without.
# Both kinds a newsroom serves: JPEG photos (decoded with DCT scaling where
# a picture is twice the target or more) and PNG (inflated in full).
for fmt in jpeg png; do
    BENCH_INGEST_PICTURES=2400x1600 BENCH_INGEST_FORMAT=$fmt BENCH_INGEST_TARGET=100 BUILD=$BUILD \
        sh tests/bench_ingest.sh 300 > "$tmp/ingest_pics_$fmt" 2>&1
    prate=$(sed -n 's/^ingest: \([0-9]*\) articles.*/\1/p' "$tmp/ingest_pics_$fmt")
    report "ingest with pictures (300, $fmt)" "$prate" /s ">=" 100 \
        "$(nproc) threads; $(sed -n 's/^build: //p' "$tmp/ingest_pics_$fmt")"
done
mkdir -p "$tmp/pics"
cp assets/corpus/* "$tmp/pics/"
python3 tests/make_pictures.py --size 2400x1600 "$tmp"/pics/*.txt
"$BUILD/vitrine-corpus" build --quiet --out "$tmp/pics.db" "$tmp/pics" 2>/dev/null
DB_PLAIN=$DB; DB=$tmp/pics.db
trans 1920x1080 20 _pics
DB=$DB_PLAIN
f=$tmp/trans_1920x1080_pics
awk '$2 == "frame_ms" && $4 == "transition" { print $3 }' "$f" > "$f.frames"
report "pictures: transition p99" "$(pct "$f.frames" 0.99)" ms "<" 8 "$(wc -l < "$f.frames") frames, 1080p"
report "pictures: peak RSS" "$(awk '$2 == "peak_rss_kb" { if ($3 > m) m = $3 } END { printf "%.1f", m / 1024 }' "$f")" \
    MB "<" 45 "a 1920x1280 picture per article"
report "pictures: prepare max" "$(awk '$2 == "prepare_ms" { print $3 }' "$f" | sort -n | tail -1)" ms "<" 20 \
    "max per screen: $(awk '$2 == "prepare_ms" { k = $4 == "" ? "test" : $4; if ($3 > m[k]) m[k] = $3 }
             END { for (k in m) printf "%s %.1f, ", k, m[k] }' "$f" | sed 's/, $//')"
report "pictures: first frame" "$(first_frame "$tmp/pics.db" 5)" ms "<" 100

# ---- issue 15 (fleet): statistics cost, dark wake-ups ----------------------
# Statistics on vs off: the exhibit tour above (crossfade, 1080p) with and
# without stats.database; the p99 transition frame must stay within noise
# (+15 % + 0.5 ms). Dark: a live run on a closed day (schedule.closed = today)
# for 4 s: the loop sleeps to the next minute, so at most the first step.
for st in off on; do
    set -- --size 1920x1080 --db "$DB" --transition crossfade --script "$tmp/exhibit.script"
    [ $st = on ] && set -- "$@" --set stats.database="$tmp/stats_bench.db"
    run "$@" | awk '$2 == "frame_ms" && $4 == "transition" { print $3 }' > "$tmp/stats_$st.frames"
done
p_off=$(pct "$tmp/stats_off.frames" 0.99)
report "stats on: transition p99" "$(pct "$tmp/stats_on.frames" 0.99)" ms "<=" \
    "$(awk -v p="$p_off" 'BEGIN { printf "%.2f", p * 1.15 + 0.5 }')" \
    "off: $p_off ms; $(sqlite3 "$tmp/stats_bench.db" 'SELECT count(*) FROM sessions' 2>/dev/null) sessions recorded"
printf '[schedule]\nclosed = %s\n' "$(date +%F)" > "$tmp/dark.ini"
"$APP" --headless --quiet --bench --size 1920x1080 --db "$DB" --config "$tmp/dark.ini" > "$tmp/dark" 2>/dev/null & pid=$!
sleep 4; kill -TERM $pid; wait $pid
dsteps=$(sed -n 's/^bench dark_steps //p' "$tmp/dark")
dend=$(sed -n 's/.* end_ms \([0-9]*\)$/\1/p' "$tmp/dark")
report "wake-ups while dark" "$(awk -v s="$dsteps" -v e="$dend" 'BEGIN { if (e > 0) printf "%.2f", (s - 1) / (e / 1000) }')" \
    /s "<=" 0.02 "$dsteps steps in $dend ms (one schedule check a minute)"
# ---- end of issue 15 --------------------------------------------------------

echo "bench: headless, software renderer, database $DB ($(date +%s | awk -v s="$t_start" '{ print $1 - s }') s)"
printf '%-30s %10s %-4s %-12s %-7s %s\n' figure value unit target verdict notes
cat "$tmp/table"
echo
cat "$tmp/ingest"
cat "$tmp/html"
[ $fails -eq 0 ]
