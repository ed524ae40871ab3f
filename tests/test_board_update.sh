#!/bin/sh
# tests/test_board_update.sh: board/rpi/vitrine-update.sh against a local
# HTTP server on loopback (python3 -m http.server, random port, at most 60 s,
# stopped at the end): a newer good database signed with the configured key
# replaces ours; a corrupt, tampered, unsigned, wrongly signed or replayed
# older one, or a 404, is refused and ours stays; no key refuses everything
# unless ALLOW_UNSIGNED=1 (said in the log); an unmodified one is not
# downloaded; no URL means updates off. Also board/vitrine-sign.sh (the
# curator's keygen/sign/verify). Prints "N passed, N failed".
BUILD=${BUILD:-build}
UPD=board/rpi/vitrine-update.sh
. "$(dirname "$0")/lib.sh"     # pass, fail, ok, bad, check
tmp=$(mktemp -d); srv_pid=""
trap '[ -n "$srv_pid" ] && kill "$srv_pid" 2>/dev/null; rm -rf "$tmp"' EXIT
if ! command -v curl >/dev/null || ! command -v python3 >/dev/null || ! command -v openssl >/dev/null || [ ! -x "$BUILD/vitrine-corpus" ]; then
    echo "test_board_update: needs curl, python3, openssl and $BUILD/vitrine-corpus"; echo "0 passed, 1 failed"; exit 1
fi
export VITRINE_CORPUS=$BUILD/vitrine-corpus VITRINE_UPDATE_CONF=$tmp/update.conf
mkdir -p "$tmp/srv" "$tmp/var"
db=$tmp/var/corpus.db
sum() { cksum < "$1"; }

