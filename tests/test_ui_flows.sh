#!/bin/sh
# tests/test_ui_flows.sh: the exhibit's flows, scripted and headless on the
# virtual clock, over the fixed fixture tests/fixtures/ui/fixture.sql.
# Shots are compared with tests/golden/ui/*.png by test_golden --compare
# (the engine's tool and tolerance); VITRINE_GOLDEN_UPDATE=1 (make golden)
# rewrites the goldens instead: LOOK at them before committing.
# Prints "N passed, N failed".
BUILD=${BUILD:-build}
APP=${VITRINE_BIN:-$BUILD/vitrine}
CMP=${VITRINE_CMP:-$BUILD/tests/test_golden}
G=tests/golden/ui
. "$(dirname "$0")/lib.sh"     # pass, fail, ok, bad, check
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
same() { "$CMP" --compare "$1" "$2" >/dev/null 2>&1; }
# golden NAME: the shot $tmp/NAME matches (or, updating, becomes) $G/NAME
golden() {
    gf=$1
    if [ -n "$VITRINE_GOLDEN_UPDATE" ]; then cp "$tmp/$gf" "$G/$gf" && echo "updated $G/$gf"; ok; return; fi
    check "$gf matches its golden" 'same "$tmp/$gf" "$G/$gf"'
}
run() {    # run SIZE SCRIPT [flags...]
    size=$1; sc=$2; shift 2
    "$APP" --headless --quiet --size "$size" --transition slide --set slideshow.shuffle=false \
        --set slideshow.intro_every=0 --script "$sc" --shots "$tmp" "$@" 2> "$tmp/err"
}

cat tests/fixtures/schema.sql tests/fixtures/ui/fixture.sql | sqlite3 "$tmp/ui.db" || bad "fixture db"
sqlite3 "$tmp/empty.db" < tests/fixtures/schema.sql || bad "empty db"

