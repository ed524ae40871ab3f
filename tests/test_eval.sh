#!/bin/sh
# tests/test_eval.sh: what `make eval` measures cannot slip back.
#  1. The bundled articles (assets/corpus) keep their titles and authors: one
#     SHA-256 of "title\nauthor" per article in input order is kept in
#     tests/eval/bundled.sha256 (hashes, so that no article's words are
#     written into the tests). A mismatch prints the new line to paste when
#     the change is intended.
#     Every event of the bundled corpus keeps issue 12's rules (a text that
#     stands alone, a real date or range): vitrine-eval --events.
#  2. The development pages (../shared/webpages-dev beside the repository,
#     or $VITRINE_WEBPAGES) are built and scored by tests/eval/run.sh; each
#     line of tests/eval/floors.txt is one check. Without the pages (a fresh
#     clone elsewhere) this part is skipped with a note, not failed.
# Run from the repository root with $BUILD set; last line "N passed, N failed".
BUILD=${BUILD:-build}
BIN=$BUILD/vitrine-corpus
. "$(dirname "$0")/lib.sh"     # pass, fail, ok, bad, check
T=$(mktemp -d /tmp/vitrine-test-eval.XXXXXX)
trap 'rm -rf "$T"' EXIT

command -v sqlite3 > /dev/null || { echo "sqlite3 CLI missing"; echo "0 passed, 1 failed"; exit 1; }
[ -x "$BIN" ] || { echo "no $BIN"; echo "0 passed, 1 failed"; exit 1; }

# ---- 1. the bundled articles keep their titles and authors -----------------------
WANT=tests/eval/bundled.sha256
if "$BIN" build --quiet --out "$T/bundled.db" assets/corpus 2> "$T/err"; then ok; else bad "build of assets/corpus"; fi
sqlite3 "$T/bundled.db" 'SELECT id FROM articles ORDER BY id' > "$T/ids" 2> /dev/null
n=0
while read -r id; do
    n=$((n + 1))
    sum=$(sqlite3 "$T/bundled.db" "SELECT title || char(10) || coalesce(author, '') FROM articles WHERE id = $id" \
          | sha256sum | cut -c1-64)
    want=$(sed -n "s/^$n \([0-9a-f]*\)\$/\1/p" "$WANT")
    if [ "$sum" = "$want" ]; then ok; else
        bad "bundled article $n: title/author changed: now \"$(sqlite3 "$T/bundled.db" \
            "SELECT title || '\" by \"' || coalesce(author, '') FROM articles WHERE id = $id")\"" \
            "(if intended, put \"$n $sum\" in $WANT)"
    fi
done < "$T/ids"
if "$BUILD/vitrine-eval" --events "$T/bundled.db" > "$T/events" 2>&1; then ok; else
    bad "bundled events break the rules:"; cat "$T/events"
fi
# ... and the check itself finds what breaks them: a day that does not exist,
# a range ending before it starts, a text opening with a word pointing back.
cat tests/fixtures/schema.sql - <<'SQL' | sqlite3 "$T/badev.db"
INSERT INTO articles VALUES (1, 'a', 'A', NULL, NULL, '2020-01-02', NULL, 'Body.', 1, 'a.txt');
INSERT INTO events(id, article_id, date, precision, text, position, end_date, end_precision) VALUES
 (1, 1, '2019-02-30', 'day', 'The council approved the new bridge over the river.', 1, NULL, NULL),
 (2, 1, '2019-05', 'month', 'The council debated the budget for the new bridge.', 2, '2019-03', 'month'),
 (3, 1, '2019-06-01', 'day', 'It was approved by a narrow majority of the council.', 3, NULL, NULL),
 (4, 1, '2019-07-01', 'day', 'The new bridge over the river opened to traffic.', 4, NULL, NULL);
SQL
"$BUILD/vitrine-eval" --events "$T/badev.db" > "$T/badev" 2>&1; rc=$?
if [ "$rc" = 1 ] && grep -q '^events: 4 checked, 3 bad' "$T/badev" && grep -q 'impossible date' "$T/badev" \
   && grep -q 'impossible range' "$T/badev"; then ok; else bad "--events on broken events (rc $rc):"; cat "$T/badev"; fi
want_n=$(grep -c '^[0-9]' "$WANT")
if [ "$n" = "$want_n" ]; then ok; else bad "bundled articles: $n stored, $WANT lists $want_n"; fi

# ---- 2. the development pages stay above their floors ----------------------------
PAGES=${VITRINE_WEBPAGES:-../shared/webpages-dev}
if [ ! -d "$PAGES" ]; then
    echo "test_eval.sh: no development pages at $PAGES (set VITRINE_WEBPAGES): eval floors skipped"
else
    sh tests/eval/run.sh "$PAGES" --floors tests/eval/floors.txt > "$T/eval" 2>&1; rc=$?
    line=$(grep '^floors: [0-9]* passed, [0-9]* failed' "$T/eval" | tail -n 1)
    if [ -z "$line" ] || [ "$rc" -ge 2 ]; then
        bad "make eval did not run to its floors (exit $rc)"; tail -n 20 "$T/eval"
    else
        p=$(echo "$line" | sed 's/^floors: \([0-9]*\) passed, \([0-9]*\) failed/\1/')
        f=$(echo "$line" | sed 's/^floors: \([0-9]*\) passed, \([0-9]*\) failed/\2/')
        pass=$((pass + p)); fail=$((fail + f))
        grep '^eval \|FAIL' "$T/eval"
    fi
fi

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
