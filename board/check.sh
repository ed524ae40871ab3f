#!/bin/sh
# Vitrine board check (make board-check): the Raspberry Pi builds, checked on
# a PC. For each architecture in BOARD_ARCHS (arm64 armhf):
#   1. host tools + a sysroot of Debian's own ARCH packages (board/deps.sh cross)
#   2. cross build of vitrine, vitrine-corpus and the unit test binaries
#      (make CROSS=... into build-aarch64 / build-armhf)
#   3. under qemu-user-static: vitrine-corpus builds a database from
#      assets/corpus and `check` accepts it
#   4. tests/test_golden.sh with VITRINE_BIN = the cross-built app under qemu
#      (shots compared with the native goldens, same tolerance, by the native
#      compare tool) and the cross-built test_golden against tests/golden
#   5. the same script run natively and under qemu: the share of pixels that
#      differ is printed (the software renderer should agree bit for bit)
#   6. every cross-built unit test binary under qemu, counted like native
#      ones (unit tests hold no wall-clock bounds: speed lives in make bench).
#      BOARD_UNIT=report lists failures as notes only, BOARD_UNIT=0 skips them.
# Prints one line per step, the time per architecture, and "N passed, N failed".
#
# env: BUILD (native build with vitrine and tests/test_golden), BOARD_ARCHS,
#      BOARD_UNIT, MAKE, BOARD_JOBS (default: number of CPUs),
#      BOARD_TIME_LIMIT (seconds for test_golden.sh's 60 s virtual run, 30)
set -u
BUILD=${BUILD:-build}
MAKE=${MAKE:-make}
ARCHS=${BOARD_ARCHS:-arm64 armhf}
JOBS=${BOARD_JOBS:-$(nproc 2>/dev/null || echo 2)}
pass=0; fail=0; notes=0
ok()  { pass=$((pass + 1)); echo "  ok    $*"; }
bad() { fail=$((fail + 1)); echo "  FAIL  $*"; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
native_cmp=$BUILD/tests/test_golden

for arch in $ARCHS; do
    case $arch in
    arm64) cross=aarch64-linux-gnu- qemu=qemu-aarch64-static out=build-aarch64 ;;
    armhf) cross=arm-linux-gnueabihf- qemu=qemu-arm-static out=build-armhf ;;
    *) bad "$arch: unknown architecture"; continue ;;
    esac
    echo "== $arch ($cross, $out)"
    t0=$(date +%s)
    sysroot=${SYSROOT_DIR:-/var/tmp/vitrine-sysroot-$arch}
    if sh board/deps.sh --arch "$arch" cross && [ -f "$sysroot/.vitrine-sysroot" ]; then
        ok "$arch: host tools and sysroot $sysroot"
    else
        bad "$arch: host tools or sysroot (board/deps.sh --arch $arch cross)"; continue
    fi
    t1=$(date +%s)

    tests=$(for c in tests/test_*.c; do b=${c#tests/}; echo "$out/tests/${b%.c}"; done)
    if $MAKE -s -j"$JOBS" CROSS="$cross" BUILD="$out" SYSROOT="$sysroot" all $tests \
            > "$tmp/make.log" 2>&1; then
        ok "$arch: cross build (vitrine, vitrine-corpus, corpus.db under qemu, unit tests)"
    else
        tail -n 20 "$tmp/make.log"; bad "$arch: cross build"; continue
    fi
    # ELF e_machine (2 bytes at offset 18): 0xb7 AArch64, 0x28 ARM
    mach=$(od -An -tx1 -j18 -N1 "$out/vitrine" | tr -d ' ')
    case $arch:$mach in
    arm64:b7|armhf:28) ok "$arch: $out/vitrine is an ELF for e_machine 0x$mach" ;;
    *) bad "$arch: $out/vitrine has e_machine 0x$mach" ;;
    esac
    t2=$(date +%s)

    run() { QEMU_LD_PREFIX=$sysroot $qemu -L "$sysroot" "$@"; }
    # (1) the corpus tool: build from assets/corpus and check, under qemu
    rm -f "$tmp/c.db"
    if run "$out/vitrine-corpus" build --quiet --out "$tmp/c.db" assets/corpus 2> "$tmp/err" &&
       run "$out/vitrine-corpus" check "$tmp/c.db" > "$tmp/check.out" 2>&1; then
        ok "$arch: vitrine-corpus build + check under qemu ($(head -n 1 "$tmp/check.out"))"
    else
        tail -n 5 "$tmp/err" "$tmp/check.out"; bad "$arch: vitrine-corpus build + check under qemu"
    fi
    if [ -f "$BUILD/corpus.db" ] && command -v sqlite3 >/dev/null; then
        q='SELECT count(*) FROM sqlite_master'
        if [ "$(sqlite3 "$tmp/c.db" "$q")" = "$(sqlite3 "$BUILD/corpus.db" "$q")" ]; then
            ok "$arch: cross database has the native one's schema objects"
        else bad "$arch: cross database schema differs from $BUILD/corpus.db"; fi
    fi

    # (2) the harness contract and goldens: tests/test_golden.sh with the app
    # under qemu (a wrapper that execs, so signals reach the app) and the
    # native compare tool
    printf '#!/bin/sh\nQEMU_LD_PREFIX=%s exec %s -L %s %s "$@"\n' \
        "$sysroot" "$qemu" "$sysroot" "$(pwd)/$out/vitrine" > "$tmp/vitrine-$arch"
    chmod +x "$tmp/vitrine-$arch"
    VITRINE_BIN=$tmp/vitrine-$arch VITRINE_CMP=$native_cmp BUILD=$BUILD \
        VITRINE_TIME_LIMIT=${BOARD_TIME_LIMIT:-30} \
        sh tests/test_golden.sh > "$tmp/golden.log" 2>&1
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$tmp/golden.log" | tail -n 1)
    case $line in
    *" 0 failed") ok "$arch: tests/test_golden.sh with the qemu app: $line" ;;
    *) grep FAIL "$tmp/golden.log"; bad "$arch: tests/test_golden.sh with the qemu app: ${line:-no result}" ;;
    esac
    if run "$out/tests/test_golden" > "$tmp/tg.log" 2>&1; then
        ok "$arch: cross test_golden vs tests/golden: $(tail -n 1 "$tmp/tg.log")"
    else
        tail -n 8 "$tmp/tg.log"; bad "$arch: cross test_golden vs tests/golden"
    fi

    # (3) pixel difference native vs qemu on the same script (text, a
    # crossfade frame, a rotated frame)
    db=$tmp/f.db
    [ -f "$db" ] || cat tests/fixtures/schema.sql tests/fixtures/engine/fixture.sql | sqlite3 "$db"
    printf 'at 0 shot a.png\nat 100 tap 0.5 0.5\nat 330 shot b.png\nat 1000 shot c.png\nat 1100 quit\n' \
        > "$tmp/px.script"
    for side in native qemu; do
        mkdir -p "$tmp/$side"
        if [ $side = native ]; then app=$BUILD/vitrine; else app=$tmp/vitrine-$arch; fi
        "$app" --headless --quiet --size 1280x800 --rotate 270 --db "$db" \
            --script "$tmp/px.script" --shots "$tmp/$side" 2>> "$tmp/px.err"
    done
    for s in a b c; do
        r=$("$native_cmp" --compare "$tmp/native/$s.png" "$tmp/qemu/$s.png" 2>&1)
        if [ $? = 0 ]; then ok "$arch: native vs qemu shot $s: ${r##*: }"
        else bad "$arch: native vs qemu shot $s: ${r##*: }"; fi
    done
    rm -rf "$tmp/native" "$tmp/qemu"
    t3=$(date +%s)

    # (4) unit tests under qemu
    unit=${BOARD_UNIT:-strict}
    if [ "$unit" != 0 ]; then
        for t in $tests; do
            name=${t##*/}
            [ "$name" = test_golden ] && continue
            # RSS under qemu is the emulator's; the soak runs natively in CI
            [ "$name" = test_soak ] && continue
            run "$t" > "$tmp/u.log" 2>&1; rc=$?
            line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$tmp/u.log" | tail -n 1)
            case "$rc:$line" in
            "0:"*" 0 failed"*) ok "$arch: $name under qemu: ${line##*: }" ;;
            *) grep -iE 'fail|assert' "$tmp/u.log" | grep -v 'passed, ' | tail -n 4 | sed 's/^/        /'
               if [ "$unit" = strict ]; then bad "$arch: $name under qemu (exit $rc): ${line:-no result}"
               else notes=$((notes + 1)); echo "  note  $arch: $name under qemu (exit $rc): ${line:-no result} (not counted; BOARD_UNIT=strict counts it)"; fi ;;
            esac
        done
    fi
    t4=$(date +%s)
    echo "== $arch took $((t4 - t0)) s: sysroot $((t1 - t0)) s, build $((t2 - t1)) s," \
         "qemu runs $((t3 - t2)) s, unit tests $((t4 - t3)) s"
done
[ "$notes" = 0 ] || echo "$notes unit test binaries failed under qemu only as notes (see above)"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
