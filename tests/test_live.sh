#!/bin/sh
# tests/test_live.sh: the running app and the world around it.
#  - live content updates (scripted, headless, virtual clock; the script's
#    replace / corrupt / truncate / delete act on the app's database): a good
#    new database is swapped in at the next slide boundary, never before and
#    never under a visitor reading an article; a broken one is refused and
#    the slides go on exactly as without it; a deleted or damaged database
#    never crashes or blacks out the screen; a database that appears while
#    the "unavailable" notice shows is taken at once;
#  - bad surroundings: fonts folder missing, a config file that is not INI;
#  - the systemd watchdog: READY=1, WATCHDOG=1 (repeatedly), STATUS=,
#    STOPPING=1 on a unix datagram socket (python3) as NOTIFY_SOCKET;
#  - board/rpi/vitrine-update.sh replacing the database of a running app
#    (real clock, loopback HTTP server).
# Prints "N passed, N failed".
BUILD=${BUILD:-build}
APP=${VITRINE_BIN:-$BUILD/vitrine}
CORPUS=$BUILD/vitrine-corpus
. "$(dirname "$0")/lib.sh"     # pass, fail, ok, bad, check
tmp=$(mktemp -d); pids=""
trap 'for p in $pids; do kill "$p" 2>/dev/null; done; rm -rf "$tmp"' EXIT
if [ ! -x "$APP" ] || [ ! -x "$CORPUS" ] || ! command -v python3 >/dev/null; then
    echo "test_live: needs $APP, $CORPUS and python3"; echo "0 passed, 1 failed"; exit 1
fi
same() { cmp -s "$1" "$2"; }
# colours PNG: number of distinct pixel values (1 = a blank screen)
cat > "$tmp/colours.py" <<'PY'
import struct, sys, zlib
d = open(sys.argv[1], 'rb').read(); p = 8; idat = b''
while p < len(d):
    n, t = struct.unpack('>I4s', d[p:p + 8]); c = d[p + 8:p + 8 + n]; p += 12 + n
    if t == b'IHDR': w, h, bits, ct = struct.unpack('>IIBB', c[:10])
    if t == b'IDAT': idat += c
