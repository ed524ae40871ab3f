/*
** tests/test_eval_metrics.c: the pure parts of `make eval`
** (tests/eval/eval_metrics.c): normalisation, sentence split, matching and
** the per-page figures, one table row per rule, on small texts written here.
*/
#include "eval/eval_metrics.h"
#include "t.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void test_norm(void) {
    static const struct { const char *rule, *in, *want; } rows[] = {
        { "case and punctuation", "Héllo, World!", "hello world" },
        { "curly apostrophe = straight", "I\xe2\x80\x99m here", "i m here" },
        { "straight apostrophe", "I'm here", "i m here" },
        { "dash between words", "left\xe2\x80\x94right", "left right" },
        { "spaces collapsed, trimmed", "  a \t b\n c  ", "a b c" },
        { "ligature (compatibility)", "\xef\xac\x81ne", "fine" },
        { "case folding", "STRASSE Stra\xc3\x9f" "e", "strasse strasse" },
        { "soft hyphen dropped", "exam\xc2\xadple", "example" },
        { "accent on a capital", "\xc3\x87" "a va", "ca va" },
        { "symbols separate", "$35 & 5%", "35 5" },
        { "invalid byte separates", "a\xff" "b", "a b" },
        { "empty", "", "" },
        { "only punctuation", " -- !? ", "" },
        { "digits kept", "Room 101, 2017.", "room 101 2017" },
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        t_current = rows[i].rule;
        char *n = eval_norm(rows[i].in);
        T_STR(n, rows[i].want);
        free(n);
    }
    t_current = "words";
    T_INT(eval_words("a b c"), 3);
    T_INT(eval_words(""), 0);
    T_INT(eval_words("one"), 1);
}

static void test_found(void) {
    static const struct { const char *rule, *hay, *needle; int want; } rows[] = {
        { "whole word inside", "the cat sat", "cat", 1 },
        { "at the start", "cat sat", "cat sat", 1 },
        { "at the end", "the cat", "the cat", 1 },
        { "not part of a word", "concat sat", "cat", 0 },
        { "not a word prefix", "the cats", "the cat", 0 },
        { "second occurrence on a boundary", "concat cat", "cat", 1 },
        { "empty needle", "the cat", "", 0 },
        { "no match across the paragraph barrier", "a b | c d", "b c", 0 },
        { "identical", "a b", "a b", 1 },
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        t_current = rows[i].rule;
        T_INT(eval_found(rows[i].hay, rows[i].needle), rows[i].want);
    }
    t_current = "norm lines";
    char *l = eval_norm_lines("One, two.\n\nThree!\n");
    T_STR(l, "one two | three");
    free(l);
}

/* Sentences of text (min_words) joined by " / ". */
static char *split(const char *text, size_t min_words) {
    eval_strv sv = { 0 };
    static char out[512];
    out[0] = '\0';
    if (eval_sentences(text, min_words, &sv) == 0)
        for (size_t i = 0; i < sv.n; i++) {
            if (i) strcat(out, " / ");
            strcat(out, sv.v[i]);
        }
    eval_strv_free(&sv);
    return out;
}

static void test_sentences(void) {
    static const struct { const char *rule, *in; size_t min; const char *want; } rows[] = {
        { "two sentences", "It rained. We left.", 1, "it rained / we left" },
        { "short ones dropped", "It rained. We left the house at noon.", 5,
          "we left the house at noon" },
        { "question and exclamation", "Is it over? Yes! It is.", 1, "is it over / yes / it is" },
        { "closing quote stays with its sentence", "He said \"go now.\" They went.", 1,
          "he said go now / they went" },
        { "curly closing quote", "\xe2\x80\x9cGo.\xe2\x80\x9d Then.", 1, "go / then" },
        { "ellipsis", "Wait\xe2\x80\xa6 then go.", 1, "wait / then go" },
        { "decimal point does not split", "It grew 3.5 percent.", 1, "it grew 3 5 percent" },
        { "lines split", "A headline\nFirst line here", 1, "a headline / first line here" },
        { "CRLF lines", "One\r\nTwo", 1, "one / two" },
        { "several marks", "Really?! Yes.", 1, "really / yes" },
        { "no final mark", "a b c d e", 5, "a b c d e" },
        { "empty", "", 1, "" },
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        t_current = rows[i].rule;
        T_STR(split(rows[i].in, rows[i].min), rows[i].want);
    }
}

