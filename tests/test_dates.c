/*
** tests/test_dates.c: ISO parsing, dateline scanning and timeline events
** (src/corpus/corpus_dates.c). Table-driven: one row per rule.
*/
#include "corpus/corpus.h"
#include "common/util.h"
#include "t.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/* ---- corpus_events: one rule per row ----------------------------------- */

typedef struct ev_row {
    const char *text;       /* one paragraph */
    const char *published;  /* NULL: unknown */
    const char *want;       /* a date that must be among the events; NULL: no event at all */
    const char *prec;       /* its precision name */
    const char *unwanted;   /* a date that must not be among them, or NULL */
} ev_row;

static const ev_row EV_ROWS[] = {
    /* absolute */
    {"Xi delivered a keynote speech in Wuzhen on Dec. 16, 2015, to delegates.", "2015-12-17", "2015-12-16", "day", NULL},
    {"The plan was first drafted in September 2015 by the ministry.", NULL, "2015-09", "month", NULL},
    {"In 2014, the Internet contributed to 7 percent of GDP.", NULL, "2014", "year", NULL},
    {"The summit opened on April 27, 2018 in the coastal city.", NULL, "2018-04-27", "day", NULL},
    {"In October 2014 the committee adopted the plan.", NULL, "2014-10", "month", NULL},
    {"The company was listed in April 2017 after a long delay.", NULL, "2017-04", "month", NULL},
    {"From 2009 the agency tracked every attack it saw.", NULL, "2009", "year", NULL},
    {"By 2020 the country aims to connect every village.", "2016-03-01", "2020", "year", NULL},
    {"The rules take effect on 17 December 2015 for all firms.", NULL, "2015-12-17", "day", NULL},
    {"The report was dated 2020-09-21 and circulated widely.", NULL, "2020-09-21", "day", NULL},
    {"Leap day: the vote was held on February 29, 2016 in the capital.", NULL, "2016-02-29", "day", NULL},
    {"The talks ended in mid-2015 without any agreement.", NULL, "2015", "year", NULL},
    {"Between 2010 and 2014 the number of users tripled.", NULL, "2010", "year", "2014"},
    /* a month without a year, resolved to the publication year (TimeBank) */
    {"The program was announced by the secretary in August and criticised.", "2020-09-21", "2020-08", "month", NULL},
    {"In July the ministry said sales had fallen sharply.", "2015-03-10", "2014-07", "month", NULL},
    {"The ministry will publish the rules in July for comment.", "2015-03-10", "2015-07", "month", NULL},
    {"Shipments slowed in early December across the region.", "2015-12-20", "2015-12", "month", NULL},
    {"Consumers spent more from January to October this year than before.", "2015-12-16", "2015-01", "month", "2015-10"},
    {"The minister said the plan was unveiled on Sept. 8 in Beijing.", "2020-09-21", "2020-09-08", "day", NULL},
    {"Officials said the deal was signed on Dec. 20 after talks.", "2016-01-05", "2015-12-20", "day", NULL},
    /* relative to publication */
    {"China launched an initiative on Tuesday to address data security.", "2020-09-08", "2020-09-08", "day", NULL},
    {"A study shows that last year, China suffered more attacks.", "2015-12-16", "2014", "year", NULL},
    {"Workers at the plant, Aug. 1, 2017. The plant opened on Tuesday in the city.", "2018-04-27", "2017-08-01", "day", "2018-04-24"},
    {"Chinese President Xi Jinping on Wednesday said there should be no double standard.", "2015-12-17", "2015-12-16", "day", NULL},
    {"The minister will visit Paris on Friday to sign the accord.", "2015-12-16", "2015-12-18", "day", NULL},
    {"The board is to meet on Monday to discuss the offer.", "2015-12-16", "2015-12-21", "day", NULL},
    {"The firm reported losses last Tuesday to its investors.", "2015-12-15", "2015-12-08", "day", NULL},
    {"Prices rose sharply last month according to the bureau.", "2015-12-16", "2015-11", "month", NULL},
    /* "last October": the most recent October before the publication month (HeidelTime) */
    {"The ministry issued new rules last October for online firms.", "2015-12-16", "2015-10", "month", NULL},
    {"The ministry issued new rules last October for online firms.", "2015-03-16", "2014-10", "month", NULL},
    {"The ministry issued new rules last October for online firms.", "2015-10-16", "2014-10", "month", NULL},
    {"Exports fell by a third last year according to customs data.", "2015-12-16", "2014", "year", NULL},
    {"The country has added ten new data centres this year alone.", "2015-12-16", "2015", "year", NULL},
    {"Regulators warned earlier this month that fraud was rising.", "2015-12-16", "2015-12", "month", NULL},
    {"Regulators said yesterday that fraud was rising fast.", "2015-12-16", "2015-12-15", "day", NULL},
    {"Regulators said today that fraud was rising fast.", "2015-12-16", "2015-12-16", "day", NULL},
    {"The law was passed four years ago by the legislature.", "2015-12-16", "2011", "year", NULL},
    {"The exchange opened in 2009 and the following year it listed its first bank.", NULL, "2010", "year", NULL},
    {"The exchange opened in March 2012; one year later it moved to new offices.", "2018-01-01", "2013", "year", NULL},
    {"The exchange opened in March 2012; a year later it moved to new offices.", "2018-01-01", "2013", "year", NULL},
    /* relative without a usable publication date: nothing */
    {"China launched an initiative on Tuesday to address data security.", NULL, NULL, NULL, NULL},
    {"China launched an initiative on Tuesday to address data security.", "2020-09", NULL, NULL, NULL},
    {"Prices rose sharply last month according to the bureau.", "2015", NULL, NULL, NULL},
    {"Prices rose sharply last month according to the bureau.", NULL, NULL, NULL, NULL},
    {"The program was announced by the secretary in August and criticised.", NULL, NULL, NULL, NULL},
    {"The following year it listed its first bank on the market.", NULL, NULL, NULL, NULL},
    /* not events */
    {"The plan supports the Vision 2030 goals of the kingdom.", NULL, NULL, NULL, NULL},
    {"The Healthy China 2030 blueprint calls for more clinics.", NULL, NULL, NULL, NULL},
    {"Many offices still ran Windows 2000 on old machines.", NULL, NULL, NULL, NULL},
    {"The ministry unveiled the initiative on Sept  and called on others.", "2020-09-21", NULL, NULL, NULL},
    {"Since the s, the West has tried to assert its influence.", "2020-09-21", NULL, NULL, NULL},
    {"The attack injured 2,703 people in three provinces.", NULL, NULL, NULL, NULL},
    {"Output reached 4.29 trillion dollars, making up 32.9 percent.", NULL, NULL, NULL, NULL},
    {"China has 670 million netizens and 4.13 million websites.", NULL, NULL, NULL, NULL},
    {"The firm paid $2015 in fees and grew 2016% overall.", NULL, NULL, NULL, NULL},
    {"The city hired 2000 workers for the new park.", NULL, NULL, NULL, NULL},
    {"Thursday, Dec. 17, 2015", NULL, NULL, NULL, NULL},
    {"Officials\xc2\xa0" "said the talks\xc2\xa0" "began on\xc2\xa0" "Dec. 1, 2015.", NULL, "2015-12-01", "day", NULL},
    {"(Global Times) 08:46, December 17, 2015", NULL, NULL, NULL, NULL},
    {"You may find that the rules march on regardless.", "2015-12-16", NULL, NULL, NULL},
    {"May the new rules bring more clarity to the market.", "2015-12-16", NULL, NULL, NULL},
    {"Shoppers crowded the malls on Black Friday as prices fell.", "2015-12-16", NULL, NULL, NULL},
    {"Exports grew over the last year according to the bureau.", "2015-12-16", NULL, NULL, NULL},
    {"Growth peaked in the 1990s before slowing down.", NULL, NULL, NULL, NULL},
    {"The vote was held on April 31, 2018 in the capital.", NULL, NULL, NULL, NULL},
    {"The deal was signed on Feb. 29 in the capital after talks.", "2015-12-16", NULL, NULL, NULL},
    {"The vote was held on 32 March 2015 in the capital.", NULL, NULL, NULL, NULL},
    {"The vote was held on March 32, 2015 in the capital.", NULL, NULL, NULL, NULL},
    {"The vote was held on February 30 in the capital.", "2015-12-16", NULL, NULL, NULL},
    {"The vote was held in the year 0 by the elders of the city.", NULL, NULL, NULL, NULL},
    /* tense: plans and modals look forward, the past looks back (published March 2019) */
    {"The director said the museum would reopen in June after repairs.", "2019-03-10", "2019-06", "month", "2018-06"},
    {"Officials said talks could resume as early as Tuesday in Geneva.", "2019-03-13", "2019-03-19", "day", NULL},
    {"The ban on night flights runs through August at the main airport.", "2019-03-10", "2019-08", "month", NULL},
    {"Organisers planned a march on Saturday through the city centre.", "2019-03-13", "2019-03-16", "day", NULL},
    {"The ministry plans to publish the rules in October for comment.", "2019-03-10", "2019-10", "month", NULL},
    {"The new line is scheduled to open in May with six stations.", "2019-03-10", "2019-05", "month", NULL},
    {"The minister is expected to visit the port on Friday to meet workers.", "2019-03-13", "2019-03-15", "day", NULL},
    {"The company will have finished the bridge by the end of November this way.", "2019-03-10", "2019-11", "month", NULL},
    {"Workers finished the bridge in November after two years of delay.", "2019-03-10", "2018-11", "month", NULL},
    {"Sales rose through August according to the industry body.", "2019-03-10", "2018-08", "month", NULL},
    {"The board met on Friday and approved the accounts.", "2019-03-13", "2019-03-08", "day", NULL},
    {"The ministry issued the rules last June to curb fraud.", "2019-03-10", "2018-06", "month", NULL},
    {"The festival returns next July with a bigger stage.", "2019-03-10", "2019-07", "month", NULL},
    {"In June, the museum will reopen its doors to visitors.", "2019-03-10", "2019-06", "month", NULL},
    /* reference: the narrative moves; relative dates count from there */
    {"The strike began on Nov. 3, 2018. Three days later the company offered a raise.", "2019-03-10", "2018-11-06", "day", NULL},
    {"The factory closed on May 10, 2017. The previous Friday its owners had met the union.", "2019-03-10", "2017-05-05", "day", NULL},
    {"The factory closed on May 10, 2017. The following Monday the workers protested outside.", "2019-03-10", "2017-05-15", "day", NULL},
    {"The law passed in 2012, and the following year the courts upheld it.", "2019-03-10", "2013", "year", NULL},
    /* possessives and sentence-initial weekdays */
    {"Friday's vote gave the coalition a clear majority in parliament.", "2019-03-13", "2019-03-08", "day", NULL},
    {"Last month's report showed that exports had fallen sharply.", "2019-03-10", "2019-02", "month", NULL},
    {"Earlier Friday, the minister met the unions in the capital.", "2019-03-13", "2019-03-08", "day", NULL},
    {"Also on Thursday, the central bank cut its main interest rate.", "2019-03-13", "2019-03-07", "day", NULL},
    {"Official figures for January showed a rise in unemployment.", "2019-03-10", "2019-01", "month", NULL},
    {"The regulator settled a 2016 dispute with the two carriers.", NULL, "2016", "year", NULL},
    /* holidays, fixed and moving */
    {"The shop was robbed on Christmas Eve by two armed men.", "2019-03-10", "2018-12-24", "day", NULL},
    {"Crowds gathered in the square on New Year's Eve to watch fireworks.", "2019-03-10", "2018-12-31", "day", NULL},
    {"Crowds gathered in the square on New Year\xe2\x80\x99s Day to watch the parade.", "2019-03-10", "2019-01-01", "day", NULL},
    {"Voters went to the polls on Election Day in record numbers.", "2016-11-20", "2016-11-08", "day", NULL},
    {"Voters will go to the polls on Election Day in record numbers.", "2020-03-01", "2020-11-03", "day", NULL},
    {"The church was full on Easter Sunday for the first time in years.", "2019-05-01", "2019-04-21", "day", NULL},
    {"Families travelled home for Thanksgiving despite the storm.", "2018-12-01", "2018-11-22", "day", NULL},
    {"The parade on Independence Day drew thousands of people.", "2019-08-01", "2019-07-04", "day", NULL},
    {"The beaches were packed over Memorial Day as the heat rose.", "2019-06-10", "2019-05-27", "day", NULL},
    {"The store opened on Christmas Day 2015 to serve the homeless.", NULL, "2015-12-25", "day", NULL},
    {"Shoppers bought Christmas presents early this season.", "2019-03-10", NULL, NULL, NULL},
    /* fiscal years */
    {"The company expects higher profits this fiscal year after the merger.", "2019-03-10", "2019", "year", NULL},
    {"Revenue rose by a fifth in fiscal 2016 as orders recovered.", NULL, "2016", "year", NULL},
    {"Revenue rose by a fifth in FY2017 as orders recovered.", NULL, "2017", "year", NULL},
    {"The vote failed on Saturday, Dec. 7, 2024 in parliament. Earlier Saturday, the president apologised on television.", "2024-12-06", "2024-12-07", "day", "2024-11-30"},
    /* "today" as a name or as the present in general */
    {"Get New York Today in your inbox every morning.", "2019-02-21", NULL, NULL, NULL},
    {"Today, chaos theory is part of the scientific repertoire.", "2019-05-20", NULL, NULL, NULL},
    /* expressions that qualify a thing are no events */
    {"Today's smartphones carry more power than the old mainframes did.", "2019-03-10", NULL, NULL, NULL},
    {"Fans still remember the 1966 squad and its famous captain.", NULL, NULL, NULL, NULL},
    {"The index is based on 1990 prices and updated each quarter.", NULL, NULL, NULL, NULL},
    {"Output is measured at constant 2010 prices by the statistics office.", NULL, NULL, NULL, NULL},
};