bpp = {2: 3, 6: 4, 0: 1, 4: 2}[ct]; raw = zlib.decompress(idat); stride = w * bpp
prev = bytearray(stride); seen = set(); i = 0
for y in range(h):
    f = raw[i]; row = bytearray(raw[i + 1:i + 1 + stride]); i += 1 + stride
    for x in range(stride):
        a = row[x - bpp] if x >= bpp else 0; b = prev[x]; cc = prev[x - bpp] if x >= bpp else 0
        if f == 1: row[x] = (row[x] + a) & 255
        elif f == 2: row[x] = (row[x] + b) & 255
        elif f == 3: row[x] = (row[x] + (a + b) // 2) & 255
        elif f == 4:
            pa, pb, pc = abs(b - cc), abs(a - cc), abs(a + b - 2 * cc)
            row[x] = (row[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else cc)) & 255
    for x in range(0, stride, bpp): seen.add(bytes(row[x:x + bpp]))
    prev = row
    if len(seen) > 16: break
print(len(seen))
PY
colours() { python3 "$tmp/colours.py" "$1" 2>/dev/null || echo 0; }
not_blank() { [ -f "$1" ] && [ "$(colours "$1")" -gt 2 ]; }

# Two different databases: A = one article, B = every bundled article. A's
# article must give slides of more than one kind (a summary and events or
# quotes): the last file of the folder, whose text is sound (the first one
# has lost its digits and yields no event).
mkdir -p "$tmp/a"
for f in assets/corpus/*; do case $f in *.meta) ;; *) last=$f ;; esac; done
cp "$last" "$tmp/a/"
[ -f "${last%.*}.meta" ] && cp "${last%.*}.meta" "$tmp/a/"
"$CORPUS" build --quiet --out "$tmp/A.db" "$tmp/a" || bad "database A"
"$CORPUS" build --quiet --out "$tmp/B.db" assets/corpus || bad "database B"
printf 'this is a text file, not a database\n' > "$tmp/text.db"
head -c 5000 "$tmp/B.db" > "$tmp/cut.db"                 # a truncated download
sqlite3 "$tmp/B.db" .dump 2>/dev/null | sed 's/PRAGMA user_version *= *[0-9]*/PRAGMA user_version=7/' |
    sqlite3 "$tmp/v7.db" 2>/dev/null && sqlite3 "$tmp/v7.db" 'PRAGMA user_version=7'

# run NAME SCRIPT [flags]: headless, slideshow after 1 s idle, slides 2 s,
# in turn; the database is a fresh copy of A at $tmp/NAME/live.db.
run() {
    name=$1; sc=$2; shift 2
    mkdir -p "$tmp/$name"; cp "$tmp/A.db" "$tmp/$name/live.db"; cp "$sc" "$tmp/$name/s"
    "$APP" --headless --size 800x480 --db "$tmp/$name/live.db" --set timing.idle_timeout=1000 \
        --set timing.slide_min=2000 --set timing.slide_max=2000 --set slideshow.shuffle=false \
        --script "$tmp/$name/s" --shots "$tmp/$name" "$@" 2> "$tmp/$name/err"
}
# the same timeline of shots for every slideshow run; OPS go in between
slides() {   # slides OPS_AT_2600...
    printf 'at 0 shot home.png\nat 2500 shot s1.png\n'
    printf '%s\n' "$@"
    printf 'at 2700 shot s1b.png\nat 4500 shot s2.png\nat 6500 shot s3.png\nat 8500 shot s4.png\nat 8600 quit\n'
}

# ---- reference: A alone
slides > "$tmp/ref.s"
run ref "$tmp/ref.s"; rc=$?
check "reference run exits 0" '[ $rc -eq 0 ]'
check "reference: a slide shows" 'not_blank "$tmp/ref/s1.png" && ! same "$tmp/ref/home.png" "$tmp/ref/s1.png"'
check "reference: slides change" '! same "$tmp/ref/s1.png" "$tmp/ref/s2.png"'

# ---- a good new database (atomic rename) during a slide
slides "at 2600 replace ../B.db" > "$tmp/good.s"
run good "$tmp/good.s"; rc=$?
check "good: exits 0" '[ $rc -eq 0 ]'
check "good: new file checked" 'grep -q "content: new database .* checked" "$tmp/good/err"'
check "good: switched, with B's counts" 'grep -q "content: switched to the new database (5 articles" "$tmp/good/err"'
check "good: the slide on show is not yanked" 'same "$tmp/good/s1b.png" "$tmp/ref/s1b.png"'
check "good: after the slide boundary the slides differ from A's" \
    '! same "$tmp/good/s2.png" "$tmp/ref/s2.png" && ! same "$tmp/good/s3.png" "$tmp/ref/s3.png"'
check "good: B on show is not blank" 'not_blank "$tmp/good/s2.png"'

# ---- broken new files: refused, the slideshow goes on exactly as with A
for bad_db in text cut v7; do
    [ -f "$tmp/$bad_db.db" ] || { bad "$bad_db fixture"; continue; }
    slides "at 2600 replace ../$bad_db.db" > "$tmp/$bad_db.s"
    run "r_$bad_db" "$tmp/$bad_db.s"; rc=$?
    check "$bad_db: exits 0" '[ $rc -eq 0 ]'
    check "$bad_db: refused with a log line" 'grep -q "content: database .*live.db refused: " "$tmp/r_$bad_db/err"'
    check "$bad_db: never switched" '! grep -q "content: switched" "$tmp/r_$bad_db/err"'
    check "$bad_db: the slides stay A's" \
        'for s in s1b s2 s3 s4; do same "$tmp/r_$bad_db/$s.png" "$tmp/ref/$s.png" || exit 1; done'
done
grep -h "refused" "$tmp"/r_*/err | sed 's/^/  log: /' | head -n 3

# ---- deleted while running: the open database still reads; content stays
slides "at 2600 delete" > "$tmp/del.s"
run del "$tmp/del.s"; rc=$?
check "deleted: exits 0" '[ $rc -eq 0 ]'
check "deleted: logged" 'grep -q "content: database .* deleted" "$tmp/del/err"'
check "deleted: the slides go on as before" \
    'for s in s1b s2 s3 s4; do same "$tmp/del/$s.png" "$tmp/ref/$s.png" || exit 1; done'
# ... and a good file put back later is taken
slides "at 2600 delete" "at 2650 replace ../B.db" > "$tmp/del2.s"
run del2 "$tmp/del2.s"; rc=$?
check "deleted then replaced: switched" '[ $rc -eq 0 ] && grep -q "content: switched" "$tmp/del2/err"'

# ---- damaged in place (same inode): no crash, never a blank screen
for op in corrupt truncate; do
    slides "at 2600 $op" > "$tmp/$op.s"
    run "$op" "$tmp/$op.s"; rc=$?
    check "$op in place: exits 0 (no crash)" '[ $rc -eq 0 ]'
    check "$op in place: refused as a new file" 'grep -q "refused" "$tmp/$op/err"'
    check "$op in place: the slide on show stays" 'same "$tmp/$op/s1b.png" "$tmp/ref/s1b.png"'
    check "$op in place: later screens are content or a notice, never blank" \
        'for s in s2 s3 s4; do not_blank "$tmp/$op/$s.png" || exit 1; done'
done

# ---- a visitor reading an article keeps it; the swap waits for Home
cat > "$tmp/read.s" <<'S'
at 100 tap 0.2 0.3
at 900 shot article.png
at 950 replace ../B.db
at 1000 key Down
at 1800 shot article2.png
at 1900 key Escape
at 2800 shot home.png
at 2900 quit
S
cat > "$tmp/read_ref.s" <<'S'
at 100 tap 0.2 0.3
at 900 shot article.png
at 1000 key Down
at 1800 shot article2.png
at 1900 key Escape
at 2800 shot home.png
at 2900 quit
S
run read_ref "$tmp/read_ref.s" --set timing.idle_timeout=60000; rc=$?
check "reading reference run exits 0" '[ $rc -eq 0 ]'
run read "$tmp/read.s" --set timing.idle_timeout=60000; rc=$?
check "reading: exits 0" '[ $rc -eq 0 ]'
check "reading: a card opened an article" '! same "$tmp/read_ref/article.png" "$tmp/read_ref/home.png"'
check "reading: the article is not yanked by the update" 'same "$tmp/read/article2.png" "$tmp/read_ref/article2.png"'
check "reading: Home shows the new content" \
    'grep -q "content: switched" "$tmp/read/err" && ! same "$tmp/read/home.png" "$tmp/read_ref/home.png"'

# ---- no database at start: the notice, then a good file is taken at once
mkdir -p "$tmp/miss"
printf 'at 0 shot notice.png\nat 500 replace ../B.db\nat 1500 shot home.png\nat 1600 quit\n' > "$tmp/miss/s"
"$APP" --headless --size 800x480 --db "$tmp/miss/live.db" --script "$tmp/miss/s" --shots "$tmp/miss" \
    2> "$tmp/miss/err"; rc=$?
check "missing at start: exits 0" '[ $rc -eq 0 ]'
check "missing at start: notice shown" 'not_blank "$tmp/miss/notice.png"'
check "missing at start: the new file replaces the notice" \
    'grep -q "content: switched" "$tmp/miss/err" && ! same "$tmp/miss/notice.png" "$tmp/miss/home.png" && not_blank "$tmp/miss/home.png"'

# ---- fonts folder missing (and none beside the executable): a clear
# message naming the folders tried, a non-zero exit (issue 13 item 5: an
# exhibit without text showed empty cards and exited 0)
mkdir -p "$tmp/nofont"
printf 'at 0 shot home.png\nat 2500 shot slide.png\nat 2600 quit\n' > "$tmp/nofont/s"
"$APP" --headless --size 800x480 --db "$tmp/B.db" --fonts "$tmp/no-such-fonts" --set timing.idle_timeout=1000 \
    --script "$tmp/nofont/s" --shots "$tmp/nofont" 2> "$tmp/nofont/err"; rc=$?
check "fonts missing: exits non-zero" '[ $rc -ne 0 ]'
check "fonts missing: logged with the folder" 'grep -q "no-such-fonts" "$tmp/nofont/err"'

# ---- a config file that is not INI: warnings, defaults, runs
mkdir -p "$tmp/ini"
head -c 3000 "$tmp/B.db" > "$tmp/ini/binary.ini"
printf '<html>\n<body>404 not found</body>\n[display\nrotate = sideways\n= 3\n' > "$tmp/ini/html.ini"
printf 'at 0 shot home.png\nat 100 quit\n' > "$tmp/ini/s"
for ini in binary html; do
    "$APP" --headless --size 800x480 --db "$tmp/B.db" --config "$tmp/ini/$ini.ini" --script "$tmp/ini/s" \
        --shots "$tmp/ini" 2> "$tmp/ini/$ini.err"; rc=$?
    check "config $ini: runs (exit 0)" '[ $rc -eq 0 ]'
    check "config $ini: warned" 'grep -q "$ini.ini" "$tmp/ini/$ini.err"'
    check "config $ini: a picture" 'not_blank "$tmp/ini/home.png"'
done

# ---- systemd notify + watchdog (real clock, live headless run)
cat > "$tmp/listen.py" <<'PY'
import socket, sys, time
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); s.bind(sys.argv[1]); s.settimeout(0.2)
out = open(sys.argv[2], 'w'); end = time.time() + float(sys.argv[3])
while time.time() < end:
    try: d = s.recv(4096)
    except socket.timeout: continue
    out.write('%.3f %s\n' % (time.time(), d.decode().replace('\n', ' '))); out.flush()
