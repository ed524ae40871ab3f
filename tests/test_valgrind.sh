#!/bin/sh
# tests/test_valgrind.sh: the scripted app under valgrind memcheck: no
# invalid reads or writes, no use of uninitialised values, no definite or
# indirect leaks (--errors-for-leak-kinds=definite,indirect), with the
# narrow suppressions of tests/valgrind.supp.
#
# Run 1: headless 800x480 on the bundled corpus ($BUILD/corpus.db): home ->
# article (tap) -> drag scroll -> back -> quotes -> swipe -> Home -> key
# Right -> back, then idle: the slideshow starts at 60 s (several slides,
# crossfades), a tap wakes it, shots along the way (PNG writer included).
# Run 2: the same app with an empty database file (the "content
# unavailable" notice path) for 70 virtual s.
# In an ASan build (ASan and valgrind cannot share a process) the same runs
# are checked by ASan + LeakSanitizer instead. ~10 s of CPU; prints "N
# passed, N failed".
BUILD=${BUILD:-build}
APP=$BUILD/vitrine
. "$(dirname "$0")/lib.sh"     # pass, fail, ok, bad, check
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

asan=0
if nm "$APP" 2>/dev/null | grep -q __asan_init || ldd "$APP" 2>/dev/null | grep -q libasan; then
    # the same runs under the build's own ASan + LeakSanitizer (errors exit
    # non-zero: -fno-sanitize-recover); the log checks then read its report
    echo "test_valgrind.sh: $APP is an ASan build: the runs are checked by ASan instead of valgrind"
    asan=1
elif ! command -v valgrind >/dev/null; then
    echo "FAIL: valgrind missing (board/deps.sh test)"; echo "0 passed, 1 failed"; exit 1
fi

vg() {  # log, then the app's arguments
    log=$1; shift
    if [ $asan = 1 ]; then
        ASAN_OPTIONS=detect_leaks=1:exitcode=99 "$APP" "$@" >/dev/null 2>"$log"; rc_=$?
        # the strings the checks below look for, when ASan found nothing
        [ $rc_ -eq 0 ] && ! grep -q "ERROR: \(Address\|Leak\)Sanitizer" "$log" &&
            printf 'ERROR SUMMARY: 0 errors\ndefinitely lost: 0 bytes\nindirectly lost: 0 bytes\n' >> "$log"
        return $rc_
    fi
    valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
        --show-leak-kinds=definite,indirect --track-origins=yes \
        --suppressions=tests/valgrind.supp --log-file="$log" "$APP" "$@" >/dev/null 2>&1
}

cat > "$tmp/flow.script" <<'S'
at 0 shot home.png
at 100 tap 0.2 0.3
at 1200 shot article.png
at 1300 swipe 0.5 0.8 0.5 0.3 300
at 2500 key Escape
at 3600 tap 0.816 0.0625
at 4700 swipe 0.8 0.5 0.2 0.5 150
at 5900 key Home
at 7000 key Right
at 8100 key Escape
at 75000 shot slide.png
at 110000 tap 0.5 0.5
at 111200 shot woke.png
at 111300 quit
S
vg "$tmp/vg1.log" --headless --quiet --size 800x480 --db "$BUILD/corpus.db" \
    --script "$tmp/flow.script" --shots "$tmp"; rc=$?
check "scripted flow exits 0 under valgrind (99 = memcheck errors)" '[ $rc -eq 0 ]'
check "no memcheck errors" 'grep -q "ERROR SUMMARY: 0 errors" "$tmp/vg1.log"'
check "nothing definitely lost" 'grep -Eq "definitely lost: 0 bytes|All heap blocks were freed" "$tmp/vg1.log"'
check "nothing indirectly lost" 'grep -Eq "indirectly lost: 0 bytes|All heap blocks were freed" "$tmp/vg1.log"'
check "every shot written" '[ -s "$tmp/home.png" ] && [ -s "$tmp/article.png" ] && [ -s "$tmp/slide.png" ] && [ -s "$tmp/woke.png" ]'
check "the slideshow ran (slide differs from home)" '! cmp -s "$tmp/home.png" "$tmp/slide.png"'
[ "$rc" -eq 0 ] || grep -A12 "Invalid\|uninitialised\|definitely lost in\|indirectly lost in" "$tmp/vg1.log" | head -60

: > "$tmp/empty.db"
printf 'at 0 shot notice.png\nat 70000 tap 0.5 0.5\nat 71000 quit\n' > "$tmp/empty.script"
vg "$tmp/vg2.log" --headless --quiet --size 800x480 --db "$tmp/empty.db" \
    --script "$tmp/empty.script" --shots "$tmp"; rc=$?
check "empty database under valgrind" '[ $rc -eq 0 ] && grep -q "ERROR SUMMARY: 0 errors" "$tmp/vg2.log"'
[ "$rc" -eq 0 ] || grep -A12 "Invalid\|uninitialised\|lost in" "$tmp/vg2.log" | head -40

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]   # a run with no check at all fails too
