#!/bin/sh
# tests/test_html_cli.sh: saved HTML pages through vitrine-corpus build. A
# folder of .html/.htm pages builds (a "complete" save's NAME_files/ folder
# beside a page is not entered); each bad page gets a message naming the
# file and what is wrong, never a crash, and leaves an existing database
# byte for byte as it was. Run from the repository root with $BUILD set;
# the last line is "N passed, N failed".
BUILD=${BUILD:-build}
BIN=$BUILD/vitrine-corpus
. "$(dirname "$0")/lib.sh"     # pass, fail, ok, bad, check
T=$(mktemp -d /tmp/vitrine-test-html-cli.XXXXXX)
trap 'rm -rf "$T"' EXIT
run() { "$BIN" "$@" > "$T/out" 2> "$T/err"; rc=$?; }
expect_rc() {
    if [ "$rc" -ge 128 ]; then bad "$1: crashed (exit $rc)"; sed 's/^/  /' "$T/err"
    elif [ "$rc" = "$2" ]; then ok; else bad "$1: exit $rc, want $2"; sed 's/^/  /' "$T/err"; fi
}
expect_err() {
    name=$1; shift
    for s in "$@"; do
        if grep -qF -- "$s" "$T/err"; then ok; else bad "$name: stderr lacks '$s'"; sed 's/^/  /' "$T/err"; fi
    done
}
sql() { sqlite3 "$1" "$2"; }
if [ ! -x "$BIN" ]; then echo "no $BIN (build first)"; echo "0 passed, 1 failed"; exit 1; fi

body='<p>The town council approved a new budget for the harbour on Monday, after a debate that
lasted well into the evening and drew a large crowd.</p>
<p>Residents had asked for repairs to the sea wall, which was damaged in the winter storms, and
for a new landing for the ferry to the islands.</p>
<p>The mayor said the work would begin in the spring and finish before the summer, when visitors
return to the town and the ferry runs every hour.</p>'

mkdir -p "$T/pages/harbour_files"
cat > "$T/pages/harbour.html" <<HTML
<!DOCTYPE html><html><head><meta charset="utf-8"><title>Harbour Budget Approved | Coast Daily</title>
<meta property="og:site_name" content="Coast Daily">
<meta name="author" content="Ana Ruiz">
<meta property="article:published_time" content="2021-03-04T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Harbour Budget Approved</h1>$body
<h2>What comes next</h2><ul><li>A vote on the contract.</li></ul></article>
<footer><p>Copyright Coast Daily, all rights reserved, terms and privacy.</p></footer></body></html>
HTML
cat > "$T/pages/ferry.htm" <<HTML
<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry Returns",
"author":[{"name":"Ben Ode"}],"datePublished":"2020-01-02"}</script></head>
<body><main>$body</main></body></html>
HTML
cp "$T/pages/harbour.html" "$T/pages/harbour_files/frame.html"   # a "complete" save's assets

run build --out "$T/pages.db" "$T/pages"
expect_rc "folder of pages" 0
[ "$(sql "$T/pages.db" "SELECT group_concat(title || '|' || author || '|' || published, ' / ') FROM (SELECT * FROM articles ORDER BY id)")" = \
  "Ferry Returns|Ben Ode|2020-01-02 / Harbour Budget Approved|Ana Ruiz|2021-03-04" ] && ok \
    || bad "pages: titles, authors, dates ($(sql "$T/pages.db" 'SELECT title, author, published FROM articles'))"
[ "$(sql "$T/pages.db" 'SELECT count(*) FROM articles')" = 2 ] && ok || bad "NAME_files/ entered"
sql "$T/pages.db" "SELECT body FROM articles WHERE file = 'harbour.html'" > "$T/body"
grep -qx "What comes next" "$T/body" && ok || bad "subheading kept as a paragraph"
grep -q "Copyright\|World" "$T/body" && bad "footer or nav in the body" || ok
[ "$(sql "$T/pages.db" 'SELECT count(*) FROM summaries')" -ge 4 ] && ok || bad "summaries made"
run check "$T/pages.db"; expect_rc "check pages" 0
cp "$T/pages.db" "$T/ref.db"

# ---- bad pages, each alone against the existing database ------------------------
mkdir "$T/bad"
printf '%%PDF-1.4\n\001\002\000\003 binary' > "$T/bad/binary.html"
printf '<html><head><title>World | Coast Daily</title></head><body><ul><li><a href="/1">Ferry returns to the islands</a></li><li><a href="/2">Storm warning for the coast</a></li></ul></body></html>' > "$T/bad/front.html"
printf '<html><body></body></html>' > "$T/bad/empty.html"
truncate -s 50M "$T/bad/huge.html"
for c in "binary.html|binary" "front.html|no article found" "empty.html|no article found" \
         "huge.html|too large"; do
    f=${c%%|*}; why=${c#*|}
    cp "$T/ref.db" "$T/db.db"
    run build --out "$T/db.db" "$T/bad/$f"
    expect_rc "bad page $f" 1
    expect_err "bad page $f" "$T/bad/$f: " "$why" "not written"
    cmp -s "$T/ref.db" "$T/db.db" && ok || bad "bad page $f: database changed"
done

# A text file saved as .html is read as text, with a warning naming it.
printf 'Harbour Budget Approved\n\nThe town council approved a new budget for the harbour on Monday, after a long debate.\n\nResidents had asked for repairs to the sea wall, which was damaged in the storms.\n' > "$T/bad/text.html"
run build --out "$T/text.db" "$T/bad/text.html"
expect_rc "text named .html" 0
expect_err "text named .html" "$T/bad/text.html: " "no HTML markup"

# A bad page among good ones is skipped with its message; --strict writes nothing.
cp "$T/bad/front.html" "$T/pages/zz-front.html"
run build --out "$T/mixed.db" "$T/pages"
expect_rc "mixed pages" 0
expect_err "mixed pages" "$T/pages/zz-front.html: no article found"
[ "$(sql "$T/mixed.db" 'SELECT count(*) FROM articles')" = 2 ] && ok || bad "mixed: 2 articles"
cp "$T/ref.db" "$T/db.db"
run build --strict --out "$T/db.db" "$T/pages"
expect_rc "mixed --strict" 1
cmp -s "$T/ref.db" "$T/db.db" && ok || bad "mixed --strict: database changed"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
