#!/bin/sh
# Vitrine: install the kiosk on Raspberry Pi OS Lite (bookworm, 64- or 32-bit).
#
# usage: sudo board/rpi/install.sh [--root DIR] [--prebuilt BUILDDIR]
#        sudo board/rpi/install.sh --uninstall [--purge] [--root DIR]
#
#   (default)    install Debian packages (board/deps.sh build), build (make,
#                as the checkout's owner), install /opt/vitrine, /etc/vitrine,
#                /var/lib/vitrine/corpus.db (built by the unprivileged vitrine
#                user), the user, udev rule, units, boot fragments; mask the
#                tty1 login prompt and Ctrl+Alt+Del (ctrl-alt-del.target), turn
#                SysRq off (sysctl.d); enable the service and the update timer;
#                restart the service when a running one's files changed.
#   --root DIR   install into DIR instead of / (also: DESTDIR). No apt-get,
#                no running systemd: units are enabled with systemctl --root,
#                the user is added with useradd --prefix when DIR/etc/passwd
#                exists. This is how tests/test_board_install.sh checks it.
#   --prebuilt D use D/vitrine and D/vitrine-corpus instead of building.
#   --content-key FILE  the curator's public key (board/vitrine-sign.sh
#                keygen makes it): installed as /etc/vitrine/content.pub;
#                vitrine-update refuses every database not signed with it.
#   --uninstall  remove units, udev rule, boot fragments, the sysctl file and
#                /opt/vitrine, unmask tty1's login and Ctrl+Alt+Del;
#                keeps /etc/vitrine, /var/lib/vitrine and the user ...
#   --purge      ... unless --purge is given too.
#
# Idempotent: a second run leaves every file as the first one did. An edited
# /etc/vitrine/vitrine.ini is kept; the new default then lands beside it as
# vitrine.ini.new. Existing content (/var/lib/vitrine/corpus.db) is kept.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
root=${DESTDIR:-}
prebuilt=""
content_key=""
mode=install
purge=0
while [ $# -gt 0 ]; do
    case $1 in
    --root) root=${2:?--root needs a folder}; shift 2 ;;
    --prebuilt) prebuilt=${2:?--prebuilt needs a folder}; shift 2 ;;
    --content-key) content_key=${2:?--content-key needs a file}; shift 2 ;;
    --uninstall) mode=uninstall; shift ;;
    --purge) purge=1; shift ;;
    -h|--help) sed -n '2,/^set -eu/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done
[ -n "$root" ] && root=$(mkdir -p "$root" && cd "$root" && pwd)
if [ -z "$root" ] && [ "$(id -u)" != 0 ]; then
    echo "install.sh: run as root (sudo), or use --root DIR to try it in a folder" >&2
    exit 1
fi

say() { echo "vitrine: $*"; }
tmp_sysctl=$(mktemp)
trap 'rm -f "$tmp_sysctl"' EXIT

OPT=$root/opt/vitrine
ETC=$root/etc/vitrine
VAR=$root/var/lib/vitrine
UNITS=$root/etc/systemd/system
RULES=$root/etc/udev/rules.d
SYSCTL_FILE=$root/etc/sysctl.d/90-vitrine.conf
BEGIN="# >>> vitrine (board/rpi/install.sh) >>>"
END="# <<< vitrine <<<"
CMDLINE_ADDED=$ETC/cmdline.added        # tokens we added to cmdline.txt, for --uninstall

# Boot partition: /boot/firmware on bookworm, /boot before it.
bootdir=""
for d in "$root/boot/firmware" "$root/boot"; do
    if [ -f "$d/config.txt" ]; then bootdir=$d; break; fi
done

# systemctl against the live system, or offline against --root.
sctl() {
    if [ -n "$root" ]; then
        if command -v systemctl >/dev/null; then systemctl --root="$root" --quiet "$@" 2>/dev/null || true
        else say "skipped (no systemctl): systemctl $*"; fi
    else
        systemctl --quiet "$@"
    fi
}

# Copy SRC to DST with MODE only when the content differs (keeps mtimes on a
# rerun); what was written is listed in $changed (a running service whose
# program, unit or config changed is restarted at the end).
changed=""
put() {
    mode_=$1 src=$2 dst=$3
    mkdir -p "$(dirname "$dst")"
    if [ -f "$dst" ] && cmp -s "$src" "$dst"; then chmod "$mode_" "$dst"; return 0; fi
    cp "$src" "$dst.vitrine-tmp" && chmod "$mode_" "$dst.vitrine-tmp" && mv -f "$dst.vitrine-tmp" "$dst"
    changed="$changed ${dst#"$root"}"
}

