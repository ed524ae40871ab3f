#!/bin/sh
# tests/test_textures.sh: no texture larger than the GPU allows, and the same
# pixels whatever the limit. The software renderer used here has no limit;
# VITRINE_MAX_TEXTURE=N imposes one (2048: Pi 0-3, 4096: Pi 4).
#   1. the exhibit flows of test_ui_flows.sh (home, article, full text,
#      scrolled, back, slideshow) at 800x480, 1920x1080 and 1080x1920 under
#      2048 and 4096: every shot byte-identical to the unlimited run;
#   2. a one-paragraph article of ~170 KB (a 1216x165870 texture in one
#      piece): the full text scrolled to several places at 1920x1080 under
#      no limit, 4096 and 2048, and at 800x480 under no limit, 2048, 1024
#      and 768: identical shots, text on screen, the largest text texture
#      (--bench max_texture) within the limit and the memory budget.
# Prints "N passed, N failed".
BUILD=${BUILD:-build}
APP=${VITRINE_BIN:-$BUILD/vitrine}
. "$(dirname "$0")/lib.sh"     # pass, fail, ok, bad, check
tmp=${KEEP_TMP:-$(mktemp -d)}; [ -n "$KEEP_TMP" ] || trap 'rm -rf "$tmp"' EXIT
run() {    # run LIMIT SIZE DB SCRIPT OUTDIR: shots in OUTDIR, --bench lines in OUTDIR/bench
    mkdir -p "$5"
    VITRINE_MAX_TEXTURE=$1 "$APP" --headless --quiet --bench --size "$2" --transition slide \
        --set slideshow.shuffle=false --db "$3" --script "$4" --shots "$5" > "$5/bench" 2> "$5/err"
}
same_dirs() {  # every PNG of $1 is byte-identical in $2
    n=0
    for f in "$1"/*.png; do
        [ -f "$f" ] || return 1
        cmp -s "$f" "$2/${f##*/}" || { echo "  differs: ${f##*/}"; return 1; }
        n=$((n + 1))
    done
    [ $n -gt 0 ]
}

cat tests/fixtures/schema.sql tests/fixtures/ui/fixture.sql | sqlite3 "$tmp/ui.db" || bad "fixture db"

# ---- 1. the flows
for spec in 800x480:0.2:0.3 1920x1080:0.2:0.25 1080x1920:0.5:0.12; do
    size=${spec%%:*}; rest=${spec#*:}; cx=${rest%%:*}; cy=${rest#*:}
    cat > "$tmp/flow.script" <<S
at 0 shot home.png
at 100 tap $cx $cy
at 1000 shot article.png
at 1100 key Return
at 2000 shot fulltext.png
at 2100 drag 0.5 0.85 0.5 0.25 400
at 4500 shot fulltext_scrolled.png
at 4600 key Escape
at 5500 key Escape
at 67000 shot slide.png
at 67100 quit
S
    for lim in 0 2048 4096; do
        run $lim "$size" "$tmp/ui.db" "$tmp/flow.script" "$tmp/flow_${size}_$lim"; rc=$?
        check "$size flow, limit $lim: exits 0" '[ $rc -eq 0 ]'
    done
    for lim in 2048 4096; do
        check "$size flow: limit $lim gives the unlimited pixels" \
            'same_dirs "$tmp/flow_${size}_0" "$tmp/flow_${size}_$lim"'
    done
done

# ---- 2. a 170 KB paragraph (words from a small list, no newline)
awk 'BEGIN {
    split("the ferry crossed river again while council members watched quietly from a small boat near old quay under grey sky", w, " ");
    s = ""; n = 0; srand(7);
    while (length(s) < 170000) { s = s w[int(rand() * 22) + 1] (++n % 17 ? " " : ". "); }
    printf "INSERT INTO articles VALUES (1, %s, %s, %s, NULL, %s, NULL, %s, %d, %s);\n",
        "\047long\047", "\047One very long paragraph\047", "\047Test\047", "\0472024-01-01\047", "\047" s "\047", n, "\047l.txt\047";
    printf "INSERT INTO summaries VALUES (1, 1, %s);\n", "\047A summary.\047";
}' > "$tmp/long.sql"
cat tests/fixtures/schema.sql "$tmp/long.sql" | sqlite3 "$tmp/long.db" || bad "long db"
check "the paragraph is ~170 KB" '[ "$(sqlite3 "$tmp/long.db" "SELECT length(body) FROM articles")" -ge 170000 ]'
# home -> article -> full text; flicks down a long way, shots along the way
cat > "$tmp/long.script" <<'S'
at 0 tap 0.2 0.25
at 1000 key Return
at 2000 shot top.png
at 2100 drag 0.5 0.9 0.5 0.1 300
at 4000 shot d1.png
at 4100 swipe 0.5 0.9 0.5 0.1 60
at 4300 swipe 0.5 0.9 0.5 0.1 60
at 4500 swipe 0.5 0.9 0.5 0.1 60
at 4700 swipe 0.5 0.9 0.5 0.1 60
at 9000 shot d2.png
at 9100 quit
S
# 1920x1080: bands by the memory budget (1216 px wide: 862 rows); 800x480
# (narrower, taller bands by the budget): the GPU limit cuts them
for spec in 1920x1080:0 1920x1080:4096 1920x1080:2048 800x480:0 800x480:2048 800x480:1024 800x480:768; do
    size=${spec%:*}; lim=${spec#*:}
    run $lim $size "$tmp/long.db" "$tmp/long.script" "$tmp/long_${size}_$lim"; rc=$?
    check "long paragraph $size, limit $lim: exits 0" '[ $rc -eq 0 ]'
    b=$tmp/long_${size}_$lim/bench
    w=$(sed -n 's/.*max_texture \([0-9]*\)x.*/\1/p' "$b"); h=$(sed -n 's/.*max_texture [0-9]*x\([0-9]*\).*/\1/p' "$b")
    bytes=$(sed -n 's/.*max_texture_bytes \([0-9]*\).*/\1/p' "$b")
    cap=$lim; [ "$cap" = 0 ] && cap=999999
    check "long paragraph $size, limit $lim: largest text texture ${w}x$h, $bytes bytes: within the limit and the 2 MiB budget" \
        '[ -n "$bytes" ] && [ "$w" -le $cap ] && [ "$h" -le $cap ] && [ "$bytes" -le 2097152 ]'
    check "long paragraph $size, limit $lim: nothing cut off" '! grep -q "cut off" "$tmp/long_${size}_$lim/err"'
    if [ $lim != 0 ]; then
        check "long paragraph $size: limit $lim gives the unlimited pixels" \
            'same_dirs "$tmp/long_${size}_0" "$tmp/long_${size}_$lim"'
    fi
done
# the text is on screen: the shots differ from each other (not blank)
L=$tmp/long_1920x1080_0
check "long paragraph: scrolling shows other text" '! cmp -s "$L/top.png" "$L/d1.png" && ! cmp -s "$L/d1.png" "$L/d2.png"'
check "long paragraph: text on screen far down (not one colour)" '[ "$(stat -c %s "$L/d2.png")" -gt 20000 ]'

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
