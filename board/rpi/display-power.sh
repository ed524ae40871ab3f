#!/bin/sh
# board/rpi/display-power.sh: switch the exhibit's panel off or on, for
# schedule.display_off_command / display_on_command (issue 15; see
# board/FLEET.md, "Opening hours"). Run by the app as its own user (vitrine).
#
# usage: display-power.sh off|on
#   VITRINE_DISPLAY_POWER=auto|backlight|cec|ddc|vcgencmd   (default auto)
#
# The Raspberry Pi's documented ways, and their limits:
#   backlight  DSI panels (the official Touch Display and most DSI panels):
#              /sys/class/backlight/*/bl_power, 4 = off, 0 = on. Works under
#              KMS while the app holds the display. The file is root's unless
#              a udev rule gives the video group write access (FLEET.md).
#   cec        HDMI TVs with HDMI-CEC: cec-ctl (Debian v4l-utils) on
#              /dev/cec0 (video group): standby / image-view-on. Many
#              monitors have no CEC; some TVs ignore it.
#   ddc        HDMI/DP monitors with DDC/CI: ddcutil setvcp D6 (power mode:
#              04 off, 01 on), needs /dev/i2c-* (i2c group, i2c-dev loaded).
#              Monitors that sleep on DDC may not wake on it; test first.
#   vcgencmd   `vcgencmd display_power 0|1`: only the legacy firmware display
#              stack (no dtoverlay=vc4-kms-v3d). Raspberry Pi OS bookworm uses
#              KMS by default, where this does nothing.
# Under KMS the app is the DRM master, so tools that set the connector's DPMS
# property (modetest, wlr-randr) cannot do it from outside; the app keeps
# drawing black, which an OLED panel shows as off but an LCD backlight still lights.
# Exit status: 0 when one way worked, 1 otherwise (the app logs it).
set -u
state=${1:-}
case $state in off|on) ;; *) echo "usage: $0 off|on" >&2; exit 2 ;; esac
method=${VITRINE_DISPLAY_POWER:-auto}

try_backlight() {
    found=1
    for bl in /sys/class/backlight/*/bl_power; do
        [ -w "$bl" ] || continue
        if [ "$state" = off ]; then echo 4 > "$bl"; else echo 0 > "$bl"; fi && found=0
    done
    return $found
}
try_cec() {
    command -v cec-ctl >/dev/null 2>&1 && [ -e /dev/cec0 ] || return 1
    if [ "$state" = off ]; then cec-ctl -d /dev/cec0 --to 0 --standby >/dev/null
    else cec-ctl -d /dev/cec0 --to 0 --image-view-on >/dev/null; fi
}
try_ddc() {
    command -v ddcutil >/dev/null 2>&1 || return 1
    if [ "$state" = off ]; then ddcutil --noverify setvcp D6 04; else ddcutil --noverify setvcp D6 01; fi
}
try_vcgencmd() {
    command -v vcgencmd >/dev/null 2>&1 || return 1
    grep -qs 'vc4-kms-v3d' /boot/firmware/config.txt /boot/config.txt && return 1   # KMS: no effect
    if [ "$state" = off ]; then vcgencmd display_power 0 >/dev/null; else vcgencmd display_power 1 >/dev/null; fi
}

case $method in
    auto) try_backlight || try_cec || try_ddc || try_vcgencmd ;;
    backlight|cec|ddc|vcgencmd) "try_$method" ;;
    *) echo "$0: unknown VITRINE_DISPLAY_POWER=$method" >&2; exit 2 ;;
esac && exit 0
echo "$0: no way to switch the display $state worked (method $method)" >&2
exit 1