static int has_event(const corpus_event *ev, size_t n, const char *date, const char *prec) {
    char buf[16];
    for (size_t i = 0; i < n; i++) {
        cdate_format(ev[i].date, buf);
        if (!strcmp(buf, date) && (!prec || !strcmp(cdate_prec_name(ev[i].date.prec), prec))) return 1;
    }
    return 0;
}

static void dump_events(const char *label, const corpus_event *ev, size_t n) {
    char buf[16];
    fprintf(stderr, "  %s: %zu event(s)\n", label, n);
    for (size_t i = 0; i < n; i++) {
        cdate_format(ev[i].date, buf);
        fprintf(stderr, "    %s (%s) p%zu: %s\n", buf, cdate_prec_name(ev[i].date.prec), ev[i].para, ev[i].text);
    }
}

static void run_doc(corpus_doc *doc, const char *published, corpus_event **ev, size_t *n) {
    doc->meta.published = published ? xstrdup(published) : NULL;
    T_INT(corpus_events(doc, ev, n), 0);
}

static void test_event_rows(void) {
    for (size_t i = 0; i < sizeof EV_ROWS / sizeof *EV_ROWS; i++) {
        const ev_row *r = &EV_ROWS[i];
        corpus_doc doc = {0};
        corpus_event *ev = NULL;
        size_t n = 0;
        corpus_doc_add_para(&doc, xstrdup(r->text), 1);
        run_doc(&doc, r->published, &ev, &n);
        int ok;
        if (!r->want) ok = n == 0;
        else ok = has_event(ev, n, r->want, r->prec) && (!r->unwanted || !has_event(ev, n, r->unwanted, NULL));
        T_OK(ok);
        if (!ok) {
            fprintf(stderr, "  row %zu \"%s\" (published %s): want %s %s\n", i, r->text,
                    r->published ? r->published : "-", r->want ? r->want : "nothing", r->prec ? r->prec : "");
            dump_events("got", ev, n);
        }
        for (size_t k = 0; k < n; k++) T_OK(ev[k].text && ev[k].text[0]);
        corpus_events_free(ev, n);
        corpus_doc_free(&doc);
    }
}