static void test_expected(void) {
    t_current = "expected: required, optional, raw";
    eval_expected e;
    T_INT(eval_expected_parse("First para here.\n\n? Optional caption.\n\nSecond para\n"
                              "continued.\n\n\n", &e), 0);
    T_STR(e.required_norm, "first para here | second para continued");
    T_STR(e.optional_norm, "optional caption");
    T_STR(e.required_raw, "First para here.\nSecond para\ncontinued.");
    eval_expected_free(&e);
    eval_expected_free(NULL);

    t_current = "expected: question mark without a space is text";
    T_INT(eval_expected_parse("?Why not.\n", &e), 0);
    T_STR(e.required_norm, "why not");
    T_STR(e.optional_norm, "");
    eval_expected_free(&e);
}

static int near(double a, double b) { return fabs(a - b) < 1e-9; }

static void test_content(void) {
    static const char expected[] =
        "Alpha beta gamma delta epsilon. Zeta eta theta iota kappa.\n\n"
        "? Caption words are here now.\n\n"
        "Lambda mu nu xi omicron pi.\n";
    static const struct {
        const char *rule, *body;
        size_t recalled, extracted, precise, optional;
        double p, r;
    } rows[] = {
        { "perfect", "Alpha beta gamma delta epsilon. Zeta eta theta iota kappa.\n\n"
          "Lambda mu nu xi omicron pi.", 3, 3, 3, 0, 1, 1 },
        { "other paragraphing, same sentences", "Alpha beta gamma delta epsilon.\n\n"
          "Zeta eta theta iota kappa. Lambda mu nu xi omicron pi.", 3, 3, 3, 0, 1, 1 },
        { "optional kept: neither", "Alpha beta gamma delta epsilon. Zeta eta theta iota kappa.\n\n"
          "Caption words are here now.\n\nLambda mu nu xi omicron pi.", 3, 3, 3, 1, 1, 1 },
        { "boilerplate kept: precision", "Buy our great product today please.\n\n"
          "Alpha beta gamma delta epsilon. Zeta eta theta iota kappa.\n\n"
          "Lambda mu nu xi omicron pi.", 3, 4, 3, 0, 0.75, 1 },
        { "paragraph lost: recall", "Alpha beta gamma delta epsilon. Zeta eta theta iota kappa.",
          2, 2, 2, 0, 1, 2.0 / 3 },
        { "short lines do not count", "Share this\n\nAlpha beta gamma delta epsilon. Zeta eta theta "
          "iota kappa.\n\nLambda mu nu xi omicron pi.", 3, 3, 3, 0, 1, 1 },
        { "boilerplate glued to a sentence costs precision", "Read more stories like this Alpha "
          "beta gamma delta epsilon. Zeta eta theta iota kappa.\n\nLambda mu nu xi omicron pi.",
          3, 3, 2, 0, 2.0 / 3, 1 },
        { "two paragraphs glued into one sentence", "Zeta eta theta iota kappa lambda mu nu xi "
          "omicron pi.", 2, 1, 0, 0, 0, 2.0 / 3 },
        { "empty body", "", 0, 0, 0, 0, 0, 0 },
        { "accents and quotes differ", "\xe2\x80\x9c" "Alph\xc3\xa1 beta gamma delta epsilon!\xe2\x80\x9d "
          "Zeta eta theta iota kappa.\n\nLambda mu nu xi omicron pi.", 3, 3, 3, 0, 1, 1 },
    };
    eval_expected e;
    T_INT(eval_expected_parse(expected, &e), 0);
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        t_current = rows[i].rule;
        eval_content c;
        eval_strv missed = { 0 }, extra = { 0 };
        T_INT(eval_content_score(rows[i].body, &e, &c, &missed, &extra), 0);
        T_INT(c.expected, 3);
        T_INT(c.recalled, rows[i].recalled);
        T_INT(c.extracted, rows[i].extracted);
        T_INT(c.precise, rows[i].precise);
        T_INT(c.optional, rows[i].optional);
        T_INT(missed.n, c.expected - c.recalled);
        T_INT(extra.n, c.extracted - c.precise);
        T_OK(near(c.p, rows[i].p));
        T_OK(near(c.r, rows[i].r));
        T_OK(near(c.f1, eval_f1(rows[i].p, rows[i].r)));
        eval_strv_free(&missed);
        eval_strv_free(&extra);
    }
    t_current = "only optional sentences: nothing wrong extracted";
    eval_content c;
    T_INT(eval_content_score("Caption words are here now.", &e, &c, NULL, NULL), 0);
    T_OK(near(c.p, 1) && near(c.r, 0) && near(c.f1, 0));
    eval_expected_free(&e);

    t_current = "f1";
    T_OK(near(eval_f1(1, 1), 1));
    T_OK(near(eval_f1(0.5, 1), 2.0 / 3));
    T_OK(near(eval_f1(0, 0), 0));
}

