/*
** tests/test_quotes.c: key quotes and their speakers (corpus_quotes).
**
** Table rows: paragraphs in, the exact quotes and speakers out (one row per
** pattern or rule). Then the bundled articles, read with corpus_read_file and
** split into paragraphs on lines: general properties only.
** Run with file arguments to print the quotes found in them.
*/
#include "corpus/corpus.h"
#include "common/util.h"
#include "t.h"

#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAXP 6
#define MAXQ 4

typedef struct qrow {
    const char *name;
    const char *paras[MAXP];        /* NULL-terminated */
    struct { const char *text, *speaker, *role, *context; } want[MAXQ];
                                    /* text NULL ends; context NULL: a whole quote */
} qrow;

#define NOSPK NULL

static const qrow rows[] = {
    /* ---- attribution patterns ---- */
    { "quote-comma-name-said",
      { "Officials met on Monday.",
        "\"We will not accept any of these terms today,\" Maria Lopez said." },
      { { "We will not accept any of these terms today.", "Maria Lopez",
          NULL, NULL } } },
    { "surname-resolves-to-full-name",
      { "Trade Minister Anna Berg arrived late.",
        "\"The talks were long but they were useful in the end,\" Berg said." },
      { { "The talks were long but they were useful in the end.", "Anna Berg",
          "Trade Minister", NULL } } },
    { "family-name-first-resolves",
      { "President Xi Jinping opened the meeting in the capital.",
        "\"Cyberspace is the common space of all people on earth,\" Xi said." },
      { { "Cyberspace is the common space of all people on earth.", "Xi Jinping",
          "President", NULL } } },
    { "name-said-colon",
      { "Paul Okafor said: \"There is no plan B for this city right now.\"" },
      { { "There is no plan B for this city right now.", "Paul Okafor",
          NULL, NULL } } },
    { "said-name-inverted",
      { "\"Nobody expected the river to rise that fast,\" said Tom Baker, a local farmer." },
      { { "Nobody expected the river to rise that fast.", "Tom Baker",
          "Local farmer", NULL } } },
    { "said-title-name-inverted",
      { "\"The economy will recover by the end of next year,\" said Finance Minister Olga Ivanova." },
      { { "The economy will recover by the end of next year.", "Olga Ivanova",
          "Finance Minister", NULL } } },
    { "according-to-name",
      { "\"The report contains several serious factual errors,\" according to Dr. Helen Marsh." },
      { { "The report contains several serious factual errors.", "Helen Marsh",
          NULL, NULL } } },
    { "according-to-before",
      { "According to Sam Ortiz, \"the vote was rigged from the very start.\"" },
      { { "the vote was rigged from the very start.", "Sam Ortiz",
          NULL, "According to Sam Ortiz, \xE2\x80\x9Cthe vote was rigged from the very start.\xE2\x80\x9D" } } },
    { "name-told",
      { "\"There are two kinds of risk in this business,\" Tang Wei, an analyst at the Pacific Institute of Trade, told the Herald on Wednesday." },
      { { "There are two kinds of risk in this business.", "Tang Wei",
          "Analyst at the Pacific Institute of Trade", NULL } } },
    { "name-wrote",
      { "Economist Karl Brenner has long opposed the tax.",
        "\"A flat tax would hurt the poorest families the most,\" Brenner wrote in a column." },
      { { "A flat tax would hurt the poorest families the most.", "Karl Brenner",
          "Economist", NULL } } },
    { "name-wrote-before-colon",
      { "Lena Fischer wrote in her blog: \"I have never seen a crowd this angry before.\"" },
      { { "I have never seen a crowd this angry before.", "Lena Fischer",
          NULL, NULL } } },
    { "he-said-last-person",
      { "Mayor John Reed visited the flooded district.",
        "\"We will rebuild every single house that was lost,\" he said." },
      { { "We will rebuild every single house that was lost.", "John Reed",
          "Mayor", NULL } } },
    { "said-the-minister",
      { "Defense Minister Rui Costa toured the base on Friday.",
        "\"Our soldiers are ready for any kind of mission,\" said the minister." },
      { { "Our soldiers are ready for any kind of mission.", "Rui Costa",
          "Defense Minister", NULL } } },
    { "multi-sentence-quote",
      { "\"Cyberspace belongs to everyone. The future should be shared by all nations. We must act together,\" Ana Silva said." },
      { { "Cyberspace belongs to everyone. The future should be shared by all nations. We must act together.", "Ana Silva",
          NULL, NULL } } },
    { "unclosed-at-paragraph-end",
      { "Judge Mark Hill read the verdict aloud.",
        "Hill told the court: \"This court finds the defendant guilty on all counts" },
      { { "This court finds the defendant guilty on all counts.", "Mark Hill",
          "Judge", NULL } } },
    { "unclosed-after-attribution",
      { "\"Clinging to old habits will not help anyone in this region,\" Omar Haddad said at the forum. \"These acts must be opposed and rejected." },
      { { "Clinging to old habits will not help anyone in this region.", "Omar Haddad",
          NULL, NULL },
        { "These acts must be opposed and rejected.", "Omar Haddad",
          NULL, NULL } } },
    { "nested-single-quotes",
      { "\"No country should seek so-called 'absolute security' for itself at the expense of others,\" Xu Ming said." },
      { { "No country should seek so-called 'absolute security' for itself at the expense of others.", "Xu Ming",
          NULL, NULL } } },
    { "typographic-quotes",
      { "\xE2\x80\x9CWe have learned a great deal from this hard winter,\xE2\x80\x9D Ingrid Olsen said." },
      { { "We have learned a great deal from this hard winter.", "Ingrid Olsen",
          NULL, NULL } } },
    { "typographic-nested-single",
      { "\xE2\x80\x9CThey call it \xE2\x80\x98progress\xE2\x80\x99 but nobody here feels any better,\xE2\x80\x9D Ada Park said." },
      { { "They call it \xE2\x80\x98progress\xE2\x80\x99 but nobody here feels any better.", "Ada Park",
          NULL, NULL } } },
    { "top-level-single-quotes",
      { "\xE2\x80\x98The club has never been in a better financial state,\xE2\x80\x99 Owen Price said." },
      { { "The club has never been in a better financial state.", "Owen Price",
          NULL, NULL } } },
    { "continuation-paragraph",
      { "\"The first phase went well and on budget,\" Rosa Diaz said.",
        "\"The second phase will be harder, because the winter is coming.\"" },
      { { "The first phase went well and on budget.", "Rosa Diaz",
          NULL, NULL },
        { "The second phase will be harder, because the winter is coming.", "Rosa Diaz",
          NULL, NULL } } },
    { "multi-paragraph-open-quote",
      { "Nina Petrova said: \"We tried everything we could think of that year.",
        "\"In the end the money simply ran out.\"" },
      { { "We tried everything we could think of that year.", "Nina Petrova",
          NULL, NULL },
        { "In the end the money simply ran out.", "Nina Petrova",
          NULL, NULL } } },
    { "editorial-insertion-kept",
      { "\"We cannot just protect ourselves. [Every nation should] share the same rules,\" Li Na said." },
      { { "We cannot just protect ourselves. [Every nation should] share the same rules.", "Li Na",
          NULL, NULL } } },
    { "partial-quote-saying",
      { "President Xi Jinping spoke at the national conference, saying China is \"keenly grasping the historic opportunity for development.\" He then left." },
      { { "keenly grasping the historic opportunity for development.", "Xi Jinping",
          "President", "President Xi Jinping spoke at the national conference, saying China is \xE2\x80\x9Ckeenly grasping the historic opportunity for development.\xE2\x80\x9D" } } },
    { "partial-quote-noted-that",
      { "Foreign Minister Wang Yi gave a speech.",
        "Wang noted that standards must \"reflect the will and respect the interests of all countries." },
      { { "reflect the will and respect the interests of all countries.", "Wang Yi",
          "Foreign Minister", "Wang noted that standards must \xE2\x80\x9Creflect the will and respect the interests of all countries.\xE2\x80\x9D" } } },
    { "partial-quote-subject-with-title",
      { "U.S. Secretary of State Mike Pompeo introduced the \"Clean Net\" program, saying it protects citizens from \"malicious actors like the ruling party abroad.\"" },
      { { "malicious actors like the ruling party abroad.", "Mike Pompeo",
          "U.S. Secretary of State", "U.S. Secretary of State Mike Pompeo introduced the \xE2\x80\x9C" "Clean Net\xE2\x80\x9D program, saying it protects citizens from \xE2\x80\x9Cmalicious actors like the ruling party abroad.\xE2\x80\x9D" } } },
    { "previous-sentence-verb",
      { "Carla Mendes said the deal was fair. \"Both sides gave up something they really wanted.\"" },
      { { "Both sides gave up something they really wanted.", "Carla Mendes",
          NULL, NULL } } },
    { "question-asked",
      { "\"Why should we pay for a war we did not start?\" asked Pedro Alves." },
      { { "Why should we pay for a war we did not start?", "Pedro Alves",
          NULL, NULL } } },
    { "particles-in-name",
      { "\"Europe must stand together in this difficult moment,\" Ursula von der Leyen said." },
      { { "Europe must stand together in this difficult moment.", "Ursula von der Leyen",
          NULL, NULL } } },
    { "initial-in-name",
      { "\"The data tell a very different story than expected,\" George N. Smith wrote." },
      { { "The data tell a very different story than expected.", "George N. Smith",
          NULL, NULL } } },
    { "organisation-subject-kept",
      { "\"All suspects were detained within forty eight hours,\" the Ministry of Public Security said." },
      { { "All suspects were detained within forty eight hours.", "Ministry of Public Security",
          NULL, NULL } } },
    { "unresolved-subject-null",
      { "\"The measures will take effect from the first of May,\" the statement said." },
      { { "The measures will take effect from the first of May.", NOSPK,
          NULL, NULL } } },
    { "duplicate-once",
      { "\"We will win this election by a wide margin,\" Jane Roe said.",
        "Later she repeated it: \"We will win this election by a wide margin,\" Roe said." },
      { { "We will win this election by a wide margin.", "Jane Roe",
          NULL, NULL } } },
    { "two-speakers-in-order",
      { "\"Prices will fall sharply before the end of the year,\" Ben Cole said.",
        "\"Prices will keep rising for at least two more years,\" Ada Fox said." },
      { { "Prices will fall sharply before the end of the year.", "Ben Cole",
          NULL, NULL },
        { "Prices will keep rising for at least two more years.", "Ada Fox",
          NULL, NULL } } },
    { "straight-nested-in-typographic",
      { "\xE2\x80\x9CHe told me \"go home now\" and then he simply walked away,\xE2\x80\x9D Eva Novak said." },
      { { "He told me \"go home now\" and then he simply walked away.", "Eva Novak",
          NULL, NULL } } },
    { "org-role-name-chain",
      { "\"The accusations are groundless and we firmly oppose them,\" the Foreign Ministry spokesperson Hua Lin said." },
      { { "The accusations are groundless and we firmly oppose them.", "Hua Lin",
          "Foreign Ministry spokesperson", NULL } } },
    { "role-then-appositive-name",
      { "Minister Carl Dahl was not present.",
        "\"The ministry has no comment on the leaked documents,\" a spokesman for the ministry, Jon Berg, said." },
      { { "The ministry has no comment on the leaked documents.", "Jon Berg",
          "Spokesman for the ministry", NULL } } },
    { "said-role-appositive-name",
      { "\"We are reviewing every single case very carefully,\" said a spokeswoman, Mia Holm." },
      { { "We are reviewing every single case very carefully.", "Mia Holm",
          "Spokeswoman", NULL } } },
    { "age-appositive",
      { "Peter Lund, 45, said \"the factory was the only employer in this town.\"" },
      { { "the factory was the only employer in this town.", "Peter Lund",
          NULL, "Peter Lund, 45, said \xE2\x80\x9Cthe factory was the only employer in this town.\xE2\x80\x9D" } } },
    { "quote-paragraph-after-said-paragraph",
      { "Chancellor Ida Brandt said the budget was balanced.",
        "\"Nobody will pay more tax next year than they pay today.\"" },
      { { "Nobody will pay more tax next year than they pay today.", "Ida Brandt",
          "Chancellor", NULL } } },
    { "she-added-second-quote",
      { "\"The vaccine is safe for children over the age of five,\" Dr. Sara Kim said. \"Parents should not wait any longer for it,\" she added." },
      { { "The vaccine is safe for children over the age of five.", "Sara Kim",
          NULL, NULL },
        { "Parents should not wait any longer for it.", "Sara Kim",
          NULL, NULL } } },
    { "pronoun-plain-two-word-name",
      { "John Reed visited the flooded district on Sunday.",
        "\"We will rebuild every house that the water took,\" he said." },
      { { "We will rebuild every house that the water took.", "John Reed",
          NULL, NULL } } },
    { "pronoun-skips-place-after-preposition",
      { "Mayor Ann Cole spoke to business leaders in Hong Kong.",
        "\"Trade between our cities has doubled in five years,\" she said." },
      { { "Trade between our cities has doubled in five years.", "Ann Cole",
          "Mayor", NULL } } },
    { "lowercase-modifier-before-title",
      { "\"Democracy is never finished and never safe for long,\" former President Dan Moore said." },
      { { "Democracy is never finished and never safe for long.", "Dan Moore",
          "Former President", NULL } } },
    { "dash-credit",
      { "\"The sea remembers everything we throw into it\" \xE2\x80\x94 Iris Vale, poet" },
      { { "The sea remembers everything we throw into it.", "Iris Vale",
          "Poet", NULL } } },
    { "unclosed-then-attributed-next-paragraph",
      { "\"We lost the harvest, the barn and most of the animals.",
        "\"But we are still here,\" farmer Joe Platt said." },
      { { "We lost the harvest, the barn and most of the animals.", "Joe Platt",
          "Farmer", NULL } } },
    { "year-old-role",
      { "Police named the victim as Rob Hale.",
        "\"I heard a loud bang and then the lights went out,\" the 56-year-old said." },
      { { "I heard a loud bang and then the lights went out.", "Rob Hale",
          NULL, NULL } } },
    { "in-his-words",
      { "Coach Leo Grant was blunt. In his words, \"we played like a team that had given up.\"" },
      { { "we played like a team that had given up.", "Leo Grant",
          "Coach", "In his words, \xE2\x80\x9Cwe played like a team that had given up.\xE2\x80\x9D" } } },
    { "in-the-words-of",
      { "In the words of Mara Quinn, \"every border is a story somebody decided to tell.\"" },
      { { "every border is a story somebody decided to tell.", "Mara Quinn",
          NULL, "In the words of Mara Quinn, \xE2\x80\x9C" "every border is a story somebody decided to tell.\xE2\x80\x9D" } } },
    /* ---- roles (title before, apposition after, possessive, spokesperson) ---- */
    { "role-possessive-title",
      { "\"Our ports will stay open to every ship that follows the rules,\" Norway's trade minister Eva Lund said." },
      { { "Our ports will stay open to every ship that follows the rules.", "Eva Lund",
          "Norway's trade minister", NULL } } },
    { "role-appositive-director",
      { "Kai Moss, director of the Northern Water Office, said: \"The reservoirs are full for the first time in ten years.\"" },
      { { "The reservoirs are full for the first time in ten years.", "Kai Moss",
          "Director of the Northern Water Office", NULL } } },
    { "role-spokesperson-for",
      { "\"We are reviewing the contract line by line,\" said a spokesperson for the port authority, Lea Hahn." },
      { { "We are reviewing the contract line by line.", "Lea Hahn",
          "Spokesperson for the port authority", NULL } } },
    { "role-cut-at-eight-words",
      { "Ivo Petrov, a senior research fellow in climate policy at the Eastern Institute of Marine and Coastal Studies, said \"Seas are rising faster than any of our models predicted.\"" },
      { { "Seas are rising faster than any of our models predicted.", "Ivo Petrov",
          "Senior research fellow in climate policy", NULL } } },
    { "role-by-ending-and-hyphen-fuller-wins",
      { "The geophysicist Noor Aziz, co-director of the Delta Climate Center, was blunt.",
        "\"Nobody in the field saw this coming so soon,\" Aziz said." },
      { { "Nobody in the field saw this coming so soon.", "Noor Aziz",
          "Co-director of the Delta Climate Center", NULL } } },
    { "role-by-ending-alone",
      { "\"The ice sheets are losing mass faster every decade,\" said the glaciologist Ben Ode." },
      { { "The ice sheets are losing mass faster every decade.", "Ben Ode",
          "Glaciologist", NULL } } },
    { "role-from-later-mention",
      { "\"We need more beds before the winter arrives,\" Sara Lind said.",
        "Lind, the head nurse at the city hospital, has worked there for twenty years." },
      { { "We need more beds before the winter arrives.", "Sara Lind",
          "Head nurse at the city hospital", NULL } } },
    { "role-not-an-age",
      { "\"The school bus has not come once this whole month,\" Nora Quist, 38, said." },
      { { "The school bus has not come once this whole month.", "Nora Quist",
          NULL, NULL } } },
    { "role-honorific-is-no-role",
      { "\"The water is safe to drink again in every district,\" Mrs. Edda Holm said." },
      { { "The water is safe to drink again in every district.", "Edda Holm",
          NULL, NULL } } },
    /* ---- whole and partial, closing punctuation ---- */
    { "partial-called-it",
      { "Mayor Ana Reyes called the plan \"a gift to the developers and nobody else\" on Monday." },
      { { "a gift to the developers and nobody else", "Ana Reyes",
          "Mayor", "Mayor Ana Reyes called the plan \xE2\x80\x9C" "a gift to the developers and nobody else\xE2\x80\x9D on Monday." } } },
    { "partial-capitalised-mid-sentence",
      { "Leo Park said the tunnel was designed by \"Engineers who never once visited the site\" in the end." },
      { { "Engineers who never once visited the site", "Leo Park",
          NULL, "Leo Park said the tunnel was designed by \xE2\x80\x9C" "Engineers who never once visited the site\xE2\x80\x9D in the end." } } },
    { "whole-after-told-object",
      { "The coroner, Amy Stone, told the inquest \"Nobody could have saved him that night.\"" },
      { { "Nobody could have saved him that night.", "Amy Stone",
          "Coroner", NULL } } },
    { "role-not-someone-elses",
      { "\"We worked nights for a whole year on that machine,\" Ellen Fox, his secretary, said." },
      { { "We worked nights for a whole year on that machine.", "Ellen Fox",
          NULL, NULL } } },
    { "role-relative-clause-cut",
      { "\"Prices doubled in a single winter and nobody explained why,\" said Rosa Vidal, a baker who runs two shops in the old town." },
      { { "Prices doubled in a single winter and nobody explained why.", "Rosa Vidal",
          "Baker", NULL } } },
    { "whole-keeps-exclamation",
      { "\"We did it, after all these years we finally did it!\" shouted Maya Roth." },
      { { "We did it, after all these years we finally did it!", "Maya Roth",
          NULL, NULL } } },
    { "whole-typographic-comma-becomes-stop",
      { "\xE2\x80\x9CThe harbour will be rebuilt within two years,\xE2\x80\x9D Jan Ek said." },
      { { "The harbour will be rebuilt within two years.", "Jan Ek",
          NULL, NULL } } },
    /* a sentence split by the attribution: both halves are shown within it
    ** (the first alone would be a false sentence: "If I see it," he said, "...") */
    { "split-sentence-both-halves-partial",
      { "\"Nobody in this town ever wanted this war,\" Tove Falk said, \"and nobody knows how to end it now.\"" },
      { { "Nobody in this town ever wanted this war", "Tove Falk", NULL,
          "\xE2\x80\x9CNobody in this town ever wanted this war,\xE2\x80\x9D Tove Falk said, \xE2\x80\x9C" "and nobody knows how to end it now.\xE2\x80\x9D" },
        { "and nobody knows how to end it now.", "Tove Falk",
          NULL, "\xE2\x80\x9CNobody in this town ever wanted this war,\xE2\x80\x9D Tove Falk said, \xE2\x80\x9C" "and nobody knows how to end it now.\xE2\x80\x9D" } } },
    /* a fragment whose speaker is no name: left out (a question the
    ** writer poses, a term a pronoun uses), while a whole one is kept */
    { "partial-question-nobody-named",
      { "At every meeting the editors kept asking, \"what should we be doing in the newsroom?\" and nobody had an answer." },
      { { NULL, NULL, NULL, NULL } } },
    { "partial-pronoun-unresolved",
      { "They called the new rules \"a tax on every small shop in the valley\" at the meeting." },
      { { NULL, NULL, NULL, NULL } } },
    /* ---- not key quotes ---- */
    { "headline-in-quotation-marks",
      { "\"Cyberspace must be shared by every nation on this earth\"",
        "The summit opened on Monday in the capital." },
      { { NULL, NULL, NULL, NULL } } },
    { "boilerplate-read-more",
      { "Read more: \"How the city plans to fix every single road by next year\"" },
      { { NULL, NULL, NULL, NULL } } },
    { "too-short",
      { "\"It was fine,\" Maria Lopez said." }, { { NULL, NULL, NULL, NULL } } },
    { "scare-quotes",
      { "The U.S. pushes a \"clean\" network and worries about \"big data\" in the cities." },
      { { NULL, NULL, NULL, NULL } } },
    { "program-name",
      { "China is implementing the \"Broadband China Access For Every Village Now\" initiative, officials said." },
      { { NULL, NULL, NULL, NULL } } },
    { "program-name-lowercase",
      { "Officials said the \"clean up the whole internet this very year\" campaign ended." },
      { { NULL, NULL, NULL, NULL } } },
    { "code-named",
      { "In July the police launched a campaign code-named \"cleaning the internet of all the bad things,\" Liu Xin said." },
      { { NULL, NULL, NULL, NULL } } },
    { "article-titled",
      { "The magazine published an article titled, \"Chicago uses big data to save itself from urban ills.\"" },
      { { NULL, NULL, NULL, NULL } } },
    { "all-title-case",
      { "The band played \"Dancing In The Dark Of The Night Again\" twice, Kim Lee said." },
      { { NULL, NULL, NULL, NULL } } },
    { "no-reporting-verb",
      { "The city is full of \"people who have never seen the sea before,\" and the tourists keep coming." },
      { { NULL, NULL, NULL, NULL } } },
    { "apostrophes-are-not-quotes",
      { "The students' books and the teachers' desks were gone, and nobody's car was left behind, Ann Wu said." },
      { { NULL, NULL, NULL, NULL } } },
};

