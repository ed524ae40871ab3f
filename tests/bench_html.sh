#!/bin/sh
# tests/bench_html.sh: ingest speed and memory of vitrine-corpus on saved
# HTML pages.
#
#   BUILD=build sh tests/bench_html.sh [N]       (N pages, default 1000)
#
# Generates N synthetic saved pages of 100-300 KB with awk, shaped like real
# news pages: most of the bytes are inline scripts, styles and JSON state;
# a JSON-LD block and OpenGraph meta; a header with a menu, an <article> of
# 10-20 paragraphs with a subheading, a list and a figure; a sidebar of
# teasers, a comment section and a footer of links, all inside nested
# wrapper divs. Times one `vitrine-corpus build` over the folder and prints
# "html: N pages/s (target >= 200)" and its peak memory (target <= 64 MB).
# The rate is pages per second of the tool's CPU time (user + system): the
# tool is single-threaded, so that is its speed on one core, and it does not
# vary with what else the shared machine runs; the wall-clock rate is shown
# beside it. Not part of `make test`.
BUILD=${BUILD:-build}
BIN=$BUILD/vitrine-corpus
N=${1:-1000}
T=$(mktemp -d /tmp/vitrine-bench-html.XXXXXX)
trap 'rm -rf "$T"' EXIT
[ -x "$BIN" ] || { echo "no $BIN (build first)"; exit 1; }

awk -v n="$N" -v dir="$T/in" 'BEGIN {
    srand(7)
    system("mkdir -p " dir)
    split("council minister company city school river bridge market budget report " \
          "court hospital union police station harbour farmers students workers engineers " \
          "government agency museum library festival election committee network program", noun, " ")
    split("approved rejected announced opened closed reviewed expanded delayed funded " \
          "criticised welcomed proposed delivered studied planned promised reported", verb, " ")
    split("new local regional national small large public private old modern annual " \
          "controversial ambitious expensive cheap long short important", adj, " ")
    split("Maria Ortega|David Kim|Helen Brandt|Tomas Berg|Anna Weiss|Li Wei|Samuel Okafor", names, "|")
    for (i = 1; i <= n; i++) {
        f = sprintf("%s/p%05d.html", dir, i)
        target = 100000 + int(rand() * 200000)         # bytes of the page
        title = cap(adj[r(18)]) " " noun[r(30)] " " verb[r(17)] " by the " noun[r(30)]
        who = names[r(7)]
        y = 2010 + r(14); m = r(12); d = r(28)
        out = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        out = out "<title>" title " | Bench Times</title>\n"
        out = out "<meta property=\"og:title\" content=\"" title "\">\n"
        out = out "<meta property=\"og:site_name\" content=\"Bench Times\">\n"
        out = out "<meta name=\"author\" content=\"" who "\">\n"
        out = out sprintf("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"%s\",\"author\":{\"@type\":\"Person\",\"name\":\"%s\"},\"datePublished\":\"%04d-%02d-%02dT10:00:00Z\",\"publisher\":{\"name\":\"Bench Times\"}}</script>\n", title, who, y, m, d)
        out = out "<style>" css() "</style>\n</head><body class=\"page article\">\n"
        out = out "<div class=\"site-wrapper\"><header class=\"masthead\"><nav class=\"menu\"><ul>"
        for (k = 0; k < 60; k++) out = out "<li><a href=\"/s/" k "\">" cap(noun[r(30)]) "</a></li>"
        out = out "</ul></nav></header>\n<div class=\"layout\"><div class=\"col-main\"><main><article class=\"story\">\n"
        out = out "<h1>" title "</h1><div class=\"byline\">By <a rel=\"author\" href=\"/a\">" who "</a></div>\n"
        out = out "<div class=\"story-body\">\n"
        np = 10 + r(10)
        for (k = 0; k < np; k++) {
            if (k == int(np / 2)) out = out "<h2>" cap(adj[r(18)]) " " noun[r(30)] "</h2>\n<ul><li>" sent() "</li><li>" sent() "</li></ul>\n" \
                "<figure><img src=\"a.jpg\"><figcaption>" sent() "</figcaption></figure>\n"
            p = ""
            for (s = 0; s < 3 + r(3); s++) p = p (s ? " " : "") sent()
            if (rand() < 0.4) p = p " <a href=\"/x\">" noun[r(30)] " " noun[r(30)] "</a> " sent()
            out = out "<p>" p "</p>\n"
        }
        out = out "</div></article></main></div>\n<aside class=\"sidebar\"><h3>Related</h3><ul>"
        for (k = 0; k < 20; k++) out = out "<li><a href=\"/r/" k "\">" cap(sent()) "</a></li>"
        out = out "</ul></aside></div>\n<section id=\"comments\" class=\"comments\">"
        for (k = 0; k < 10; k++) out = out "<div class=\"comment\"><p>" sent() " " sent() "</p></div>"
        out = out "</section>\n<footer><ul>"
        for (k = 0; k < 40; k++) out = out "<li><a href=\"/f/" k "\">" cap(noun[r(30)]) "</a></li>"
        out = out "</ul></footer></div>\n"
        printf "%s", out > f
        size = length(out)
        while (size < target) {                        # inline app state, as real pages carry
            js = "<script>window.__STATE__ = {"
            for (k = 0; k < 200; k++) js = js sprintf("\"k%d\":{\"id\":%d,\"name\":\"%s %s\",\"flag\":true},", k, int(rand() * 1e6), adj[r(18)], noun[r(30)])
            js = js "\"end\":0};</script>\n"
            printf "%s", js > f
            size += length(js)
        }
        print "</body></html>" > f
        close(f)
    }
}
function r(k) { return 1 + int(rand() * k) }
function cap(s) { return toupper(substr(s, 1, 1)) substr(s, 2) }
function sent() {
    return "The " adj[r(18)] " " noun[r(30)] " " verb[r(17)] " the " noun[r(30)] ", and the " noun[r(30)] " " verb[r(17)] " it."
}
function css(   c, k) {
    c = ""
    for (k = 0; k < 120; k++) c = c ".c" k " { margin: 0 " k "px; color: #" sprintf("%06x", k * 9973) "; }\n"
    return c
}'