/* ---- ranges: the event keeps its end ------------------------------------ */

static const struct {
    const char *text, *published;
    const char *start, *end;    /* end NULL: a point; start NULL: no event at all */
} RANGE_ROWS[] = {
    {"Consumers spent more from January to October this year than before.", "2015-12-16", "2015-01", "2015-10"},
    {"Between 2009 and 2012 the number of users tripled in the region.", NULL, "2009", "2012"},
    {"The 1957-58 season was the club's best for decades.", NULL, "1957", "1958"},
    {"The survey covered the years 2009\xe2\x80\x93" "2012 in every province.", NULL, "2009", "2012"},
    {"In July, the police launched a six-month campaign against online fraud.", "2015-12-17", "2015-07", "2015-12"},
    {"The ministry started a two-year programme in March 2014 to train teachers.", NULL, "2014-03", "2016-02"},
    {"The exhibition ran from November to February in the old hall.", "2019-03-10", "2018-11", "2019-02"},
    {"The exhibition ran from Nov. 3 to Dec. 20 in the old hall.", "2019-03-10", "2018-11-03", "2018-12-20"},
    {"The tax applied from 2012 to 2009 according to the rules.", NULL, NULL, NULL},  /* absurd */
    {"The archive holds files from 1990-85 and other years.", NULL, NULL, NULL},        /* absurd */
    {"The station opened in 2009 and shut down in 2012 after losses.", NULL, "2009", NULL},
    {"The order ran from 10:30 p.m. Tuesday to 4:30 a.m. Wednesday, officials said.", "2024-12-06", "2024-12-03", NULL},
};