static int count_words(const char *s) {
    int n = 0, in = 0;
    for (; *s; s++) {
        int w = isalnum((unsigned char)*s) || (unsigned char)*s >= 0x80;
        if (isspace((unsigned char)*s)) in = 0;
        else if (w && !in) { n++; in = 1; }
    }
    return n;
}

static char *join_quotes(corpus_quote *q, size_t n) {
    sbuf b = {0};
    for (size_t i = 0; i < n; i++)
        sbuf_addf(&b, "[%s | %s | %s | %s]", q[i].text, q[i].speaker ? q[i].speaker : "NULL",
                  q[i].role ? q[i].role : "NULL", q[i].context ? q[i].context : "whole");
    return sbuf_take(&b);
}

static void doc_from(corpus_doc *d, const char *const *paras) {
    memset(d, 0, sizeof *d);
    for (size_t i = 0; i < MAXP && paras[i]; i++) corpus_doc_add_para(d, xstrdup(paras[i]), (int)i + 1);
}

static void test_table(void) {
    for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
        const qrow *row = &rows[r];
        t_current = row->name;
        corpus_doc d;
        doc_from(&d, row->paras);
        corpus_quote *q; size_t n;
        T_INT(corpus_quotes(&d, &q, &n), 0);
        size_t want = 0;
        while (want < MAXQ && row->want[want].text) want++;
        if (n != want) {
            char *got = join_quotes(q, n);
            T_FAIL_("got %zu quotes %s, want %zu", n, got, want);
            free(got);
        } else {
            for (size_t i = 0; i < n; i++) {
                if (getenv("QDUMP"))
                    printf("DUMP\t%zu\t%zu\t%s\t%s\t%s\t%s\n", r, i, q[i].text,
                           q[i].speaker ? q[i].speaker : "\x01", q[i].role ? q[i].role : "\x01",
                           q[i].context ? q[i].context : "\x01");
                T_STR(q[i].text, row->want[i].text);
                T_STR(q[i].speaker, row->want[i].speaker);
                T_STR(q[i].role, row->want[i].role);
                T_STR(q[i].context, row->want[i].context);
                T_INT(q[i].kind, row->want[i].context ? CQUOTE_PARTIAL : CQUOTE_WHOLE);
            }
        }
        corpus_quotes_free(q, n);
        corpus_doc_free(&d);
    }
    t_current = "test_table";
}

