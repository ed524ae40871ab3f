#!/bin/sh
# tests/test_make_install.sh: the Debian-style build conventions of the
# Makefile. `make install DESTDIR=... [PREFIX=...]` installs the programs,
# fonts, default config and READMEs (installed programs run, without the
# test hooks that the build under $BUILD keeps); CC, CPPFLAGS,
# CFLAGS and LDFLAGS from the command line and the environment reach the
# compiler and linker; Debian's hardening flags are on by default and in the
# built binaries (relro, bind-now, stack protector, fortify); -Werror only
# with WERROR=-Werror or CI=true; `make -n` runs nothing (no board/deps.sh,
# no apt-get). Prints "N passed, N failed".
BUILD=${BUILD:-build}
MAKE=${MAKE:-make}
. "$(dirname "$0")/lib.sh"     # pass, fail, ok, bad, check
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# no jobserver or flags of an outer make (make test runs this)
unset MAKEFLAGS MFLAGS MAKELEVEL
# ... but the build's own kind: an ASan build (make test SANITIZE=1) is
# installed from ASan objects, linked as such
san=""
if readelf -d "$BUILD/vitrine" 2>/dev/null | grep -q libasan; then san=SANITIZE=1; fi
# (the Makefile's own variables go too: `make test SANITIZE=1 WERROR=...`
# exports them, and MAKEFLAGS carries them, into every make started here)
clean_env() { env -u CC -u CFLAGS -u CPPFLAGS -u LDFLAGS -u CI -u MAKEFLAGS -u MFLAGS \
    -u SANITIZE -u WERROR -u OPT -u HARDEN -u HARDEN_LD "$@"; }
m() { clean_env $MAKE $san "$@"; }
mn() { clean_env $MAKE "$@"; }   # make -n: the default flags

# ---- make install
d=$tmp/dest
m -s install BUILD="$BUILD" DESTDIR="$d" > "$tmp/inst.log" 2>&1; rc=$?
check "make install DESTDIR exits 0" '[ $rc -eq 0 ]' || cat "$tmp/inst.log"
p=$d/usr/local
for f in bin/vitrine bin/vitrine-corpus; do check "installed $f (755)" '[ -x "$p/$f" ] && [ "$(stat -c %a "$p/$f")" = 755 ]'; done
check "fonts installed (every file of fonts/)" '[ "$(ls "$p/share/vitrine/fonts" | wc -l)" = "$(ls fonts | wc -l)" ] &&
    cmp -s fonts/Inter-Regular.otf "$p/share/vitrine/fonts/Inter-Regular.otf"'
check "default config, fonts = the installed fonts" 'grep -qx "fonts = /usr/local/share/vitrine/fonts" "$p/share/vitrine/vitrine.ini"'
check "READMEs" 'cmp -s README.md "$p/share/doc/vitrine/README.md" && cmp -s board/README.md "$p/share/doc/vitrine/README-board.md"'
check "nothing outside DESTDIR/PREFIX" '[ "$(cd "$d" && ls)" = usr ]'
check "the installed program runs" '"$p/bin/vitrine" --version | grep -q "^vitrine " && "$p/bin/vitrine-corpus" --version >/dev/null'
# the installed program is the production build: no test hooks
printf 'at 0 replace other.db\nat 10 quit\n' > "$tmp/hook.script"
"$p/bin/vitrine" --headless --script "$tmp/hook.script" --db "$tmp/none.db" > /dev/null 2> "$tmp/hook.err"; rc=$?
check "installed program: no script file operations (exit 2, named)" \
    '[ $rc -eq 2 ] && grep -q "hook.script:1: .replace. is a test command, not in this build" "$tmp/hook.err"' || cat "$tmp/hook.err"
printf 'at 0 quit\n' > "$tmp/q.script"
"$p/bin/vitrine" --headless --set display.screens=test --script "$tmp/q.script" --db "$tmp/none.db" > /dev/null 2> "$tmp/scr.err"
check "installed program: no test screens" 'grep -q "bad value .test. for display.screens" "$tmp/scr.err"'
"$BUILD/vitrine" --headless --set display.screens=test --script "$tmp/q.script" --db "$tmp/none.db" > /dev/null 2> "$tmp/scr2.err"
check "the test build keeps them" '! grep -q "bad value" "$tmp/scr2.err" &&
    "$BUILD/vitrine" --headless --script "$tmp/hook.script" --db "$tmp/none.db" >/dev/null 2>&1'