static void test_ranges(void) {
    for (size_t i = 0; i < sizeof RANGE_ROWS / sizeof *RANGE_ROWS; i++) {
        corpus_doc doc = {0};
        corpus_event *ev = NULL;
        size_t n = 0;
        char s[16] = "", e[16] = "";
        corpus_doc_add_para(&doc, xstrdup(RANGE_ROWS[i].text), 1);
        run_doc(&doc, RANGE_ROWS[i].published, &ev, &n);
        if (!RANGE_ROWS[i].start) {
            T_INT(n, 0);
        } else {
            T_OK(n >= 1);
            if (n >= 1) {
                cdate_format(ev[0].date, s);
                cdate_format(ev[0].end, e);
                T_STR(s, RANGE_ROWS[i].start);
                T_STR(RANGE_ROWS[i].end ? e : (ev[0].end.prec == CDATE_NONE ? NULL : e),
                      RANGE_ROWS[i].end);
            }
        }
        if (t_failed) dump_events(RANGE_ROWS[i].text, ev, n);
        corpus_events_free(ev, n);
        corpus_doc_free(&doc);
    }
}

/* ---- corpus_event_standalone: one rule per row -------------------------- */

static const struct { const char *text; int ok; } STANDALONE_ROWS[] = {
    {"The exchange opened in 2009 with ten listed firms.", 1},
    {"\"We will win,\" the mayor said on Tuesday.", 1},
    {"In October 2014 the first meeting ended in failure.", 1},
    {"It is no coincidence that the talks resumed in April 2017.", 1},
    {"one in business and the other in national security,\" Tang told reporters on Wednesday.", 0},
    {"director of the bureau, said 2,703 people were arrested in 2015.", 0},
    {"His statement matches a speech given on Tuesday.", 0},
    {"Its strategy published the following year named cyberspace a priority.", 0},
    {"This was in sharp contrast to the program announced in August.", 0},
    {"These rules took effect in May 2016.", 0},
    {"It moved to a new tower in April 2017.", 0},
    {"The piece explains how the city changed in 2014.", 0},
    {"As this article shows, the city changed in 2014.", 0},
    {"security,\" the minister said on Wednesday.", 0},
    {"The minister said on Wednesday that \"the rules are clear.", 0},
    {"The minister said on Wednesday that the rules, the budget and the", 0},
    {"The minister said on Wednesday that the rules\xe2\x80\xa6", 0},
    {"The minister said on Wednesday that the rules,", 0},
    {"One two three four five six seven eight nine ten eleven twelve thirteen fourteen "
     "fifteen sixteen seventeen eighteen nineteen twenty twenty-one twenty-two twenty-three "
     "twenty-four twenty-five twenty-six twenty-seven twenty-eight twenty-nine thirty "
     "thirty-one thirty-two thirty-three thirty-four thirty-five thirty-six in 2014.", 0},
    {"Inc., which has been selling the deck since 1970.", 0},
    {"14 Oct. 15) and the response was reasonable.", 0},
    {"30 p.m. Tuesday to the time he lifted the order.", 1},   /* reads; the ingest never cuts there */
    {"", 0},
};

