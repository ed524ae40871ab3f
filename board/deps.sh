#!/bin/sh
# Vitrine: make sure the Debian packages a build needs are installed.
#
# usage: board/deps.sh [--arch ARCH] SET...
#   SET  build  compilers' view: headers and pkg-config files for both programs
#        test   what `make test` needs beyond the build
#        cross  a cross toolchain and the ARCH multiarch -dev packages (needs --arch)
#        run    what `make run` needs to open a window
#
# As root it installs what is missing with apt-get; otherwise it prints the
# exact apt-get line and exits 1. Nothing is downloaded outside Debian's
# archive. The package lists below are the single source of truth: the
# README's dependency table explains each one.
set -eu

arch=""
if [ "${1:-}" = "--arch" ]; then arch=$2; shift 2; fi

# Each line: package (":ARCH" is appended for cross sets where it matters).
BUILD_PKGS="gcc make pkg-config libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev
libsqlite3-dev libinih-dev libunibreak-dev libutf8proc-dev libicu-dev"
TEST_PKGS="sqlite3"
RUN_PKGS=""

want=""
for set in "$@"; do
    case $set in
    build) want="$want $BUILD_PKGS" ;;
    test)  want="$want $TEST_PKGS" ;;
    run)   want="$want $RUN_PKGS" ;;
    cross)
        [ -n "$arch" ] || { echo "deps.sh: 'cross' needs --arch" >&2; exit 2; }
        case $arch in
        arm64) tc=gcc-aarch64-linux-gnu ;;
        armhf) tc=gcc-arm-linux-gnueabihf ;;
        *) echo "deps.sh: unknown arch '$arch'" >&2; exit 2 ;;
        esac
        want="$want $tc qemu-user-static"
        for p in libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libsqlite3-dev \
                 libinih-dev libunibreak-dev libutf8proc-dev libicu-dev; do
            want="$want $p:$arch"
        done ;;
    *) echo "deps.sh: unknown set '$set'" >&2; exit 2 ;;
    esac
done

missing=""
for p in $want; do
    st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    case $st in *"install ok installed"*) ;; *) missing="$missing $p" ;; esac
done
[ -z "$missing" ] && exit 0

line="apt-get install -y$missing"
if [ "$(id -u)" != 0 ]; then
    echo "vitrine: missing Debian packages. Run as root:" >&2
    echo "  $line" >&2
    exit 1
fi
if [ -n "$arch" ] && ! dpkg --print-foreign-architectures | grep -qx "$arch"; then
    dpkg --add-architecture "$arch"
    apt-get update -qq
fi
echo "vitrine: installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
# A fresh root may have stale or empty package lists: update once and retry.
apt-get install -y -qq $missing >/dev/null 2>&1 ||
    { apt-get update -qq && apt-get install -y -qq $missing >/dev/null; }
