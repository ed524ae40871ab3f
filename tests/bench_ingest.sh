#!/bin/sh
# tests/bench_ingest.sh: ingest speed of vitrine-corpus on generated articles.
#
#   BUILD=build sh tests/bench_ingest.sh [N]       (N articles, default 10000)
#
# Generates N varied articles (~600 words: headline, dateline or front
# matter or sidecar, quotes with speakers, dates, some boilerplate lines) in
# a temporary folder with awk, times one `vitrine-corpus build` over the
# folder and prints "ingest: N articles/s (target >= 500)". Not part of
# `make test`. BENCH_INGEST_DB=PATH keeps the database built.
BUILD=${BUILD:-build}
BIN=$BUILD/vitrine-corpus
N=${1:-10000}
T=$(mktemp -d /tmp/vitrine-bench-ingest.XXXXXX)
[ -n "${BENCH_KEEP:-}" ] || trap 'rm -rf "$T"' EXIT
[ -x "$BIN" ] || { echo "no $BIN (build first)"; exit 1; }

awk -v n="$N" -v dir="$T/in" 'BEGIN {
    srand(42)
    system("mkdir -p " dir)
    split("council minister company city school river bridge market budget report " \
          "court hospital union police station harbour farmers students workers engineers " \
          "government agency museum library festival election committee network program " \
          "project village region factory airport railway energy water housing tax plan", noun, " ")
    split("approved rejected announced opened closed reviewed expanded delayed funded " \
          "criticised welcomed proposed delivered studied planned promised reported", verb, " ")
    split("new local regional national small large public private old modern annual " \
          "controversial ambitious expensive cheap long short important", adj, " ")
    split("Maria Ortega|David Kim|Helen Brandt|Tomas Berg|Anna Weiss|Li Wei|Samuel Okafor|" \
          "Priya Nair|Jean Dupont|Olga Petrova|Carlos Mendes|Aiko Tanaka", names, "|")
    split("January February March April May June July August September October November December", mon, " ")
    split("Share this article|Add your comment|Photo: Staff photographer|Print E-mail|" \
          "Related: more news from the region|Follow us on Facebook Twitter|Read more", boil, "|")
    for (i = 1; i <= n; i++) {
        f = sprintf("%s/a%05d.%s", dir, i, (i % 7 == 0) ? "md" : "txt")
        y = 2000 + int(rand() * 24); m = 1 + int(rand() * 12); d = 1 + int(rand() * 28)
        title = cap(adj[r(18)]) " " noun[r(40)] " " verb[r(17)] " " adj[r(18)] " " noun[r(40)] " plan in " mon[m]
        kind = i % 3
        if (kind == 0) {
            printf "---\ntitle: \"%s\"\ndate: %04d-%02d-%02dT10:00:00Z\nauthor: %s\n" \
                   "guid: https://www.example-news.org/?p=%d\ntags:\n  - news\n---\n", \
                   title, y, m, d, names[r(12)], i > f
        } else if (kind == 1) {
            printf "%s\n\nBy %s\n%s %d, %d\n\n", title, names[r(12)], mon[m], d, y > f
        } else {
            sc = sprintf("%s/a%05d.meta", dir, i)   # NAME.meta beside NAME.txt or NAME.md
            printf "; generated\ntitle = %s\npublished = %04d-%02d-%02d\nsource = Bench Times\n", \
                   title, y, m, d > sc
            close(sc)
        }
        words = 0
        while (words < 600) {
            p = ""
            ns = 3 + r(3)
            for (s = 0; s < ns; s++) { p = p (s ? " " : "") sentence(y); }
            if (rand() < 0.35) {
                q = "\"" cap(sentence_plain()) ",\" said " names[r(12)] "."
                p = p " " q
            }
            if (rand() < 0.1) print boil[r(7)] "\n" > f
            print p "\n" > f
            words += split(p, tmp, " ")
        }
        if (rand() < 0.5) print boil[r(7)] > f
        close(f)
    }
}
function r(k) { return 1 + int(rand() * k) }
function cap(s) { return toupper(substr(s, 1, 1)) substr(s, 2) }
function sentence_plain(   s, k) {
    s = "the " adj[r(18)] " " noun[r(40)] " " verb[r(17)] " the " noun[r(40)]
    for (k = 0; k < 1 + r(3); k++) s = s " and the " adj[r(18)] " " noun[r(40)]
    return s
}
function sentence(y,   s, x) {
    s = cap(sentence_plain())
    x = rand()
    if (x < 0.15) s = s " on " mon[r(12)] " " r(28) ", " (y - r(5))
    else if (x < 0.25) s = s " in " (y - r(10))
    else if (x < 0.3) s = s " last " mon[r(12)]
    else if (x < 0.35) s = s " at a cost of " r(90) ".5 million dollars"
    return s "."
}'

# BENCH_INGEST_PICTURES=WxH: a synthetic lead picture of that size beside
# every article (tests/make_pictures.py), decoded, scaled and stored by the
# build; a PNG, or with BENCH_INGEST_FORMAT=jpeg a JPEG at quality 90 (as
# news photos come: $BUILD/tests/tool_jpeg converts them).
if [ -n "${BENCH_INGEST_PICTURES:-}" ]; then
    python3 tests/make_pictures.py --size "$BENCH_INGEST_PICTURES" "$T"/in/*.txt "$T"/in/*.md
    if [ "${BENCH_INGEST_FORMAT:-png}" = jpeg ]; then
        "$BUILD/tests/tool_jpeg" "$T"/in/*.png || { echo "no $BUILD/tests/tool_jpeg"; exit 1; }
    fi
fi
TARGET=${BENCH_INGEST_TARGET:-500}
files=$(ls "$T/in" | grep -v '\.meta$' | grep -v '\.png$' | grep -vc '\.jpg$')
words=$(cat "$T"/in/*.txt "$T"/in/*.md 2>/dev/null | wc -w)
echo "generated $files articles, $((words / files)) words on average"

start=$(date +%s%N)
/usr/bin/time -f '%M' -o "$T/mem" "$BIN" build --quiet --out "$T/bench.db" "$T/in" 2> "$T/err"
rc=$?
ns=$(($(date +%s%N) - start))
[ "$rc" = 0 ] || { echo "build failed (exit $rc)"; tail -n 5 "$T/err"; exit 1; }
ms=$((ns / 1000000))
rate=$(awk -v n="$files" -v ms="$ms" 'BEGIN { printf "%d", n / (ms / 1000.0) }')
echo "build: ${ms} ms, peak memory $(cat "$T/mem") KB, $(grep -c . "$T/err") warnings," \
     "$(sqlite3 "$T/bench.db" 'SELECT count(*) FROM articles') articles stored," \
     "$(sqlite3 "$T/bench.db" 'SELECT count(*) FROM images' 2>/dev/null || echo 0) pictures," \
     "db $(($(stat -c %s "$T/bench.db") / 1024)) KB"
echo "ingest: $rate articles/s (target >= $TARGET)"
# BENCH_INGEST_DB=PATH keeps the built database (tests/bench.sh starts the
# app on it: start time and memory on a large corpus).
[ -n "${BENCH_INGEST_DB:-}" ] && cp "$T/bench.db" "$BENCH_INGEST_DB"
[ "$rate" -ge "$TARGET" ]
