#!/bin/sh
# vitrine-update: pull a new corpus.db over HTTP(S), verify it, swap it in.
# Run by vitrine-update.timer (installed as /opt/vitrine/bin/vitrine-update).
#
#   1. curl --fail --time-cond DB: the server sends the file only when it is
#      newer than ours (304 Not Modified otherwise: nothing is written).
#      --remote-time gives the new file the server's date for the next round.
#      HTTPS is verified against the system's CA store (curl's default; no
#      --insecure anywhere), but the signature below holds even over plain HTTP.
#   2. Signature: URL.sig (the curator's Ed25519 signature, made with
#      board/vitrine-sign.sh) is downloaded too and verified with openssl
#      against the public key KEY (install.sh --content-key puts it in
#      /etc/vitrine/content.pub). No key: every download is refused, unless
#      the operator set ALLOW_UNSIGNED=1 on purpose (said again at every run).
#   3. vitrine-corpus check on the download: a truncated or corrupt file, or
#      an HTML error page, is refused and the current database stays.
#   4. Replay: the database's build time (meta 'built', written by
#      vitrine-corpus build and covered by the signature) must not be older
#      than that of the database on show.
#   5. rename() into place, in the same folder: atomic, so the app (which
#      watches the path and swaps at the next slide) never sees half a file.
#
# Config: /etc/vitrine/update.conf (VITRINE_UPDATE_CONF overrides), lines
#   URL=https://server/path/corpus.db     required; empty = updates off
#   SIG_URL=...                           optional; default URL.sig
#   KEY=/etc/vitrine/content.pub          optional; the curator's public key
#   ALLOW_UNSIGNED=1                      optional; accept unsigned content
#   DB=/var/lib/vitrine/corpus.db         optional
# Exit: 0 updated, unchanged or not configured; 1 refused or failed (the
# database on show is kept in every such case).
set -u
conf=${VITRINE_UPDATE_CONF:-/etc/vitrine/update.conf}
corpus=${VITRINE_CORPUS:-/opt/vitrine/bin/vitrine-corpus}
# KEY=value lines only; the file is read, never executed.
get() { [ -f "$conf" ] && sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*//p" "$conf" | tail -n 1; }
url=$(get URL)
db=$(get DB); db=${db:-/var/lib/vitrine/corpus.db}
key=$(get KEY); key=${key:-/etc/vitrine/content.pub}
sig_url=$(get SIG_URL); sig_url=${sig_url:-$url.sig}
unsigned=$(get ALLOW_UNSIGNED)
if [ -z "$url" ]; then
    echo "vitrine-update: no URL in $conf: content updates are off"
    exit 0
fi
if [ -f "$key" ]; then
    unsigned=0
elif [ "$unsigned" = 1 ]; then
    echo "vitrine-update: WARNING: ALLOW_UNSIGNED=1 in $conf and no key at $key: content is accepted unsigned"
else
    echo "vitrine-update: no content key at $key: refusing every update (install one with install.sh --content-key FILE, or set ALLOW_UNSIGNED=1 in $conf)"
    exit 1
fi
tmp=$db.tmp
rm -f "$tmp" "$tmp.sig"
trap 'rm -f "$tmp" "$tmp.sig"' EXIT
set -- --fail --silent --show-error --location --proto '=http,https' \
    --connect-timeout 20 --max-time 600 --retry 2
[ -f "$db" ] && tc="--time-cond $db" || tc=""
# shellcheck disable=SC2086  # $tc is two words or none
if ! curl "$@" --remote-time $tc -o "$tmp" "$url"; then
    echo "vitrine-update: download of $url failed; kept $db"
    exit 1
fi
if [ ! -s "$tmp" ]; then
    echo "vitrine-update: $url not modified since $(date -r "$db" '+%F %T')"
    exit 0
fi
if [ "$unsigned" != 1 ]; then
    if ! curl "$@" -o "$tmp.sig" "$sig_url"; then
        echo "vitrine-update: refused $url: no signature at $sig_url; kept $db"
        exit 1
    fi
    if ! openssl pkeyutl -verify -pubin -inkey "$key" -rawin -in "$tmp" \
            -sigfile "$tmp.sig" >/dev/null 2>&1; then
        echo "vitrine-update: refused $url: signature does not verify with $key (tampered, or signed by another key); kept $db"
        exit 1
    fi
fi
if ! out=$("$corpus" check "$tmp" 2>&1); then
    echo "vitrine-update: refused $url: $(echo "$out" | tail -n 1); kept $db"
    exit 1
fi
built() { sed -n 's/^[[:space:]]*built:[[:space:]]*//p' | head -n 1; }
new_built=$(echo "$out" | built)
if [ -f "$db" ]; then
    cur_built=$("$corpus" check "$db" 2>/dev/null | built)
    # ISO 8601 UTC times compare as strings.
    if [ -n "$cur_built" ] && { [ -z "$new_built" ] || expr "$new_built" \< "$cur_built" >/dev/null; }; then
        echo "vitrine-update: refused $url: built ${new_built:-at an unknown time}, older than the content on show ($cur_built): a replay?; kept $db"
        exit 1
    fi
fi
sync "$tmp" 2>/dev/null || sync
mv -f "$tmp" "$db"
echo "vitrine-update: installed $url ($( [ "$unsigned" = 1 ] && echo unsigned || echo "signature good" ), built $new_built): $(echo "$out" | head -n 1 | sed 's/^[^:]*: //')"
