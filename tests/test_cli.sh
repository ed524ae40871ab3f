#!/bin/sh
# tests/test_cli.sh: vitrine-corpus from the command line, above all its bad
# inputs. Each bad input must get a clear message naming the file and the
# problem, never a crash, and every failure must leave an existing --out
# database byte for byte as it was (cmp). Run from the repository root with
# $BUILD set; the last line is "N passed, N failed".
BUILD=${BUILD:-build}
BIN=$BUILD/vitrine-corpus
FX=tests/fixtures/io
. "$(dirname "$0")/lib.sh"     # pass, fail, ok, bad, check
T=$(mktemp -d /tmp/vitrine-test-cli.XXXXXX)
trap 'rm -rf "$T"' EXIT


# run ARGS...: runs the tool; sets $rc, stdout in $T/out, stderr in $T/err.
run() { "$BIN" "$@" > "$T/out" 2> "$T/err"; rc=$?; }
# expect_rc NAME WANT: exit status (128+ is a crash: always a failure).
expect_rc() {
    if [ "$rc" -ge 128 ]; then bad "$1: crashed (exit $rc)"; sed 's/^/  /' "$T/err"
    elif [ "$rc" = "$2" ]; then ok; else bad "$1: exit $rc, want $2"; sed 's/^/  /' "$T/err"; fi
}
# expect_err NAME TEXT...: every TEXT appears on stderr.
expect_err() {
    name=$1; shift
    for s in "$@"; do
        if grep -qF -- "$s" "$T/err"; then ok; else bad "$name: stderr lacks '$s'"; sed 's/^/  /' "$T/err"; fi
    done
}
expect_out() {
    name=$1; shift
    for s in "$@"; do
        if grep -qF -- "$s" "$T/out"; then ok; else bad "$name: stdout lacks '$s'"; fi
    done
}
# untouched NAME: the reference database is unchanged and no temp file is left.
untouched() {
    if cmp -s "$T/ref.db" "$T/db/corpus.db"; then ok; else bad "$1: database changed"; fi
    if ls "$T/db" | grep -q 'tmp-'; then bad "$1: temporary file left"; else ok; fi
}
sql() { sqlite3 "$1" "$2"; }

if [ ! -x "$BIN" ]; then echo "no $BIN (build first)"; echo "0 passed, 1 failed"; exit 1; fi

# ---- usage --------------------------------------------------------------------
run --version; expect_rc "--version" 0; expect_out "--version" "vitrine-corpus "
run --help; expect_rc "--help" 0; expect_out "--help" "usage:" "build" "check"
run; expect_rc "no arguments" 2
run frobnicate; expect_rc "unknown command" 2; expect_err "unknown command" "frobnicate"
run build "$FX/good"; expect_rc "build without --out" 2; expect_err "build without --out" "--out"
run build --out "$T/x.db"; expect_rc "build without input" 2
run build --bogus --out "$T/x.db" "$FX/good"; expect_rc "unknown option" 2
run check; expect_rc "check without file" 2

# ---- a good build: the reference database ------------------------------------
mkdir -p "$T/db"
run build --out "$T/db/corpus.db" "$FX/good"
expect_rc "good build" 0
cp "$T/db/corpus.db" "$T/ref.db"
run check "$T/db/corpus.db"; expect_rc "check good" 0
expect_out "check good" "2 articles" "Council approves a new budget for buses and schools" \
    "Port Elin fishermen ask for help after a second poor season" "Coastal Times" "2022-10" \
    "2021-03-15" "Maria Ortega" "riverton-courier.example"
[ "$(sql "$T/db/corpus.db" 'PRAGMA user_version')" = 3 ] && ok || bad "user_version"
[ "$(sql "$T/db/corpus.db" "SELECT group_concat(file, ' ') FROM articles ORDER BY id")" = \
  "council.md harbour.txt" ] && ok || bad "sorted folder order"
[ "$(sql "$T/db/corpus.db" "SELECT count(*) FROM articles WHERE instr(body, char(13)) > 0")" = 0 ] \
    && ok || bad "no CR in bodies"