# config.txt: the fragment between marker lines, replaced in place when present.
config_txt_remove() {
    f=$1
    [ -f "$f" ] || return 0
    awk -v b="$BEGIN" -v e="$END" '$0 == b {skip = 1; next} skip && $0 == e {skip = 0; next} !skip' \
        "$f" > "$f.vitrine-tmp"
    # also drop the blank line we put before the block
    awk 'NR > 1 && prev_blank && $0 != "" {print ""} {if ($0 == "") {prev_blank = 1} else {print; prev_blank = 0}}' \
        "$f.vitrine-tmp" > "$f.vitrine-tmp2"
    # a file that ended in blank lines keeps one trailing newline only
    mv -f "$f.vitrine-tmp2" "$f.vitrine-tmp"
    if cmp -s "$f" "$f.vitrine-tmp"; then rm -f "$f.vitrine-tmp"; else mv -f "$f.vitrine-tmp" "$f"; fi
}
config_txt_add() {
    f=$1
    config_txt_remove "$f"
    { cat "$f"; echo; echo "$BEGIN"; cat "$here/config.txt.fragment"; echo "$END"; } > "$f.vitrine-tmp"
    mv -f "$f.vitrine-tmp" "$f"
}

# cmdline.txt is ONE line: marker lines are impossible, so each fragment token
# missing from the line is appended and recorded in $CMDLINE_ADDED; uninstall
# removes exactly those tokens again.
cmdline_add() {
    f=$1
    line=$(head -n 1 "$f")
    added=""
    [ -f "$CMDLINE_ADDED" ] && added=$(cat "$CMDLINE_ADDED")
    for tok in $(grep -v '^#' "$here/cmdline.txt.fragment"); do
        case " $line " in *" $tok "*) continue ;; esac
        line="$line $tok"
        added="$added $tok"
    done
    printf '%s\n' "$line" > "$f.vitrine-tmp"
    if cmp -s "$f" "$f.vitrine-tmp"; then rm -f "$f.vitrine-tmp"; else mv -f "$f.vitrine-tmp" "$f"; fi
    mkdir -p "$ETC"
    echo $added | tr ' ' '\n' | sed '/^$/d' > "$CMDLINE_ADDED"
}
cmdline_remove() {
    f=$1
    [ -f "$f" ] && [ -f "$CMDLINE_ADDED" ] || return 0
    out=""
    for tok in $(head -n 1 "$f"); do
        grep -qxF -- "$tok" "$CMDLINE_ADDED" || out="$out $tok"
    done
    printf '%s\n' "${out# }" > "$f.vitrine-tmp"
    mv -f "$f.vitrine-tmp" "$f"
    rm -f "$CMDLINE_ADDED"
}

uninstall() {
    if [ -z "$root" ]; then
        systemctl disable --now vitrine-update.timer vitrine.service 2>/dev/null || true
    else
        sctl disable vitrine-update.timer vitrine.service
    fi
    sctl unmask getty@tty1.service
    sctl unmask ctrl-alt-del.target
    rm -f "$UNITS/vitrine.service" "$UNITS/vitrine-update.service" "$UNITS/vitrine-update.timer"
    if [ -f "$SYSCTL_FILE" ]; then
        rm -f "$SYSCTL_FILE"
        [ -z "$root" ] && sysctl -q --system >/dev/null 2>&1   # SysRq back to the system's setting
    fi
    rm -f "$RULES/99-vitrine-input.rules"
    if [ -n "$bootdir" ]; then
        config_txt_remove "$bootdir/config.txt"
        cmdline_remove "$bootdir/cmdline.txt"
    fi
    rm -rf "$OPT"
    if [ -z "$root" ]; then
        systemctl daemon-reload
        udevadm control --reload 2>/dev/null || true
    fi
    if [ "$purge" = 1 ]; then
        rm -rf "$ETC" "$VAR"
        if [ -z "$root" ] && id vitrine >/dev/null 2>&1; then userdel vitrine; fi
        if [ -n "$root" ] && [ -f "$root/etc/passwd" ] && grep -q '^vitrine:' "$root/etc/passwd"; then
            userdel --prefix "$root" vitrine 2>/dev/null || say "could not remove the vitrine user in $root"
        fi
        say "uninstalled and purged (content, config and user removed)"
    else
        say "uninstalled (kept $ETC and $VAR; --purge removes them)"
    fi
}

if [ "$mode" = uninstall ]; then uninstall; exit 0; fi

# ---- 1. packages and build ---------------------------------------------------
if [ -n "$prebuilt" ]; then
    bin=$prebuilt
elif [ -n "$root" ]; then
    echo "install.sh: --root needs --prebuilt BUILDDIR (no apt-get or build into a folder)" >&2
    exit 2