m -s install BUILD="$BUILD" DESTDIR="$tmp/d2" PREFIX=/opt/v > /dev/null 2>&1
check "PREFIX=/opt/v" '[ -x "$tmp/d2/opt/v/bin/vitrine" ] && grep -qx "fonts = /opt/v/share/vitrine/fonts" "$tmp/d2/opt/v/share/vitrine/vitrine.ini"'

# ---- compiler and flags (make -n prints the commands; -W forces one file)
obj=$BUILD/obj/src/common/util.o
cmd() { mn -n -W src/common/util.c BUILD="$BUILD" "$@" "$obj" 2>&1 | grep -- " -c src/common/util.c"; }
lnk() { mn -n -W src/app/main.c BUILD="$BUILD" "$@" "$BUILD/vitrine" 2>&1 | grep -- " -o $BUILD/vitrine "; }
check "default CC is gcc" 'cmd | grep -q "^gcc "'
check "CC on the command line" 'cmd CC=my-cc | grep -q "^my-cc "'
check "CC from the environment" '[ -n "$(CC=env-cc $MAKE -n -W src/common/util.c BUILD="$BUILD" "$obj" | grep "^env-cc .* -c src/common/util.c")" ]'
check "CPPFLAGS and CFLAGS on the command line" 'cmd CPPFLAGS=-DX_PP CFLAGS=-DX_C | grep -q -- "-DX_PP.*-DX_C"'
check "CFLAGS from the environment" '[ -n "$(CFLAGS=-DX_ENV $MAKE -n -W src/common/util.c BUILD="$BUILD" "$obj" | grep -- "-DX_ENV")" ]'
check "LDFLAGS on the command line" 'lnk LDFLAGS=-Wl,--x-ld | grep -q -- "-Wl,--x-ld"'
check "hardening on by default" 'cmd | grep -q -- "-fstack-protector-strong" && cmd | grep -q -- "-D_FORTIFY_SOURCE=2" &&
    lnk | grep -q -- "-Wl,-z,relro,-z,now"'
check "no fortify without optimisation" '! cmd OPT=-O0 | grep -q -- "-D_FORTIFY_SOURCE"'
check "no -Werror by default" '! cmd | grep -q -- "-Werror"'
check "-Werror in CI (WERROR=-Werror, CI=true)" 'cmd WERROR=-Werror | grep -q -- "-Werror" &&
    [ -n "$(CI=true $MAKE -n -W src/common/util.c BUILD="$BUILD" "$obj" | grep -- "-Werror")" ]'
# (an ASan build, SANITIZE=1, is built without fortify and stack protector)
if command -v readelf >/dev/null && ! readelf -d "$BUILD/vitrine" | grep -q libasan; then
    check "built program: full RELRO (BIND_NOW + GNU_RELRO)" 'readelf -d "$BUILD/vitrine" | grep -q "BIND_NOW" &&
        readelf -lW "$BUILD/vitrine" | grep -q GNU_RELRO'
    check "built program: stack protector and fortified calls" 'readelf -sW --dyn-syms "$BUILD/vitrine" | grep -q __stack_chk_fail &&
        readelf -sW --dyn-syms "$BUILD/vitrine-corpus" | grep -q "__[a-z]*_chk"'
fi

# ---- make -n runs nothing: a fresh build folder stays empty
mn -n BUILD="$tmp/fresh" all > "$tmp/n.log" 2>&1
check "make -n: no board/deps.sh run, no config.mk written" '[ ! -e "$tmp/fresh/config.mk" ] && grep -q "make -n" "$tmp/n.log"' ||
    head -5 "$tmp/n.log"
check "make -n: no apt-get" '! grep -q "apt-get install\|Reading package lists" "$tmp/n.log"'

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
