#!/bin/sh
# Vitrine: a cross-compilation sysroot made of Debian bookworm's own ARCH
# packages, without touching the host's dpkg.
#
# usage: board/sysroot.sh ARCH [DIR]      ARCH = arm64 | armhf
#   Prints DIR on stdout (default /var/tmp/vitrine-sysroot-ARCH). Reuses DIR
#   when its stamp matches the package list, mirror and this script;
#   otherwise rebuilds it from nothing (needs root and debootstrap; ~1 min).
#
# Why not host multiarch (dpkg --add-architecture + libsdl2-dev:arm64)? The
# -dev packages are "Multi-Arch: same": their amd64 and arm64 versions must be
# identical, and a host whose amd64 libraries are newer than the mirror's
# arm64 ones (point releases, security updates) cannot install them at all.
# A foreign architecture also makes every later `apt-get update` on the host
# depend on that architecture's indices. A sysroot holds exactly the same
# Debian packages (same .debs, same headers, same .pc files) in a folder.
#
# How: `debootstrap --foreign` resolves and downloads the dependency closure
# of the -dev packages (it never runs ARCH code), every .deb is unpacked with
# dpkg-deb -x, and absolute symlinks (libm.so -> /lib/...) are made relative
# so the linker finds their targets inside the sysroot.
set -eu

arch=${1:?usage: board/sysroot.sh ARCH [DIR]}
case $arch in
arm64|armhf) ;;
*) echo "sysroot.sh: unknown arch '$arch' (arm64, armhf)" >&2; exit 2 ;;
esac
dir=${2:-${VITRINE_SYSROOT_CACHE:-/var/tmp}/vitrine-sysroot-$arch}
here=$(cd "$(dirname "$0")" && pwd)
suite=bookworm

# Mirror: the host's own Debian source (deb822 or classic sources.list).
mirror=${VITRINE_MIRROR:-}
if [ -z "$mirror" ] && [ -f /etc/apt/sources.list.d/debian.sources ]; then
    mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources)
fi
if [ -z "$mirror" ] && [ -f /etc/apt/sources.list ]; then
    mirror=$(awk '$1 == "deb" && $0 !~ /security/ {print ($2 ~ /^\[/ ? $3 : $2); exit}' /etc/apt/sources.list)
fi
mirror=${mirror:-http://deb.debian.org/debian}

# The libraries are the build set's -dev packages minus the host tools: one list.
pkgs=$(sh "$here/deps.sh" --sysroot-pkgs)
stamp=$(printf '%s\n' "$arch" "$suite" "$mirror" "$pkgs" | cat - "$0" | cksum | cut -d' ' -f1)

if [ -f "$dir/.vitrine-sysroot" ] && [ "$(cat "$dir/.vitrine-sysroot")" = "$stamp" ]; then
    echo "$dir"
    exit 0
fi

if [ "$(id -u)" != 0 ]; then
    echo "sysroot.sh: $dir is missing or stale; building it needs root (debootstrap)." >&2
    echo "  run: sudo sh board/sysroot.sh $arch" >&2
    exit 1
fi
command -v debootstrap >/dev/null || { echo "sysroot.sh: debootstrap missing (board/deps.sh cross)" >&2; exit 1; }

# One builder at a time per sysroot (parallel make, two CI jobs).
mkdir -p "$(dirname "$dir")"
exec 9> "$dir.lock"
flock 9
if [ -f "$dir/.vitrine-sysroot" ] && [ "$(cat "$dir/.vitrine-sysroot")" = "$stamp" ]; then
    echo "$dir"; exit 0
fi

start=$(date +%s)
tmp=$dir.tmp
rm -rf "$tmp"
include=$(echo $pkgs | tr ' ' ',')
log=$dir.debootstrap.log
echo "sysroot.sh: debootstrap --foreign $arch ($mirror) -> $dir" >&2
if ! debootstrap --foreign --arch="$arch" --variant=minbase --include="$include" \
        "$suite" "$tmp" "$mirror" > "$log" 2>&1; then
    tail -n 5 "$log" >&2
    echo "sysroot.sh: debootstrap failed (log: $log)" >&2
    exit 1
fi
n=0
for deb in "$tmp"/var/cache/apt/archives/*.deb; do
    dpkg-deb -x "$deb" "$tmp"
    n=$((n + 1))
done

# Absolute symlinks point into the host: rewrite them relative to the link.
find "$tmp" -type l -lname '/*' -printf '%P\t%l\n' |
while IFS="$(printf '\t')" read -r link target; do
    d=$(dirname "$link")
    case $d in .) up="" ;; *) up=$(echo "$d" | sed 's|[^/][^/]*|..|g') ;; esac
    ln -sfn "${up:+$up/}${target#/}" "$tmp/$link"
done
rm -rf "$tmp"/var/cache/apt/archives/*.deb
echo "$stamp" > "$tmp/.vitrine-sysroot"
rm -rf "$dir"
mv "$tmp" "$dir"
echo "sysroot.sh: $arch sysroot with $n packages in $(( $(date +%s) - start )) s" >&2
echo "$dir"