else
    sh "$top/board/deps.sh" build board
    bin=$top/build
    # build as the user who owns the checkout, never as root: what a user
    # built is not run as root (make runs the tool it built to make the
    # bundled database). A checkout owned by root is root's own.
    owner=$(stat -c %U "$top")
    if [ "$owner" != root ]; then
        command -v runuser >/dev/null || { echo "install.sh: runuser missing (util-linux)" >&2; exit 1; }
        runuser -u "$owner" -- make -C "$top" -j"$(nproc)" all prod
    else
        make -C "$top" -j"$(nproc)" all prod
    fi
fi
for b in vitrine vitrine-corpus; do
    [ -x "$bin/$b" ] || { echo "install.sh: $bin/$b missing" >&2; exit 1; }
done

# ---- 2. files -----------------------------------------------------------------
# `make install` lays the files out in a staging folder (PREFIX=/opt/vitrine,
# data and docs in /opt/vitrine/share); put() copies what changed from there.
stage=$(mktemp -d)
set -- DESTDIR="$stage" PREFIX=/opt/vitrine DATADIR=/opt/vitrine/share DOCDIR=/opt/vitrine/share
[ -n "$prebuilt" ] && set -- "$@" INSTALL_APP="$bin/vitrine" INSTALL_TOOL="$bin/vitrine-corpus"
if ! make -s -C "$top" install "$@" > "$stage.log" 2>&1; then
    cat "$stage.log" >&2; rm -rf "$stage" "$stage.log"
    echo "install.sh: make install failed" >&2; exit 1
