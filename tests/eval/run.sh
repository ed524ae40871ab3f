#!/bin/sh
# tests/eval/run.sh WEBPAGES [vitrine-eval options]: `make eval`. Measures
# the product path on the development pages (see WEBPAGES/README.md): each
# NAME/page.txt is copied as NAME.txt into one folder and each
# NAME/page.html as NAME.html into another, each folder is built by the real
# `vitrine-corpus build` (so evidence across files is exercised), and
# $BUILD/vitrine-eval scores both databases. A build that stores nothing
# leaves its pages missing (0s) in the table. Run from the repository root
# with $BUILD set; extra options (--floors FILE, --detail PAGE|all) go to
# vitrine-eval. Exit: vitrine-eval's (1 when a floor failed).
BUILD=${BUILD:-build}
PAGES=${1:?usage: tests/eval/run.sh WEBPAGES [--floors FILE] [--detail PAGE|all]}
shift
BIN=$BUILD/vitrine-corpus
EVAL=$BUILD/vitrine-eval
for b in "$BIN" "$EVAL"; do
    [ -x "$b" ] || { echo "run.sh: no $b (make $b)" >&2; exit 2; }
done
[ -d "$PAGES" ] || { echo "run.sh: $PAGES: no such folder (set WEBPAGES=...)" >&2; exit 2; }

T=$(mktemp -d /tmp/vitrine-eval.XXXXXX)
trap 'rm -rf "$T"' EXIT
args=""
for kind in txt html; do
    mkdir "$T/$kind"
    for d in "$PAGES"/*/; do
        name=$(basename "$d")
        [ -f "$d/page.$kind" ] && cp "$d/page.$kind" "$T/$kind/$name.$kind"
    done
    "$BIN" build --quiet --out "$T/$kind.db" "$T/$kind" > "$T/$kind.out" 2> "$T/$kind.err"
    rc=$?
    warnings=$(grep -c . "$T/$kind.err")
    echo "build $kind: exit $rc, $warnings warning lines$( [ "$rc" = 0 ] || printf ': %s' "$(tail -n 1 "$T/$kind.err")")"
    args="$args $kind=$T/$kind.db"
done
echo
# shellcheck disable=SC2086
"$EVAL" --pages "$PAGES" "$@" $args