PY
python3 "$tmp/listen.py" "$tmp/notify.sock" "$tmp/notify.log" 10 & lp=$!; pids="$pids $lp"
for i in $(seq 50); do [ -S "$tmp/notify.sock" ] && break; sleep 0.1; done
NOTIFY_SOCKET=$tmp/notify.sock WATCHDOG_USEC=400000 "$APP" --headless --size 800x480 --db "$tmp/B.db" \
    --set timing.idle_timeout=1000 2> "$tmp/notify.err" & ap=$!; pids="$pids $ap"
sleep 2.5; kill -TERM "$ap"; wait "$ap"; rc=$?
sleep 0.3; kill "$lp" 2>/dev/null
nwd=$(grep -c "WATCHDOG=1" "$tmp/notify.log")
check "notify: app exits 0 on SIGTERM" '[ $rc -eq 0 ]'
check "notify: READY=1" 'grep -q " READY=1" "$tmp/notify.log"'
check "notify: WATCHDOG=1 repeatedly (got $nwd in 2.5 s at 200 ms)" '[ "$nwd" -ge 6 ]'
check "notify: STATUS= names the screen" 'grep -q "STATUS=showing " "$tmp/notify.log"'
check "notify: STOPPING=1 last" 'tail -n 1 "$tmp/notify.log" | grep -q "STOPPING=1"'
# the largest gap between pings stays under WatchdogSec (400 ms) although the app idles
gap=$(awk '/WATCHDOG=1/ { if (t) { g = $1 - t; if (g > m) m = g } t = $1 } END { printf "%d", m * 1000 }' "$tmp/notify.log")
check "notify: pings while idle, largest gap ${gap} ms < 400" '[ "$gap" -gt 0 ] && [ "$gap" -lt 400 ]'
printf 'at 0 shot x.png\nat 10 quit\n' > "$tmp/q.s"
env -u NOTIFY_SOCKET WATCHDOG_USEC=400000 "$APP" --headless --size 200x200 --db "$tmp/B.db" --script "$tmp/q.s" \
    --shots "$tmp" 2> "$tmp/nosock.err"; rc=$?
