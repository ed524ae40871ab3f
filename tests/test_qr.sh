#!/bin/sh
# tests/test_qr.sh: "Read on your phone" (issue 14 item 6). The Article
# screen of an article with a URL, and its summary slide, show a QR code of it: decoded back from
# the screenshot with zbar (zbarimg, package zbar-tools) at 800x480,
# 1920x1080 and 1080x1920 it gives the URL exactly; an article without a URL
# shows none, and display.qr = false hides it. Prints "N passed, N failed".
BUILD=${BUILD:-build}
APP=${VITRINE_BIN:-$BUILD/vitrine}
. "$(dirname "$0")/lib.sh"     # pass, fail, ok, bad, check
if ! command -v zbarimg > /dev/null 2>&1; then
    echo "test_qr.sh: zbarimg not installed (board/deps.sh test set: zbar-tools); skipped"
    echo "0 passed, 0 failed"; exit 0
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cat tests/fixtures/schema.sql - > "$tmp/q.sql" <<'SQL'
INSERT INTO articles VALUES
 (1, 'with-url', 'Harbour town opens its new ferry terminal after two years', 'The Coastal Courier',
  'Mira Okafor', '2024-03-14', 'https://example.org/news/2024/03/harbour-ferry-terminal?ref=exhibit',
  'The new terminal opened on Thursday.', 6, 'a.txt'),
 (2, 'no-url', 'Library lends out robots', 'Northern Ledger', NULL, '2023-11-02', NULL,
  'The library lends robots.', 4, 'b.txt');
INSERT INTO summaries VALUES (1, 0, 'The new ferry terminal opened on Thursday after two years of work.'),
 (2, 0, 'The central library now lends small robots like books.');
INSERT INTO quotes(id, article_id, position, text, speaker) VALUES
 (1, 1, 0, 'We waited a long time for this day.', 'Ann Lee');
SQL
sqlite3 "$tmp/q.db" < "$tmp/q.sql" || bad "fixture db"
URL='https://example.org/news/2024/03/harbour-ferry-terminal?ref=exhibit'
# Enter opens the newest article (1), Right the next one (2)
printf 'at 500 key Return\nat 2500 shot url.png\nat 2600 key Right\nat 4500 shot nourl.png\nat 4600 quit\n' > "$tmp/s.script"
for size in 800x480 1920x1080 1080x1920; do
    mkdir -p "$tmp/$size" "$tmp/off_$size"
    "$APP" --headless --quiet --size "$size" --db "$tmp/q.db" --script "$tmp/s.script" \
        --shots "$tmp/$size" 2> "$tmp/err"; rc=$?
    check "$size: runs (exit 0)" '[ $rc -eq 0 ]' || cat "$tmp/err"
    got=$(zbarimg -q --raw "$tmp/$size/url.png" 2>/dev/null)
    check "$size: the QR code reads back as the article's URL (got '$got')" '[ "$got" = "$URL" ]'
    check "$size: an article without a URL has no code" '! zbarimg -q --raw "$tmp/$size/nourl.png" > /dev/null 2>&1'
    "$APP" --headless --quiet --size "$size" --db "$tmp/q.db" --set display.qr=false \
        --script "$tmp/s.script" --shots "$tmp/off_$size" 2> /dev/null
    check "$size: display.qr = false hides it" '! zbarimg -q --raw "$tmp/off_$size/url.png" > /dev/null 2>&1'
    # the summary slide of the article with a URL carries the code too
    printf 'at 61000 shot slide.png\nat 61100 quit\n' > "$tmp/sl.script"
    for qr in true false; do
        mkdir -p "$tmp/sl_${qr}_$size"
        "$APP" --headless --quiet --size "$size" --db "$tmp/q.db" --set slideshow.shuffle=false \
            --set slideshow.intro_every=0 --set slideshow.kinds=summary --set display.qr=$qr \
            --script "$tmp/sl.script" --shots "$tmp/sl_${qr}_$size" 2> /dev/null
    done
    got=$(zbarimg -q --raw "$tmp/sl_true_$size/slide.png" 2>/dev/null)
    check "$size: the summary slide's code reads back as the URL (got '$got')" '[ "$got" = "$URL" ]'
    check "$size: display.qr = false hides it on the slide" '! zbarimg -q --raw "$tmp/sl_false_$size/slide.png" > /dev/null 2>&1'
done
echo "test_qr.sh: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