static void test_standalone(void) {
    for (size_t i = 0; i < sizeof STANDALONE_ROWS / sizeof *STANDALONE_ROWS; i++) {
        const char *why = NULL;
        int ok = corpus_event_standalone(STANDALONE_ROWS[i].text, &why);
        if (ok != STANDALONE_ROWS[i].ok)
            T_FAIL_("row %zu \"%s\": got %d (%s)", i, STANDALONE_ROWS[i].text, ok, why ? why : "-");
        else
            t_passed++;
        T_OK(ok || why);
    }
    T_INT(corpus_event_standalone(NULL, NULL), 0);
}

/* ---- bundled articles: general properties ------------------------------- */

static const struct { const char *path; const char *published; size_t min; } ARTICLES[] = {
    /* digits stripped: its one dated sentence opens with "This" and is left out */
    {"assets/corpus/000_464c9eef6dcfd8e4.txt", "2020-09-21", 0},  /* dateline line 2 */
    {"assets/corpus/001_d594b17b06fa2b95.txt", "2020-09-08", 1},  /* front matter date */
    {"assets/corpus/002_11ea5e3f56a7397c.txt", "2018-04-27", 1},  /* credit line */
    {"assets/corpus/003_57d68627a9be5475.txt", "2015-12-16", 1},  /* sidecar only */
    {"assets/corpus/004_23f281d63f6cc960.txt", "2015-12-17", 1},  /* dateline */
};

