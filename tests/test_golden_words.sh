#!/bin/sh
# tests/test_golden_words.sh: the golden comparison (tests/golden.h, run as
# test_golden --compare) must see one changed letter. Each case renders a
# screen through the app from a fixture with ONE letter changed (sed on the
# fixture SQL: a headline, a quote, an event label) and expects the shot to
# FAIL against the golden; the same run on the unchanged fixture is the
# control and must pass, so a failure means the letter, not the run.
# The synthetic antialiasing cases (level shifts, sub-pixel moves of
# antialiased edges: must pass) are in tests/test_golden.c.
# Prints "N passed, N failed".
BUILD=${BUILD:-build}
APP=${VITRINE_BIN:-$BUILD/vitrine}
CMP=${VITRINE_CMP:-$BUILD/tests/test_golden}
. "$(dirname "$0")/lib.sh"     # pass, fail, ok, bad, check
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# case: NAME FIXTURE SED SIZE GOLDEN SCRIPT-LINES (the shot is named out.png)
#   fixture ui (tests/golden/ui, app flags of test_ui_flows.sh) or views
#   (tests/golden/views, as test_views.sh)
one() {
    name=$1 fx=$2 edit=$3 size=$4 golden=$5 script=$6
    for variant in control changed; do
        db=$tmp/$variant.db; rm -f "$db" "$tmp/out.png"
        if [ $variant = control ]; then
            cat tests/fixtures/schema.sql "tests/fixtures/$fx/fixture.sql" | sqlite3 "$db"
        else
            sed "$edit" "tests/fixtures/$fx/fixture.sql" > "$tmp/edited.sql"
            if cmp -s "$tmp/edited.sql" "tests/fixtures/$fx/fixture.sql"; then
                bad "$name: the edit '$edit' changed nothing in the fixture"; continue
            fi
            cat tests/fixtures/schema.sql "$tmp/edited.sql" | sqlite3 "$db"
        fi
        printf '%b' "$script" > "$tmp/s.script"
        "$APP" --headless --quiet --size "$size" --transition slide --set slideshow.shuffle=false \
            --db "$db" --script "$tmp/s.script" --shots "$tmp" 2> "$tmp/err"; rc=$?
        if [ $rc -ne 0 ] || [ ! -s "$tmp/out.png" ]; then
            bad "$name ($variant): the run failed (exit $rc)"; cat "$tmp/err"; continue
        fi
        r=$("$CMP" --compare "$tmp/out.png" "$golden"); cmp_rc=$?
        if [ $variant = control ] && [ $cmp_rc -eq 0 ]; then ok
        elif [ $variant = changed ] && [ $cmp_rc -eq 1 ]; then ok
        else bad "$name ($variant): compare exit $cmp_rc: ${r##*: }"; fi
    done
}

G=tests/golden
HOME800='at 0 shot out.png\nat 10 quit\n'
ART800='at 0 tap 0.2 0.3\nat 1000 shot out.png\nat 1100 quit\n'
ART1080='at 0 tap 0.2 0.25\nat 1000 shot out.png\nat 1100 quit\n'
# headline: "forty" -> "fifty" (narrower: the rest of the line moves) and
# "hull" -> "hall" (one glyph, about the same width)
for e in 's/after forty years with/after fifty years with/' 's/an electric hull/an electric hall/'; do
    one "headline $e, home 800x480" ui "$e" 800x480 $G/ui/home_800x480.png "$HOME800"
    one "headline $e, home 1920x1080" ui "$e" 1920x1080 $G/ui/home_1920x1080.png "$HOME800"
    one "headline $e, article 800x480" ui "$e" 800x480 $G/ui/article_800x480.png "$ART800"
    one "headline $e, article 1920x1080" ui "$e" 1920x1080 $G/ui/article_1920x1080.png "$ART1080"
done
# a quote: "years" -> "yeats"
QUOTE='at 0 tap 0.816 0.0625\nat 1200 shot out.png\nat 1300 quit\n'
one "quote years -> yeats" views 's/three years to walk/three yeats to walk/' 800x480 \
    $G/views/quote_short_800x480.png "$QUOTE"
# an event label: "catalogued" -> "catalogues"
TL='at 0 tap 0.921 0.0625\nat 1200 shot out.png\nat 1300 quit\n'
one "event catalogued -> catalogues" views 's/letters catalogued/letters catalogues/' 800x480 \
    $G/views/timeline_all_800x480.png "$TL"

echo "$pass passed, $fail failed"
[ $fail -eq 0 ] && [ $pass -gt 0 ]