# two different valid databases: the one we have (old) and the server's (new)
mkdir -p "$tmp/a" "$tmp/b"
for f in assets/corpus/*; do case $f in *.meta) ;; *) first=${first:-$f} ;; esac; done
cp "$first" "$tmp/a/"
# build times: replay (2020) < ours (2023) < new (2027)
SOURCE_DATE_EPOCH=1700000000 "$BUILD/vitrine-corpus" build --quiet --out "$tmp/old.db" "$tmp/a" || bad "old db"
SOURCE_DATE_EPOCH=1800000000 "$BUILD/vitrine-corpus" build --quiet --out "$tmp/new.db" assets/corpus || bad "new db"
SOURCE_DATE_EPOCH=1600000000 "$BUILD/vitrine-corpus" build --quiet --out "$tmp/replay.db" assets/corpus || bad "replay db"
cp "$tmp/old.db" "$db"; touch -d '2024-01-01 00:00:00' "$db"

# the curator's keys: ours and somebody else's
SIGN=board/vitrine-sign.sh
sh $SIGN keygen "$tmp/keys" > /dev/null 2>&1
sh $SIGN keygen "$tmp/other" > /dev/null 2>&1
key=$tmp/keys/vitrine-content.key pub=$tmp/keys/vitrine-content.pub
check "keygen: private key mode 600" '[ "$(stat -c %a "$key")" = 600 ] && [ -s "$pub" ]'
sh $SIGN keygen "$tmp/keys" > /dev/null 2>&1; rc=$?
check "keygen: never overwrites a key" '[ $rc -ne 0 ]'
cp "$tmp/new.db" "$tmp/s.db"; sh $SIGN sign "$key" "$tmp/s.db" > /dev/null 2>&1
check "sign + verify" 'sh $SIGN verify "$pub" "$tmp/s.db" > /dev/null 2>&1'
printf x >> "$tmp/s.db"
check "verify: a changed byte fails" '! sh $SIGN verify "$pub" "$tmp/s.db" > /dev/null 2>&1'
# serve FILE [KEY]: publish FILE as corpus.db (signed with KEY when given)
serve() {
    cp "$1" "$tmp/srv/corpus.db"; rm -f "$tmp/srv/corpus.db.sig"
    [ -n "${2:-}" ] && openssl pkeyutl -sign -inkey "$2" -rawin -in "$tmp/srv/corpus.db" -out "$tmp/srv/corpus.db.sig"
    touch -d "$3" "$tmp/srv/corpus.db"
}

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

# no key configured: every download refused, unless ALLOW_UNSIGNED=1
printf 'URL=%s/corpus.db\nDB=%s\nKEY=%s/none.pub\n' "$base" "$db" "$tmp" > "$VITRINE_UPDATE_CONF"
serve "$tmp/new.db" "$key" '2025-03-01 00:00:00'
sh $UPD > "$tmp/out" 2>&1; rc=$?
check "no key: exit 1, says why, db untouched" '[ $rc -eq 1 ] && grep -q "no content key" "$tmp/out" && [ "$(sum "$db")" = "$before" ]'

printf '# comment\nURL = %s/corpus.db\nDB=%s\nKEY=%s\n' "$base" "$db" "$pub" > "$VITRINE_UPDATE_CONF"

# server copy older than ours: not modified, not downloaded
serve "$tmp/new.db" "$key" '2023-06-01 00:00:00'
before=$(sum "$db"); mt=$(stat -c %Y "$db")
sh $UPD > "$tmp/out" 2>&1; rc=$?
check "not modified: exit 0" '[ $rc -eq 0 ] && grep -q "not modified" "$tmp/out"'
check "not modified: db and mtime untouched" '[ "$(sum "$db")" = "$before" ] && [ "$(stat -c %Y "$db")" = "$mt" ]'
check "not modified: no temp file left" '[ ! -e "$db.tmp" ]'

# corrupt newer file (validly signed): refused by the check, ours kept
head -c 3000 "$tmp/new.db" > "$tmp/part.db"; serve "$tmp/part.db" "$key" '2025-01-01 00:00:00'
sh $UPD > "$tmp/out" 2>&1; rc=$?
check "corrupt: exit 1, says refused" '[ $rc -eq 1 ] && grep -q "refused" "$tmp/out"'
check "corrupt: old db kept" '[ "$(sum "$db")" = "$before" ]'
check "corrupt: no temp file left" '[ ! -e "$db.tmp" ]'

# an HTML page where the database should be: refused
printf '<html>moved</html>\n' > "$tmp/page.html"; serve "$tmp/page.html" "" '2025-01-02 00:00:00'
sh $UPD > /dev/null 2>&1; rc=$?
check "html instead of db: refused, old kept" '[ $rc -eq 1 ] && [ "$(sum "$db")" = "$before" ]'

# a good database without its signature: refused
serve "$tmp/new.db" "" '2025-01-03 00:00:00'
sh $UPD > "$tmp/out" 2>&1; rc=$?
check "unsigned: refused, says no signature, old kept" '[ $rc -eq 1 ] && grep -q "no signature" "$tmp/out" && [ "$(sum "$db")" = "$before" ] && [ ! -e "$db.tmp" ] && [ ! -e "$db.tmp.sig" ]'

# signed by somebody else's key: refused
serve "$tmp/new.db" "$tmp/other/vitrine-content.key" '2025-01-04 00:00:00'
sh $UPD > "$tmp/out" 2>&1; rc=$?
check "other key: refused, old kept" '[ $rc -eq 1 ] && grep -q "does not verify" "$tmp/out" && [ "$(sum "$db")" = "$before" ]'

# tampered after signing (one byte of the file changed): refused
serve "$tmp/new.db" "$key" '2025-01-05 00:00:00'
printf 'Z' | dd of="$tmp/srv/corpus.db" bs=1 seek=5000 conv=notrunc 2>/dev/null
touch -d '2025-01-05 00:00:00' "$tmp/srv/corpus.db"
sh $UPD > "$tmp/out" 2>&1; rc=$?
check "tampered: refused, old kept" '[ $rc -eq 1 ] && grep -q "does not verify" "$tmp/out" && [ "$(sum "$db")" = "$before" ]'

# an older database, validly signed, replayed with a new file date: refused
serve "$tmp/replay.db" "$key" '2025-01-06 00:00:00'
sh $UPD > "$tmp/out" 2>&1; rc=$?
check "replayed older: refused as older, old kept" '[ $rc -eq 1 ] && grep -q "older than the content on show" "$tmp/out" && [ "$(sum "$db")" = "$before" ]'

# missing on the server (404): failure, ours kept
printf 'URL=%s/nothing.db\nDB=%s\nKEY=%s\n' "$base" "$db" "$pub" > "$VITRINE_UPDATE_CONF"
sh $UPD > "$tmp/out" 2>&1; rc=$?
check "404: exit 1, old kept" '[ $rc -eq 1 ] && [ "$(sum "$db")" = "$before" ] && [ ! -e "$db.tmp" ]'
printf 'URL=%s/corpus.db\nDB=%s\nKEY=%s\n' "$base" "$db" "$pub" > "$VITRINE_UPDATE_CONF"

# good newer database: replaced (same inode folder, atomic rename), server date kept
serve "$tmp/new.db" "$key" '2025-02-01 00:00:00'
sh $UPD > "$tmp/out" 2>&1; rc=$?
check "good: exit 0, says installed, signature good" '[ $rc -eq 0 ] && grep -q "installed.*signature good" "$tmp/out"'
check "good: db replaced by the server copy" '[ "$(sum "$db")" = "$(sum "$tmp/new.db")" ]'
check "good: db has the server date" '[ "$(stat -c %Y "$db")" = "$(stat -c %Y "$tmp/srv/corpus.db")" ]'
check "good: the new db passes check" '"$BUILD/vitrine-corpus" check "$db" >/dev/null 2>&1'
check "good: no temp file left" '[ ! -e "$db.tmp" ]'

# again with the same server file: not modified now
sh $UPD > "$tmp/out" 2>&1; rc=$?
check "second pull: not modified" '[ $rc -eq 0 ] && grep -q "not modified" "$tmp/out"'

# ALLOW_UNSIGNED=1 without a key: accepted, with a warning at every run
cp "$tmp/old.db" "$db"; touch -d '2024-01-01 00:00:00' "$db"
printf 'URL=%s/corpus.db\nDB=%s\nKEY=%s/none.pub\nALLOW_UNSIGNED=1\n' "$base" "$db" "$tmp" > "$VITRINE_UPDATE_CONF"
serve "$tmp/new.db" "" '2025-02-02 00:00:00'
sh $UPD > "$tmp/out" 2>&1; rc=$?
check "ALLOW_UNSIGNED=1: installed, warned" '[ $rc -eq 0 ] && grep -q "WARNING: ALLOW_UNSIGNED=1" "$tmp/out" && grep -q "installed.*unsigned" "$tmp/out" && [ "$(sum "$db")" = "$(sum "$tmp/new.db")" ]'
sh $UPD > "$tmp/out" 2>&1
check "ALLOW_UNSIGNED=1: warned again at the next run" 'grep -q "WARNING: ALLOW_UNSIGNED=1" "$tmp/out"'

kill "$srv_pid" 2>/dev/null; wait "$srv_pid" 2>/dev/null; srv_pid=""
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]   # a run with no check at all fails too