files=$(ls "$T/in" | wc -l)
bytes=$(du -sb "$T/in" | cut -f1)
echo "generated $files pages, $((bytes / files / 1024)) KB on average"

start=$(date +%s%N)
/usr/bin/time -f '%M %U %S' -o "$T/mem" "$BIN" build --quiet --out "$T/bench.db" "$T/in" 2> "$T/err"
rc=$?
ns=$(($(date +%s%N) - start))
[ "$rc" = 0 ] || { echo "build failed (exit $rc)"; tail -n 5 "$T/err"; exit 1; }
ms=$((ns / 1000000))
wall=$(awk -v n="$files" -v ms="$ms" 'BEGIN { printf "%d", n / (ms / 1000.0) }')
mem=$(tail -n 1 "$T/mem" | cut -d' ' -f1)
cpu=$(tail -n 1 "$T/mem" | awk '{ printf "%.2f", $2 + $3 }')
rate=$(awk -v n="$files" -v c="$cpu" 'BEGIN { printf "%d", (c > 0 ? n / c : 0) }')
stored=$(sqlite3 "$T/bench.db" 'SELECT count(*) FROM articles')
leak=$(sqlite3 "$T/bench.db" "SELECT count(*) FROM articles WHERE body LIKE '%Related%' OR body LIKE '%window.%'")
echo "build: ${ms} ms wall ($wall pages/s), ${cpu} s CPU, peak memory ${mem} KB, $(grep -c . "$T/err") warnings, $stored articles stored" \
     "($leak with page furniture in the body)"
echo "html: $rate pages/s (target >= 200), peak memory $((mem / 1024)) MB (target <= 64)"
[ "$rate" -ge 200 ] && [ "$mem" -le 65536 ] && [ "$stored" = "$files" ]
