#!/bin/sh
# tests/test_views.sh: the Quote and Timeline flows end to end through the
# app's --script harness (gestures -> ui_state -> screens), on the fixed
# database of tests/fixtures/views/fixture.sql at 800x480. Shots are compared
# with the goldens of tests/test_views.c (tests/golden/views, same compare
# tool and tolerances as tests/test_golden.c) and with each other.
# Coordinates are fractions of 800x480 read off those goldens.
# Prints "N passed, N failed".
BUILD=${BUILD:-build}
APP=${VITRINE_BIN:-$BUILD/vitrine}
CMP=${VITRINE_CMP:-$BUILD/tests/test_golden}
G=tests/golden/views
. "$(dirname "$0")/lib.sh"     # pass, fail, ok, bad, check
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
same() { "$CMP" --compare "$tmp/$1" "$2" >/dev/null; }
differ() { ! "$CMP" --compare "$tmp/$1" "$tmp/$2" >/dev/null; }
run() { "$APP" --headless --quiet --size 800x480 --db "$tmp/f.db" --script "$tmp/$1" --shots "$tmp"; }

cat tests/fixtures/schema.sql tests/fixtures/views/fixture.sql | sqlite3 "$tmp/f.db" || bad "fixture db"

# Home: Quotes button -> first quote; swipes step through, wrapping; the
# source line opens the quote's article (the same screen its home card opens).
cat > "$tmp/quote.script" <<'S'
at 0 shot home.png
at 100 tap 0.816 0.0625
at 1200 shot q0.png
at 1300 swipe 0.8 0.5 0.2 0.5 150
at 2500 shot q1.png
at 2600 swipe 0.8 0.5 0.2 0.5 150
at 3800 swipe 0.8 0.5 0.2 0.5 150
at 5000 shot q3.png
at 5100 swipe 0.2 0.5 0.8 0.5 150
at 6300 shot q2.png
at 6400 swipe 0.2 0.5 0.8 0.5 150
at 7600 swipe 0.2 0.5 0.8 0.5 150
at 8800 swipe 0.2 0.5 0.8 0.5 150
at 10000 shot q5.png
at 10100 swipe 0.8 0.5 0.2 0.5 150
at 11300 shot q0_again.png
at 11400 key Right
at 11450 key Right
at 11500 key Right
at 12600 swipe 0.2 0.5 0.8 0.5 150
at 13800 shot q2_again.png
at 13900 tap 0.3 0.69
at 15000 shot source.png
at 15100 key Escape
at 16200 shot back.png
at 16300 quit
S
run quote.script; rc=$?
check "quote flow runs" '[ $rc -eq 0 ]'
check "Quotes button opens the first quote" 'same q0.png $G/quote_short_800x480.png'
check "swipe left: next quote" 'differ q0.png q1.png'
check "two more: the extremely long quote, ellipsized" 'same q3.png $G/quote_long_800x480.png'
check "swipe right: previous (no speaker: outlet)" 'same q2.png $G/quote_nospeaker_800x480.png'
check "swipe right past the first wraps" 'differ q5.png q0.png && differ q5.png q1.png'
check "swipe left from the last wraps to the first" 'same q0_again.png $G/quote_short_800x480.png'
check "Right key is next too" 'same q2_again.png $G/quote_nospeaker_800x480.png'
check "Back returns to the quote" 'same back.png $G/quote_nospeaker_800x480.png'
cat > "$tmp/card.script" <<'S'
at 0 tap 0.74 0.28
at 1100 shot card.png
at 1200 quit
S
run card.script; rc=$?
check "card run exits 0" '[ $rc -eq 0 ]'
check "source line opens the quote's article" 'same source.png "$tmp/card.png" && differ source.png q2.png'

# Timeline: button -> whole range; a slow drag follows the finger; a flick
# keeps coasting after release (inertia) and comes to rest; + and - zoom
# (animated, so mid-zoom differs from the end); tapping an event opens its
# article; tapping a merged event's label opens its first source.
cat > "$tmp/tl.script" <<'S'
at 0 tap 0.921 0.0625
at 1200 shot tl_all.png
at 1300 drag 0.7 0.5 0.5 0.5 800
at 2400 shot tl_dragged.png
at 2500 swipe 0.7 0.5 0.2 0.5 120
at 2700 shot tl_coast1.png
at 2900 shot tl_coast2.png
at 6000 shot tl_rest1.png
at 6500 shot tl_rest2.png
at 6600 tap 0.939 0.925
at 6750 shot tl_zooming.png
at 7700 shot tl_in1.png
at 7800 tap 0.939 0.925
at 8900 shot tl_in2.png
at 9000 tap 0.864 0.925
at 10100 tap 0.864 0.925
at 11200 shot tl_out.png
at 11300 quit
S
run tl.script; rc=$?
check "timeline flow runs" '[ $rc -eq 0 ]'
check "Timeline button opens the whole range" 'same tl_all.png $G/timeline_all_800x480.png'
check "drag moves the axis" 'differ tl_all.png tl_dragged.png'
check "flick: still moving after release (inertia)" 'differ tl_coast1.png tl_coast2.png'
check "flick: comes to rest" 'same tl_rest1.png "$tmp/tl_rest2.png"'
check "zoom in (+) is animated" 'differ tl_zooming.png tl_in1.png && differ tl_zooming.png tl_rest2.png'
check "zoom in again changes the scale" 'differ tl_in1.png tl_in2.png'
check "zooming out (-) twice returns to the whole-range scale" 'differ tl_out.png tl_in2.png && differ tl_out.png tl_in1.png'

# The story panel: opened on the whole range the first event is selected;
# a tap on a label below the axis selects that event (the panel changes,
# the screen stays); Enter opens its article with the event highlighted;
# Back returns to the Timeline with that event still selected; › steps.
cat > "$tmp/ev.script" <<'S'
at 0 tap 0.921 0.0625
at 1200 shot ev_first.png
at 1300 tap 0.75 0.80
at 2400 shot ev_sel.png
at 2500 key Return
at 3600 shot ev_open.png
at 3700 key Escape
at 4800 shot ev_back.png
at 4900 tap 0.94 0.32
at 6000 shot ev_next.png
at 6100 tap 0.2 0.38
at 7200 shot ev_open2.png
at 7300 quit
S
run ev.script; rc=$?
check "event flow runs" '[ $rc -eq 0 ]'
check "a tap on a label selects its event" 'differ ev_first.png ev_sel.png'
check "Enter opens the selected event's article" 'differ ev_sel.png ev_open.png'
check "Back returns to the Timeline, the event still selected" 'same ev_back.png "$tmp/ev_sel.png"'
check "› selects the next event" 'differ ev_back.png ev_next.png'
check "Open the article opens the next event's article" 'differ ev_next.png ev_open2.png && differ ev_open.png ev_open2.png'

echo "$pass passed, $fail failed"
[ $fail -eq 0 ] && [ $pass -gt 0 ]
