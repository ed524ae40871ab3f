#!/bin/sh
# tests/test_ingest_bundled.sh: properties of the database built from the
# bundled corpus (assets/corpus), checked with the sqlite3 CLI. The checks
# are general (counts and properties, never expected strings), so they hold
# for any well-formed news article. Checks marked [needs STAGE] depend on an
# extraction stage of another module; they run always and pass once that
# stage is in. Run from the repository root with $BUILD set.
BUILD=${BUILD:-build}
BIN=$BUILD/vitrine-corpus
SRC=assets/corpus
. "$(dirname "$0")/lib.sh"     # pass, fail, ok, bad, check
T=$(mktemp -d /tmp/vitrine-test-bundled.XXXXXX)
trap 'rm -rf "$T"' EXIT
q()   { sqlite3 "$T/corpus.db" "$1"; }
# is NAME GOT WANT
is()  { if [ "$2" = "$3" ]; then ok; else bad "$1: got '$2', want '$3'"; fi; }

command -v sqlite3 > /dev/null || { echo "sqlite3 CLI missing"; echo "0 passed, 1 failed"; exit 1; }
[ -x "$BIN" ] || { echo "no $BIN"; echo "0 passed, 1 failed"; exit 1; }

narticles=$(ls "$SRC" | grep -v '\.meta$' | grep -vc '^\.')
"$BIN" build --out "$T/corpus.db" "$SRC" 2> "$T/err"; rc=$?
is "build exit" "$rc" 0
"$BIN" check "$T/corpus.db" > "$T/check" 2>&1; is "check exit" "$?" 0

# ---- the articles and their metadata ---------------------------------------------
is "one row per article file" "$(q 'SELECT count(*) FROM articles')" "$narticles"
is "every article has a title" "$(q "SELECT count(*) FROM articles WHERE trim(title) = ''")" 0
is "every article has a body" "$(q "SELECT count(*) FROM articles WHERE length(body) < 200")" 0
is "slugs are lowercase ASCII words" \
   "$(q "SELECT count(*) FROM articles WHERE slug GLOB '*[^a-z0-9-]*' OR slug GLOB '*--*' OR length(slug) > 70")" 0
is "words counted" "$(q 'SELECT count(*) FROM articles WHERE words < 50')" 0
is "[needs clean stage] every article has a published date" \
   "$(q 'SELECT count(*) FROM articles WHERE published IS NULL')" 0
