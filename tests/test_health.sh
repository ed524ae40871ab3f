#!/bin/sh
# tests/test_health.sh: the health textfile end to end (issue 15): written
# every minute on the virtual clock (--clock), counts of the content, a
# refused database counted with its time, a folder that does not exist
# logged once while the show goes on. Prints "N passed, N failed".
BUILD=${BUILD:-build}
APP=${VITRINE_BIN:-$BUILD/vitrine}
. "$(dirname "$0")/lib.sh"     # pass, fail, ok, bad, check
tmp=${KEEP_TMP:-$(mktemp -d)}; [ -n "$KEEP_TMP" ] || trap 'rm -rf "$tmp"' EXIT
export TZ=UTC
cat tests/fixtures/schema.sql tests/fixtures/ui/fixture.sql | sqlite3 "$tmp/ui.db" || bad "fixture db"
na=$(sqlite3 "$tmp/ui.db" "SELECT count(*) FROM articles")
mkdir -p "$tmp/metrics"
# 10:00:00 start; the database is damaged in place at 10:01:10 (refused)
printf 'at 70000 corrupt\nat 150000 shot s.png\nat 150000 quit\n' > "$tmp/h.script"
"$APP" --headless --quiet --size 800x480 --db "$tmp/ui.db" --clock "2026-11-27 10:00:00" \
    --set health.textfile="$tmp/metrics/vitrine.prom" --script "$tmp/h.script" --shots "$tmp" 2> "$tmp/err"
rc=$?
f="$tmp/metrics/vitrine.prom"
check "run exits 0" '[ $rc -eq 0 ]'
check "textfile written" '[ -f "$f" ]'
check "no temporary left" '! ls "$tmp/metrics" | grep -q tmp'
check "vitrine_up 1" 'grep -qx "vitrine_up 1" "$f"'
check "written at 10:02 (uptime 120 s)" 'grep -qx "vitrine_uptime_seconds 120" "$f"'
check "start time from the clock" 'grep -qx "vitrine_start_time_seconds 1795773600" "$f"'
check "articles of the content on show ($na)" 'grep -qx "vitrine_content_articles $na" "$f"'
check "a refusal counted" 'grep -qx "vitrine_content_refusals_total 1" "$f"'
check "and its time (10:01:10)" 'grep -qx "vitrine_content_refusal_timestamp_seconds 1795773670" "$f"'
check "screen on" 'grep -qx "vitrine_screen_on 1" "$f"'
check "frames counted" 'grep -q "^vitrine_frames_total [1-9]" "$f"'
check "every metric has HELP and TYPE" '[ "$(grep -c "^# TYPE" "$f")" -eq "$(grep -c "^vitrine_" "$f")" ]'

printf 'at 200000 quit\n' > "$tmp/m.script"
"$APP" --headless --size 800x480 --db "$tmp/ui.db" --clock "2026-11-27 10:00:00" \
    --set health.textfile="$tmp/none/vitrine.prom" --script "$tmp/m.script" 2> "$tmp/err"; rc=$?
check "missing folder: the show goes on" '[ $rc -eq 0 ]'
check "missing folder: logged once, with the path" '[ "$(grep -c "health: cannot write $tmp/none/vitrine.prom" "$tmp/err")" -eq 1 ]'

echo "test_health.sh: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
