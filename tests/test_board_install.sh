#!/bin/sh
# tests/test_board_install.sh: board/rpi/install.sh into a temporary root
# (--root, --prebuilt $BUILD) with a fake /boot/firmware/{config.txt,
# cmdline.txt} and /etc/{passwd,group}: every file in place, the boot
# fragments added once (config.txt ends in a [pi4] section: the block starts
# with [all]; cmdline.txt stays one line), the unit's kiosk settings (tty1,
# no restart after the admin exit, netlink for hotplug), Ctrl+Alt+Del masked
# and SysRq off, the admin exit off in the installed config, a second run
# changes nothing, a changed program asks for a restart, an edited
# vitrine.ini is kept, --uninstall restores the boot files, Ctrl+Alt+Del and
# SysRq and keeps the content, --purge removes the rest. Prints "N passed,
# N failed".
BUILD=${BUILD:-build}
INST=board/rpi/install.sh
. "$(dirname "$0")/lib.sh"     # pass, fail, ok, bad, check
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
r=$tmp/root
mkdir -p "$r/boot/firmware" "$r/etc"
printf '# Raspberry Pi OS config\ndtparam=audio=on\n\n[all]\narm_64bit=1\n\n[pi4]\narm_boost=1\n' > "$r/boot/firmware/config.txt"
printf 'console=serial0,115200 console=tty1 root=PARTUUID=1234-02 rootfstype=ext4 fsck.repair=yes rootwait quiet\n' \
    > "$r/boot/firmware/cmdline.txt"
printf 'root:x:0:0:root:/root:/bin/bash\n' > "$r/etc/passwd"
printf 'root:x:0:\nvideo:x:44:\ninput:x:105:\nrender:x:106:\n' > "$r/etc/group"
printf 'root:*:19000:0:99999:7:::\n' > "$r/etc/shadow"
printf 'root:*::\n' > "$r/etc/gshadow"
# the host's own unit files, so systemctl --root and systemd-analyze see a system
if [ -d /lib/systemd/system ]; then mkdir -p "$r/usr/lib/systemd" && cp -a /lib/systemd/system "$r/usr/lib/systemd/"; fi
cp "$r/boot/firmware/config.txt" "$tmp/config.orig"
cp "$r/boot/firmware/cmdline.txt" "$tmp/cmdline.orig"
# every file with its mode and content, and every symlink with its target
snap() { (cd "$r" && find . \( -type f -o -type l \) | sort | while read -r f; do
    if [ -L "$f" ]; then echo "$f -> $(readlink "$f")"; else echo "$f $(stat -c %a "$f") $(cksum < "$f")"; fi
    done); }

sh $INST --root "$r" --prebuilt "$BUILD" > "$tmp/out1" 2>&1; rc=$?
check "install exits 0" '[ $rc -eq 0 ]' || cat "$tmp/out1"
for f in opt/vitrine/bin/vitrine opt/vitrine/bin/vitrine-corpus opt/vitrine/bin/vitrine-update; do
    check "executable $f" '[ -x "$r/$f" ]'
done
for f in opt/vitrine/share/README.md etc/vitrine/vitrine.ini etc/vitrine/update.conf \
         var/lib/vitrine/corpus.db etc/udev/rules.d/99-vitrine-input.rules \
         etc/systemd/system/vitrine.service etc/systemd/system/vitrine-update.service \
         etc/systemd/system/vitrine-update.timer; do
    check "file $f" '[ -s "$r/$f" ]'