/* text is in para verbatim, except that a clause may have been capitalised. */
static int excerpt_of(const char *para, const char *text) {
    if (!text[0]) return 0;
    for (const char *p = strstr(para, text + 1); p; p = strstr(p + 1, text + 1))
        if (p > para && (p[-1] == text[0] || p[-1] == text[0] + ('a' - 'A'))) return 1;
    return 0;
}

/* Raw lines as paragraphs (front matter skipped): datelines are still there,
** as if cleaning had missed them. */
static void doc_from_text(corpus_doc *doc, const char *text) {
    const char *p = text;
    if (!strncmp(p, "---\n", 4)) {
        const char *e = strstr(p + 4, "\n---\n");
        if (e) p = e + 5;
    }
    int line = 1;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        size_t a = 0;
        while (a < n && (p[a] == ' ' || p[a] == '\t')) a++;
        if (a < n) corpus_doc_add_para(doc, xstrndup(p + a, n - a), line);
        line++;
        p += n + (nl ? 1 : 0);
    }
}

static int words_in(const char *s) {
    int n = 0, in = 0;
    for (; *s; s++) {
        int w = *s != ' ' && *s != '\t' && *s != '\n';
        if (w && !in) n++;
        in = w;
    }
    return n;
}

/* Some occurrence of the year in text is not right after a capitalised word
** other than a sentence opener or preposition ("Vision 2030" is a name). */
static int year_not_in_name(const char *text, int year) {
    static const char *const OK_BEFORE[] = {"In", "By", "From", "Since", "The", "Until", "Before",
        "After", "During", "Between", "Early", "Late", "Mid", "Through", "This", NULL};
    char y[8];
    snprintf(y, sizeof y, "%d", year);
    if (!strstr(text, y)) return 1;     /* a relative date ("last year") */
    for (const char *p = strstr(text, y); p; p = strstr(p + 1, y)) {
        const char *q = p;
        if (q == text || q[-1] != ' ') return 1;
        q--;
        while (q > text && q[-1] != ' ') q--;
        if (!(*q >= 'A' && *q <= 'Z')) return 1;
        for (int k = 0; OK_BEFORE[k]; k++)
            if (!strncmp(q, OK_BEFORE[k], strlen(OK_BEFORE[k])) && q[strlen(OK_BEFORE[k])] == ' ') return 1;
    }
    return 0;
}

static void test_bundled(void) {
    const char *verbose = getenv("VITRINE_TEST_VERBOSE");
    for (size_t i = 0; i < sizeof ARTICLES / sizeof *ARTICLES; i++) {
        corpus_diag d = {ARTICLES[i].path, 0, 1, NULL};
        char *text = NULL;
        size_t len = 0;
        T_INT(corpus_read_file(ARTICLES[i].path, &text, &len, &d), 0);
        if (!text) continue;
        corpus_doc doc = {0};
        doc_from_text(&doc, text);
        corpus_event *ev = NULL;
        size_t n = 0;
        run_doc(&doc, ARTICLES[i].published, &ev, &n);
        T_OK(n >= ARTICLES[i].min);
        for (size_t k = 0; k < n; k++) {
            char buf[16];
            cdate back;
            cdate_format(ev[k].date, buf);
            T_INT(cdate_parse_iso(buf, &back), 0);                  /* valid, plausible */
            T_INT(back.prec, ev[k].date.prec);
            T_OK(ev[k].para < doc.npara);
            if (ev[k].para >= doc.npara) continue;
            T_OK(excerpt_of(doc.paras[ev[k].para], ev[k].text));   /* a verbatim excerpt */
            const char *why = NULL;
            if (!corpus_event_standalone(ev[k].text, &why))
                T_FAIL_("event does not stand alone (%s): %s", why, ev[k].text);
            T_OK(words_in(ev[k].text) >= 3 && words_in(ev[k].text) <= 35);
            /* no dateline: the raw line that only carries the date gives nothing */
            cdate sc;
            size_t a, b;
            const char *para = doc.paras[ev[k].para];
            if (cdate_scan(para, strlen(para), &sc, &a, &b) && words_in(para) <= 12 &&
                !strchr(".!?", para[strlen(para) - 1]))
                T_FAIL_("dateline event: %s", ev[k].text);
            if (ev[k].date.prec == CDATE_YEAR && !year_not_in_name(ev[k].text, ev[k].date.y))
                T_FAIL_("year in a name: %s", ev[k].text);
            /* the same date from the same paragraph and text only once */
            for (size_t j = 0; j < k; j++)
                if (ev[j].para == ev[k].para && !strcmp(ev[j].text, ev[k].text) &&
                    ev[j].date.prec == ev[k].date.prec && ev[j].date.y == ev[k].date.y &&
                    ev[j].date.m == ev[k].date.m && ev[j].date.d == ev[k].date.d)
                    T_FAIL_("duplicate event: %s", ev[k].text);
        }
        if (verbose) dump_events(ARTICLES[i].path, ev, n);
        corpus_events_free(ev, n);
        corpus_doc_free(&doc);
        free(text);
    }
}