is "published dates are ISO at their precision" \
   "$(q "SELECT count(*) FROM articles WHERE published IS NOT NULL AND NOT (
        published GLOB '[12][0-9][0-9][0-9]' OR published GLOB '[12][0-9][0-9][0-9]-[01][0-9]'
        OR published GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')")" 0
is "[needs clean stage] no title was derived from the text (all have headlines)" \
   "$(grep -c 'no title found' "$T/err")" 0
is "[needs clean stage] titles are headlines, not menus or bylines" \
   "$(q "SELECT count(*) FROM articles WHERE length(title) > 160 OR title LIKE '%Facebook%'
        OR title LIKE '%Twitter%' OR title LIKE 'By %' OR title GLOB '*[0-9][0-9]:[0-9][0-9]*'")" 0
is "bodies have no CR, BOM or NUL" \
   "$(q "SELECT count(*) FROM articles WHERE instr(body, char(13)) OR instr(body, char(65279))")" 0
is "bodies have no front matter" "$(q "SELECT count(*) FROM articles WHERE body LIKE '---%'")" 0

# ---- boilerplate: none of these markers reaches a body ---------------------------
for m in '[Photo' 'Photo by' 'Photo/' 'Comment(s)' 'Print E-mail' 'Adjust font size' \
         'Add your comment' 'Facebook Twitter' 'Share this' 'Click here' 'All rights reserved' \
         'Subscribe' 'Read more' 'Related:' 'Copyright'; do
    is "[needs clean stage] no '$m' in bodies" \
       "$(q "SELECT count(*) FROM articles WHERE instr(body, '$(printf %s "$m" | sed "s/'/''/g")')")" 0
done
is "[needs clean stage] no Markdown links in bodies" \
   "$(q "SELECT count(*) FROM articles WHERE body GLOB '*](http*'")" 0
is "[needs clean stage] no HTML entities in bodies" \
   "$(q "SELECT count(*) FROM articles WHERE body GLOB '*&[a-z]*;*' OR body GLOB '*&#[0-9]*;*'")" 0

# ---- summaries: 2-4 sentences from the body, 25-90 words ---------------------------
is "[needs summary stage] every article has 2-4 summary sentences" \
   "$(q 'SELECT count(*) FROM articles a WHERE (SELECT count(*) FROM summaries s WHERE s.article_id = a.id) NOT BETWEEN 2 AND 4')" 0
is "summary sentences are taken from the body" \
   "$(q 'SELECT count(*) FROM summaries s JOIN articles a ON a.id = s.article_id WHERE instr(a.body, s.text) = 0')" 0
# Words per summary (approximated as spaces + 1 per sentence).
is "[needs summary stage] summaries have 25-90 words" \
   "$(q "SELECT count(*) FROM (SELECT article_id, sum(length(trim(text)) - length(replace(trim(text), ' ', '')) + 1) AS w
        FROM summaries GROUP BY article_id) WHERE w NOT BETWEEN 25 AND 90")" 0

# ---- quotes: articles with a quoted passage next to a reporting verb have quotes -----
with_quotes=0; missing=""
for id in $(q 'SELECT id FROM articles'); do
    q "SELECT body FROM articles WHERE id = $id" > "$T/body"
    if grep -Eq '(["“][^"”]{25,}[,.?!]?["”][^"“]{0,60}\b(said|says|told|added|stressed|noted)\b)|(\b(said|says|told)\b[^"“]{0,40}[:,] *["“][^"”]{25,}["”])' "$T/body"; then
        with_quotes=$((with_quotes + 1))
        [ "$(q "SELECT count(*) FROM quotes WHERE article_id = $id")" -gt 0 ] || missing="$missing $id"
    fi
done
[ "$with_quotes" -gt 0 ] && ok || bad "some bundled article has a direct quote"
is "[needs quotes stage] articles with direct quotes have quote rows (ids without:$missing)" \
   "$(echo $missing | wc -w)" 0
is "quote texts are non-empty, without outer quotation marks" \
   "$(q "SELECT count(*) FROM quotes WHERE trim(text) = '' OR text GLOB '[\"“]*' OR text GLOB '*[\"”]'")" 0
is "speakers, when known, are names (not pronouns)" \
   "$(q "SELECT count(*) FROM quotes WHERE lower(speaker) IN ('he','she','they','it','i','we')")" 0

# ---- events: valid dates at their precision -----------------------------------------
is "event dates match their precision" \
   "$(q "SELECT count(*) FROM events WHERE NOT (
        (precision = 'year' AND date GLOB '[0-9][0-9][0-9][0-9]') OR
        (precision = 'month' AND date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]') OR
        (precision = 'day' AND date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'))")" 0
is "event texts are non-empty" "$(q "SELECT count(*) FROM events WHERE trim(text) = ''")" 0

# ---- the same articles under new names, one in Windows-1252, one CRLF+BOM ----------
mkdir "$T/copy"
cp1252_done=""; crlf_done=""
for f in "$SRC"/*; do
    base=$(basename "$f"); case $base in .*|*.meta) continue ;; esac
    new=$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')
    ext=${base##*.}; [ "$ext" = "$base" ] && ext="" || ext=".$ext"
    meta="${f%.*}.meta"; [ -f "$meta" ] && cp "$meta" "$T/copy/$new.meta"
    if [ -z "$cp1252_done" ] && LC_ALL=C grep -q '[^ -~]' "$f" \
       && iconv -f UTF-8 -t WINDOWS-1252 "$f" > "$T/copy/$new$ext" 2> /dev/null; then
        cp1252_done=$base
    elif [ -z "$crlf_done" ]; then
        { printf '\357\273\277'; sed 's/$/\r/' "$f"; } > "$T/copy/$new$ext"; crlf_done=$base
    else
        cp "$f" "$T/copy/$new$ext"
    fi
done
[ -n "$cp1252_done" ] && ok || bad "no article could be re-encoded to Windows-1252"
[ -n "$crlf_done" ] && ok || bad "no article was converted to CRLF+BOM"
"$BIN" build --out "$T/copy.db" "$T/copy" 2> "$T/err2"; is "build of the copies" "$?" 0
grep -q "Windows-1252" "$T/err2" && ok || bad "the Windows-1252 copy was noticed"
dump() {
    sqlite3 "$1" "SELECT title, coalesce(published,''), coalesce(source,''), coalesce(author,''),
        coalesce(url,''), body, words,
        (SELECT group_concat(text, '|') FROM summaries WHERE article_id = a.id),
        (SELECT group_concat(text || '/' || coalesce(speaker, ''), '|') FROM quotes WHERE article_id = a.id),
        (SELECT group_concat(date || ' ' || text, '|') FROM events WHERE article_id = a.id)
        FROM articles a ORDER BY title, body"
}
dump "$T/corpus.db" > "$T/a.txt"; dump "$T/copy.db" > "$T/b.txt"
if cmp -s "$T/a.txt" "$T/b.txt"; then ok; else
    bad "renamed/re-encoded copies give different articles ($cp1252_done as CP1252, $crlf_done as CRLF+BOM)"
    diff "$T/a.txt" "$T/b.txt" | head -n 10
fi
is "same slugs from the copies" "$(sqlite3 "$T/copy.db" 'SELECT group_concat(slug) FROM (SELECT slug FROM articles ORDER BY slug)')" \
   "$(q 'SELECT group_concat(slug) FROM (SELECT slug FROM articles ORDER BY slug)')"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]   # a run with no check at all fails too