static void test_para_index(void) {
    const char *p[] = { "Nothing here.", "Still nothing.",
                        "\"This one sits in the third paragraph of all,\" Bo Lind said.", NULL };
    corpus_doc d;
    doc_from(&d, p);
    corpus_quote *q; size_t n;
    corpus_quotes(&d, &q, &n);
    T_INT(n, 1);
    if (n) T_INT(q[0].para, 2);
    corpus_quotes_free(q, n);
    corpus_doc_free(&d);

    corpus_doc e = {0};          /* empty document */
    T_INT(corpus_quotes(&e, &q, &n), 0);
    T_INT(n, 0);
    T_OK(q == NULL);
}

/* ---- one speaker across the corpus (corpus_quotes_unify) ---------------- */

typedef struct urow { const char *speaker, *role; int org; const char *want_speaker, *want_role; } urow;

static void test_unify(void) {
    static const urow urows[] = {
        /* a surname-only speaker takes the one full name of that surname, and its role */
        { "Wen Hao", "Trade envoy", 0, "Wen Hao", "Trade envoy" },
        { "Wen", NULL, 0, "Wen Hao", "Trade envoy" },
        /* two people share a surname: "Berg" stays as it is, roles stay apart */
        { "Anna Berg", NULL, 0, "Anna Berg", NULL },
        { "Jon Berg", "Port director", 0, "Jon Berg", "Port director" },
        { "Berg", NULL, 0, "Berg", NULL },
        /* the same full name elsewhere fills a missing role, never replaces one */
        { "Mira Cole", NULL, 0, "Mira Cole", "Poet" },
        { "Mira Cole", "Poet", 0, "Mira Cole", "Poet" },
        { "Mira Cole", "Novelist", 0, "Mira Cole", "Novelist" },
        /* organisations are left alone; unresolved stays unresolved */
        { "Cole", NULL, 1, "Cole", NULL },
        { NULL, NULL, 0, NULL, NULL },
    };
    size_t n = sizeof urows / sizeof urows[0];
    corpus_article *arts = xcalloc(n, sizeof *arts);   /* one quote per article */
    for (size_t i = 0; i < n; i++) {
        arts[i].nquotes = 1;
        arts[i].quotes = xcalloc(1, sizeof *arts[i].quotes);
        arts[i].quotes[0].text = xstrdup("Some words said by somebody somewhere.");
        arts[i].quotes[0].speaker = urows[i].speaker ? xstrdup(urows[i].speaker) : NULL;
        arts[i].quotes[0].role = urows[i].role ? xstrdup(urows[i].role) : NULL;
        arts[i].quotes[0].org = urows[i].org;
    }
    corpus_quotes_unify(arts, n);
    for (size_t i = 0; i < n; i++) {
        T_STR(arts[i].quotes[0].speaker, urows[i].want_speaker);
        T_STR(arts[i].quotes[0].role, urows[i].want_role);
        corpus_quotes_free(arts[i].quotes, arts[i].nquotes);
    }
    free(arts);
    corpus_quotes_unify(NULL, 0);
}