done
check "fonts installed" '[ "$(ls "$r/opt/vitrine/share/fonts" | wc -l)" = "$(ls fonts | wc -l)" ]'
check "ini: database path" 'grep -qx "database = /var/lib/vitrine/corpus.db" "$r/etc/vitrine/vitrine.ini"'
check "ini: fonts path" 'grep -qx "fonts = /opt/vitrine/share/fonts" "$r/etc/vitrine/vitrine.ini"'
check "ini: fullscreen" 'grep -qx "fullscreen = true" "$r/etc/vitrine/vitrine.ini"'
check "ini: every other key as in assets" '[ "$(grep -c "^[a-z_]* *=" "$r/etc/vitrine/vitrine.ini")" = "$(grep -c "^[a-z_]* *=" assets/vitrine.ini)" ]'
check "installed db passes check" '"$BUILD/vitrine-corpus" check "$r/var/lib/vitrine/corpus.db" >/dev/null 2>&1'
c=$r/boot/firmware/config.txt
check "config.txt: one marker block" '[ "$(grep -c "^# >>> vitrine" "$c")" = 1 ] && [ "$(grep -c "^# <<< vitrine" "$c")" = 1 ]'
check "config.txt: original lines kept" 'grep -qx "dtparam=audio=on" "$c" && grep -qx "arm_64bit=1" "$c"'
check "config.txt: fragment inside" 'grep -qx "disable_splash=1" "$c"'
check "config.txt: the block starts with [all] (after the [pi4] section)" \
    '[ "$(sed -n "/^# >>> vitrine/{n;p;}" "$c")" = "[all]" ] &&
     [ "$(grep -n "^\[pi4\]" "$c" | cut -d: -f1)" -lt "$(grep -n "^# >>> vitrine" "$c" | cut -d: -f1)" ]'
check "config.txt: names vitrine.ini's key (rotate)" '! grep -q "rotation *=" "$c" && grep -q "set rotate = " "$c"'
u=$r/etc/systemd/system/vitrine.service
for kv in TTYPath=/dev/tty1 StandardInput=tty TTYVTDisallocate=yes RestartPreventExitStatus=3 \
          "RestrictAddressFamilies=AF_UNIX AF_NETLINK" IPAddressDeny=any StandardOutput=journal; do
    check "unit: $kv" 'grep -qx "$kv" "$u"'
done
check "unit: no PrivateNetwork (it cuts udev's hotplug events off)" '! grep -q "^PrivateNetwork" "$u"'
check "ini: admin exit off" 'grep -qx "exit_keys =" "$r/etc/vitrine/vitrine.ini"'
check "sysctl.d: SysRq off" 'grep -qx "kernel.sysrq = 0" "$r/etc/sysctl.d/90-vitrine.conf"'
printf 'at 0 quit\n' > "$tmp/q.script"
check "the installed config loads without a warning" '"$BUILD/vitrine" --headless --config "$r/etc/vitrine/vitrine.ini" \
    --db "$r/var/lib/vitrine/corpus.db" --fonts fonts --script "$tmp/q.script" 2> "$tmp/ini.err" &&
    ! grep -q "warn" "$tmp/ini.err"' || cat "$tmp/ini.err"
check "no user-built binary run as root: the db is built by the installed tool via setpriv" \
    '! grep -q "^[^#]*\"\$bin/vitrine-corpus\" build" $INST && grep -q "setpriv --reuid" $INST'
l=$r/boot/firmware/cmdline.txt
check "cmdline.txt: one line" '[ "$(wc -l < "$l")" = 1 ]'
check "cmdline.txt: original tokens first" 'case "$(cat "$l")" in "$(cat "$tmp/cmdline.orig") "*) true ;; *) false ;; esac'
check "cmdline.txt: consoleblank=0 added" 'grep -q " consoleblank=0" "$l"'
check "cmdline.txt: quiet not doubled" '[ "$(tr " " "\n" < "$l" | grep -cx quiet)" = 1 ]'
check "user vitrine created" 'grep -q "^vitrine:" "$r/etc/passwd"'
for g in video render input; do
    check "vitrine in group $g" 'grep -q "^$g:.*vitrine" "$r/etc/group"'
done
if command -v systemctl >/dev/null; then
    check "service enabled" '[ -L "$r/etc/systemd/system/multi-user.target.wants/vitrine.service" ]'
    check "timer enabled" '[ -L "$r/etc/systemd/system/timers.target.wants/vitrine-update.timer" ]'
    check "getty on tty1 masked" '[ "$(readlink "$r/etc/systemd/system/getty@tty1.service")" = /dev/null ]'
    check "ctrl-alt-del.target masked" '[ "$(readlink "$r/etc/systemd/system/ctrl-alt-del.target")" = /dev/null ]'
fi

if command -v systemd-analyze >/dev/null && [ -f "$r/usr/lib/systemd/system/sysinit.target" ]; then
    check "systemd-analyze verify: units" 'systemd-analyze verify --root="$r" /etc/systemd/system/vitrine.service \
        /etc/systemd/system/vitrine-update.service /etc/systemd/system/vitrine-update.timer > "$tmp/verify" 2>&1' ||
        cat "$tmp/verify"
    check "systemd-analyze verify: a missing ExecStart fails" '! ( mv "$r/opt/vitrine/bin/vitrine" "$tmp/v" &&
        systemd-analyze verify --root="$r" /etc/systemd/system/vitrine.service >/dev/null 2>&1;
        rc=$?; mv "$tmp/v" "$r/opt/vitrine/bin/vitrine"; exit $rc )'
fi

# idempotent: a second run leaves the same tree
snap > "$tmp/snap1"
sh $INST --root "$r" --prebuilt "$BUILD" > "$tmp/out2" 2>&1; rc=$?
snap > "$tmp/snap2"
check "second install exits 0" '[ $rc -eq 0 ]'
check "second install changes nothing" 'cmp -s "$tmp/snap1" "$tmp/snap2"' || diff "$tmp/snap1" "$tmp/snap2" | head
check "second install: no restart" '! grep -q "would be restarted" "$tmp/out2"'
# a changed program: a running service would be restarted (live: systemctl restart)
mkdir -p "$tmp/pre"; cp "$BUILD/vitrine" "$BUILD/vitrine-corpus" "$tmp/pre/"; printf 'x' >> "$tmp/pre/vitrine"
sh $INST --root "$r" --prebuilt "$tmp/pre" > "$tmp/out2b" 2>&1; rc=$?
check "changed program: install exits 0 and asks for a restart" \
    '[ $rc -eq 0 ] && grep -q "opt/vitrine/bin/vitrine.*would be restarted" "$tmp/out2b"' || cat "$tmp/out2b"