# ---- bad inputs: each alone, against the existing database --------------------
mkdir -p "$T/in"
: > "$T/in/empty.txt"
printf ' \n\t\n\n' > "$T/in/blank.txt"
printf 'GIF89a\001\000\001\000\000\377\000,\000\000' > "$T/in/image.txt"
truncate -s 50M "$T/in/huge.txt"                    # sparse: 50 MB without writing them
mkdir -p "$T/in/withdir/story.txt"                  # a directory named like an article
ln -s "$T/in/nowhere.txt" "$T/in/dangling.txt"      # a symlink to nothing
mkdir "$T/in/noarticles"
: > "$T/in/noarticles/orphan.meta"; : > "$T/in/noarticles/.hidden.txt"; : > "$T/in/noarticles/photo.jpg"

for c in "empty.txt|empty file" "blank.txt|only whitespace" "image.txt|binary file" \
         "huge.txt|too large" "withdir|is a directory" "dangling.txt|No such file" \
         "noarticles|holds no articles" "missing.txt|No such file"; do
    f=${c%%|*}; why=${c#*|}
    run build --out "$T/db/corpus.db" "$T/in/$f"
    expect_rc "bad input $f" 1
    expect_err "bad input $f" "$T/in/$f" "$why" "not written"
    grep -q "^$T/in/$f[:/]" "$T/err" && ok || bad "bad input $f: message does not start with the file name"
    untouched "bad input $f"
done

# The 50 MB file is refused from its size alone: well under a second.
start=$(date +%s%N)
run build --out "$T/db/corpus.db" "$T/in/huge.txt"
ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$ms" -lt 1000 ] && ok || bad "huge file took ${ms} ms (should not be read)"

# Unreadable by permission: chmod 000 only blocks a non-root user, so run the
# tool as nobody when we are root (skipped where setpriv is missing).
if [ "$(id -u)" = 0 ] && command -v setpriv > /dev/null; then
    mkdir -p "$T/perm"; chmod 777 "$T/perm"; chmod 755 "$T"
    cp "$FX/good/harbour.txt" "$T/perm/locked.txt"; chmod 000 "$T/perm/locked.txt"
    cp "$T/ref.db" "$T/perm/corpus.db"; chmod 666 "$T/perm/corpus.db"
    setpriv --reuid=65534 --regid=65534 --clear-groups "$BIN" build --out "$T/perm/corpus.db" \
        "$T/perm/locked.txt" > "$T/out" 2> "$T/err"; rc=$?
    expect_rc "chmod 000 as nobody" 1
    expect_err "chmod 000 as nobody" "$T/perm/locked.txt" "Permission denied"
    cmp -s "$T/ref.db" "$T/perm/corpus.db" && ok || bad "chmod 000: database changed"
elif [ "$(id -u)" != 0 ]; then
    cp "$FX/good/harbour.txt" "$T/in/locked.txt"; chmod 000 "$T/in/locked.txt"
    run build --out "$T/db/corpus.db" "$T/in/locked.txt"
    expect_rc "chmod 000" 1; expect_err "chmod 000" "locked.txt" "Permission denied"
    untouched "chmod 000"
fi

# A bad file among good ones: warned about and skipped; the rest is stored.
cp "$FX/good/council.md" "$FX/good/harbour.txt" "$FX/good/harbour.meta" "$T/in/"
mkdir "$T/mixed"; cp "$FX/good/council.md" "$T/mixed/"; : > "$T/mixed/zero.txt"
run build --out "$T/mixed.db" "$T/mixed"
expect_rc "mixed folder" 0; expect_err "mixed folder" "$T/mixed/zero.txt: empty file"
[ "$(sql "$T/mixed.db" 'SELECT count(*) FROM articles')" = 1 ] && ok || bad "mixed: 1 article"
# ... but not with --strict.
cp "$T/ref.db" "$T/db/corpus.db"
run build --strict --out "$T/db/corpus.db" "$T/mixed"
expect_rc "mixed --strict" 1; expect_err "mixed --strict" "--strict" "not written"
untouched "mixed --strict"

# ---- sidecar warnings: file:line: message; --strict refuses --------------------
run build --out "$T/sk.db" "$FX/unknown_key"
expect_rc "sidecar unknown key" 0
expect_err "sidecar unknown key" "$FX/unknown_key/story.meta:3: unknown key 'photographer'"
[ "$(sql "$T/sk.db" 'SELECT title FROM articles')" = \
  "Railway bridge over the Tarn to reopen to light traffic" ] && ok || bad "unknown key: other keys kept"
run build --strict --out "$T/db/corpus.db" "$FX/unknown_key"
expect_rc "sidecar unknown key --strict" 1; untouched "sidecar unknown key --strict"

run build --out "$T/bd.db" "$FX/bad_date"
expect_rc "sidecar bad date" 0
expect_err "sidecar bad date" "$FX/bad_date/story.meta:2: malformed published date '2015-02-30'"
[ "$(sql "$T/bd.db" 'SELECT coalesce(published, "none") FROM articles')" = none ] && ok \
    || bad "bad date: value ignored"
run build --strict --out "$T/db/corpus.db" "$FX/bad_date"
expect_rc "sidecar bad date --strict" 1; untouched "sidecar bad date --strict"

# ---- encodings ---------------------------------------------------------------------
mkdir "$T/enc"
iconv -f UTF-8 -t WINDOWS-1252 "$FX/encoding/cafe.txt" > "$T/enc/cp1252.txt"
printf '\357\273\277' > "$T/enc/bomcrlf.txt"; sed 's/$/\r/' "$FX/encoding/cafe.txt" >> "$T/enc/bomcrlf.txt"
run build --out "$T/cp.db" "$T/enc/cp1252.txt"
expect_rc "cp1252" 0
expect_err "cp1252" "$T/enc/cp1252.txt:" "Windows-1252"
[ "$(sql "$T/cp.db" 'SELECT title FROM articles')" = \
  "Café owners in Lindau fear the “tourist tax”" ] && ok || bad "cp1252: title decoded"
sql "$T/cp.db" 'SELECT body FROM articles' | grep -qF "Anna Weiß" && ok || bad "cp1252: body decoded"
run build --strict --out "$T/db/corpus.db" "$T/enc/cp1252.txt"
expect_rc "cp1252 --strict" 1; untouched "cp1252 --strict"
# ---- damaged text (digits and apostrophes stripped): a warning with the
# file, line and a sample; --strict refuses
mkdir -p "$T/dmg"
printf 'Harbour plan stalls\n\nThe harbour board will invest . billion in new quays, the boards chair said.\n\nSince the s, trade has grown  percent each decade and the harbours debt has grown  percent.\n\nThe harbour board meets again in spring to decide on the quays and the new cranes.\n' > "$T/dmg/harbour.txt"
run build --out "$T/dmg.db" "$T/dmg/harbour.txt"
expect_rc "damaged" 0
expect_err "damaged" "$T/dmg/harbour.txt:5:" "text looks damaged" "Since the s, trade"
run build --strict --out "$T/db/corpus.db" "$T/dmg/harbour.txt"
expect_rc "damaged --strict" 1; untouched "damaged --strict"
run build --out "$T/bom.db" "$T/enc/bomcrlf.txt"
expect_rc "bom+crlf" 0
if grep -q 'Windows-1252\|front matter' "$T/err"; then bad "bom+crlf: unexpected warning"; cat "$T/err"; else ok; fi
[ "$(sql "$T/bom.db" 'SELECT title || "|" || published FROM articles')" = \
  "Café owners in Lindau fear the “tourist tax”|2018-07-02" ] && ok || bad "bom+crlf: front matter read"
[ "$(sql "$T/bom.db" "SELECT instr(body, char(13)) + instr(body, char(65279)) FROM articles")" = 0 ] \
    && ok || bad "bom+crlf: no CR or BOM left"
[ "$(sql "$T/bom.db" 'SELECT body FROM articles')" = "$(sql "$T/cp.db" 'SELECT body FROM articles')" ] \
    && ok || bad "cp1252 and bom+crlf give the same body"

# ---- folders: order, hidden files, sidecars, extensions; unique slugs ----------
mkdir "$T/order"
for n in b.txt a.md notes .hidden.txt c.text image.png; do cp "$FX/good/harbour.txt" "$T/order/$n"; done
printf 'title = Same title\n' > "$T/order/a.meta"; printf 'title = Same title\n' > "$T/order/b.meta"
printf 'title = Same title\n' > "$T/order/c.meta"
run build --out "$T/order.db" "$T/order"
expect_rc "folder order" 0
[ "$(sql "$T/order.db" "SELECT group_concat(file, ' ') FROM (SELECT file FROM articles ORDER BY id)")" = \
  "a.md b.txt c.text notes" ] && ok || bad "folder: sorted, hidden/.meta/.png skipped"
[ "$(sql "$T/order.db" "SELECT group_concat(slug, ' ') FROM (SELECT slug FROM articles ORDER BY id)")" = \
  "same-title same-title-2 same-title-3 fishermen-in-the-small-harbour-town-of-port-elin-have-asked" ] \
    && ok || bad "unique slugs (derived title for 'notes')"
[ "$(sql "$T/order.db" "SELECT count(*) FROM articles WHERE file LIKE '%.meta'")" = 0 ] && ok \
    || bad "sidecar read as article"

# ---- --strict on clean input succeeds (needs the summary stage: a missing
# summary is a warning) ------------------------------------------------------------
run build --strict --out "$T/strict.db" "$FX/good"
if [ "$rc" = 0 ]; then ok; else bad "--strict on clean input: exit $rc [needs summary stage]"; sed 's/^/  /' "$T/err"; fi

# ---- pictures on several threads: the same database and the same messages,
# in file order, as on one -------------------------------------------------------
mkdir -p "$T/pics"
for n in a b c d e f g; do cp "$FX/good/harbour.txt" "$T/pics/$n.txt"; done
python3 tests/make_pictures.py --size 600x400 "$T"/pics/[a-e].txt
printf 'not a picture\n' > "$T/pics/f.png"                  # refused: a warning
printf 'image = missing.jpg\n' > "$T/pics/g.meta"          # named, not there: a warning
for j in 1 4; do
    run build --quiet --jobs $j --image-max 200 --out "$T/pics$j.db" "$T/pics"
    expect_rc "pictures, --jobs $j" 0
    cp "$T/err" "$T/pics$j.err"
done
if cmp -s "$T/pics1.err" "$T/pics4.err"; then ok; else bad "pictures: messages differ between 1 and 4 threads"; diff "$T/pics1.err" "$T/pics4.err" | sed 's/^/  /'; fi
lf=$(grep -n 'f\.png' "$T/pics4.err" | cut -d: -f1); lg=$(grep -n 'missing\.jpg' "$T/pics4.err" | cut -d: -f1)
[ -n "$lf" ] && [ -n "$lg" ] && [ "$lf" -lt "$lg" ] && ok || bad "pictures: both warnings, f's before g's"
imgs() { sql "$1" "SELECT a.file, i.role, i.width, i.height, i.format, hex(i.bytes), i.focus_x FROM images i JOIN articles a ON a.id = i.article_id ORDER BY a.file, i.role"; }
[ "$(imgs "$T/pics1.db" | md5sum)" = "$(imgs "$T/pics4.db" | md5sum)" ] && ok || bad "pictures: stored pictures differ between 1 and 4 threads"
[ "$(sql "$T/pics4.db" "SELECT count(*) FROM images WHERE role = 'lead' AND width = 200 AND height = 133")" = 5 ] \
    && ok || bad "pictures: five leads scaled to 200 px"
run build --jobs 0 --out "$T/pics0.db" "$T/pics"; expect_rc "--jobs 0" 2

# ---- writing: missing folder; check refuses non-databases -----------------------
run build --out "$T/no/such/dir/x.db" "$FX/good"
expect_rc "out folder missing" 1; expect_err "out folder missing" "$T/no/such/dir/x.db"
printf 'not a database at all, just some words in a file\n' > "$T/fake.db"
run check "$T/fake.db"; expect_rc "check text file" 1; expect_err "check text file" "$T/fake.db" "not a database"
run check "$T/none.db"; expect_rc "check missing" 1; expect_err "check missing" "$T/none.db"
cp "$T/ref.db" "$T/v9.db"; sqlite3 "$T/v9.db" 'PRAGMA user_version = 9'
run check "$T/v9.db"; expect_rc "check version" 1; expect_err "check version" "schema version 9"
head -c 8192 "$T/ref.db" > "$T/cut.db"
run check "$T/cut.db"; expect_rc "check truncated" 1; expect_err "check truncated" "$T/cut.db"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]   # a run with no check at all fails too
