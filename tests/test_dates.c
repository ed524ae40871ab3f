/*
** tests/test_dates.c: ISO parsing, dateline scanning and timeline events
** (src/corpus/corpus_dates.c). Table-driven: one row per rule.
*/
#include "corpus/corpus.h"
#include "common/util.h"
#include "t.h"

#include <stdlib.h>
#include <string.h>

/* ---- cdate_parse_iso / cdate_format ------------------------------------- */

static const struct { const char *in; const char *want; const char *prec; } ISO_ROWS[] = {
    {"2015", "2015", "year"},
    {"2015-12", "2015-12", "month"},
    {"2015-12-16", "2015-12-16", "day"},
    {"2020-09-08T16:17:01+00:00", "2020-09-08", "day"},
    {"2020-09-21 09:09", "2020-09-21", "day"},
    {"2020-09-21T09:09Z", "2020-09-21", "day"},
    {"  2016-02-29  ", "2016-02-29", "day"},      /* leap year */
    {"2000-02-29", "2000-02-29", "day"},          /* divisible by 400 */
    {"2015-02-29", NULL, NULL},                   /* not a leap year */
    {"1900-02-29", NULL, NULL},                   /* century, not leap */
    {"2015-04-31", NULL, NULL},
    {"2015-13", NULL, NULL},
    {"2015-00-10", NULL, NULL},
    {"2015-12-00", NULL, NULL},
    {"15-12-16", NULL, NULL},
    {"2015-12-16 banana", NULL, NULL},
    {"2015-12-16T25:00", NULL, NULL},
    {"", NULL, NULL},
    {"1799", NULL, NULL},
};

static void test_iso(void) {
    for (size_t i = 0; i < sizeof ISO_ROWS / sizeof *ISO_ROWS; i++) {
        cdate c;
        char buf[16];
        int rc = cdate_parse_iso(ISO_ROWS[i].in, &c);
        if (!ISO_ROWS[i].want) { T_INT(rc, -1); continue; }
        T_INT(rc, 0);
        if (rc) continue;
        cdate_format(c, buf);
        T_STR(buf, ISO_ROWS[i].want);
        T_STR(cdate_prec_name(c.prec), ISO_ROWS[i].prec);
    }
    T_INT(cdate_parse_iso(NULL, &(cdate){0}), -1);
}

/* ---- cdate_scan ---------------------------------------------------------- */

static const struct {
    const char *in;
    const char *want;       /* formatted date; NULL: nothing found */
    const char *match;      /* the matched bytes */
} SCAN_ROWS[] = {
    {"April 27, 2018", "2018-04-27", "April 27, 2018"},
    {"0 Comment(s) China.org.cn, April 27, 2018", "2018-04-27", "April 27, 2018"},
    {"Apr. 27, 2018", "2018-04-27", "Apr. 27, 2018"},
    {"Apr 27 2018", "2018-04-27", "Apr 27 2018"},
    {"December 17, 2015", "2015-12-17", "December 17, 2015"},
    {"Thursday, Dec. 17, 2015", "2015-12-17", "Thursday, Dec. 17, 2015"},
    {"Facebook Twitter YouTube Thursday, Dec. 17, 2015", "2015-12-17", "Thursday, Dec. 17, 2015"},
    {"(Global Times)    08:46, December 17, 2015", "2015-12-17", "08:46, December 17, 2015"},
    {"17 December 2015", "2015-12-17", "17 December 2015"},
    {"Updated: 17th December, 2015", "2015-12-17", "17th December, 2015"},
    {"2020-09-21 09:09", "2020-09-21", "2020-09-21 09:09"},
    {"2020-09-08T16:17:01+00:00", "2020-09-08", "2020-09-08T16:17:01+00:00"},
    {"September 2015", "2015-09", "September 2015"},
    {"Posted in September, 2015", "2015-09", "September, 2015"},
    {"Sept. 8", "0000-09-08", "Sept. 8"},           /* year not stated: y = 0 */
    {"Published 2015", "2015", "2015"},             /* bare year: last resort */
    {"In 2014 and on Dec. 16, 2015", "2015-12-16", "Dec. 16, 2015"},  /* full date wins */
    {"February 29, 2016", "2016-02-29", "February 29, 2016"},
    {"February 29, 2015", NULL, NULL},              /* invalid day, no other date */
    {"April 31, 2018", NULL, NULL},
    {"may 5, 2018", "2018", "2018"},                /* lowercase "may" is no month */
    {"2,703 people and 670 million netizens", NULL, NULL},
    {"grew 20% to $2015", NULL, NULL},
    {"no date here", NULL, NULL},
};

static void test_scan(void) {
    for (size_t i = 0; i < sizeof SCAN_ROWS / sizeof *SCAN_ROWS; i++) {
        const char *s = SCAN_ROWS[i].in;
        cdate c;
        size_t a = 0, b = 0;
        char buf[16];
        int got = cdate_scan(s, strlen(s), &c, &a, &b);
        if (!SCAN_ROWS[i].want) {
            if (got) { cdate_format(c, buf); fprintf(stderr, "row %zu: got %s\n", i, buf); }
            T_INT(got, 0);
            continue;
        }
        T_INT(got, 1);
        if (!got) continue;
        cdate_format(c, buf);
        T_STR(buf, SCAN_ROWS[i].want);
        char *m = xstrndup(s + a, b - a);
        T_STR(m, SCAN_ROWS[i].match);
        free(m);
    }
    cdate c;
    T_INT(cdate_scan("", 0, &c, NULL, NULL), 0);
    T_INT(cdate_scan("Sept. 8", 7, &c, NULL, NULL), 1);
    T_INT(c.prec, CDATE_DAY);
    T_INT(c.y, 0);
}

int main(void) {
    T_RUN(test_iso);
    T_RUN(test_scan);
    return T_DONE();
}
