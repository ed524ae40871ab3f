#!/bin/sh
# tests/test_board_syscalls.sh: the app needs no system call that its unit's
# filter forbids. The allowed set is computed from board/rpi/vitrine.service
# itself (its SystemCallFilter= lines, groups expanded by systemd-analyze
# syscall-filter), then a scripted tour of every screen (home, article, full
# text with a drag, quotes, timeline, the idle slideshow, with sd_notify on)
# runs under strace -f and every call it made must be in the set. This
# machine has no systemd as PID 1 to run the unit itself; the Pi's KMSDRM and
# evdev paths add ioctl/poll/read on device nodes, which the set holds too.
# Prints "N passed, N failed".
BUILD=${BUILD:-build}
APP=${VITRINE_BIN:-$BUILD/vitrine}
UNIT=board/rpi/vitrine.service
. "$(dirname "$0")/lib.sh"     # pass, fail, ok, bad, check
for t in strace systemd-analyze; do
    command -v $t >/dev/null || { echo "test_board_syscalls: needs $t"; echo "0 passed, 1 failed"; exit 1; }
done
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# expand NAME: the calls of a group (recursively) or the call itself
expand() {
    case $1 in
    @*) systemd-analyze syscall-filter "$1" | awk 'NR > 1 && $1 !~ /^#/ { print $1 }' |
            while read -r x; do expand "$x"; done ;;
    *) echo "$1" ;;
    esac
}
: > "$tmp/allow"; : > "$tmp/deny"
# a line starting with ~ denies all of its names, any other allows them
sed -n 's/^SystemCallFilter=//p' "$UNIT" | while read -r line; do
    case $line in '~'*) to=deny; line=${line#\~} ;; *) to=allow ;; esac
    for name in $line; do expand "$name" >> "$tmp/$to"; done
done
sort -u "$tmp/allow" -o "$tmp/allow"; sort -u "$tmp/deny" -o "$tmp/deny"
comm -23 "$tmp/allow" "$tmp/deny" > "$tmp/ok"
if [ "$(wc -l < "$tmp/ok")" -gt 100 ]; then ok; else bad "the unit's filter expands to $(wc -l < "$tmp/ok") calls"; fi
if grep -qx setuid "$tmp/ok" || grep -qx mount "$tmp/ok"; then bad "the filter allows setuid or mount"; else ok; fi

cat > "$tmp/tour.script" <<'S'
at 0 shot home.png
at 200 tap 0.2 0.25
at 1000 key Return
at 2000 drag 0.5 0.85 0.5 0.25 400
at 3000 key Escape
at 3500 key Escape
at 4000 tap 0.83 0.055
at 5000 key Escape
at 5500 tap 0.93 0.055
at 6500 key Escape
at 70000 shot slide.png
at 70500 quit
S
# LeakSanitizer (SANITIZE=1 builds) cannot stop threads under a tracer: leaks
# are checked by the other runs.
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 NOTIFY_SOCKET=$tmp/notify WATCHDOG_USEC=2000000 strace -f -qq -o "$tmp/trace" \
    "$APP" --headless --quiet --size 800x480 --db "$BUILD/corpus.db" --script "$tmp/tour.script" \
    --shots "$tmp" 2> "$tmp/err"; rc=$?
if [ $rc -eq 0 ] && [ -s "$tmp/slide.png" ]; then ok; else bad "the tour under strace (rc $rc)"; cat "$tmp/err"; fi
sed -E 's/^[0-9]+ +//' "$tmp/trace" | grep -oE '^[a-z_0-9]+\(' | tr -d '(' | sort -u > "$tmp/used"
if [ "$(wc -l < "$tmp/used")" -gt 15 ]; then ok; else bad "strace saw only $(wc -l < "$tmp/used") calls"; fi
outside=$(comm -23 "$tmp/used" "$tmp/ok" | tr '\n' ' ')
if [ -z "$outside" ]; then ok; else bad "calls outside $UNIT's SystemCallFilter: $outside"; fi
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
