#!/bin/sh
# tests/test_stats.sh: visitor statistics end to end (issue 15): a scripted
# visitor on the virtual clock (--clock) is recorded by the app in
# stats.database, and vitrine-stats reports it as a table, CSV and HTML with
# inline SVG charts; bad files and arguments. Prints "N passed, N failed".
BUILD=${BUILD:-build}
APP=${VITRINE_BIN:-$BUILD/vitrine}
TOOL=$BUILD/vitrine-stats
. "$(dirname "$0")/lib.sh"     # pass, fail, ok, bad, check
tmp=${KEEP_TMP:-$(mktemp -d)}; [ -n "$KEEP_TMP" ] || trap 'rm -rf "$tmp"' EXIT
export TZ=UTC
cat tests/fixtures/schema.sql tests/fixtures/ui/fixture.sql | sqlite3 "$tmp/ui.db" || bad "fixture db"
# 10:00:00 start, idle 30 s -> slideshow; a visitor at 10:01:10 wakes a slide,
# swipes, goes Home, opens a card; the slideshow returns 30 s after the last
# touch. A second visitor at 10:02:30.
cat > "$tmp/v.script" <<'S'
at 70000 tap 0.5 0.5
at 75000 swipe 0.8 0.5 0.2 0.5 150
at 80000 key Escape
at 82000 tap 0.2 0.3
at 150000 tap 0.5 0.5
at 152000 key Escape
at 240000 quit
S
"$APP" --headless --quiet --size 800x480 --db "$tmp/ui.db" --clock "2026-11-27 10:00:00" \
    --set stats.database="$tmp/stats.db" --set timing.idle_timeout=30000 \
    --script "$tmp/v.script" --shots "$tmp" 2> "$tmp/err"; rc=$?
q() { sqlite3 "$tmp/stats.db" "$1"; }
check "run exits 0" '[ $rc -eq 0 ]'
check "two sessions" '[ "$(q "SELECT count(*) FROM sessions")" = 2 ]'
check "first session starts at the waking touch (10:01:10)" '[ "$(q "SELECT start FROM sessions WHERE id = 1")" = 1795773670 ]'
check "and ends when the slideshow returns (42 s)" '[ "$(q "SELECT length FROM sessions WHERE id = 1")" = 42 ]'
check "screens opened with dwell times" '[ "$(q "SELECT count(*) FROM views WHERE dwell > 0")" -ge 4 ]'
check "the touched slides" '[ "$(q "SELECT count(*) FROM touches")" = 2 ]'

"$TOOL" "$tmp/stats.db" --content "$tmp/ui.db" --html "$tmp/r.html" > "$tmp/out" 2> "$tmp/err"; rc=$?
check "vitrine-stats exits 0" '[ $rc -eq 0 ]'
check "table: sessions" 'grep -q "^sessions  *2$" "$tmp/out"'
check "table: median length" 'grep -q "^median session length  *[0-9]* s" "$tmp/out"'
check "table: per day" 'grep -q "2026-11-27  *2" "$tmp/out"'
check "table: per hour" 'grep -q "^  10  *2$" "$tmp/out"'
check "table: articles named from --content" 'grep -A3 "Most opened articles" "$tmp/out" | grep -q "article [0-9]*: ."'
check "table: slides that drew a touch" 'grep -A2 "Slides that drew a touch" "$tmp/out" | grep -q "  1  "'
"$TOOL" "$tmp/stats.db" --csv > "$tmp/csv"
check "csv: header and rows" 'head -1 "$tmp/csv" | grep -qx "section,key,value" && grep -qx "summary,sessions,2" "$tmp/csv" && grep -qx "day,2026-11-27,2" "$tmp/csv"'
check "html: charts as inline SVG" '[ "$(grep -c "<svg viewBox" "$tmp/r.html")" -eq 2 ] && grep -q "<rect" "$tmp/r.html"'
check "html: no script, no network" '! grep -qi "<script\|http://\|https://" "$tmp/r.html"'
check "html: 24 bars' labels on the hour chart" '[ "$(grep -c "text-anchor=\"middle\">[0-2][0-9]<" "$tmp/r.html")" -eq 24 ]'
# In a real browser, headless, where one is installed (not a test package:
# chromium is large): the report renders to a page of charts and tables.
if command -v chromium > /dev/null 2>&1; then
    timeout 120 chromium --headless --no-sandbox --disable-gpu --window-size=1200,1900 \
        --screenshot="$tmp/report.png" "file://$tmp/r.html" > /dev/null 2>&1
    check "html: chromium renders the report" '[ "$(wc -c < "$tmp/report.png" 2>/dev/null || echo 0)" -gt 20000 ]'
else
    echo "test_stats.sh: no chromium here: the report is not rendered in a browser"
fi
printf 'garbage' > "$tmp/bad.db"
"$TOOL" "$tmp/bad.db" > /dev/null 2> "$tmp/err"; rc=$?
check "not a statistics file: exit 1, named" '[ $rc -eq 1 ] && grep -q "bad.db" "$tmp/err"'
"$TOOL" > /dev/null 2>&1; rc=$?
check "no file: exit 2" '[ $rc -eq 2 ]'

# statistics on a folder that does not exist: logged, the show goes on
"$APP" --headless --size 800x480 --db "$tmp/ui.db" --set stats.database="$tmp/none/stats.db" \
    --script "$tmp/v.script" --shots "$tmp" 2> "$tmp/err"; rc=$?
check "missing folder: runs, one log line" '[ $rc -eq 0 ] && [ "$(grep -c "statistics: cannot use" "$tmp/err")" -eq 1 ]'

echo "test_stats.sh: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
