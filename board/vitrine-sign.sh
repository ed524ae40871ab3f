#!/bin/sh
# vitrine-sign: the curator's side of signed content (Ed25519 through the
# OpenSSL command line, which every Debian and Raspberry Pi OS system has).
#
#   board/vitrine-sign.sh keygen DIR        once: DIR/vitrine-content.key (private,
#                                           mode 600, keep it off the screens) and
#                                           DIR/vitrine-content.pub (give it to
#                                           install.sh --content-key)
#   board/vitrine-sign.sh sign KEY DB       after each build: writes DB.sig
#   board/vitrine-sign.sh verify PUB DB     what every screen does before a swap
#
# Publish DB and DB.sig side by side (e.g. .../corpus.db and .../corpus.db.sig).
# The signature covers every byte of the database, so also the build time that
# `vitrine-corpus build` records in its meta table: a screen refuses a database
# older than the one it shows, so an old signed file cannot be replayed.
# Exit: 0 done / verified, 1 failed, 2 usage.
set -eu
usage() { echo "usage: vitrine-sign.sh keygen DIR | sign KEY DB | verify PUB DB" >&2; exit 2; }
[ $# -ge 2 ] || usage
command -v openssl >/dev/null || { echo "vitrine-sign: openssl not found (apt-get install openssl)" >&2; exit 1; }
case $1 in
keygen)
    [ $# -eq 2 ] || usage
    dir=$2; key=$dir/vitrine-content.key; pub=$dir/vitrine-content.pub
    [ -e "$key" ] && { echo "vitrine-sign: $key exists: not overwritten" >&2; exit 1; }
    mkdir -p "$dir"
    (umask 077 && openssl genpkey -algorithm ed25519 -out "$key")
    openssl pkey -in "$key" -pubout -out "$pub"
    echo "vitrine-sign: private key $key (keep it secret), public key $pub"
    ;;
sign)
    [ $# -eq 3 ] || usage
    openssl pkeyutl -sign -inkey "$2" -rawin -in "$3" -out "$3.sig.tmp"
    mv -f "$3.sig.tmp" "$3.sig"
    echo "vitrine-sign: signed $3 -> $3.sig"
    ;;
verify)
    [ $# -eq 3 ] || usage
    if openssl pkeyutl -verify -pubin -inkey "$2" -rawin -in "$3" -sigfile "$3.sig" >/dev/null 2>&1; then
        echo "vitrine-sign: $3: good signature"
    else
        echo "vitrine-sign: $3: BAD or missing signature ($3.sig)" >&2; exit 1
    fi
    ;;
*) usage ;;
esac