fi
rm -f "$stage.log"
S=$stage/opt/vitrine
put 755 "$S/bin/vitrine" "$OPT/bin/vitrine"
put 755 "$S/bin/vitrine-corpus" "$OPT/bin/vitrine-corpus"
put 755 "$here/vitrine-update.sh" "$OPT/bin/vitrine-update"
put 644 "$S/share/README.md" "$OPT/share/README.md"
put 644 "$S/share/README-board.md" "$OPT/share/README-board.md"
for f in "$S"/share/fonts/*; do put 644 "$f" "$OPT/share/fonts/$(basename "$f")"; done
# fonts removed from the checkout since the last install go too
for f in "$OPT"/share/fonts/*; do
    [ -e "$S/share/fonts/$(basename "$f")" ] || rm -f "$f"
done
rm -rf "$stage"

# Config: the documented defaults with the installed paths and fullscreen on.
mkdir -p "$ETC"
sed -e '/^\[content\]/,/^\[/ s|^database *=.*|database = /var/lib/vitrine/corpus.db|' \
    -e 's|^fonts *=.*|fonts = /opt/vitrine/share/fonts|' \
    -e 's|^fullscreen *=.*|fullscreen = true|' \
    -e 's|^exit_keys *=.*|exit_keys =|' \
    -e '1s|.*|; /etc/vitrine/vitrine.ini: written by board/rpi/install.sh from assets/vitrine.ini.|' \
    "$top/assets/vitrine.ini" > "$ETC/vitrine.ini.new"
if [ ! -f "$ETC/vitrine.ini" ] || cmp -s "$ETC/vitrine.ini" "$ETC/vitrine.ini.new"; then
    cmp -s "$ETC/vitrine.ini" "$ETC/vitrine.ini.new" 2>/dev/null || changed="$changed /etc/vitrine/vitrine.ini"
    mv -f "$ETC/vitrine.ini.new" "$ETC/vitrine.ini"
else
    say "kept your edited $ETC/vitrine.ini; the new default is in vitrine.ini.new"
fi
[ -f "$ETC/update.conf" ] || put 644 "$here/update.conf" "$ETC/update.conf"
if [ -n "$content_key" ]; then
    openssl pkey -pubin -in "$content_key" -noout 2>/dev/null ||
        { echo "install.sh: $content_key is not a public key (make one with board/vitrine-sign.sh keygen DIR)" >&2; exit 1; }
    put 644 "$content_key" "$ETC/content.pub"
elif [ ! -f "$ETC/content.pub" ]; then
    say "no content key (--content-key FILE): content updates will be refused until one is installed"
fi

# ---- 3. user ------------------------------------------------------------------
if [ -z "$root" ]; then
    id vitrine >/dev/null 2>&1 ||
        useradd --system --no-create-home --home-dir /var/lib/vitrine --shell /usr/sbin/nologin vitrine
    for g in video render input; do
        getent group "$g" >/dev/null || groupadd --system "$g"
    done
    usermod -a -G video,render,input vitrine
elif [ -f "$root/etc/passwd" ]; then
    grep -q '^vitrine:' "$root/etc/passwd" ||
        useradd --prefix "$root" --system --no-create-home --home-dir /var/lib/vitrine \
            --shell /usr/sbin/nologin vitrine
    usermod --prefix "$root" -a -G video,render,input vitrine
else
    say "skipped user creation (--root without $root/etc/passwd)"
fi

# ---- 4. content ----------------------------------------------------------------
# Built by the installed tool run as the unprivileged vitrine user (never a
# user-built binary as root), reading a copy of the articles it can read.
# The update service (User=vitrine) writes here too; the app only reads.
mkdir -p "$VAR"
if [ -z "$root" ]; then chown vitrine:vitrine "$VAR"; fi
if [ ! -s "$VAR/corpus.db" ]; then
    if [ "$(id -u)" = 0 ]; then
        # a folder the unprivileged user can read (the checkout may not be):
        # the tool, the articles, and where the database is written
        w=$(mktemp -d)
        mkdir "$w/bin" "$w/corpus" "$w/out"
        cp "$OPT/bin/vitrine-corpus" "$w/bin/"
        cp -R "$top/assets/corpus/." "$w/corpus/"
        chmod -R a+rX "$w"
        command -v setpriv >/dev/null || { echo "install.sh: setpriv missing (util-linux)" >&2; exit 1; }
        user=vitrine; [ -n "$root" ] && user=nobody         # --root: no vitrine user on this host
        chown "$user" "$w/out"
        setpriv --reuid="$user" --regid="$(id -g "$user")" --clear-groups \
            "$w/bin/vitrine-corpus" build --quiet --out "$w/out/corpus.db" "$w/corpus" || { rm -rf "$w"; exit 1; }
        cp "$w/out/corpus.db" "$VAR/corpus.db"
        rm -rf "$w"
    else                                # --root as a user: that user's own build
        "$OPT/bin/vitrine-corpus" build --quiet --out "$VAR/corpus.db" "$top/assets/corpus"
    fi
    say "built $VAR/corpus.db from assets/corpus"
fi
if [ -z "$root" ]; then chown -R vitrine:vitrine "$VAR"; fi

# ---- 5. system integration -----------------------------------------------------
put 644 "$here/99-vitrine-input.rules" "$RULES/99-vitrine-input.rules"
put 644 "$here/vitrine.service" "$UNITS/vitrine.service"
put 644 "$here/vitrine-update.service" "$UNITS/vitrine-update.service"
put 644 "$here/vitrine-update.timer" "$UNITS/vitrine-update.timer"
if [ -n "$bootdir" ]; then
    config_txt_add "$bootdir/config.txt"
    [ -f "$bootdir/cmdline.txt" ] && cmdline_add "$bootdir/cmdline.txt"
else
    say "no config.txt under $root/boot/firmware or $root/boot: boot settings not changed"
fi
# No SysRq from a visitor's keyboard (Alt+SysRq+B reboots, +E kills every
# process): the kiosk keyboard is for the exhibit only.
printf '%s\n' "# Vitrine (board/rpi/install.sh): no magic SysRq keys on the kiosk keyboard." \
    "kernel.sysrq = 0" > "$tmp_sysctl"
put 644 "$tmp_sysctl" "$SYSCTL_FILE"
rm -f "$tmp_sysctl"
if [ -z "$root" ]; then
    sysctl -q -p "$SYSCTL_FILE" >/dev/null || say "could not apply $SYSCTL_FILE now (it applies at boot)"
    systemctl daemon-reload
    udevadm control --reload && udevadm trigger --subsystem-match=input --subsystem-match=drm || true
fi
# The login prompt on tty1 would fight the app for the console; Ctrl+Alt+Del
# would reboot the exhibit.
sctl disable getty@tty1.service
sctl mask getty@tty1.service
sctl mask ctrl-alt-del.target
sctl enable vitrine.service vitrine-update.timer

# A reinstall with a changed program, unit or config: restart a running
# service (the old binary would keep running until the next boot).
relevant=""
for f in $changed; do
    case $f in
    /opt/vitrine/bin/vitrine|*/vitrine.service|/etc/vitrine/vitrine.ini|/opt/vitrine/share/fonts/*)
        relevant="$relevant $f" ;;
    esac
done
if [ -n "$relevant" ]; then
    if [ -z "$root" ]; then
        if systemctl --quiet is-active vitrine.service; then
            systemctl restart vitrine.service && say "restarted vitrine.service (changed:$relevant)"
        fi
    else
        say "changed:$relevant: a running vitrine.service would be restarted"
    fi
fi
say "installed$( [ -n "$root" ] && echo " into $root"). Reboot (or: systemctl start vitrine) to start the exhibit."