/* corpus_sentences may return one span per paragraph or one per sentence;
** the same two-sentence paragraph gives the same events either way, each
** trimmed to its own sentence. */
static void test_sentence_independence(void) {
    corpus_doc doc = {0};
    corpus_event *ev = NULL;
    size_t n = 0;
    corpus_doc_add_para(&doc, xstrdup("The exchange opened in 2009 with ten listed firms. "
        "The exchange moved to a new tower in April 2017 after years of delay. "
        "It listed its first bank in May 2017."), 1);     /* "It" points back: left out */
    run_doc(&doc, "2018-01-01", &ev, &n);
    T_INT(n, 2);
    if (n == 2) {
        T_STR(ev[0].text, "The exchange opened in 2009 with ten listed firms.");
        T_STR(ev[1].text, "The exchange moved to a new tower in April 2017 after years of delay.");
    }
    corpus_events_free(ev, n);
    corpus_doc_free(&doc);
}

/* Long sentences are cut at clause boundaries to about 30 words. */
static void test_trim(void) {
    corpus_doc doc = {0};
    corpus_event *ev = NULL;
    size_t n = 0;
    corpus_doc_add_para(&doc, xstrdup("Officials from more than forty countries, including several that had "
        "long opposed any binding rules on data flows, cross-border transfers or the storage of "
        "personal information, gathered in the eastern city for a week of talks; in October 2014 the "
        "first such meeting had ended in failure, and the delegates had gone home without a text."), 1);
    run_doc(&doc, "2015-12-16", &ev, &n);
    T_INT(n, 1);
    if (n == 1) {
        T_OK(words_in(ev[0].text) <= 30);
        T_STR(ev[0].text, "In October 2014 the first such meeting had ended in failure, and the "
              "delegates had gone home without a text.");
        T_STR(cdate_prec_name(ev[0].date.prec), "month");
    }
    corpus_events_free(ev, n);
    corpus_doc_free(&doc);
}

/* Same date in two sentences: two events; twice in one sentence: one. */
static void test_dedup(void) {
    corpus_doc doc = {0};
    corpus_event *ev = NULL;
    size_t n = 0;
    corpus_doc_add_para(&doc, xstrdup("In 2014 sales rose, and in 2014 costs fell too. "
        "Exports also doubled in 2014 compared with the year before."), 1);
    run_doc(&doc, NULL, &ev, &n);
    T_INT(n, 2);
    corpus_events_free(ev, n);
    corpus_doc_free(&doc);
}

/* Every prefix of tricky text: no crash, no read past the end (ASan run),
** and nothing found that needs bytes beyond the prefix. */
static void test_prefixes(void) {
    static const char *const TEXTS[] = {
        "Thursday, Dec. 17, 2015 08:46",
        "2020-09-08T16:17:01+00:00",
        "from January to October this year, on Tuesday",
        "four years ago \xe2\x80\x93 one year later \xe2\x80\x9cin 2014.\xe2\x80\x9d",
        "Sept. 8th, 2019\xc2\xa0" "and 17th of December",
        "\xe2\x80",
    };
    for (size_t i = 0; i < sizeof TEXTS / sizeof *TEXTS; i++) {
        size_t len = strlen(TEXTS[i]);
        for (size_t k = 0; k <= len; k++) {
            char *s = xstrndup(TEXTS[i], k);
            cdate c;
            size_t a = 0, b = 0;
            if (cdate_scan(s, k, &c, &a, &b)) T_OK(a < b && b <= k);
            corpus_doc doc = {0};
            corpus_event *ev = NULL;
            size_t n = 0;
            corpus_doc_add_para(&doc, s, 1);
            doc.meta.published = xstrdup("2015-12-16");
            T_INT(corpus_events(&doc, &ev, &n), 0);
            corpus_events_free(ev, n);
            corpus_doc_free(&doc);
        }
    }
}

