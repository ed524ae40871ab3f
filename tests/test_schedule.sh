#!/bin/sh
# tests/test_schedule.sh: opening hours end to end (issue 15): a week-end of
# schedule on the virtual clock (--clock sets its wall time), shots lit and
# dark, the display commands in order, a touch that wakes the exhibit for
# wake_on_touch minutes, a closed date, at most one wake-up a minute while
# dark, and the bad-input paths (malformed hours, bad --clock).
# Prints "N passed, N failed".
BUILD=${BUILD:-build}
APP=${VITRINE_BIN:-$BUILD/vitrine}
. "$(dirname "$0")/lib.sh"     # pass, fail, ok, bad, check
tmp=${KEEP_TMP:-$(mktemp -d)}; [ -n "$KEEP_TMP" ] || trap 'rm -rf "$tmp"' EXIT
size_of() { wc -c < "$1" 2>/dev/null || echo 0; }
# A black 800x480 frame compresses to about 5 KB (shots use libpng's fast
# level); any screen of content is tens of kilobytes.
dark() { [ -f "$1" ] && [ "$(size_of "$1")" -lt 8000 ]; }
lit()  { [ -f "$1" ] && [ "$(size_of "$1")" -gt 10000 ]; }
export TZ=UTC

cat tests/fixtures/schema.sql tests/fixtures/ui/fixture.sql | sqlite3 "$tmp/ui.db" || bad "fixture db"
cat > "$tmp/v.ini" <<I
[schedule]
hours = mon-fri 09:00-18:00, sat 10:00-10:05
closed = 2026-11-30
wake_on_touch = 5
display_off_command = echo off >> $tmp/cmds
display_on_command = echo on >> $tmp/cmds
I
# virtual 0 = Friday 2026-11-27 17:58:00; each time below is noted in wall time
cat > "$tmp/week.script" <<'S'
at 0 shot fri_1758.png
at 150000 shot fri_1800.png
at 57780000 shot sat_1001.png
at 58080000 shot sat_1006.png
at 68520000 tap 0.5 0.5
at 68580000 shot sat_1301_woken.png
at 68900000 shot sat_1306_wake_over.png
at 230520000 shot mon_1000_closed.png
at 313380000 shot tue_0901.png
at 313400000 quit
S
"$APP" --headless --quiet --bench --size 800x480 --db "$tmp/ui.db" --config "$tmp/v.ini" \
    --clock "2026-11-27 17:58:00" --script "$tmp/week.script" --shots "$tmp" > "$tmp/out" 2> "$tmp/err"
rc=$?
check "week run exits 0" '[ $rc -eq 0 ]'
check "Friday 17:58 lit" 'lit "$tmp/fri_1758.png"'
check "Friday 18:00 dark" 'dark "$tmp/fri_1800.png"'
check "Saturday 10:01 lit" 'lit "$tmp/sat_1001.png"'
check "Saturday 10:06 dark" 'dark "$tmp/sat_1006.png"'
check "a touch wakes it" 'lit "$tmp/sat_1301_woken.png"'
check "dark again after wake_on_touch minutes" 'dark "$tmp/sat_1306_wake_over.png"'
check "closed date dark" 'dark "$tmp/mon_1000_closed.png"'
check "Tuesday 09:01 lit" 'lit "$tmp/tue_0901.png"'
check "display commands in order" '[ "$(tr "\n" " " < "$tmp/cmds")" = "off on off on off on " ]'
# Dark: Fri 18:00-Sat 10:00 (960 min), Sat 10:05-13:00 (175), Sat 13:05-Tue 09:00
# (4075): 5210 minutes; one check a minute plus the script's own events.
steps=$(sed -n 's/^bench dark_steps //p' "$tmp/out")
check "at most one wake-up a minute while dark ($steps steps)" '[ -n "$steps" ] && [ "$steps" -le 5225 ] && [ "$steps" -ge 5200 ]'

# Bad input: a malformed hours line is named with its line; no schedule (lit at night)
printf '[schedule]\nhours = mon-fri 9-18\n' > "$tmp/bad.ini"
printf 'at 0 shot night.png\nat 10 quit\n' > "$tmp/night.script"
"$APP" --headless --size 800x480 --db "$tmp/ui.db" --config "$tmp/bad.ini" \
    --clock "2026-11-27 23:00:00" --script "$tmp/night.script" --shots "$tmp" 2> "$tmp/err"; rc=$?
check "malformed hours: runs" '[ $rc -eq 0 ]'
check "malformed hours: names file and line" 'grep -q "bad.ini:2: bad schedule.hours: hours item .mon-fri 9-18." "$tmp/err"'
check "malformed hours: always open" 'lit "$tmp/night.png"'
"$APP" --headless --size 800x480 --db "$tmp/ui.db" --clock "2026-11-27" \
    --script "$tmp/night.script" --shots "$tmp" 2> "$tmp/err"; rc=$?
check "bad --clock exits 2" '[ $rc -eq 2 ] && grep -q "clock" "$tmp/err"'
"$APP" --headless --size 800x480 --db "$tmp/ui.db" --clock "2026-11-27 10:00:00" 2> "$tmp/err"; rc=$?
check "--clock without --script exits 2" '[ $rc -eq 2 ] && grep -q "needs --script" "$tmp/err"'
TZ=Nowhere/Atlantis "$APP" --headless --size 800x480 --db "$tmp/ui.db" --config "$tmp/v.ini" \
    --script "$tmp/night.script" --shots "$tmp" 2> "$tmp/err"; rc=$?
check "unknown time zone: a warning, the show goes on" '[ $rc -eq 0 ] && grep -q "time zone TZ=Nowhere/Atlantis is unknown" "$tmp/err"'

echo "test_schedule.sh: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
