#!/bin/sh
# tests/test_board_update.sh: board/rpi/vitrine-update.sh against a local
# HTTP server on loopback (python3 -m http.server, random port, at most 60 s,
# stopped at the end): a newer good database replaces ours; a corrupt one or
# a 404 is refused and ours stays; an unmodified one is not downloaded; no
# URL means updates off. Prints "N passed, N failed".
BUILD=${BUILD:-build}
UPD=board/rpi/vitrine-update.sh
pass=0; fail=0
ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
check() { if eval "$2"; then ok; else bad "$1"; fi; }
tmp=$(mktemp -d); srv_pid=""
trap '[ -n "$srv_pid" ] && kill "$srv_pid" 2>/dev/null; rm -rf "$tmp"' EXIT
if ! command -v curl >/dev/null || ! command -v python3 >/dev/null || [ ! -x "$BUILD/vitrine-corpus" ]; then
    echo "test_board_update: needs curl, python3 and $BUILD/vitrine-corpus"; echo "0 passed, 1 failed"; exit 1
fi
export VITRINE_CORPUS=$BUILD/vitrine-corpus VITRINE_UPDATE_CONF=$tmp/update.conf
mkdir -p "$tmp/srv" "$tmp/var"
db=$tmp/var/corpus.db
sum() { cksum < "$1"; }

# two different valid databases: the one we have (old) and the server's (new)
mkdir -p "$tmp/a" "$tmp/b"
for f in assets/corpus/*; do case $f in *.meta) ;; *) first=${first:-$f} ;; esac; done
cp "$first" "$tmp/a/"
"$BUILD/vitrine-corpus" build --quiet --out "$tmp/old.db" "$tmp/a" || bad "old db"
"$BUILD/vitrine-corpus" build --quiet --out "$tmp/new.db" assets/corpus || bad "new db"
cp "$tmp/old.db" "$db"; touch -d '2024-01-01 00:00:00' "$db"

timeout 60 python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$tmp/srv" \
    > "$tmp/srv.log" 2>&1 & srv_pid=$!
port=""
for i in $(seq 50); do
    port=$(sed -n 's/.*port \([0-9][0-9]*\).*/\1/p' "$tmp/srv.log" | head -n 1)
    [ -n "$port" ] && break; sleep 0.1
done
check "server started" '[ -n "$port" ]'
base=http://127.0.0.1:$port

# no URL: updates off, nothing touched
printf 'URL=\n' > "$VITRINE_UPDATE_CONF"
before=$(sum "$db")
sh $UPD > "$tmp/out" 2>&1; rc=$?
check "no URL: exit 0, says off" '[ $rc -eq 0 ] && grep -q "updates are off" "$tmp/out"'
check "no URL: db untouched" '[ "$(sum "$db")" = "$before" ]'

printf '# comment\nURL = %s/corpus.db\nDB=%s\n' "$base" "$db" > "$VITRINE_UPDATE_CONF"

# server copy older than ours: not modified, not downloaded
cp "$tmp/new.db" "$tmp/srv/corpus.db"; touch -d '2023-06-01 00:00:00' "$tmp/srv/corpus.db"
before=$(sum "$db"); mt=$(stat -c %Y "$db")
sh $UPD > "$tmp/out" 2>&1; rc=$?
check "not modified: exit 0" '[ $rc -eq 0 ] && grep -q "not modified" "$tmp/out"'
check "not modified: db and mtime untouched" '[ "$(sum "$db")" = "$before" ] && [ "$(stat -c %Y "$db")" = "$mt" ]'
check "not modified: no temp file left" '[ ! -e "$db.tmp" ]'

# corrupt newer file: refused, ours kept
head -c 3000 "$tmp/new.db" > "$tmp/srv/corpus.db"; touch -d '2025-01-01 00:00:00' "$tmp/srv/corpus.db"
sh $UPD > "$tmp/out" 2>&1; rc=$?
check "corrupt: exit 1, says refused" '[ $rc -eq 1 ] && grep -q "refused" "$tmp/out"'
check "corrupt: old db kept" '[ "$(sum "$db")" = "$before" ]'
check "corrupt: no temp file left" '[ ! -e "$db.tmp" ]'

# an HTML page where the database should be: refused
printf '<html>moved</html>\n' > "$tmp/srv/corpus.db"; touch -d '2025-01-02 00:00:00' "$tmp/srv/corpus.db"
sh $UPD > /dev/null 2>&1; rc=$?
check "html instead of db: refused, old kept" '[ $rc -eq 1 ] && [ "$(sum "$db")" = "$before" ]'

# missing on the server (404): failure, ours kept
printf 'URL=%s/nothing.db\nDB=%s\n' "$base" "$db" > "$VITRINE_UPDATE_CONF"
sh $UPD > "$tmp/out" 2>&1; rc=$?
check "404: exit 1, old kept" '[ $rc -eq 1 ] && [ "$(sum "$db")" = "$before" ] && [ ! -e "$db.tmp" ]'
printf 'URL=%s/corpus.db\nDB=%s\n' "$base" "$db" > "$VITRINE_UPDATE_CONF"

# good newer database: replaced (same inode folder, atomic rename), server date kept
cp "$tmp/new.db" "$tmp/srv/corpus.db"; touch -d '2025-02-01 00:00:00' "$tmp/srv/corpus.db"
sh $UPD > "$tmp/out" 2>&1; rc=$?
check "good: exit 0, says installed" '[ $rc -eq 0 ] && grep -q "installed" "$tmp/out"'
check "good: db replaced by the server copy" '[ "$(sum "$db")" = "$(sum "$tmp/new.db")" ]'
check "good: db has the server date" '[ "$(stat -c %Y "$db")" = "$(stat -c %Y "$tmp/srv/corpus.db")" ]'
check "good: the new db passes check" '"$BUILD/vitrine-corpus" check "$db" >/dev/null 2>&1'
check "good: no temp file left" '[ ! -e "$db.tmp" ]'

# again with the same server file: not modified now
sh $UPD > "$tmp/out" 2>&1; rc=$?
check "second pull: not modified" '[ $rc -eq 0 ] && grep -q "not modified" "$tmp/out"'

kill "$srv_pid" 2>/dev/null; wait "$srv_pid" 2>/dev/null; srv_pid=""
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]   # a run with no check at all fails too