# ---- home -> article -> full text (drag scroll) -> back -> back; idle -> slide -> tap
# card: where the first card is in each layout (fractions of the display)
for spec in 800x480:0.2:0.3 1920x1080:0.2:0.25 1080x1920:0.5:0.12; do
    size=${spec%%:*}; rest=${spec#*:}; cx=${rest%%:*}; cy=${rest#*:}
    cat > "$tmp/flow.script" <<S
at 0 shot home_$size.png
at 100 tap $cx $cy
at 1000 shot article_$size.png
at 1100 key Return
at 2000 shot fulltext_$size.png
at 2100 drag 0.5 0.85 0.5 0.25 400
at 4500 shot fulltext_scrolled_$size.png
at 4600 key Escape
at 5500 shot back1_$size.png
at 5600 key Escape
at 6500 shot back2_$size.png
at 67000 shot slide_$size.png
at 67100 tap 0.5 0.5
at 68000 shot woke_$size.png
at 68100 quit
S
    run "$size" "$tmp/flow.script" --db "$tmp/ui.db"; rc=$?
    check "$size flow exits 0" '[ $rc -eq 0 ]'
    for n in home article fulltext fulltext_scrolled slide; do golden "${n}_$size.png"; done
    check "$size: a card opens its article" '! same "$tmp/home_$size.png" "$tmp/article_$size.png"'
    check "$size: Enter opens the full text" '! same "$tmp/article_$size.png" "$tmp/fulltext_$size.png"'
    check "$size: a drag scrolls the full text" '! same "$tmp/fulltext_$size.png" "$tmp/fulltext_scrolled_$size.png"'
    check "$size: Back returns to the article" 'same "$tmp/back1_$size.png" "$tmp/article_$size.png"'
    check "$size: Back again returns home" 'same "$tmp/back2_$size.png" "$tmp/home_$size.png"'
    check "$size: idle 60 s starts the slideshow" '! same "$tmp/slide_$size.png" "$tmp/home_$size.png"'
    # sequential slideshow: the first slide is the first article's summary;
    # the touch opens that article, never home
    check "$size: a touch on the slide opens its article" 'same "$tmp/woke_$size.png" "$tmp/article_$size.png"'
done

# ---- pressed states: a held card and a held Back show pressed (a veil over
# the control) and the release acts as the tap did; after it nothing is left
printf 'at 0 shot p_home.png\nat 100 press 0.2 0.3\nat 300 shot p_held.png\nat 400 release 0.2 0.3\nat 1500 shot p_article.png\nat 1600 press 0.06 0.0625\nat 1800 shot p_back_held.png\nat 1900 release 0.06 0.0625\nat 3000 shot p_home2.png\nat 3100 quit\n' > "$tmp/p.script"
run 800x480 "$tmp/p.script" --db "$tmp/ui.db"; rc=$?
check "press flow exits 0" '[ $rc -eq 0 ]'
check "a held card shows pressed" '! same "$tmp/p_home.png" "$tmp/p_held.png"'
check "its release opens the article" 'same "$tmp/p_article.png" "$G/article_800x480.png"'
check "a held Back shows pressed" '! same "$tmp/p_article.png" "$tmp/p_back_held.png"'
check "its release returns home, nothing left pressed" 'same "$tmp/p_home2.png" "$tmp/p_home.png"'

# ---- Aa: the reading text one size up, then another, the page in place and
# no Back step (Back goes home); the size holds for the visit, and after the
# slideshow the next visitor starts at the normal size; three taps cycle back
cat > "$tmp/aa.script" <<'S'
at 100 tap 0.2 0.3
at 1000 shot aa0.png
at 1100 tap 0.85 0.0625
at 2000 shot aa1.png
at 2100 tap 0.85 0.0625
at 3000 shot aa_article_800x480.png
at 3100 key Escape
at 4000 shot aa_home.png
at 4100 tap 0.2 0.3
at 5000 shot aa_again.png
at 70000 tap 0.5 0.5
at 71000 shot aa_after.png
at 71100 tap 0.85 0.0625
at 72000 tap 0.85 0.0625
at 73000 tap 0.85 0.0625
at 74000 shot aa_cycle.png
at 74100 quit
S
run 800x480 "$tmp/aa.script" --db "$tmp/ui.db"; rc=$?
check "Aa flow exits 0" '[ $rc -eq 0 ]'
check "Aa enlarges the reading text" '! same "$tmp/aa0.png" "$tmp/aa1.png"'
check "Aa again enlarges it further" '! same "$tmp/aa1.png" "$tmp/aa_article_800x480.png"'
golden aa_article_800x480.png
check "Back after Aa goes home (no step of its own)" 'same "$tmp/aa_home.png" "$G/home_800x480.png"'
check "the size holds for the visit" 'same "$tmp/aa_again.png" "$tmp/aa_article_800x480.png"'
check "after the slideshow the text is normal again" 'same "$tmp/aa_after.png" "$tmp/aa0.png"'
check "three taps cycle back to normal" 'same "$tmp/aa_cycle.png" "$tmp/aa0.png"'

# ---- the page follows the finger: a short drag moves the article and it
# springs back; a long one (slow) turns to the next article, which slides in
# beside it while the finger moves (golden), the same page Right reaches
cat > "$tmp/d.script" <<'S'
at 100 tap 0.2 0.3
at 1000 shot d_article.png
at 1100 drag 0.5 0.5 0.3 0.5 800
at 1500 shot d_mid.png
at 2600 shot d_back.png
at 2700 drag 0.8 0.5 0.2 0.5 1200
at 3300 shot drag_mid_800x480.png
at 5000 shot d_next.png
at 5100 key Left
at 6500 shot d_prev.png
at 6600 key Right
at 8000 shot d_next2.png
at 8100 quit
S
run 800x480 "$tmp/d.script" --db "$tmp/ui.db"; rc=$?
check "drag flow exits 0" '[ $rc -eq 0 ]'
check "the article moves with a short drag" '! same "$tmp/d_article.png" "$tmp/d_mid.png"'
check "let go short, it springs back" 'same "$tmp/d_back.png" "$tmp/d_article.png"'
golden drag_mid_800x480.png
check "a long drag turns the page" '! same "$tmp/d_next.png" "$tmp/d_article.png" && same "$tmp/d_next.png" "$tmp/d_next2.png"'
check "and Left returns to the first" 'same "$tmp/d_prev.png" "$tmp/d_article.png"'

# ---- a slide's time on show: a line along the bottom edge grows; two shots
# 2 s apart (the prompt's rings over) differ there and nowhere else
printf 'at 68000 shot g1.png\nat 70000 shot g2.png\nat 70100 quit\n' > "$tmp/g.script"
run 800x480 "$tmp/g.script" --db "$tmp/ui.db"; rc=$?
check "progress run exits 0" '[ $rc -eq 0 ]'
gy=$("$CMP" --compare "$tmp/g1.png" "$tmp/g2.png" 2>&1 | sed -n 's/.* at [0-9-]*,\([0-9-]*\)$/\1/p')
check "the slide's progress line grows along the bottom (changed at y=$gy)" '[ -n "$gy" ] && [ "$gy" -ge 470 ]'

# ---- the opening slide: first of every slideshow (the title and the hook
# counted from the content), then a summary; a touch on it opens Home
for size in 800x480 1920x1080 1080x1920; do
    printf 'at 0 shot ihome.png\nat 61000 shot intro_%s.png\nat 61100 tap 0.5 0.5\nat 62000 shot iwoke.png\nat 62100 quit\n' "$size" > "$tmp/i.script"
    run "$size" "$tmp/i.script" --db "$tmp/ui.db" --set slideshow.intro_every=8; rc=$?
    check "$size intro slideshow exits 0" '[ $rc -eq 0 ]'
    golden "intro_$size.png"
    check "$size: a touch on the opening slide opens Home" 'same "$tmp/iwoke.png" "$tmp/ihome.png"'
done

# ---- the second bundled theme (Paper): every screen at the three sizes
for spec in 800x480:0.2:0.3:0.816:0.921:0.0625 1920x1080:0.2:0.25:0.825:0.925:0.055 \
            1080x1920:0.5:0.12:0.69:0.87:0.97; do
    IFS=: read -r size cx cy qx tx by <<E
$spec
E
    cat > "$tmp/paper.script" <<S
at 0 shot paper_home_$size.png
at 100 tap $cx $cy
at 1000 shot paper_article_$size.png
at 1100 key Return
at 2000 shot paper_fulltext_$size.png
at 2100 key Home
at 3000 tap $qx $by
at 4000 shot paper_quote_$size.png
at 4100 key Home
at 5000 tap $tx $by
at 6000 shot paper_timeline_$size.png
at 6100 key Home
at 67100 shot paper_slide_$size.png
at 67200 quit
S
    printf '[theme]\nfile = %s/assets/themes/paper.ini\n' "$PWD" > "$tmp/paper.ini"
    run "$size" "$tmp/paper.script" --config "$tmp/paper.ini" --db "$tmp/ui.db"; rc=$?
    check "$size paper run exits 0" '[ $rc -eq 0 ]'
    for n in home article fulltext quote timeline slide; do golden "paper_${n}_$size.png"; done
    check "$size paper: every screen is a different one" '! same "$tmp/paper_home_$size.png" "$tmp/paper_article_$size.png" && ! same "$tmp/paper_quote_$size.png" "$tmp/paper_timeline_$size.png" && ! same "$tmp/paper_slide_$size.png" "$tmp/paper_home_$size.png"'
done

# ---- more slide kinds (a touch on a quote slide opens that quote)
printf 'at 61000 shot slide_quote_800x480.png\nat 61100 tap 0.5 0.5\nat 62000 shot woke_quote.png\nat 62100 quit\n' > "$tmp/q.script"
run 800x480 "$tmp/q.script" --db "$tmp/ui.db" --set slideshow.kinds=quote; rc=$?
check "quote slideshow exits 0" '[ $rc -eq 0 ]'
golden slide_quote_800x480.png
check "touch on a quote slide opens a screen, not the slide" '! same "$tmp/woke_quote.png" "$tmp/slide_quote_800x480.png"'
printf 'at 61000 shot slide_timeline_800x480.png\nat 61100 quit\n' > "$tmp/t.script"
run 800x480 "$tmp/t.script" --db "$tmp/ui.db" --set slideshow.kinds=timeline; rc=$?
check "timeline slideshow exits 0" '[ $rc -eq 0 ]'
golden slide_timeline_800x480.png

# ---- content states: long headline (home golden shows the ellipsis), an
# article without quotes or events, empty and missing databases
printf 'at 0 tap 0.75 0.75\nat 1000 shot article_noquotes_800x480.png\nat 1100 quit\n' > "$tmp/nq.script"
run 800x480 "$tmp/nq.script" --db "$tmp/ui.db"; rc=$?
check "no-quotes article run exits 0" '[ $rc -eq 0 ]'
golden article_noquotes_800x480.png
printf 'at 0 tap 0.75 0.3\nat 1000 shot article_long_800x480.png\nat 1100 quit\n' > "$tmp/lh.script"
run 800x480 "$tmp/lh.script" --db "$tmp/ui.db"; rc=$?
check "long-headline article run exits 0" '[ $rc -eq 0 ]'
golden article_long_800x480.png
for size in 800x480 1920x1080 1080x1920; do
    printf 'at 0 shot notice_empty_%s.png\nat 10 quit\n' "$size" > "$tmp/n.script"
    run "$size" "$tmp/n.script" --db "$tmp/empty.db"; rc=$?
    check "empty db runs" '[ $rc -eq 0 ]'
    golden "notice_empty_$size.png"
done
printf 'at 0 shot notice_missing_800x480.png\nat 70000 shot notice_missing_later.png\nat 70010 quit\n' > "$tmp/m.script"
run 800x480 "$tmp/m.script" --db /nonexistent/corpus.db; rc=$?
check "missing db runs" '[ $rc -eq 0 ]'
golden notice_missing_800x480.png
check "a notice stays (no slideshow over it)" 'same "$tmp/notice_missing_later.png" "$tmp/notice_missing_800x480.png"'

# ---- rotation 90: a 1920x1080 panel mounted portrait; the Timeline button
# (top right of the portrait home) is at the physical panel's right, low
printf 'at 0 shot rot_home.png\nat 100 tap 0.97 0.90\nat 1000 shot timeline_rot90.png\nat 1100 quit\n' > "$tmp/r.script"
run 1920x1080 "$tmp/r.script" --db "$tmp/ui.db" --rotate 90; rc=$?
check "rotated run exits 0" '[ $rc -eq 0 ]'
golden timeline_rot90.png
check "rotated tap left home" '! same "$tmp/rot_home.png" "$tmp/timeline_rot90.png"'

echo "$pass passed, $fail failed"
[ $fail -eq 0 ] && [ $pass -gt 0 ]
