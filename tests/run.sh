#!/bin/sh
# Run every test: each compiled tests/test_* binary and each tests/test_*.sh
# script (run from the repository root with BUILD set). Every test prints a
# line "NAME: N passed, N failed"; a test that crashes, exits non-zero with
# no failure counted, prints no such line, or ran no check at all ("0
# passed, 0 failed") counts as one failure. The last line is the total.
BUILD=${BUILD:-build}
export BUILD
total_p=0; total_f=0
log=$(mktemp); trap 'rm -f "$log"' EXIT
for t in "$BUILD"/tests/test_* tests/test_*.sh; do
    [ -f "$t" ] || continue
    case $t in *.d|*.o) continue ;; esac
    case $t in *.sh) cmd="sh $t" ;; *) [ -x "$t" ] || continue; cmd=$t ;; esac
    $cmd > "$log" 2>&1; rc=$?
    line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
    p=$(echo "$line" | sed -n 's/.* \([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed.*/\1/p')
    f=$(echo "$line" | sed -n 's/.* \([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed.*/\2/p')
    [ -n "$p" ] || { p=$(echo "$line" | sed -n 's/^\([0-9][0-9]*\) passed.*/\1/p'); f=$(echo "$line" | sed -n 's/^[0-9]* passed, \([0-9][0-9]*\) failed.*/\1/p'); }
    [ -n "$p" ] || { p=0; f=0; }
    if [ "$rc" != 0 ] && [ "$f" = 0 ]; then f=1; fi
    if [ "$p" = 0 ] && [ "$f" = 0 ]; then f=1; echo "---- $t ran no check"; fi
    if [ "$f" != 0 ] || [ -z "$line" ]; then
        [ -z "$line" ] && [ "$f" = 0 ] && f=1
        echo "---- $t (exit $rc)"; tail -n 40 "$log"
    fi
    printf '%-40s %s passed, %s failed\n' "$(basename "$t")" "$p" "$f"
    total_p=$((total_p + p)); total_f=$((total_f + f))
done
echo "$total_p passed, $total_f failed"
[ "$total_f" = 0 ]