/* Thousands of dates in one paragraph, as sentences and as one run-on
** list: no blow-up, every event valid, texts within bounds. */
static void test_many(void) {
    sbuf b = {0};
    for (int i = 0; i < 3000; i++)
        sbuf_addf(&b, "The council met on March %d, %d to vote. ", i % 28 + 1, 1900 + i % 200);
    for (int i = 0; i < 3000; i++)
        sbuf_addf(&b, "%s%d", i ? ", " : "Meetings were held in ", 1900 + i % 200);
    sbuf_adds(&b, ".");
    corpus_doc doc = {0};
    corpus_event *ev = NULL;
    size_t n = 0;
    corpus_doc_add_para(&doc, sbuf_take(&b), 1);
    run_doc(&doc, "2015-12-16", &ev, &n);
    T_OK(n >= 3000);
    for (size_t k = 0; k < n; k++) {
        char buf[16];
        cdate back;
        cdate_format(ev[k].date, buf);
        if (cdate_parse_iso(buf, &back) != 0) T_FAIL_("invalid date %s", buf);
        if (!corpus_event_standalone(ev[k].text, NULL)) T_FAIL_("not standalone: %s", ev[k].text);
    }
    corpus_events_free(ev, n);
    corpus_doc_free(&doc);
}

/* Every event the ingest makes from the bundled corpus and from the
** development pages (when present) stands alone and has a valid date. */
static int check_file_events(const char *path) {
    corpus_diag d = {path, 0, 1, NULL};
    corpus_article a;
    if (corpus_ingest_file(path, &a, &d) != 0) return 0;
    for (size_t k = 0; k < a.nevents; k++) {
        const char *why = NULL;
        char buf[16];
        cdate back;
        if (!corpus_event_standalone(a.events[k].text, &why))
            T_FAIL_("%s: event does not stand alone (%s): %s", path, why, a.events[k].text);
        else
            t_passed++;
        cdate_format(a.events[k].date, buf);
        T_INT(cdate_parse_iso(buf, &back), 0);
        if (a.events[k].end.prec != CDATE_NONE) {
            cdate_format(a.events[k].end, buf);
            T_INT(cdate_parse_iso(buf, &back), 0);
        }
    }
    int n = (int)a.nevents;
    corpus_article_free(&a);
    return n;
}

static void test_standalone_corpus(void) {
    static const char *const DEV_DIRS[] = {"../shared/webpages-dev", "/work/shared/webpages-dev"};
    const char *verbose = getenv("VITRINE_TEST_VERBOSE");
    int total = 0;
    for (size_t i = 0; i < sizeof ARTICLES / sizeof *ARTICLES; i++)
        total += check_file_events(ARTICLES[i].path);
    T_OK(total > 0);
    for (size_t k = 0; k < sizeof DEV_DIRS / sizeof *DEV_DIRS; k++) {
        DIR *dir = opendir(DEV_DIRS[k]);
        if (!dir) continue;
        struct dirent *de;
        int pages = 0, events = 0;
        while ((de = readdir(dir))) {
            if (de->d_name[0] == '.') continue;
            char path[1024];
            snprintf(path, sizeof path, "%s/%s/page.txt", DEV_DIRS[k], de->d_name);
            if (access(path, R_OK) != 0) continue;
            pages++;
            events += check_file_events(path);
        }
        closedir(dir);
        if (verbose) fprintf(stderr, "  dev pages: %d pages, %d events\n", pages, events);
        break;              /* one copy of the pages is enough */
    }
}

int main(void) {
    T_RUN(test_iso);
    T_RUN(test_scan);
    T_RUN(test_event_rows);
    T_RUN(test_ranges);
    T_RUN(test_standalone);
    T_RUN(test_sentence_independence);
    T_RUN(test_trim);
    T_RUN(test_dedup);
    T_RUN(test_prefixes);
    T_RUN(test_many);
    T_RUN(test_bundled);
    T_RUN(test_standalone_corpus);
    return T_DONE();
}
