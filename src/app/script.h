/*
** src/app/script.h: the --script harness: timed input on a virtual clock.
**
** File format, one command per line, '#' starts a comment:
**
**   at MS tap X Y                          finger down, up TAP_MS later
**   at MS swipe X1 Y1 X2 Y2 DURATION_MS    finger down, moves every 16 ms, up
**   at MS drag X1 Y1 X2 Y2 DURATION_MS     same path (meant to be slow)
**   at MS longpress X Y                    finger down, up LONGPRESS_MS later
**   at MS key NAME                         SDL key name, modifiers as "ctrl+alt+q"
**   at MS shot NAME.png                    save what the screen shows now
**   at MS quit                             end the run (exit 0)
**   at MS resize W H                       the output becomes W x H px (a
**                                          window resized; headless: the
**                                          offscreen frame, up to the largest
**                                          size the script asks for)
**   at MS press X Y                        finger down and held ...
**   at MS release X Y                      ... up here (a held press; the
**                                          finger moves there first if it
**                                          moved)
**   at MS pinch X Y FROM TO DURATION_MS    two fingers around (X, Y), FROM
**                                          and TO apart (fractions of the
**                                          short side), moving every 16 ms
**   at MS wheel DX DY                      mouse wheel steps (whole numbers,
**                                          positive DY = away from the user)
**
** Testing aids for live content updates (they act on the app's database
** path, content.database, at that moment of the run):
**
**   at MS replace SRC                      copy SRC beside the database, then
**                                          rename() it over the database (atomic,
**                                          as board/rpi/vitrine-update.sh does);
**                                          SRC relative to the script's folder
**   at MS corrupt                          overwrite the database IN PLACE (same
**                                          inode, same size) with garbage
**   at MS truncate                         cut the database in place to half its size
**   at MS delete                           unlink the database
**
** MS is virtual milliseconds since start, never decreasing down the file;
** X, Y are fractions (0..1) of the display in its own (physical, rotated)
** orientation, exactly what an SDL finger event carries. Commands that share
** a time run in file order.
**
** A script is parsed into commands, then expanded into a time-ordered list
** of primitive events (finger down/motion/up, key, shot, quit) that the app
** injects with SDL_PushEvent, so input takes the real path incl. rotation.
*/
#ifndef VITRINE_SCRIPT_H
#define VITRINE_SCRIPT_H

#include <stddef.h>
#include <stdint.h>

#define SCRIPT_TAP_MS        60u    /* ms a tap holds the finger down */
#define SCRIPT_LONGPRESS_MS  900u   /* ms a long press holds it */
#define SCRIPT_MOTION_MS     16u    /* ms between motion events of a swipe/drag */

typedef enum script_op {
    SCRIPT_TAP, SCRIPT_SWIPE, SCRIPT_DRAG, SCRIPT_LONGPRESS, SCRIPT_KEY, SCRIPT_SHOT, SCRIPT_QUIT,
    SCRIPT_REPLACE, SCRIPT_CORRUPT, SCRIPT_TRUNCATE, SCRIPT_DELETE, /* file ops on the database */
    SCRIPT_RESIZE, SCRIPT_PRESS, SCRIPT_RELEASE, SCRIPT_PINCH, SCRIPT_WHEEL
} script_op;

typedef struct script_cmd {
    uint32_t at_ms;         /* virtual ms */
    script_op op;
    float x1, y1, x2, y2;   /* fractions of the physical display */
    uint32_t dur_ms;        /* swipe/drag/pinch duration */
    int w, h;               /* resize: output px; wheel: steps dx, dy */
    float from, to;         /* pinch: finger distance, short sides */
    int key, mods;          /* SDL_Keycode and CFG_MOD_* bits */
    char *name;             /* owned: key text, shot file name, or replace's SRC
                            ** (resolved against the script's folder) */
    int line;               /* 1-based line in the file */
} script_cmd;

typedef struct script {
    script_cmd *cmds;       /* owned */
    size_t n;
    int has_quit;
} script;

typedef enum script_ev_kind {
    SEV_FINGER_DOWN, SEV_FINGER_MOTION, SEV_FINGER_UP, SEV_KEY, SEV_SHOT, SEV_QUIT,
    SEV_FILE,               /* a file op (replace, corrupt, truncate, delete) */
    SEV_RESIZE,             /* cmd->w x cmd->h */
    SEV_WHEEL               /* cmd->w, cmd->h steps */
} script_ev_kind;

typedef struct script_ev {
    uint32_t t;             /* virtual ms */
    script_ev_kind kind;
    float x, y;             /* finger position, fractions */
    int finger;             /* finger id (the command's index: overlapping gestures stay apart) */
    const script_cmd *cmd;  /* borrowed from the script */
} script_ev;

/* Parse text (NUL-terminated). NULL on error with "path:line: message" in
** err. The result owns everything; free with script_free. */
script *script_parse(const char *text, const char *path, char *err, size_t errlen);
script *script_load(const char *path, char *err, size_t errlen);
void script_free(script *s);                        /* NULL-safe */

/* Expand into primitive events sorted by time (stable: file order for equal
** times). *out is owned by the caller (free()); events borrow s. */
size_t script_expand(const script *s, script_ev **out);

/* The largest output a resize of s asks for (0 x 0: none). */
void script_max_size(const script *s, int *w, int *h);

/* Carry out a file op command (SCRIPT_REPLACE..SCRIPT_DELETE) on db_path.
** 0 ok, -1 failed (logged). */
int script_file_op(const script_cmd *c, const char *db_path);

#endif