static void test_meta_title_author(void) {
    t_current = "meta";
    eval_meta m;
    T_INT(eval_meta_parse("; what a reader takes\ntitle = A Headline: Here\n"
                          "title=Another One \nauthor = \ncategory = news\n", &m), 0);
    T_INT(m.ntitles, 2);
    T_STR(m.titles[0], "A Headline: Here");
    T_STR(m.titles[1], "Another One");
    T_STR(m.author, "");
    static const struct { const char *rule, *stored; int want; } titles[] = {
        { "exact", "A Headline: Here", 1 },
        { "punctuation and case", "a headline - here!", 1 },
        { "second title", "ANOTHER ONE", 1 },
        { "a prefix is not exact", "A Headline", 0 },
        { "with the site", "A Headline: Here | Site", 0 },
        { "empty", "", 0 },
        { "none", NULL, 0 },
    };
    for (size_t i = 0; i < sizeof titles / sizeof *titles; i++) {
        t_current = titles[i].rule;
        T_INT(eval_title_ok(titles[i].stored, &m), titles[i].want);
    }
    eval_meta_free(&m);
    eval_meta_free(NULL);

    t_current = "meta without author";
    T_INT(eval_meta_parse("title = X\n", &m), 0);
    T_STR(m.author, "");
    eval_meta_free(&m);

    static const struct { const char *rule, *stored, *expected; int want; } authors[] = {
        { "same name", "Jane Doe", "Jane Doe", 1 },
        { "one name of the byline", "Doe", "Jane Doe", 1 },
        { "with more on the line", "By JANE DOE Jan. 13, 2017", "Jane Doe", 1 },
        { "one of two authors", "Stella Moe", "Stella Moe, Jen Jett", 1 },
        { "accents", "Jos\xc3\xa9 Ruiz", "Jose Ruiz", 1 },
        { "short words do not identify", "Al Li", "Al Li", 0 },
        { "a whole word, not a part", "Janet", "Jane", 0 },
        { "another person", "John Smith", "Jane Doe", 0 },
        { "nothing stored", NULL, "Jane Doe", 0 },
        { "page names no author", "Jane Doe", "", -1 },
        { "page names no author, none stored", NULL, " ", -1 },
    };
    for (size_t i = 0; i < sizeof authors / sizeof *authors; i++) {
        t_current = authors[i].rule;
        T_INT(eval_author_ok(authors[i].stored, authors[i].expected), authors[i].want);
    }
}

static void test_leaks(void) {
    char *body = eval_norm_lines("Alpha beta gamma delta epsilon zeta.\n"
                                 "Sign up for our daily newsletter today, friends!\n"
                                 "Share on your feed now");
    static const struct { const char *rule, *line; int want; } rows[] = {
        { "six words in the body", "Sign up for our daily newsletter today", 1 },
        { "punctuation and case differ", "SIGN UP for our daily newsletter -- today, friends.", 1 },
        { "five words do not count", "Share on your feed now", 0 },
        { "not in the body", "Click here to read the whole story", 0 },
        { "not across lines", "epsilon zeta sign up for our", 0 },
        { "empty line", "", 0 },
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        t_current = rows[i].rule;
        T_INT(eval_leak(body, rows[i].line), rows[i].want);
    }
    free(body);

    eval_expected e;
    T_INT(eval_expected_parse("The council met on a Monday night.\n", &e), 0);
    eval_strv sents = { 0 };
    T_INT(eval_sentences("This story is unlisted for members only now.\n"
                         "The council met on a Monday night.", EVAL_SENTENCE_WORDS, &sents), 0);
    char *sum = eval_norm("This story is unlisted for members only now.\n"
                          "The council met on a Monday night.");
    static const struct { const char *rule, *line; int want; } srows[] = {
        { "the line in the summary", "This story is unlisted for members only now.", 1 },
        { "a summary sentence inside a longer line",
          "This story is unlisted for members only now. Are you sure? Yes, show me", 1 },
        { "an article sentence inside a line (teaser) is no leak",
          "Read: The council met on a Monday night. More stories", 0 },
        { "short line", "Yes, show me more", 0 },
        { "unrelated line", "Subscribe to our weekly digest for free", 0 },
    };
    for (size_t i = 0; i < sizeof srows / sizeof *srows; i++) {
        t_current = srows[i].rule;
        T_INT(eval_summary_leak(srows[i].line, sum, &sents, &e), srows[i].want);
    }
    free(sum);
    eval_strv_free(&sents);
    eval_expected_free(&e);
}

int main(void) {
    T_RUN(test_norm);
    T_RUN(test_found);
    T_RUN(test_sentences);
    T_RUN(test_expected);
    T_RUN(test_content);
    T_RUN(test_meta_title_author);
    T_RUN(test_leaks);
    return T_DONE();
}
