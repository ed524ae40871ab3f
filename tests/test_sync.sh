#!/bin/sh
# tests/test_sync.sh: screens in step (slideshow.sync, issue 15). Two
# headless instances started 7 s apart (--clock) show identical screens at the
# same wall-clock moments; a visitor's touch on one changes only that one,
# which rejoins when its slideshow resumes; offset = 1 shows the next slide.
# Shots are compared by test_golden --compare. Prints "N passed, N failed".
BUILD=${BUILD:-build}
APP=${VITRINE_BIN:-$BUILD/vitrine}
CMP=${VITRINE_CMP:-$BUILD/tests/test_golden}
. "$(dirname "$0")/lib.sh"     # pass, fail, ok, bad, check
tmp=${KEEP_TMP:-$(mktemp -d)}; [ -n "$KEEP_TMP" ] || trap 'rm -rf "$tmp"' EXIT
same() { "$CMP" --compare "$1" "$2" >/dev/null 2>&1; }
export TZ=UTC
cat tests/fixtures/schema.sql tests/fixtures/ui/fixture.sql | sqlite3 "$tmp/ui.db" || bad "fixture db"
run() {    # run NAME CLOCK SCRIPT [flags]
    name=$1; clock=$2; sc=$3; shift 3
    mkdir -p "$tmp/$name"
    "$APP" --headless --quiet --size 800x480 --db "$tmp/ui.db" --clock "$clock" \
        --set slideshow.sync=true --set slideshow.sync_dwell=10000 --set timing.idle_timeout=5000 \
        --script "$sc" --shots "$tmp/$name" "$@" 2> "$tmp/$name.err"
}
# Shots at wall-clock seconds 23, 33, 43 ... of 10:00 (3 s after each 10 s
# boundary, past the crossfade); A starts at 10:00:00, B at 10:00:07.
secs="23 33 43 53 63 73 83 93"
: > "$tmp/a.script"; : > "$tmp/b.script"
for s in $secs; do
    echo "at ${s}000 shot w$s.png" >> "$tmp/a.script"
    echo "at $((s - 7))000 shot w$s.png" >> "$tmp/b.script"
done
echo "at 100000 quit" >> "$tmp/a.script"; echo "at 100000 quit" >> "$tmp/b.script"
run a "2026-11-27 10:00:00" "$tmp/a.script"; ra=$?
run b "2026-11-27 10:00:07" "$tmp/b.script"; rb=$?
check "both runs exit 0" '[ $ra -eq 0 ] && [ $rb -eq 0 ]'
for s in $secs; do
    check "10:00:$s or 10:01:$((s - 60)): A and B show the same" 'same "$tmp/a/w$s.png" "$tmp/b/w$s.png"'
done
n=0; for s in $secs; do same "$tmp/a/w23.png" "$tmp/a/w$s.png" || n=$((n + 1)); done
check "the slideshow moves on (the compare can fail)" '[ $n -ge 4 ]'

# A visitor touches B at 10:00:45: B alone shows what they opened, and after
# the idle timeout (5 s) its slideshow resumes in step.
{ echo "at 38000 tap 0.5 0.5"; echo "at 40000 shot t47.png"; echo "at 56000 shot t63.png"; echo "at 60000 quit"; } > "$tmp/t.script"
run t "2026-11-27 10:00:07" "$tmp/t.script"; rt=$?
check "touched run exits 0" '[ $rt -eq 0 ]'
run a2 "2026-11-27 10:00:00" "$tmp/a.script"
check "a touch changes only the touched screen" '! same "$tmp/t/t47.png" "$tmp/a/w43.png"'
check "it rejoins when its slideshow resumes" 'same "$tmp/t/t63.png" "$tmp/a/w63.png"'

# offset = 1: the slide A shows 10 s later
printf 'at 33000 shot o33.png\nat 40000 quit\n' > "$tmp/o.script"
run o "2026-11-27 10:00:00" "$tmp/o.script" --set slideshow.offset=1
check "offset 1 shows the next slide" 'same "$tmp/o/o33.png" "$tmp/a/w43.png"'

echo "test_sync.sh: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