check "notify: without NOTIFY_SOCKET it is off" '[ $rc -eq 0 ] && ! grep -q "notify: watchdog" "$tmp/nosock.err"'

# ---- board/rpi/vitrine-update.sh replaces the database of a running app
if command -v curl >/dev/null && command -v openssl >/dev/null; then
    mkdir -p "$tmp/srv" "$tmp/var"
    db=$tmp/var/corpus.db; cp "$tmp/A.db" "$db"; touch -d '2024-01-01 00:00:00' "$db"
    cp "$tmp/B.db" "$tmp/srv/corpus.db"
    sh board/vitrine-sign.sh keygen "$tmp/keys" > /dev/null
    sh board/vitrine-sign.sh sign "$tmp/keys/vitrine-content.key" "$tmp/srv/corpus.db" > /dev/null
    touch -d '2025-01-01 00:00:00' "$tmp/srv/corpus.db"
    timeout 30 python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$tmp/srv" > "$tmp/srv.log" 2>&1 &
    sp=$!; pids="$pids $sp"; port=""
    for i in $(seq 50); do
        port=$(sed -n 's/.*port \([0-9][0-9]*\).*/\1/p' "$tmp/srv.log" | head -n 1); [ -n "$port" ] && break; sleep 0.1
    done
    "$APP" --headless --size 800x480 --db "$db" --set timing.idle_timeout=1000 --set timing.slide_min=1000 \
        --set timing.slide_max=1000 2> "$tmp/upd.err" & ap=$!; pids="$pids $ap"
    sleep 0.5
    printf 'URL=http://127.0.0.1:%s/corpus.db\nDB=%s\nKEY=%s\n' "$port" "$db" "$tmp/keys/vitrine-content.pub" > "$tmp/update.conf"
    VITRINE_UPDATE_CONF=$tmp/update.conf VITRINE_CORPUS=$CORPUS sh board/rpi/vitrine-update.sh > "$tmp/upd.out" 2>&1
    urc=$?
    for i in $(seq 40); do grep -q "content: switched to the new" "$tmp/upd.err" && break; sleep 0.1; done
    kill -TERM "$ap"; wait "$ap"; rc=$?
    check "update script: installed" '[ $urc -eq 0 ] && grep -q "installed" "$tmp/upd.out"'
    check "update script: the running app switched within 4 s" 'grep -q "content: switched to the new database (5 articles" "$tmp/upd.err"'
    check "update script: the app exits 0" '[ $rc -eq 0 ]'
else
    echo "note: no curl or openssl: vitrine-update.sh end-to-end skipped"
fi

echo "test_live: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]   # a run with no check at all fails too