/* Malformed marks and a large input: no crash, bounded time, sane output. */
static void test_robust(void) {
    static const char *const odd[] = {
        "\"", "\"\"", "'", "\xE2\x80\x9C", "\xE2\x80\x9D stray closing mark here",
        "text ending in a mark \"", "\"unclosed and said by nobody at all here",
        "\xE2\x80\x98 \xE2\x80\x99 ' \" \xE2\x80\x9C \xE2\x80\x9D", "Mr. \"", ", said",
        "\"one two three four five six,\" said", "\"one two three four five six,\" according to",
        "\xff\xfe invalid bytes \"a b c d e f\" said \xc3", "He said: \"", NULL };
    for (size_t i = 0; odd[i]; i++) {
        const char *p[] = { odd[i], odd[i], NULL };
        corpus_doc d;
        doc_from(&d, p);
        corpus_quote *q; size_t n;
        T_INT(corpus_quotes(&d, &q, &n), 0);
        for (size_t k = 0; k < n; k++) T_OK(count_words(q[k].text) >= 6);
        corpus_quotes_free(q, n);
        corpus_doc_free(&d);
    }
    /* one 2 MB paragraph of attributed quotes, pronouns and names */
    sbuf b = {0};
    for (int i = 0; b.len < 2u * 1024 * 1024; i++)
        sbuf_addf(&b, "Ann Lee%d met Bo. \"We will build %d new homes in the town,\" he said. "
                  "\"big data\" 'x ", i, i);
    corpus_doc d = {0};
    corpus_doc_add_para(&d, sbuf_take(&b), 1);
    corpus_quote *q; size_t n;
    /* Correctness on a large input; its speed is measured by make bench
    ** (tests/bench_ingest.sh), never by a timed unit test. */
    T_INT(corpus_quotes(&d, &q, &n), 0);
    T_OK(n > 10000);
    if (n) T_OK(q[0].speaker != NULL);
    corpus_quotes_free(q, n);
    corpus_doc_free(&d);
}