sh $INST --root "$r" --prebuilt "$BUILD" > /dev/null 2>&1

# the curator's public key: installed by --content-key, a non-key refused
if command -v openssl >/dev/null; then
    check "no key yet: says updates are refused" 'grep -q "no content key" "$tmp/out1"'
    sh board/vitrine-sign.sh keygen "$tmp/keys" > /dev/null 2>&1
    sh $INST --root "$r" --prebuilt "$BUILD" --content-key "$tmp/keys/vitrine-content.pub" > "$tmp/outk" 2>&1; rc=$?
    check "--content-key: installed as content.pub" '[ $rc -eq 0 ] && cmp -s "$tmp/keys/vitrine-content.pub" "$r/etc/vitrine/content.pub"'
    sh $INST --root "$r" --prebuilt "$BUILD" --content-key "$tmp/keys/vitrine-content.key" > "$tmp/outk" 2>&1; rc=$?
    check "--content-key: a private key is refused" '[ $rc -ne 0 ] && grep -q "not a public key" "$tmp/outk" &&
        cmp -s "$tmp/keys/vitrine-content.pub" "$r/etc/vitrine/content.pub"'
    sh $INST --root "$r" --prebuilt "$BUILD" > "$tmp/outk" 2>&1
    check "reinstall without --content-key keeps the key" 'cmp -s "$tmp/keys/vitrine-content.pub" "$r/etc/vitrine/content.pub" && ! grep -q "no content key" "$tmp/outk"'
    snap > "$tmp/snap1"
fi

# the admin's edits survive a reinstall; content is kept
sed -i 's/^rotate = 0/rotate = 90/' "$r/etc/vitrine/vitrine.ini"
printf 'marker' >> "$r/var/lib/vitrine/corpus.db"; dbsum=$(cksum < "$r/var/lib/vitrine/corpus.db")
sh $INST --root "$r" --prebuilt "$BUILD" > "$tmp/out3" 2>&1
check "edited ini kept" 'grep -qx "rotate = 90" "$r/etc/vitrine/vitrine.ini"'
check "new default beside it" 'grep -qx "rotate = 0" "$r/etc/vitrine/vitrine.ini.new"'
check "content kept on reinstall" '[ "$(cksum < "$r/var/lib/vitrine/corpus.db")" = "$dbsum" ]'

# uninstall: boot files back as they were, units and /opt gone, content kept
sh $INST --root "$r" --uninstall > "$tmp/out4" 2>&1; rc=$?
check "uninstall exits 0" '[ $rc -eq 0 ]'
check "config.txt restored" 'cmp -s "$c" "$tmp/config.orig"' || diff "$tmp/config.orig" "$c"
check "cmdline.txt restored" 'cmp -s "$l" "$tmp/cmdline.orig"' || diff "$tmp/cmdline.orig" "$l"
check "/opt/vitrine removed" '[ ! -e "$r/opt/vitrine" ]'
check "units and rule removed" '[ ! -e "$r/etc/systemd/system/vitrine.service" ] &&
    [ ! -e "$r/etc/systemd/system/vitrine-update.timer" ] && [ ! -e "$r/etc/udev/rules.d/99-vitrine-input.rules" ]'
check "no enablement links left" '[ -z "$(find "$r/etc/systemd" -name "vitrine*" 2>/dev/null)" ]'
check "getty unmasked" '[ ! -e "$r/etc/systemd/system/getty@tty1.service" ]'
check "ctrl-alt-del.target unmasked" '[ ! -e "$r/etc/systemd/system/ctrl-alt-del.target" ]'
check "sysctl.d file removed" '[ ! -e "$r/etc/sysctl.d/90-vitrine.conf" ]'
check "content kept" '[ "$(cksum < "$r/var/lib/vitrine/corpus.db")" = "$dbsum" ]'
check "uninstall twice is fine" 'sh $INST --root "$r" --uninstall >/dev/null 2>&1'
# reinstall after uninstall, then purge
sh $INST --root "$r" --prebuilt "$BUILD" > /dev/null 2>&1
check "reinstall keeps content" '[ "$(cksum < "$r/var/lib/vitrine/corpus.db")" = "$dbsum" ]'
sh $INST --root "$r" --uninstall --purge > /dev/null 2>&1; rc=$?
check "purge removes content, config and user" '[ $rc -eq 0 ] && [ ! -e "$r/var/lib/vitrine" ] &&
    [ ! -e "$r/etc/vitrine" ] && ! grep -q "^vitrine:" "$r/etc/passwd"'
check "purge leaves boot files as found" 'cmp -s "$c" "$tmp/config.orig" && cmp -s "$l" "$tmp/cmdline.orig"'
check "no stray temp files" '[ -z "$(find "$r" -name "*vitrine-tmp*")" ]'

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]   # a run with no check at all fails too
