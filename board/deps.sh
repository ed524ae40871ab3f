#!/bin/sh
# Vitrine: make sure the Debian packages a build needs are installed.
#
# usage: board/deps.sh [--arch ARCH] SET...
#   SET  build  compilers' view: headers and pkg-config files for both programs
#        test   what `make test` needs beyond the build
#        cross  on the HOST: the ARCH cross toolchain, qemu-user-static and
#               debootstrap; then the ARCH sysroot (board/sysroot.sh) holding
#               the build set's -dev packages (needs --arch)
#        run    what `make run` needs to open a window
#        board  what board/rpi/install.sh needs on the Pi beyond the build
#        fuzz   what `make fuzz` needs: clang and its libFuzzer runtime
#   --sysroot-pkgs  print the library packages a sysroot holds, and exit
#
# With CROSS set in the environment (make CROSS=aarch64-linux-gnu- exports
# it), "build" means "cross" for that toolchain: the host's own -dev packages
# are not needed for a cross build. No foreign architecture is ever added to
# the host's dpkg (see board/README.md, "Cross builds").
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
# vitrine-corpus reads saved web pages: libxml2's HTML parser, json-c for
# their JSON-LD metadata.
BUILD_PKGS="$BUILD_PKGS libxml2-dev libjson-c-dev"
# The app's sd_notify (READY / WATCHDOG for the Type=notify unit): libsystemd.
BUILD_PKGS="$BUILD_PKGS libsystemd-dev"
# Shots (script harness, goldens) written with libpng at a fast level; the
# ingest reads PNG and reads/writes JPEG pictures with libpng and
# libjpeg-turbo directly (libjpeg-dev is libsdl2-image-dev's dependency too).
BUILD_PKGS="$BUILD_PKGS libpng-dev libjpeg-dev"
# "Read on your phone": the article's URL as a QR code (libqrencode).
BUILD_PKGS="$BUILD_PKGS libqrencode-dev"
TEST_PKGS="sqlite3"
# tests/test_board_update.sh: curl pulls from a loopback python3 http.server.
TEST_PKGS="$TEST_PKGS curl python3"
# tests/test_valgrind.sh: the scripted app under memcheck.
TEST_PKGS="$TEST_PKGS valgrind"
# tests/test_screens_x11.sh: a real X window without a window manager
# (Xvfb), driven by xdotool, its pixels read with xwd (x11-apps).
TEST_PKGS="$TEST_PKGS xvfb xdotool x11-apps"
# tests/test_qr.sh: the QR codes on screen decoded back with zbarimg.
TEST_PKGS="$TEST_PKGS zbar-tools"
# On the Pi, beside the build set: curl for the content update timer.
BOARD_PKGS="curl"
# vitrine-update verifies the curator's Ed25519 signature with openssl's
# command line (on every Raspberry Pi OS image already).
BOARD_PKGS="$BOARD_PKGS openssl"
TEST_PKGS="$TEST_PKGS openssl"
# tests/test_board_security.sh and test_board_install.sh: systemd-analyze
# (security --offline, verify) rates and checks the unit files.
TEST_PKGS="$TEST_PKGS systemd"
# tests/test_board_syscalls.sh: the app's system calls under strace.
TEST_PKGS="$TEST_PKGS strace"
RUN_PKGS=""
# make fuzz: clang -fsanitize=fuzzer links libclang_rt.fuzzer from
# libclang-rt-14-dev, which bookworm's clang only recommends.
FUZZ_PKGS="clang libclang-rt-14-dev"
# Host tools for the cross path (the libraries live in the sysroot).
CROSS_HOST_PKGS="qemu-user-static debootstrap"

if [ "${1:-}" = "--sysroot-pkgs" ]; then
    for p in $BUILD_PKGS; do
        case $p in gcc|make|pkg-config) ;; *) echo "$p" ;; esac
    done
    exit 0
fi

# make CROSS=aarch64-linux-gnu- runs "deps.sh build": that is the cross set.
case ${CROSS:-} in
"") ;;
aarch64-linux-gnu-) arch=${arch:-arm64} ;;
arm-linux-gnueabihf-) arch=${arch:-armhf} ;;
*) echo "deps.sh: unknown CROSS '$CROSS' (aarch64-linux-gnu-, arm-linux-gnueabihf-)" >&2; exit 2 ;;
esac
if [ -n "${CROSS:-}" ]; then
    set -- $(for s in "$@"; do case $s in build) echo cross ;; test|run) ;; *) echo "$s" ;; esac; done)
fi

want=""
for set in "$@"; do
    case $set in
    build) want="$want $BUILD_PKGS" ;;
    test)  want="$want $TEST_PKGS" ;;
    run)   want="$want $RUN_PKGS" ;;
    board) want="$want $BOARD_PKGS" ;;
    fuzz)  want="$want $FUZZ_PKGS" ;;
    cross)
        [ -n "$arch" ] || { echo "deps.sh: 'cross' needs --arch" >&2; exit 2; }
        case $arch in
        arm64) tc=gcc-aarch64-linux-gnu ;;
        armhf) tc=gcc-arm-linux-gnueabihf ;;
        *) echo "deps.sh: unknown arch '$arch'" >&2; exit 2 ;;
        esac
        want="$want make pkg-config $tc $CROSS_HOST_PKGS"
        sysroot_arch=$arch ;;
    *) echo "deps.sh: unknown set '$set'" >&2; exit 2 ;;
    esac
done

sysroot_arch=${sysroot_arch:-}
# After the host packages: the sysroot for a cross set (SYSROOT names it).
make_sysroot() {
    [ -n "$sysroot_arch" ] || return 0
    sh "$(dirname "$0")/sysroot.sh" "$sysroot_arch" ${SYSROOT:+"$SYSROOT"} >/dev/null
}

missing=""
for p in $want; do
    st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    case $st in *"install ok installed"*) ;; *) missing="$missing $p" ;; esac
done
[ -z "$missing" ] && { make_sysroot; exit 0; }

line="apt-get install -y$missing"
if [ "$(id -u)" != 0 ]; then
    echo "vitrine: missing Debian packages. Run as root:" >&2
    echo "  $line" >&2
    exit 1
fi
echo "vitrine: installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
# A fresh root may have stale or empty package lists: update once and retry.
apt-get install -y -qq $missing >/dev/null 2>&1 ||
    { apt-get update -qq && apt-get install -y -qq $missing >/dev/null; }
make_sysroot