/* ---- bundled articles ---------------------------------------------------- */


/* Paragraphs = non-empty lines, after a leading "---" front matter block. */
static void doc_from_text(corpus_doc *d, const char *text) {
    memset(d, 0, sizeof *d);
    const char *p = text;
    if (strncmp(p, "---\n", 4) == 0) {
        const char *e = strstr(p + 4, "\n---\n");
        if (e) p = e + 5;
    }
    int line = 1;
    while (*p) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        size_t a = 0;
        while (a < n && isspace((unsigned char)p[a])) a++;
        if (a < n) corpus_doc_add_para(d, xstrndup(p + a, n - a), line);
        p += n;
        if (*p) p++;
        line++;
    }
}

static void check_file(const char *path, int print) {
    corpus_diag dg = { path, 0, 1, NULL };
    char *text; size_t len;
    if (corpus_read_file(path, &text, &len, &dg) != 0) { T_FAIL_("cannot read %s", path); return; }
    corpus_doc d;
    doc_from_text(&d, text);
    corpus_quote *q; size_t n;
    T_INT(corpus_quotes(&d, &q, &n), 0);
    if (print) printf("== %s: %zu quotes\n", path, n);
    for (size_t i = 0; i < n; i++) {
        if (print) printf("  [p%zu] %s\n        -- %s%s%s [%s]%s%s\n", q[i].para, q[i].text,
                          q[i].speaker ? q[i].speaker : "(unresolved)", q[i].role ? "; " : "",
                          q[i].role ? q[i].role : "", corpus_quote_kind_name(q[i].kind),
                          q[i].context ? "\n        in: " : "", q[i].context ? q[i].context : "");
        T_OK(count_words(q[i].text) >= 6);
        T_OK(q[i].para < d.npara);
        if (q[i].speaker) T_HAS(text, q[i].speaker);
        if (q[i].role) T_OK(count_words(q[i].role) <= QUOTE_ROLE_MAX_WORDS);
        if (q[i].role) T_OK(q[i].speaker != NULL);
        if (q[i].kind == CQUOTE_PARTIAL) {          /* shown within its whole sentence */
            T_OK(q[i].context != NULL);
            if (q[i].context) T_HAS(q[i].context, q[i].text);
        } else {                                    /* ends as a sentence ends */
            T_OK(q[i].context == NULL);
            T_OK(strchr(".?!'\x99\x9D\xA6", q[i].text[strlen(q[i].text) - 1]) != NULL);
        }
        T_OK(strstr(q[i].text, "Clean Net") == NULL && strstr(q[i].text, "Broadband China") == NULL);
        T_OK(q[i].text[0] != ' ' && q[i].text[strlen(q[i].text) - 1] != ',');
        for (size_t j = 0; j < i; j++) T_OK(strcmp(q[i].text, q[j].text) != 0);
        if (i) T_OK(q[i].para >= q[i - 1].para);
    }
    corpus_quotes_free(q, n);
    corpus_doc_free(&d);
    free(text);
}

static void test_bundled(void) {
    DIR *dir = opendir("assets/corpus");
    if (!dir) { T_FAIL_("assets/corpus missing (run from the repository root)"); return; }
    struct dirent *e;
    int files = 0;
    while ((e = readdir(dir))) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".txt") != 0) continue;
        char path[512];
        snprintf(path, sizeof path, "assets/corpus/%s", e->d_name);
        check_file(path, 0);
        files++;
    }
    closedir(dir);
    T_OK(files >= 1);
}

int main(int argc, char **argv) {
    if (argc > 1) {
        for (int i = 1; i < argc; i++) check_file(argv[i], 1);
        return T_DONE();
    }
    T_RUN(test_table);
    T_RUN(test_para_index);
    T_RUN(test_unify);
    T_RUN(test_robust);
    T_RUN(test_bundled);
    return T_DONE();
}
