#!/bin/sh
# tests/test_board_security.sh: the systemd units' sandboxes cannot loosen
# unnoticed. `systemd-analyze security --offline=true --threshold=N` rates
# each unit file as installed (exposure 0.0 best .. 10.0 worst, N = 10 x the
# bound) and fails above the bound. Prints "N passed, N failed".
. "$(dirname "$0")/lib.sh"     # pass, fail, ok, bad, check
if ! command -v systemd-analyze >/dev/null || ! systemd-analyze security --help 2>/dev/null | grep -q -- --offline; then
    echo "test_board_security: needs systemd-analyze with --offline (systemd >= 250)"
    echo "0 passed, 1 failed"; exit 1
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# unit  bound (exposure)
while read -r unit bound; do
    case $unit in ''|'#'*) continue ;; esac
    t=$(echo "$bound" | awk '{ printf "%d", $1 * 10 + 0.5 }')
    if systemd-analyze security --offline=true --threshold="$t" "board/rpi/$unit" > "$tmp/out" 2>&1; then
        ok
    else
        bad "$unit: $(tail -n 1 "$tmp/out" | sed 's/^→ //') (bound $bound)"
        grep '✗' "$tmp/out" | sort -k3 | tail -n 5
    fi
    # the bound is a real one: a unit stripped of its sandbox fails it
    grep -v -E '^(Protect|Private|Restrict|SystemCall|Capability|NoNewPrivileges|Lock|Memory|Device|UMask|Remove|Keyring|ProcSubset)' \
        "board/rpi/$unit" > "$tmp/$unit"
    if systemd-analyze security --offline=true --threshold="$t" "$tmp/$unit" > /dev/null 2>&1; then
        bad "$unit: the same unit without its sandbox passes the bound $bound too"
    else
        ok
    fi
done <<'EOF_UNITS'
vitrine-update.service 2.0
vitrine.service 3.0
EOF_UNITS
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
