#!/bin/sh
# vitrine-update: pull a new corpus.db over HTTP, check it, swap it in.
# Run by vitrine-update.timer (installed as /opt/vitrine/bin/vitrine-update).
#
#   1. curl --fail --time-cond DB: the server sends the file only when it is
#      newer than ours (304 Not Modified otherwise: nothing is written).
#      --remote-time gives the new file the server's date for the next round.
#   2. vitrine-corpus check on the download: a truncated or corrupt file, or
#      an HTML error page, is refused and the current database stays.
#   3. rename() into place, in the same folder: atomic, so the app (which
#      watches the path and swaps at the next slide) never sees half a file.
#
# Config: /etc/vitrine/update.conf (VITRINE_UPDATE_CONF overrides), lines
#   URL=http://server/path/corpus.db      required; empty = updates off
#   DB=/var/lib/vitrine/corpus.db         optional
# Exit: 0 updated, unchanged or not configured; 1 download or check failed.
set -u
conf=${VITRINE_UPDATE_CONF:-/etc/vitrine/update.conf}
corpus=${VITRINE_CORPUS:-/opt/vitrine/bin/vitrine-corpus}
# KEY=value lines only; the file is read, never executed.
get() { [ -f "$conf" ] && sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*//p" "$conf" | tail -n 1; }
url=$(get URL)
db=$(get DB); db=${db:-/var/lib/vitrine/corpus.db}
if [ -z "$url" ]; then
    echo "vitrine-update: no URL in $conf: content updates are off"
    exit 0
fi
tmp=$db.tmp
rm -f "$tmp"
set -- --fail --silent --show-error --location --remote-time \
    --connect-timeout 20 --max-time 600 --retry 2 -o "$tmp"
[ -f "$db" ] && set -- "$@" --time-cond "$db"
if ! curl "$@" "$url"; then
    rm -f "$tmp"
    echo "vitrine-update: download of $url failed; kept $db"
    exit 1
fi
if [ ! -s "$tmp" ]; then
    rm -f "$tmp"
    echo "vitrine-update: $url not modified since $(date -r "$db" '+%F %T')"
    exit 0
fi
if ! out=$("$corpus" check "$tmp" 2>&1); then
    rm -f "$tmp"
    echo "vitrine-update: refused $url: $(echo "$out" | tail -n 1); kept $db"
    exit 1
fi
sync "$tmp" 2>/dev/null || sync
mv -f "$tmp" "$db"
echo "vitrine-update: installed $url: $(echo "$out" | head -n 1 | sed 's/^[^:]*: //')"
