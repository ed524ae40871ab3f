/*
** src/corpus/corpus_quotes.c: direct quotations with resolved speakers
** (ingest stage 7).
**
** Pipeline, per document:
**   1. Quote regions, per paragraph (qr_find). Double marks pair by rules:
**      “ „ « always open, ” » always close, a straight " opens outside a
**      quote (unless a space follows it) and closes inside one. Single marks
**      inside a double quote are text ("so-called 'absolute security'").
**      At top level, ‘...’ or '...' form a quote only when a closing mark is
**      found in the same paragraph (apostrophes make anything else guesswork).
**      A double quote still open at the end of its paragraph runs to the
**      paragraph end (multi-paragraph quotes, scrapers dropping the mark).
**   2. Tokens (qt_tokenize): words (with internal ' ’ - and the period of
**      initials and abbreviations: "N.", "U.S.", "Dr."), punctuation, and
**      QOPEN/QCLOSE tokens; each token knows the quote region it lies in.
**   3. Name spans (ns_build): maximal runs of capitalised words outside
**      quotes, particles allowed inside ("Ursula von der Leyen"), a leading
**      sentence word dropped ("The", "In", ...). The name proper is the tail
**      after the last title word ("U.S. Secretary of State Jane Roe" ->
**      "Jane Roe"). Spans with an organisation or place word in their tail
**      are organisations. Short mentions ("Lee", "Roe") resolve to the most
**      recent earlier full name containing all their tokens, in any position
**      (family name first or last), else the first later one.
**   4. Filters: fewer than QUOTE_MIN_WORDS words; all Title Case (titles of
**      works); preceded by a naming word ("titled", "called", "code-named",
**      "so-called", ...); directly followed by a program noun ("initiative",
**      "program", ...) without punctuation inside the closing mark.
**   5. Attribution, first match wins:
**      a. the clause right after the closing mark: `"Q," NAME [, role,] VERB`,
**         `"Q," VERB NAME`, `"Q," he VERB`, `"Q," VERB the minister`,
**         `"Q," according to NAME`;
**      b. the same sentence before the opening mark: the last reporting verb
**         there and its subject (`NAME said: "Q"`, `NAME spoke ..., saying
**         "Q"`, `According to NAME, "Q"`);
**      c. an earlier attributed quote of the same paragraph;
**      d. the previous sentence of the paragraph when it has a reporting
**         verb and the quote starts a sentence;
**      e. a paragraph that opens with the quote continues the previous
**         paragraph's speaker when that paragraph held an attributed quote,
**         ended with "VERB:", or its last sentence has a reporting verb with
**         a resolved subject;
**      f. an unclosed quote continued by following paragraphs that open with
**         quote marks takes the attribution after the first closing mark.
**      A quote with none of these (no reporting verb anywhere near) is not a
**      key quote and is dropped.
**   Subjects: a person name resolves as in 3 (modifiers and roles before it
**   are skipped: "former President X", "ministry spokesperson X"; a role
**   subject with a name appositive takes the name: "a spokesman, X,"); a
**   dash credit `"Q" — X` names X; he/she/they and a role noun ("the
**   minister", "a spokesman", "the 56-year-old") resolve to the last person
**   named before the verb; an organisation subject ("the Ministry of Public
**   Security said") is kept as written; a non-person noun ("the statement
**   said", a possessive "China's ministry") gives speaker NULL. Decision: a
**   quote whose attribution was found but whose speaker cannot be resolved
**   is kept with speaker NULL.
**   "Last person named": spans with evidence (a title, a reporting verb
**   after them, a lone token of them used as a person, or a lone token that
**   resolves to a full name), or else two or more name words not after a
**   preposition or article ("in Hong Kong" is not a person).
**
** Cost: linear in the text apart from sorting-free binary searches; name
** resolution is indexed by token (hash), so a 4 MB file stays well under a
** second. Backward sentence scans stop after SENT_MAX_TOKENS.
**
** Output text: inner text trimmed, whitespace runs collapsed to one space, a
** trailing comma (or semicolon/colon) dropped; final . ? ! kept; "[...]"
** editorial insertions kept. Quotes are in document order, an exact repeat of
** an earlier quote's text is dropped.
**
** Whole or partial (qt_partial). A quote is PARTIAL, a fragment woven into
** the reporter's sentence, when it starts lowercase mid-sentence ("called it
** "the main battleground ..."", "According to X, "the vote ...""), or starts
** capitalised mid-sentence with nothing introducing it (no colon, comma,
** dash, or reporting verb within ATTR_ROLE_WINDOW words before it: "from
** "Malicious actors ...""), or is the first half of a sentence the
** attribution splits ("If I see it," he says, "and it costs ..."). A
** partial quote keeps its text as quoted and gets `context`: the whole
** sentence, whitespace collapsed, its double quotation marks set as “ ”
** (an unclosed one closed at the end), so the text is found verbatim in it.
** Screens show the sentence with the quoted words marked, never a bare
** fragment. A partial quote whose speaker is not resolved to a name is
** left out: a fragment nobody named said is a phrase in quotation marks
** (a question the reporter poses, a term), not a quotation. Every other quote is WHOLE and ends as a sentence: when it does
** not end in . ? ! or … (closing marks aside), a full stop is added
** (decision: the comma before "he said" stands for the speaker's full stop).
**
** Roles (rl_*), per person, the first the article gives (a one-word role
** gives way to a fuller later one): title words in the name span ("Foreign
** Minister Ana Reyes", "former President X"; honorifics alone are no role), a
** lowercase role phrase right before the name ("ministry spokesperson X",
** "China's foreign minister X"), a role phrase before a name appositive
** ("a spokesman for the ministry, X"), or an appositive after the name with
** a role noun in its head ("X, director of the Y Office,", "X, a cyber
** expert at ...") -- not an age, not a relative clause, not "his
** secretary" (someone else's role). Leading article dropped, first letter
** capitalised, at most QUOTE_ROLE_MAX_WORDS words: a longer one is cut
** before the last preposition or comma that fits and is not inside a
** capitalised name; nothing sensible left gives no role.
** corpus_quotes_unify (after every article) makes one speaker of one person
** across the corpus; roles differ between articles when the articles differ
** (a person's title changes over time), and a missing one is filled.
*/
#include "corpus/corpus.h"
#include "common/util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

/* ---- tunables ------------------------------------------------------------ */

#define QUOTE_MIN_WORDS      6   /* words in a key quote, at least */
#define ATTR_MAX_APPOS       32  /* tokens of an appositive ", a ... ," skipped */
#define ATTR_MAX_SKIP        3   /* adverbs/auxiliaries between subject and verb */
#define ATTR_ROLE_WINDOW     4   /* tokens between a role noun and its verb */
#define NAME_MAX_TOKENS      8   /* longer capitalised runs are not names */
#define ATTR_LOOKAHEAD_PARAS 8   /* paragraphs an unclosed quote may run over */
#define SENT_MAX_TOKENS      200 /* a sentence start is looked for this far back */
#define NAME_MAX_FULL        2048 /* full names considered for resolution */

/* ---- word tables --------------------------------------------------------- */

static const char *const verb_tab[] = {   /* reporting verbs, lowercase forms */
    "said", "says", "say", "saying", "told", "tells", "telling",
    "added", "adds", "adding", "wrote", "writes", "writing",
    "noted", "notes", "noting", "warned", "warns", "warning",
    "stressed", "stresses", "stressing", "argued", "argues", "arguing",
    "explained", "explains", "explaining", "asked", "asks", "asking",
    "insisted", "insists", "insisting", "claimed", "claims", "claiming",
    "declared", "declares", "declaring", "announced", "announces",
    "announcing", "replied", "replies", "responded", "responds",
    "continued", "continues", "recalled", "recalls", "remarked",
    "observed", "observes", "emphasized", "emphasised", "emphasizes",
    "emphasises", "emphasizing", "emphasising", "acknowledged", "admitted",
    "admits", "conceded", "suggested", "suggests", "predicted", "urged",
    "urges", "urging", "cautioned", "commented", "posted", "tweeted",
    "stated", "states", "confirmed", "concluded", "called", "calling",
    "described", "describing", "vowed", "promised", "pledged", "threatened",
    "complained", "lamented", "boasted", "joked", "quipped", "shouted",
    "testified", "proclaimed", "reiterated", "underscored", "highlighted",
    "maintained", "contended", "countered", "recounted", "wondered",
    "mused", "mentioned", "according", NULL
};

/* Words that may stand between a subject and its verb ("Xi has said"). */
static const char *const aux_tab[] = {
    "also", "has", "had", "have", "was", "were", "is", "later", "then",
    "once", "further", "again", "recently", "previously", "separately",
    "reportedly", "repeatedly", "earlier", "would", "will", "had", "simply",
    "often", "publicly", "openly", "bluntly", "flatly", "just", "already",
    NULL
};

static const char *const pronoun_tab[] = { "he", "she", "they", NULL };

/* Lowercase nouns for people: "said the minister" -> last person named. */
static const char *const role_tab[] = {
    "minister", "spokesman", "spokeswoman", "spokesperson", "official",
    "officials", "president", "director", "expert", "analyst", "professor",
    "chief", "leader", "secretary", "ambassador", "governor", "senator",
    "author", "chairman", "chairwoman", "executive", "researcher", "scholar",
    "diplomat", "envoy", "premier", "mayor", "lawmaker", "legislator",
    "commander", "officer", "economist", "scientist", "representative",
    "head", "founder", "ceo", "adviser", "advisor", "aide", "general",
    "judge", "lawyer", "attorney", "prosecutor", "chancellor", "columnist",
    "editor", "manager", "coach", "strategist", "deputy", "fellow",
    "commissioner", "councilor", "councillor", "man", "woman", NULL
};

/* More nouns of a role, for the role text only (many are also surnames:
** "Baker", "Singer", so they never make a capitalised word a title). */
static const char *const rolenoun_tab[] = {
    "farmer", "teacher", "student", "resident", "activist", "journalist", "reporter",
    "writer", "historian", "doctor", "engineer", "entrepreneur", "investor",
    "owner", "member", "partner", "consultant", "specialist", "coordinator",
    "administrator", "supervisor", "superintendent", "physician", "nurse",
    "worker", "pastor", "priest", "curator", "lecturer", "dean", "principal",
    "chairperson", "vice-president", "vice-chairman", "co-founder",
    "correspondent", "commentator", "critic", "novelist", "poet", "artist",
    "spokespeople", "negotiator", "campaigner", "organiser", "organizer",
    "candidate", "captain", "colonel", "sergeant", "inspector", "detective",
    "staffer", "employee", "expert", "experts", "baker", "coroner", "shopkeeper",
    "mechanic", "driver", "pilot", "soldier", "veteran", "musician", "singer",
    "actor", "actress", "designer", "architect", "programmer", "developer",
    "publisher", "blogger", "photographer", "survivor", "climber", "athlete",
    "player", "composer", "producer", "filmmaker", "economist", "sociologist",
    "psychologist", "biologist", "physicist", "chemist", "mathematician", NULL
};

/* Honorifics: a title of address, not a role ("Dr. Jane Roe"). */
static const char *const honor_tab[] = {
    "Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Miss", "Dr.", "Dr", "Sir", "Dame",
    "Lord", "Lady", "Prof.", "Rev.", NULL
};

/* Lowercase words kept before a title ("former President X"). */
static const char *const premod_tab[] = {
    "former", "acting", "deputy", "outgoing", "interim", "incoming", "then", NULL
};

/* A long role is cut before one of these (or a comma). */
static const char *const rolecut_tab[] = {
    "at", "of", "for", "in", "with", "from", "on", "to", "and", "under", "by",
    "within", "during", "since", "between", "who", "which", "whose", "where",
    "when", "as", NULL
};

/* Capitalised words that are titles, not part of the name after them. */
static const char *const title_tab[] = {
    "President", "Presidents", "Vice", "Prime", "Minister", "Ministers",
    "Foreign", "Defense", "Defence", "Finance", "Secretary", "State",
    "General", "Premier", "Chancellor", "Chairman", "Chairwoman", "Chair",
    "Director", "Chief", "Executive", "CEO", "Senator", "Sen.", "Rep.",
    "Representative", "Congressman", "Congresswoman", "Governor", "Gov.",
    "Mayor", "Ambassador", "Spokesman", "Spokeswoman", "Spokesperson",
    "Commissioner", "Professor", "Prof.", "Dr.", "Dr", "Mr.", "Mr", "Mrs.",
    "Mrs", "Ms.", "Ms", "Miss", "Sir", "Dame", "Lord", "Lady", "King",
    "Queen", "Prince", "Princess", "Pope", "Cardinal", "Bishop", "Rev.",
    "Father", "Judge", "Justice", "Attorney", "Gen.", "Lt.", "Col.",
    "Capt.", "Maj.", "Sgt.", "Adm.", "Admiral", "Colonel", "Captain",
    "Major", "Sergeant", "Lieutenant", "Commander", "Councilor",
    "Councillor", "Leader", "Speaker", "Deputy", "Assistant",
    "Undersecretary", "Dean", "Coach", "Former", "Emperor", "Sheikh",
    "Crown", "Chairperson", "Founder", "Editor", "Senior", "Supreme",
    "Envoy", "Special", "Councilman", "Lawmaker", "Officer", "Inspector",
    "Detective", "Chef", NULL
};

/* Words that make a capitalised run an organisation or a place. */
static const char *const org_tab[] = {
    "Ministry", "Department", "Office", "Bureau", "Agency", "Commission",
    "Committee", "Council", "Institute", "Institution", "University",
    "College", "School", "Academy", "Center", "Centre", "Foundation",
    "Association", "Organization", "Organisation", "Union", "Party",
    "Congress", "Parliament", "Senate", "Assembly", "Court", "Government",
    "Administration", "Authority", "Service", "Services", "Bank", "Fund",
    "Group", "Company", "Corporation", "Corp.", "Inc.", "Ltd.", "Co.",
    "LLC", "Times", "Post", "Daily", "News", "Journal", "Herald",
    "Tribune", "Press", "Magazine", "Network", "Networks", "Media",
    "Television", "Radio", "Conference", "Summit", "Forum", "Initiative",
    "Program", "Programme", "Strategy", "Agreement", "Treaty", "Act",
    "Plan", "Project", "Campaign", "Province", "States", "City", "County",
    "District", "Region", "Republic", "Kingdom", "Nations", "Island",
    "Islands", "Street", "Avenue", "Road", "Square", "Town", "Village",
    "River", "Lake", "Mountain", "Mountains", "Sea", "Ocean", "Airport",
    "Station", "Hospital", "Museum", "Library", "Church", "Temple",
    "Palace", "House", "Hall", "Tower", "Park", "Bridge", "Stadium",
    "Dynasty", "Army", "Navy", "Force", "Forces", "Police", "Guard",
    "Club", "Team", "League", "Cup", "Games", "Festival", "Award", "Prize",
    "Exchange", "Market", "Index", "Technologies", "Technology", "Systems",
    "Industries", "Holdings", "Airlines", "Motors", "Internet", "Online",
    "North", "South", "East", "West", "Northeast", "Northwest",
    "Southeast", "Southwest", "Central", "Eastern", "Western", "Northern",
    "Southern", "Upper", "Lower", "Greater", "New", "United", "Federal",
    "National", "International", "Global", "World", "Zone", "Valley",
    "Coast", "Bay", "Gulf", "Peninsula", "Territory", "Prefecture", "Images",
    "Pictures", "Photos", "Photography", "Studios", NULL
};

/* Capitalised words that start sentences but never names. */
static const char *const stop_tab[] = {
    "The", "A", "An", "In", "On", "At", "But", "And", "Or", "If", "When",
    "While", "After", "Before", "As", "Since", "Although", "Though",
    "However", "Meanwhile", "This", "That", "These", "Those", "It", "He",
    "She", "They", "We", "I", "You", "His", "Her", "Their", "Our", "My",
    "Its", "For", "From", "With", "By", "Of", "To", "Some", "Many", "Most",
    "Even", "Now", "Then", "Also", "Both", "Each", "Every", "No", "Not",
    "Yes", "So", "Still", "Yet", "Last", "Next", "Other", "Another",
    "One", "Two", "Three", "Four", "Five", "Ten", "There", "Here", "What",
    "Who", "Why", "How", "Where", "Which", "Such", "All", "Any", "Only",
    "Under", "Over", "Despite", "During", "Until", "Because", "Whereas",
    "Certainly", "Indeed", "Instead", "Thus", "Therefore", "Moreover",
    "Nowadays", "Already", "According", "Asked", "Speaking", "Like",
    "Among", "Amid", "About", "Between", "Through", "Without", "Within",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    "Sunday", "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
    "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Sep.", "Oct.",
    "Nov.", "Dec.", "Photo", "I\xE2\x80\x99" "d", "I'd", "I\xE2\x80\x99" "m", "I'm",
    "I\xE2\x80\x99" "ll", "I'll", "I\xE2\x80\x99" "ve", "I've", "Enter", "Meet",
    "Consider", NULL
};

/* Lowercase particles allowed between capitalised words of a name. */
static const char *const particle_tab[] = {
    "of", "de", "da", "del", "della", "der", "den", "van", "von", "la",
    "le", "du", "di", "dos", "das", "bin", "ibn", "al", "el", "ter", "ten",
    "y", "the", NULL
};

/* A quote right after one of these names something ("a campaign called"). */
static const char *const naming_tab[] = {
    "titled", "entitled", "headlined", "headline", "called", "named",
    "dubbed", "code-named", "codenamed", "nicknamed", "labelled", "labeled",
    "so-called", "slogan", "motto", "hashtag", "term", "phrase", "as",
    "banner", "theme", NULL
};

/* A quote right before one of these is a name ("Clean Net" program). */
static const char *const program_tab[] = {
    "initiative", "program", "programme", "campaign", "plan", "strategy",
    "project", "policy", "act", "law", "bill", "report", "book", "article",
    "movement", "scheme", "summit", "conference", "forum", "award",
    "series", "show", "film", "movie", "song", "album", "doctrine",
    "operation", "slogan", "principle", "concept", "model", "network",
    "networks", "platform", "app", "brand", "agenda", "vision", "project",
    "framework", "mechanism", "drive", "project", "exercise", "mission",
    "strategy", "document", "white", "paper", "essay", "column", "novel",
    "poem", "play", "speech", "theory", "philosophy", "era", NULL
};

static const char *const abbrev_tab[] = {   /* keep their period */
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt",
    "Col", "Capt", "Maj", "Sgt", "Adm", "Rev", "St", "Jr", "Sr", "Hon",
    "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
    "No", "Inc", "Corp", "Co", "Ltd", "vs", "etc", "Mt", "Ft", NULL
};

/* ---- helpers ------------------------------------------------------------- */

/* Room for element n of an array whose capacity is the next power of two:
** amortised O(1) appends without a capacity field. */
static void *grow(void *v, size_t n, size_t elem) {
    if (n & (n - 1)) return v;
    return xrealloc(v, (n ? 2 * n : 1) * elem);
}

/* ---- UTF-8 helpers ------------------------------------------------------- */

/* Decode the code point at s[i] (len bytes total); returns its length. */
static size_t u_at(const char *s, size_t len, size_t i, int32_t *cp) {
    if (i >= len) { *cp = -1; return 0; }
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(len - i), cp);
    if (n <= 0) { *cp = (unsigned char)s[i]; return 1; }
    return (size_t)n;
}

static int32_t u_before(const char *s, size_t i) {
    if (i == 0) return -1;
    size_t j = i - 1;
    while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80) j--;
    int32_t cp;
    u_at(s, i, j, &cp);
    return cp;
}

static int u_is_alnum(int32_t c) {
    if (c < 0) return 0;
    if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9');
    utf8proc_category_t k = utf8proc_category(c);
    return (k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO) ||
           (k >= UTF8PROC_CATEGORY_MN && k <= UTF8PROC_CATEGORY_ME) ||
           (k >= UTF8PROC_CATEGORY_ND && k <= UTF8PROC_CATEGORY_NO);
}

static int u_is_upper(int32_t c) {
    if (c < 0) return 0;
    utf8proc_category_t k = utf8proc_category(c);
    return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT;
}

static int u_is_lower(int32_t c) {
    return c >= 0 && utf8proc_category(c) == UTF8PROC_CATEGORY_LL;
}

static int u_is_space(int32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 ||
           c == 0x2009 || c == 0x200A || c == 0x202F || c == 0x3000 ||
           c == 0x2002 || c == 0x2003;
}

/* ---- quote regions ------------------------------------------------------- */

typedef struct qreg {
    size_t open;        /* byte offset of the opening mark */
    size_t istart;      /* first byte after it */
    size_t iend;        /* byte offset of the closing mark (len if unclosed) */
    size_t close;       /* first byte after the closing mark */
    int closed;         /* 0: ran to the paragraph end */
    int single;         /* top-level single marks */
} qreg;

static int is_dq_open(int32_t c)  { return c == 0x201C || c == 0x201E || c == 0x00AB; }
static int is_dq_close(int32_t c) { return c == 0x201D || c == 0x00BB; }

static void qr_push(qreg **r, size_t *n, qreg q) {
    *r = grow(*r, *n, sizeof **r);
    (*r)[(*n)++] = q;
}

/* A top-level single quote opening at i (mark of ml bytes): the offset of
** its closing mark, or 0 when there is none in the paragraph. */
static size_t qr_single_close(const char *s, size_t len, size_t i, size_t ml) {
    for (size_t j = i + ml; j < len;) {
        int32_t c; size_t l = u_at(s, len, j, &c);
        if (c == '"' || is_dq_open(c) || is_dq_close(c)) return 0;
        if ((c == 0x2019 || c == '\'') && j > i + ml) {
            int32_t p = u_before(s, j), nx;
            u_at(s, len, j + l, &nx);
            if (!u_is_space(p) && !u_is_alnum(nx)) return j;
        }
        j += l;
    }
    return 0;
}

/* A typographic closing mark ” » follows before the next opening one: then
** straight marks in between are nested quotes, not the end. */
static int qr_has_close(const char *s, size_t len, size_t i) {
    while (i < len) {
        int32_t c; size_t l = u_at(s, len, i, &c);
        if (is_dq_close(c)) return 1;
        if (is_dq_open(c)) return 0;
        i += l;
    }
    return 0;
}

static void qr_find(const char *s, size_t len, qreg **regs, size_t *nreg) {
    *regs = NULL; *nreg = 0;
    int in = 0, typo = 0;   /* typo: opened by “ „ « */
    qreg cur = {0};
    for (size_t i = 0; i < len;) {
        int32_t c, nx; size_t l = u_at(s, len, i, &c);
        u_at(s, len, i + l, &nx);
        int32_t pv = u_before(s, i);
        if (!in) {
            if (is_dq_open(c) || (c == '"' && nx >= 0 && !u_is_space(nx))) {
                cur = (qreg){ .open = i, .istart = i + l };
                in = 1;
                typo = is_dq_open(c) && qr_has_close(s, len, i + l);
            } else if ((c == 0x2018 || c == '\'') &&
                       (pv < 0 || u_is_space(pv) || pv == '(' || pv == '[' ||
                        pv == 0x2014 || pv == 0x2013) && u_is_alnum(nx)) {
                size_t j = qr_single_close(s, len, i, l);
                if (j) {
                    int32_t cc; size_t cl = u_at(s, len, j, &cc);
                    qr_push(regs, nreg, (qreg){ i, i + l, j, j + cl, 1, 1 });
                    i = j + cl;
                    continue;
                }
            }
        } else if (is_dq_close(c) || (c == '"' && !typo)) {
            cur.iend = i; cur.close = i + l; cur.closed = 1;
            qr_push(regs, nreg, cur);
            in = 0;
        } else if (is_dq_open(c)) {     /* previous quote was never closed */
            cur.iend = i; cur.close = i; cur.closed = 0;
            qr_push(regs, nreg, cur);
            cur = (qreg){ .open = i, .istart = i + l };
            typo = qr_has_close(s, len, i + l);
        }
        i += l;
    }
    if (in) {
        cur.iend = len; cur.close = len; cur.closed = 0;
        qr_push(regs, nreg, cur);
    }
}

/* ---- tokens -------------------------------------------------------------- */

enum { TK_WORD, TK_PUNCT, TK_QOPEN, TK_QCLOSE };

typedef struct qtok {
    size_t s, e;        /* byte range in the paragraph */
    int kind;           /* TK_* */
    int q;              /* quote region it lies in (or opens/closes); -1 outside */
    int cap;            /* first letter uppercase */
    int poss;           /* ends in 's or ’s */
} qtok;

typedef struct qpara {
    const char *t;      /* paragraph text (borrowed from the doc) */
    size_t len;
    qreg *reg; size_t nreg;
    qtok *tok; size_t ntok;
    size_t *topen, *tclose;  /* per region: token index of QOPEN / QCLOSE (ntok if none) */
} qpara;

static int in_tab(const char *const *tab, const char *s, size_t n, int icase) {
    for (size_t i = 0; tab[i]; i++)
        if (strlen(tab[i]) == n &&
            (icase ? strncasecmp(tab[i], s, n) : strncmp(tab[i], s, n)) == 0) return 1;
    return 0;
}

static void tk_push(qpara *p, qtok t) {
    p->tok = grow(p->tok, p->ntok, sizeof *p->tok);
    p->tok[p->ntok++] = t;
}

/* Length of the word starting at i (letters, digits, internal ' ’ - and the
** period of initials, dotted acronyms and known abbreviations). */
static size_t tk_word_len(const char *s, size_t len, size_t i) {
    size_t j = i, letters = 0;
    int dotted = 0;
    while (j < len) {
        int32_t c; size_t l = u_at(s, len, j, &c);
        if (u_is_alnum(c)) { j += l; letters++; continue; }
        int32_t nx; u_at(s, len, j + l, &nx);
        if ((c == '\'' || c == 0x2019 || c == '-' || c == 0x2010) && u_is_alnum(nx)) {
            j += l; continue;
        }
        if (c == '.' && u_is_alnum(nx) && letters <= 3) { j += l; dotted = 1; continue; }
        if (c == '.') {
            int32_t f; u_at(s, len, i, &f);
            if (dotted || (letters == 1 && u_is_upper(f)) ||
                in_tab(abbrev_tab, s + i, j - i, 0)) j += l;
        }
        break;
    }
    return j - i;
}

static void qt_tokenize(qpara *p) {
    const char *s = p->t;
    size_t len = p->len, r = 0;    /* r: next region to meet */
    int q = -1;
    p->topen = xmalloc((p->nreg + 1) * sizeof *p->topen);
    p->tclose = xmalloc((p->nreg + 1) * sizeof *p->tclose);
    for (size_t k = 0; k <= p->nreg; k++) p->topen[k] = p->tclose[k] = SIZE_MAX;
    for (size_t i = 0; i < len;) {
        if (r < p->nreg && i == p->reg[r].open) {
            p->topen[r] = p->ntok;
            tk_push(p, (qtok){ i, p->reg[r].istart, TK_QOPEN, (int)r, 0, 0 });
            q = (int)r;
            i = p->reg[r].istart;
            continue;
        }
        if (q >= 0 && i == p->reg[q].iend && p->reg[q].closed) {
            p->tclose[q] = p->ntok;
            tk_push(p, (qtok){ i, p->reg[q].close, TK_QCLOSE, q, 0, 0 });
            i = p->reg[q].close;
            q = -1; r++;
            continue;
        }
        if (q >= 0 && i >= p->reg[q].iend) { q = -1; r++; continue; }
        int32_t c; size_t l = u_at(s, len, i, &c);
        if (u_is_space(c)) { i += l; continue; }
        if (u_is_alnum(c)) {
            size_t n = tk_word_len(s, len, i);
            /* stop before a quote mark that lies inside the word's range */
            size_t lim = len;
            if (q >= 0) lim = p->reg[q].iend;
            else if (r < p->nreg) lim = p->reg[r].open;
            if (i + n > lim) n = lim - i;
            if (n == 0) n = l;
            qtok t = { i, i + n, TK_WORD, q, u_is_upper(c), 0 };
            if (n >= 3 && s[i + n - 1] == 's' &&
                (s[i + n - 2] == '\'' || (n >= 5 && (unsigned char)s[i + n - 2] == 0x99 &&
                 (unsigned char)s[i + n - 3] == 0x80 && (unsigned char)s[i + n - 4] == 0xE2)))
                t.poss = 1;
            tk_push(p, t);
            i += n;
            continue;
        }
        tk_push(p, (qtok){ i, i + l, TK_PUNCT, q, 0, 0 });
        i += l;
    }
    for (size_t k = 0; k < p->nreg; k++) {
        if (p->topen[k] == SIZE_MAX) p->topen[k] = p->ntok;
        if (p->tclose[k] == SIZE_MAX) p->tclose[k] = p->ntok;
    }
}

static int tk_is(const qpara *p, size_t k, const char *w) {
    if (k >= p->ntok || p->tok[k].kind != TK_WORD) return 0;
    size_t n = p->tok[k].e - p->tok[k].s;
    return strlen(w) == n && strncasecmp(p->t + p->tok[k].s, w, n) == 0;
}

static int tk_in(const qpara *p, size_t k, const char *const *tab, int icase) {
    if (k >= p->ntok || p->tok[k].kind != TK_WORD) return 0;
    return in_tab(tab, p->t + p->tok[k].s, p->tok[k].e - p->tok[k].s, icase);
}

static int tk_suffix(const qpara *p, size_t k, const char *suf) {
    size_t n = p->tok[k].e - p->tok[k].s, m = strlen(suf);
    return n > m && memcmp(p->t + p->tok[k].e - m, suf, m) == 0;
}

static int tk_punct(const qpara *p, size_t k, char c) {
    return k < p->ntok && p->tok[k].kind == TK_PUNCT && p->t[p->tok[k].s] == c &&
           p->tok[k].e - p->tok[k].s == 1;
}

static int tk_dash(const qpara *p, size_t k) {
    if (k >= p->ntok || p->tok[k].kind != TK_PUNCT) return 0;
    int32_t c; u_at(p->t, p->len, p->tok[k].s, &c);
    return c == '-' || c == 0x2013 || c == 0x2014;
}

/* A reporting verb at k (lowercase only, but "According" anywhere). */
static int tk_verb(const qpara *p, size_t k) {
    if (k >= p->ntok || p->tok[k].kind != TK_WORD || p->tok[k].q >= 0) return 0;
    if (tk_is(p, k, "according")) return tk_is(p, k + 1, "to");
    return !p->tok[k].cap && tk_in(p, k, verb_tab, 0);
}

/* Token k ends a sentence of narration. */
static int tk_sent_end(const qpara *p, size_t k) {
    const qtok *t = &p->tok[k];
    if (t->q >= 0 && t->kind != TK_QCLOSE) return 0;
    if (t->kind == TK_PUNCT) {
        char c = p->t[t->s];
        if (c != '.' && c != '!' && c != '?') return 0;
    } else if (t->kind == TK_QCLOSE) {
        size_t e = p->reg[t->q].iend;
        while (e > p->reg[t->q].istart && u_is_space((unsigned char)p->t[e - 1])) e--;
        if (e == p->reg[t->q].istart) return 0;
        char c = p->t[e - 1];
        if (c != '.' && c != '!' && c != '?') return 0;
    } else {
        return 0;
    }
    if (k + 1 >= p->ntok) return 1;
    const qtok *n = &p->tok[k + 1];
    if (n->kind == TK_QOPEN) return 1;
    if (n->kind != TK_WORD) return 0;
    int32_t c; u_at(p->t, p->len, n->s, &c);
    if (t->kind == TK_QCLOSE && tk_verb(p, k + 1)) return 0;
    return n->cap || (c >= '0' && c <= '9');
}

/* ---- name spans ---------------------------------------------------------- */

typedef struct nspan {
    size_t para;
    size_t a, b;        /* token range of the run, leading sentence words dropped */
    size_t ta;          /* first token of the name proper (after titles) */
    int titled;         /* a title word came before the name */
    int org;            /* organisation or place */
    char *name;         /* owned: the name proper as written, possessive dropped */
    char *full;         /* borrowed: resolved full name (name of another span) */
    int person;         /* evidence that it names a person */
} nspan;

typedef struct qctx {
    const corpus_doc *doc;
    qpara *p; size_t np;
    nspan *sp; size_t nsp;
    struct nkey *map; size_t mapcap, mapn;  /* name tokens, see nm_get */
    long *lastp;        /* per span: index of the last person span up to it, -1 */
} qctx;

static int tk_capword(const qpara *p, size_t k) {
    return k < p->ntok && p->tok[k].kind == TK_WORD && p->tok[k].cap && p->tok[k].q < 0;
}

/* All letters uppercase, two or more ("CEO", "ZTE", "U.S."). */
static int tk_acronym(const qpara *p, size_t k) {
    size_t n = 0;
    for (size_t i = p->tok[k].s; i < p->tok[k].e;) {
        int32_t c; size_t l = u_at(p->t, p->tok[k].e, i, &c);
        if (u_is_lower(c)) return 0;
        if (u_is_alnum(c)) n++;
        i += l;
    }
    return n >= 2;
}

static char *ns_text(const qpara *p, size_t a, size_t b, int drop_poss) {
    size_t s = p->tok[a].s, e = p->tok[b - 1].e;
    if (drop_poss && p->tok[b - 1].poss)
        e -= (p->t[e - 2] == '\'') ? 2 : 4;
    sbuf o = {0};
    int sp = 0;
    for (size_t i = s; i < e; i++) {
        unsigned char c = (unsigned char)p->t[i];
        if (c == ' ' || c == '\n' || c == '\t') { sp = 1; continue; }
        if (sp && o.len) sbuf_addc(&o, ' ');
        sp = 0;
        sbuf_addc(&o, (char)c);
    }
    return sbuf_take(&o);
}

/* A title word before a name: "President", "Dr.", or a capitalised role
** noun ("Economist Karl Brenner"). */
static int ns_title(const qpara *p, size_t k) {
    return tk_in(p, k, title_tab, 0) || (p->tok[k].cap && tk_in(p, k, role_tab, 1));
}

static void ns_add(qctx *x, size_t pi, size_t a, size_t b) {
    qpara *p = &x->p[pi];
    while (a < b && tk_in(p, a, stop_tab, 0)) a++;
    while (a < b && p->tok[a].kind == TK_WORD && !p->tok[a].cap) a++;  /* particle */
    if (a >= b || b - a > NAME_MAX_TOKENS) return;
    nspan s = { .para = pi, .a = a, .b = b, .ta = a };
    size_t k = b;
    while (k > a && !ns_title(p, k - 1)) k--;
    s.titled = k > a || (a > 0 && ns_title(p, a - 1));
    s.ta = k;
    while (s.ta < b && !p->tok[s.ta].cap) s.ta++;
    for (size_t i = s.ta; i < b; i++)
        if (tk_in(p, i, org_tab, 0) || (tk_acronym(p, i) && !ns_title(p, i)))
            s.org = 1;
    if (s.ta >= b) s.org = 1;
    if (tk_punct(p, b, '/') || (a > 0 && tk_punct(p, a - 1, '/')))
        s.org = 1;                      /* a credit: "Jane Roe / Agency" */
    if (s.org) s.name = ns_text(p, a, b, 1);
    else s.name = ns_text(p, s.ta, b, 1);
    x->sp = grow(x->sp, x->nsp, sizeof *x->sp);
    x->sp[x->nsp++] = s;
}

/* Capitalised runs outside quotes; a possessive word ends its run. */
static void ns_build(qctx *x) {
    for (size_t pi = 0; pi < x->np; pi++) {
        qpara *p = &x->p[pi];
        size_t k = 0;
        while (k < p->ntok) {
            if (!tk_capword(p, k)) { k++; continue; }
            size_t a = k, b = k + 1;
            while (b < p->ntok && !p->tok[b - 1].poss) {
                if (tk_capword(p, b)) { b++; continue; }
                size_t j = b;           /* "von der", "de la" before a capital */
                while (j < b + 3 && tk_in(p, j, particle_tab, 0) && !p->tok[j].cap &&
                       !tk_is(p, j, "the")) j++;
                if (j > b && tk_capword(p, j)) { b = j + 1; continue; }
                break;
            }
            ns_add(x, pi, a, b);
            k = b;
        }
    }
}

static int ns_ntok(const nspan *s) { return (int)(s->b - s->ta); }

/* Every name token of m also occurs in c. */
static int ns_within(const qctx *x, const nspan *m, const nspan *c) {
    const qpara *pm = &x->p[m->para], *pc = &x->p[c->para];
    for (size_t i = m->ta; i < m->b; i++) {
        if (pm->tok[i].kind != TK_WORD || !pm->tok[i].cap) continue;
        size_t n = pm->tok[i].e - pm->tok[i].s - (pm->tok[i].poss ? (pm->t[pm->tok[i].e - 2] == '\'' ? 2 : 4) : 0);
        int found = 0;
        for (size_t j = c->ta; j < c->b && !found; j++) {
            size_t nc = pc->tok[j].e - pc->tok[j].s - (pc->tok[j].poss ? (pc->t[pc->tok[j].e - 2] == '\'' ? 2 : 4) : 0);
            found = nc == n && memcmp(pm->t + pm->tok[i].s, pc->t + pc->tok[j].s, n) == 0;
        }
        if (!found) return 0;
    }
    return 1;
}

/* Skip adverbs/auxiliaries from k; the index of a reporting verb, or 0. */
static size_t ns_verb_after(const qpara *p, size_t k) {
    for (int n = 0; n <= ATTR_MAX_SKIP && k < p->ntok; n++, k++) {
        if (tk_verb(p, k)) return k;
        if (!tk_in(p, k, aux_tab, 1)) return 0;
    }
    return 0;
}

/* Followed by a reporting verb, directly or after an appositive. */
static int ns_says(const qctx *x, const nspan *s) {
    const qpara *p = &x->p[s->para];
    size_t k = s->b;
    if (ns_verb_after(p, k)) return 1;
    if (!tk_punct(p, k, ',')) return 0;
    if (s->a > 0 && tk_punct(p, s->a - 1, ',') && ns_verb_after(p, k + 1))
        return 1;                                   /* "The coroner, Amy Stone, told" */
    for (size_t j = k + 1; j < p->ntok && j < k + ATTR_MAX_APPOS; j++) {
        if (tk_sent_end(p, j) || p->tok[j].kind == TK_QOPEN) return 0;
        if (tk_punct(p, j, ',')) return ns_verb_after(p, j + 1) != 0;
    }
    return 0;
}

/* Bytes of token k without a possessive 's / ’s. */
static const char *tk_key(const qpara *p, size_t k, size_t *n) {
    const qtok *t = &p->tok[k];
    *n = t->e - t->s;
    if (t->poss) *n -= (p->t[t->e - 2] == '\'') ? 2 : 4;
    return p->t + t->s;
}

/* Name token -> the full-name candidates holding it (open addressing). */
typedef struct nkey {
    const char *s; size_t n;    /* borrowed token bytes; s NULL: empty slot */
    size_t *ids; size_t nids;   /* candidate span indices, ascending */
    int alone;                  /* stands alone as a person somewhere */
} nkey;

static nkey *nm_get(qctx *x, const char *s, size_t n, int create) {
    if (!x->map) return NULL;
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    for (size_t i = h & (x->mapcap - 1);; i = (i + 1) & (x->mapcap - 1)) {
        nkey *k = &x->map[i];
        if (!k->s) {
            if (!create || x->mapn * 2 >= x->mapcap) return NULL;
            k->s = s; k->n = n; x->mapn++;
            return k;
        }
        if (k->n == n && memcmp(k->s, s, n) == 0) return k;
    }
}

static int ns_sole(const nspan *s) { return s->b - s->ta == 1; }

/* Without evidence, two or more name words not after a preposition or an
** article ("in Hong Kong", "the Visual Reality") still count as the last
** person named for he/she/they. */
static int ns_weak_person(const qctx *x, const nspan *s) {
    static const char *const prep[] = { "in", "at", "from", "to", "of", "into",
        "across", "near", "for", "on", "by", "via", "throughout", "within",
        "outside", "inside", "the", "a", "an", "towards", "toward", "around",
        "over", "under", "between", "through", "visit", "visited", "visiting", NULL };
    const qpara *p = &x->p[s->para];
    if (ns_ntok(s) < 2) return 0;
    return s->a == 0 || !tk_in(p, s->a - 1, prep, 1);
}

static void ns_resolve(qctx *x) {
    size_t n1 = 0, n2 = 0;
    for (size_t i = 0; i < x->nsp; i++) {
        nspan *s = &x->sp[i];
        if (!s->org && (s->titled || ns_says(x, s))) s->person = 1;
        if (!s->org && s->person && ns_sole(s)) n1++;
        if (!s->org && ns_ntok(s) >= 2) n2++;
    }
    if (n1 > NAME_MAX_FULL) n1 = NAME_MAX_FULL;
    if (n2 > NAME_MAX_FULL) n2 = NAME_MAX_FULL;
    size_t need = 2 * (n1 + n2 * NAME_MAX_TOKENS) + 16;
    x->mapcap = 16;
    while (x->mapcap < need) x->mapcap *= 2;
    x->map = xcalloc(x->mapcap, sizeof *x->map);
    /* a full name is a person when one of its tokens stands alone as one */
    for (size_t i = 0, m = 0; i < x->nsp && m < NAME_MAX_FULL; i++) {
        nspan *s = &x->sp[i];
        if (s->org || !s->person || !ns_sole(s)) continue;
        size_t n; const char *k = tk_key(&x->p[s->para], s->ta, &n);
        nkey *e = nm_get(x, k, n, 1);
        if (e) e->alone = 1;
        m++;
    }
    for (size_t i = 0, m = 0; i < x->nsp && m < NAME_MAX_FULL; i++) {
        nspan *s = &x->sp[i];
        if (s->org || ns_ntok(s) < 2) continue;
        m++;
        const qpara *p = &x->p[s->para];
        for (size_t t = s->ta; t < s->b && !s->person; t++) {
            size_t n; const char *k = tk_key(p, t, &n);
            nkey *e = nm_get(x, k, n, 0);
            if (e && e->alone) s->person = 1;
        }
        if (!s->person) continue;
        for (size_t t = s->ta; t < s->b; t++) {   /* index the candidate */
            if (!p->tok[t].cap) continue;
            size_t n; const char *k = tk_key(p, t, &n);
            nkey *e = nm_get(x, k, n, 1);
            if (!e || (e->nids && e->ids[e->nids - 1] == i)) continue;
            e->ids = grow(e->ids, e->nids, sizeof *e->ids);
            e->ids[e->nids++] = i;
        }
    }
    /* a lone token of a known full name is that person */
    x->lastp = xmalloc((x->nsp + 1) * sizeof *x->lastp);
    long last = -1;
    for (size_t i = 0; i < x->nsp; i++) {
        nspan *s = &x->sp[i];
        if (!s->org && !s->person && ns_sole(s)) {
            size_t n; const char *k = tk_key(&x->p[s->para], s->ta, &n);
            nkey *e = nm_get(x, k, n, 0);
            if (e && e->nids) s->person = 1;
        }
        if (!s->org && (s->person || ns_weak_person(x, s))) last = (long)i;
        x->lastp[i] = last;
    }
}

/* Resolved full name of a person span: the most recent earlier full name
** holding all its tokens, else the first later one, else its own name. */
static const char *ns_full(qctx *x, nspan *s) {
    if (s->full) return s->full;
    s->full = s->name;
    if (s->org || s->ta >= s->b) return s->full;
    size_t self = (size_t)(s - x->sp), n;
    const char *k = tk_key(&x->p[s->para], s->ta, &n);
    nkey *e = nm_get(x, k, n, 0);
    if (!e) return s->full;
    long best = -1;
    for (size_t i = 0; i < e->nids; i++) {
        nspan *c = &x->sp[e->ids[i]];
        if (e->ids[i] == self || ns_ntok(c) <= ns_ntok(s) || !ns_within(x, s, c)) continue;
        if (e->ids[i] < self) best = (long)e->ids[i];
        else { if (best < 0) best = (long)e->ids[i]; break; }
    }
    if (best >= 0) s->full = x->sp[best].name;
    return s->full;
}

/* Index of the first span at or after token k of paragraph pi. */
static size_t ns_lower(const qctx *x, size_t pi, size_t k) {
    size_t lo = 0, hi = x->nsp;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const nspan *s = &x->sp[mid];
        if (s->para < pi || (s->para == pi && s->a < k)) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* The span covering token k of paragraph pi, or NULL. */
static nspan *ns_at(qctx *x, size_t pi, size_t k) {
    size_t i = ns_lower(x, pi, k + 1);
    if (i == 0) return NULL;
    nspan *s = &x->sp[i - 1];
    return s->para == pi && k >= s->a && k < s->b ? s : NULL;
}

/* Full name of the last person named before token k of paragraph pi. */
static const char *ns_last_person(qctx *x, size_t pi, size_t k) {
    size_t i = ns_lower(x, pi, k);
    if (i == 0 || x->lastp[i - 1] < 0) return NULL;
    return ns_full(x, &x->sp[x->lastp[i - 1]]);
}

/* ---- roles ---------------------------------------------------------------- */

/* Words of tokens [a, b). */
static size_t rl_words(const qpara *p, size_t a, size_t b) {
    size_t n = 0;
    for (size_t k = a; k < b; k++) n += p->tok[k].kind == TK_WORD;
    return n;
}

/* Tokens [a, b) as a role: leading article dropped, cut to at most
** QUOTE_ROLE_MAX_WORDS words before a preposition or comma that is not
** inside a capitalised name ("of" in "Institute of Trade"), first letter
** capitalised. NULL when nothing sensible is left. Owned. */
static char *rl_text(const qpara *p, size_t a, size_t b) {
    while (a < b && (tk_is(p, a, "a") || tk_is(p, a, "an") || tk_is(p, a, "the") ||
                     (tk_acronym(p, a) && tk_in(p, a, stop_tab, 1)))) a++;   /* "AS Opposition" */
    if (a < b && (tk_is(p, a, "his") || tk_is(p, a, "her") || tk_is(p, a, "their") ||
                  tk_is(p, a, "its") || tk_is(p, a, "my") || tk_is(p, a, "our")))
        return NULL;                        /* "his secretary": someone else's role */
    while (b > a && p->tok[b - 1].kind != TK_WORD) b--;
    if (a >= b) return NULL;
    if (rl_words(p, a, b) > QUOTE_ROLE_MAX_WORDS) {
        size_t cut = 0;
        for (size_t j = a + 1; j < b && rl_words(p, a, j) <= QUOTE_ROLE_MAX_WORDS; j++) {
            int inner = j + 1 < b && p->tok[j - 1].cap && p->tok[j + 1].cap;   /* in a name */
            if (tk_punct(p, j, ',') && inner) continue;
            if (tk_punct(p, j, ',') || (!p->tok[j].cap && tk_in(p, j, rolecut_tab, 1) && !inner))
                cut = j;
        }
        if (!cut) return NULL;
        b = cut;
        for (size_t j = a + 1; j + 1 < b; j++)  /* no dangling "... and the wife" */
            if ((tk_is(p, j, "and") || tk_is(p, j, "or")) &&
                (tk_is(p, j + 1, "the") || tk_is(p, j + 1, "a") || tk_is(p, j + 1, "an") ||
                 tk_is(p, j + 1, "his") || tk_is(p, j + 1, "her") || tk_is(p, j + 1, "their"))) {
                b = j;
                break;
            }
        while (b > a && (tk_is(p, b - 1, "herself") || tk_is(p, b - 1, "himself") ||
                         tk_is(p, b - 1, "themselves"))) b--;
        while (b > a && (p->tok[b - 1].kind != TK_WORD || tk_is(p, b - 1, "the") ||
                         tk_is(p, b - 1, "a") || tk_is(p, b - 1, "an"))) b--;
        if (a >= b) return NULL;
    }
    char *r = ns_text(p, a, b, 0);
    int32_t c; size_t l = u_at(r, strlen(r), 0, &c);
    if (u_is_lower(c)) {
        utf8proc_uint8_t up[4];
        utf8proc_ssize_t ul = utf8proc_encode_char(utf8proc_toupper(c), up);
        if ((size_t)ul == l) memcpy(r, up, l);
    }
    return r;
}

/* A lowercase noun of a role at k: from the tables, after a hyphen
** ("co-director"), or by its ending ("geophysicist", "librarian"). */
static int rl_noun(const qpara *p, size_t k) {
    if (k >= p->ntok || p->tok[k].kind != TK_WORD) return 0;
    if (tk_is(p, k, "man") || tk_is(p, k, "woman")) return 0;
    if (tk_in(p, k, role_tab, 1) || tk_in(p, k, rolenoun_tab, 1)) return 1;
    const char *w = p->t + p->tok[k].s;
    size_t n = p->tok[k].e - p->tok[k].s;
    const char *h = memchr(w, '-', n);
    if (h) {
        const char *last = h;
        while ((h = memchr(last + 1, '-', (size_t)(w + n - last - 1)))) last = h;
        if (in_tab(role_tab, last + 1, (size_t)(w + n - last - 1), 1) ||
            in_tab(rolenoun_tab, last + 1, (size_t)(w + n - last - 1), 1)) return 1;
    }
    if (p->tok[k].cap) return 0;
    return (n >= 7 && memcmp(w + n - 3, "ist", 3) == 0) ||
           (n >= 8 && memcmp(w + n - 3, "ian", 3) == 0);
}

/* Any role noun among tokens [a, b). */
static int rl_has_noun(const qpara *p, size_t a, size_t b) {
    for (size_t k = a; k < b; k++)
        if (rl_noun(p, k) || tk_in(p, k, title_tab, 0)) return 1;
    return 0;
}

/* Only honorifics among tokens [a, b): no role ("Dr. Jane Roe"). */
static int rl_honorific(const qpara *p, size_t a, size_t b) {
    for (size_t k = a; k < b; k++)
        if (p->tok[k].kind == TK_WORD && !tk_in(p, k, honor_tab, 0)) return 0;
    return 1;
}

/* Title words inside the span, or a lowercase role phrase right before it
** ("Foreign Minister X", "former President X", "the ministry spokesperson
** X", "China's foreign minister X", "a spokesman for the ministry, X,"). */
static char *rl_before(qctx *x, const nspan *s) {
    const qpara *p = &x->p[s->para];
    if (s->ta > s->a && !rl_honorific(p, s->a, s->ta)) {
        size_t a = s->a;
        while (a > 0 && !p->tok[a - 1].cap && tk_in(p, a - 1, premod_tab, 1)) a--;
        return rl_text(p, a, s->ta);
    }
    size_t a = s->a;
    if (a > 0 && p->tok[a - 1].kind == TK_WORD && p->tok[a - 1].q < 0 && !p->tok[a - 1].cap &&
        rl_noun(p, a - 1)) {                            /* "ministry spokesperson X" */
        a--;
        for (int n = 0; n < 3 && a > 0 && p->tok[a - 1].kind == TK_WORD && !p->tok[a - 1].cap &&
             !tk_verb(p, a - 1) && !tk_in(p, a - 1, rolecut_tab, 1) &&
             !tk_in(p, a - 1, pronoun_tab, 1) && !tk_is(p, a - 1, "the") &&
             !tk_is(p, a - 1, "a") && !tk_is(p, a - 1, "an") && p->tok[a - 1].q < 0; n++) a--;
        nspan *o = a > 0 ? ns_at(x, s->para, a - 1) : NULL;
        if (o && o->b == a && (o->org || p->tok[a - 1].poss)) a = o->a;
        return rl_text(p, a, s->a);
    }
    if (a >= 2 && tk_punct(p, a - 1, ',')) {           /* "said a spokesman, X" */
        size_t e = a - 1, k = e;
        while (k > 0 && e - k < ATTR_MAX_APPOS && p->tok[k - 1].kind == TK_WORD &&
               p->tok[k - 1].q < 0 && !tk_verb(p, k - 1)) k--;
        if (k < e && (tk_is(p, k, "a") || tk_is(p, k, "an") || tk_is(p, k, "the")) &&
            rl_has_noun(p, k, k + 3 < e ? k + 3 : e) &&
            (k == 0 || tk_verb(p, k - 1) || tk_sent_end(p, k - 1) || tk_punct(p, k - 1, ',') ||
             p->tok[k - 1].kind == TK_QCLOSE))
            return rl_text(p, k, e);
    }
    return NULL;
}

/* An appositive right after the span: "X, a cyber expert at the Y
** Institute, said", "X, director of the Z Office,". */
static char *rl_after(qctx *x, const nspan *s) {
    const qpara *p = &x->p[s->para];
    size_t k = s->b;
    if (!tk_punct(p, k, ',') || k + 1 >= p->ntok) return NULL;
    size_t a = k + 1, e = a;
    const qtok *t = &p->tok[a];
    if (t->kind != TK_WORD || t->q >= 0 || tk_verb(p, a) || tk_in(p, a, rolecut_tab, 1) ||
        (p->t[t->s] >= '0' && p->t[t->s] <= '9')) return NULL;
    static const char *const rel[] = { "who", "which", "whose", "whom", "that", NULL };
    while (e < p->ntok && e < a + ATTR_MAX_APPOS && !tk_punct(p, e, ',') && !tk_sent_end(p, e) &&
           p->tok[e].kind != TK_QOPEN && !tk_verb(p, e) && !tk_punct(p, e, ';') &&
           !tk_punct(p, e, ':') && !tk_punct(p, e, '(') && !tk_in(p, e, rel, 1)) e++;
    if (e < p->ntok && (tk_verb(p, e) || p->tok[e].kind == TK_QOPEN)) return NULL;
    size_t head = a;                        /* the role noun sits before any preposition */
    while (head < e && !(tk_in(p, head, rolecut_tab, 1) && !p->tok[head].cap)) head++;
    if (!rl_has_noun(p, a, head)) return NULL;
    return rl_text(p, a, e);
}

/* Role of the person named by span s, or NULL. */
static char *rl_of(qctx *x, const nspan *s) {
    char *r = rl_before(x, s);
    if (r && strchr(r, ' ')) return r;
    char *a = rl_after(x, s);              /* "the geophysicist X, co-director of Y," */
    if (a && (!r || strchr(a, ' '))) { free(r); return a; }
    free(a);
    return r;
}

/* Full name -> role of the person (the first one the article gives), for
** the speakers only. Open addressing on the name's bytes. */
typedef struct rkey {
    const char *name;   /* borrowed full name; NULL: empty slot */
    char *role;         /* owned, NULL until found */
    int person;         /* a person span resolves to it */
    int speaker;        /* some quote names it */
} rkey;

typedef struct rmap { rkey *v; size_t cap; } rmap;

static rkey *rm_get(rmap *m, const char *name, int create) {
    uint32_t h = 2166136261u;
    for (const char *c = name; *c; c++) h = (h ^ (unsigned char)*c) * 16777619u;
    for (size_t i = h & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        rkey *k = &m->v[i];
        if (!k->name) {
            if (!create) return NULL;
            k->name = name;
            return k;
        }
        if (strcmp(k->name, name) == 0) return k;
    }
}

/* ---- attribution --------------------------------------------------------- */

typedef struct attrib {
    int found;          /* a reporting verb ties the quote to a subject */
    const char *who;    /* borrowed full name, NULL if unresolved */
    int named;          /* who comes from a name written at the verb */
} attrib;

/* Speaker from a subject starting at token k: name, pronoun, role noun
** phrase. *end gets the token after the subject. */
static attrib at_subject(qctx *x, size_t pi, size_t k, size_t *end) {
    qpara *p = &x->p[pi];
    attrib a = { 1, NULL, 0 };
    *end = k;
    if (k >= p->ntok) { a.found = 0; return a; }
    if (tk_in(p, k, pronoun_tab, 1)) {
        a.who = ns_last_person(x, pi, k);
        *end = k + 1;
        return a;
    }
    if ((tk_is(p, k, "the") || tk_is(p, k, "a") || tk_is(p, k, "an")) && tk_capword(p, k + 1) &&
        ns_at(x, pi, k + 1))
        k++;                             /* "the Ministry of ..." */
    nspan *s = ns_at(x, pi, k);
    if (!s && tk_capword(p, k)) {      /* "The Ministry ..." begins before the span */
        size_t j = k;
        while (j < p->ntok && tk_in(p, j, stop_tab, 0)) j++;
        if (j > k) s = ns_at(x, pi, j);
    }
    if (s) {
        *end = s->b;
        if (p->tok[s->b - 1].poss) {     /* "China's ministry": an unnamed subject */
            size_t j = s->b;
            int role = 0;
            while (j < p->ntok && p->tok[j].kind == TK_WORD && !p->tok[j].cap && !tk_verb(p, j))
                role |= tk_in(p, j++, role_tab, 1);
            *end = j;
            nspan *s2 = role && tk_capword(p, j) ? ns_at(x, pi, j) : NULL;
            if (s2 && !s2->org && s2->a == j) {     /* "China's foreign minister X" */
                a.who = ns_full(x, s2);
                a.named = 1;
                *end = s2->b;
            }
            return a;
        }
        a.who = s->org ? s->name : ns_full(x, s);
        a.named = 1;
        return a;
    }
    /* lowercase noun phrase: "the minister", "a spokesman for the ministry" */
    size_t j = k;
    int role = 0;
    while (j < p->ntok && j < k + ATTR_ROLE_WINDOW + 2 && p->tok[j].kind == TK_WORD &&
           !p->tok[j].cap && !tk_verb(p, j)) {
        if (tk_in(p, j, role_tab, 1) || tk_suffix(p, j, "-old")) role = 1;
        j++;
    }
    if (j == k) { a.found = 0; return a; }
    *end = j;
    nspan *s2 = tk_capword(p, j) ? ns_at(x, pi, j) : NULL;
    if (s2) {       /* "former President Barack Obama", "a spokesman for the Ministry" */
        a.who = s2->org ? s2->name : ns_full(x, s2);
        a.named = 1;
        *end = s2->b;
    } else if (role) {
        a.who = ns_last_person(x, pi, k);
    }
    return a;
}

/* A name standing alone as the appositive at token e: ", Li Wei," after an
** unnamed subject ("a spokesman for the ministry, Li Wei, said"). */
static void at_appos_name(qctx *x, size_t pi, size_t e, attrib *a) {
    qpara *p = &x->p[pi];
    if (!tk_punct(p, e, ',') || !tk_capword(p, e + 1)) return;
    nspan *s = ns_at(x, pi, e + 1);
    if (!s || s->org || s->a != e + 1) return;
    if (s->b < p->ntok && !tk_punct(p, s->b, ',') && !tk_sent_end(p, s->b)) return;
    a->who = ns_full(x, s);
    a->named = 1;
}

/* Attribution in the clause after the closing mark of region r. */
static attrib at_after(qctx *x, size_t pi, size_t r) {
    qpara *p = &x->p[pi];
    attrib none = { 0, NULL, 0 };
    size_t k = p->tclose[r] + 1;
    if (p->tclose[r] >= p->ntok) return none;
    if (tk_sent_end(p, p->tclose[r]) && !(k < p->ntok && p->tok[k].kind == TK_WORD)) return none;
    int dash = 0;
    while (k < p->ntok && (tk_punct(p, k, ',') || tk_dash(p, k))) dash |= tk_dash(p, k++);
    if (k >= p->ntok || p->tok[k].kind != TK_WORD || p->tok[k].q >= 0) return none;
    if (tk_verb(p, k)) {                       /* "said X", "according to X" */
        size_t j = k + 1 + (tk_is(p, k, "according") ? 1 : 0), e;
        attrib a = at_subject(x, pi, j, &e);
        a.found = 1;
        if (!a.named) at_appos_name(x, pi, e, &a);   /* "said a spokesman, Li Wei" */
        return a;
    }
    size_t e;
    attrib a = at_subject(x, pi, k, &e);
    if (!a.found) return none;
    /* "the Foreign Ministry spokesperson Hua Chunying said" */
    size_t j = e;
    int role = 0;
    while (j < p->ntok && j < e + ATTR_ROLE_WINDOW && p->tok[j].kind == TK_WORD &&
           !p->tok[j].cap && !tk_verb(p, j)) {
        role |= tk_in(p, j, role_tab, 1) || tk_in(p, j, rolenoun_tab, 1);
        j++;
    }
    nspan *s = role && tk_capword(p, j) ? ns_at(x, pi, j) : NULL;
    if (s) { a.who = s->org ? s->name : ns_full(x, s); a.named = 1; e = s->b; }
    if (dash && a.named && (e >= p->ntok || tk_punct(p, e, ',') || tk_sent_end(p, e)))
        return a;                              /* a credit: "Q" — Jane Doe, poet */
    if (tk_punct(p, e, ',')) {                 /* appositive ", a cyber expert at ..., " */
        if (!a.named) at_appos_name(x, pi, e, &a);
        j = e + 1;
        while (j < p->ntok && j < e + ATTR_MAX_APPOS && !tk_punct(p, j, ',') &&
               !tk_sent_end(p, j) && p->tok[j].kind != TK_QOPEN && !tk_verb(p, j)) j++;
        if (tk_punct(p, j, ',')) e = j + 1;
        else if (tk_verb(p, j)) e = j;
    }
    if (ns_verb_after(p, e)) return a;
    return none;
}

/* Start of the sentence holding token k. */
static size_t at_sent_start(const qpara *p, size_t k) {
    size_t lim = k > SENT_MAX_TOKENS ? k - SENT_MAX_TOKENS : 0;
    for (; k > lim; k--)
        if (tk_sent_end(p, k - 1)) return k;
    return lim;
}

/* "In his words, "Q"", "in the words of X, "Q"": no verb, still attributed. */
static attrib at_words(qctx *x, size_t pi, size_t from, size_t to) {
    qpara *p = &x->p[pi];
    attrib none = { 0, NULL, 0 };
    for (size_t k = to; k-- > from;) {
        if (p->tok[k].q >= 0 || !tk_is(p, k, "words")) continue;
        if (k > from && (tk_is(p, k - 1, "his") || tk_is(p, k - 1, "her") ||
                         tk_is(p, k - 1, "their"))) {
            attrib a = { 1, ns_last_person(x, pi, k), 0 };
            return a;
        }
        if (tk_is(p, k + 1, "of")) {
            size_t e;
            attrib a = at_subject(x, pi, k + 2, &e);
            if (a.found && a.named) return a;
        }
    }
    return none;
}

/* Attribution by the last reporting verb in tokens [from, to) outside
** quotes: its subject before it, or the name after it. */
static attrib at_before(qctx *x, size_t pi, size_t from, size_t to) {
    qpara *p = &x->p[pi];
    size_t v = to;
    for (size_t k = to; k-- > from;)
        if (tk_verb(p, k)) { v = k; break; }
    if (v == to) return at_words(x, pi, from, to);
    size_t e;
    if (tk_is(p, v, "according")) {
        attrib a = at_subject(x, pi, v + 2, &e);
        a.found = 1;
        return a;
    }
    /* nearest subject before the verb: pronoun, person, or a role noun
    ** or organisation right before it */
    for (size_t k = v; k-- > from;) {
        const qtok *t = &p->tok[k];
        if (t->q >= 0 || t->kind != TK_WORD) continue;
        if (tk_in(p, k, pronoun_tab, 1)) {
            attrib a = { 1, ns_last_person(x, pi, k), 0 };
            return a;
        }
        nspan *s = ns_at(x, pi, k);
        if (s) {
            int near = v - s->b <= ATTR_MAX_SKIP && !tk_punct(p, s->b, ',');
            if (s->person || (!s->org && near) || (s->org && near)) {
                attrib a = { 1, s->org ? s->name : ns_full(x, s), 0 };
                if (p->tok[s->b - 1].poss && near) a.who = NULL;
                return a;
            }
            k = s->a;
            continue;
        }
        if (!t->cap && v - k <= ATTR_ROLE_WINDOW && tk_in(p, k, role_tab, 1)) {
            attrib a = { 1, ns_last_person(x, pi, k), 0 };
            return a;
        }
    }
    /* "Said X: ..." or a name right after the verb */
    attrib a = at_subject(x, pi, v + 1, &e);
    a.found = 1;
    return a;
}

/* An unclosed quote continued by the next paragraphs (each opening with a
** quote mark): the attribution after the first closing mark among them. */
static attrib at_lookahead(qctx *x, size_t pi) {
    attrib none = { 0, NULL, 0 };
    for (size_t j = pi + 1; j < x->np && j <= pi + ATTR_LOOKAHEAD_PARAS; j++) {
        qpara *p = &x->p[j];
        if (!p->nreg || p->topen[0] != 0) return none;
        if (p->reg[0].closed) return at_after(x, j, 0);
    }
    return none;
}

/* ---- filters and text ---------------------------------------------------- */

static int qt_words(const char *s) {
    int n = 0, in = 0;
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        int32_t c; size_t l = u_at(s, len, i, &c);
        if (u_is_space(c)) in = 0;
        else if (u_is_alnum(c) && !in) { n++; in = 1; }
        i += l;
    }
    return n;
}

/* Every word capitalised except short function words: a title. */
static int qt_title_case(const char *s) {
    static const char *const small[] = { "a", "an", "the", "and", "or", "of",
        "in", "on", "at", "to", "for", "by", "with", "from", "as", "vs", NULL };
    size_t len = strlen(s), caps = 0;
    for (size_t i = 0; i < len;) {
        int32_t c; size_t l = u_at(s, len, i, &c);
        if (!u_is_alnum(c)) { i += l; continue; }
        size_t j = i;
        while (j < len) {
            int32_t d; size_t dl = u_at(s, len, j, &d);
            if (!u_is_alnum(d) && d != '\'' && d != '-') break;
            j += dl;
        }
        if (u_is_upper(c)) caps++;
        else if (u_is_lower(c) && !in_tab(small, s + i, j - i, 0)) return 0;
        i = j;
    }
    return caps > 0;
}

/* Inner text: trimmed, whitespace collapsed, trailing , ; : dropped. */
static char *qt_text(const qpara *p, const qreg *r) {
    sbuf o = {0};
    int sp = 0;
    for (size_t i = r->istart; i < r->iend;) {
        int32_t c; size_t l = u_at(p->t, r->iend, i, &c);
        if (u_is_space(c)) { sp = 1; i += l; continue; }
        if (sp && o.len) sbuf_addc(&o, ' ');
        sp = 0;
        sbuf_add(&o, p->t + i, l);
        i += l;
    }
    char *s = sbuf_take(&o);
    size_t n = strlen(s);
    while (n && (s[n - 1] == ',' || s[n - 1] == ';' || s[n - 1] == ':' || s[n - 1] == ' '))
        s[--n] = '\0';
    return s;
}

/* The quote names something: "titled, "..."", "the "X" program". */
static int qt_is_name(const qpara *p, size_t r, const char *text) {
    size_t o = p->topen[r];
    size_t k = o;
    while (k > 0 && (tk_punct(p, k - 1, ',') || tk_punct(p, k - 1, ':'))) k--;
    if (k > 0 && tk_in(p, k - 1, naming_tab, 1)) {
        if (!tk_is(p, k - 1, "as") || (k >= 2 && (tk_is(p, k - 2, "known") ||
            tk_is(p, k - 2, "such")))) return 1;
    }
    size_t c = p->tclose[r];
    if (c < p->ntok) {
        size_t n = strlen(text);
        char last = n ? text[n - 1] : 0;
        size_t inner_end = p->reg[r].iend;
        char raw = inner_end > p->reg[r].istart ? p->t[inner_end - 1] : 0;
        if (last != '.' && last != '?' && last != '!' && raw != ',' &&
            tk_in(p, c + 1, program_tab, 1)) return 1;
    }
    return 0;
}

/* A whole quote reads as a sentence: it ends in . ? ! or an ellipsis
** (closing marks of a nested quote aside); else a full stop is added (the
** comma before "he said" was dropped by qt_text). Returns text or a new
** string (text freed). */
static char *qt_full_stop(char *text) {
    size_t n = strlen(text);
    while (n) {
        unsigned char c = (unsigned char)text[n - 1];
        if (c == '\'' || c == '"' || c == ')') { n--; continue; }
        if (n >= 3 && (unsigned char)text[n - 3] == 0xE2 && (unsigned char)text[n - 2] == 0x80 &&
            (c == 0x99 || c == 0x9D)) { n -= 3; continue; }        /* ’ ” */
        break;
    }
    if (!n) return text;
    char c = text[n - 1];
    if (c == '.' || c == '?' || c == '!') return text;
    if (n >= 3 && memcmp(text + n - 3, "\xE2\x80\xA6", 3) == 0) return text;   /* … */
    sbuf o = {0};
    sbuf_adds(&o, text);
    sbuf_addc(&o, '.');
    free(text);
    return sbuf_take(&o);
}

/* First character of region r's text is lowercase (or an ellipsis). */
static int qt_lower_start(const qpara *p, size_t r) {
    const qreg *g = &p->reg[r];
    size_t i = g->istart;
    while (i < g->iend) {
        int32_t c; size_t l = u_at(p->t, g->iend, i, &c);
        if (!u_is_space(c)) return u_is_lower(c) || c == '.' || c == 0x2026;
        i += l;
    }
    return 0;
}

/* A fragment woven into the reporter's sentence: it starts lowercase (and
** not at a sentence start), or it starts mid-sentence without a colon,
** comma, dash or a reporting verb just before introducing it ("protects
** people from "Malicious ..."; but "told the court "The ..."" is whole), or
** it is the first half of a sentence the reporter split ("If I see it," he
** says, "and it costs..."). Region r opens at token o, its sentence at ss. */
static int qt_partial(const qpara *p, size_t r, size_t o, size_t ss) {
    if (r + 1 < p->nreg && p->topen[r + 1] < p->ntok && qt_lower_start(p, r + 1) &&
        at_sent_start(p, p->topen[r + 1]) == ss)
        return 1;
    const qreg *g = &p->reg[r];
    size_t i = g->istart;
    while (i < g->iend) {
        int32_t c; size_t l = u_at(p->t, g->iend, i, &c);
        if (!u_is_space(c)) break;
        i += l;
    }
    int32_t c; u_at(p->t, g->iend, i, &c);
    if (o == ss) return 0;
    if (u_is_lower(c) || c == '.' || c == 0x2026) return 1;
    if (tk_punct(p, o - 1, ':') || tk_punct(p, o - 1, ',') || tk_dash(p, o - 1) ||
        tk_punct(p, o - 1, '('))
        return 0;
    for (size_t k = o; k-- > ss && o - k <= ATTR_ROLE_WINDOW;) {   /* "told the court "The" */
        if (p->tok[k].kind != TK_WORD) break;
        if (tk_verb(p, k)) return 0;
    }
    return 1;
}

/* The sentence holding region r (from token ss to the sentence end after
** its closing mark), whitespace collapsed, double quotation marks set as
** “ ”. Owned. */
static char *qt_context(const qpara *p, size_t r, size_t ss) {
    size_t k = p->tclose[r], end = p->len;
    for (; k < p->ntok; k++)
        if (tk_sent_end(p, k)) { end = p->tok[k].e; break; }
    size_t start = ss < p->ntok ? p->tok[ss].s : p->reg[r].open;
    sbuf o = {0};
    int sp = 0;
    size_t q = 0;
    for (size_t i = start; i < end;) {
        while (q < p->nreg && p->reg[q].close <= i && p->reg[q].open < i) q++;
        const qreg *g = q < p->nreg ? &p->reg[q] : NULL;
        if (g && !g->single && i == g->open) {
            if (sp && o.len) sbuf_addc(&o, ' ');
            sp = 0;
            sbuf_adds(&o, "\xE2\x80\x9C");
            i = g->istart;
            while (i < end && (p->t[i] == ' ' || p->t[i] == '\n' || p->t[i] == '\t')) i++;
            continue;
        }
        if (g && !g->single && g->closed && i == g->iend) {
            sbuf_adds(&o, "\xE2\x80\x9D");
            sp = 0;
            i = g->close;
            q++;
            continue;
        }
        int32_t c; size_t l = u_at(p->t, end, i, &c);
        if (l == 0) break;
        if (u_is_space(c)) { sp = 1; i += l; continue; }
        if (sp && o.len) sbuf_addc(&o, ' ');
        sp = 0;
        sbuf_add(&o, p->t + i, l);
        i += l;
    }
    for (size_t g = 0; g < p->nreg; g++)     /* a quote left open runs to the end */
        if (!p->reg[g].closed && !p->reg[g].single && p->reg[g].open >= start &&
            p->reg[g].open < end && p->reg[g].iend >= end) {
            sbuf_adds(&o, "\xE2\x80\x9D");
            break;
        }
    return sbuf_take(&o);
}

/* ---- driver -------------------------------------------------------------- */

typedef struct qout {
    corpus_quote *v; size_t n;
    size_t *set; size_t setcap;   /* open addressing: 1 + index into v, 0 empty */
} qout;

static uint32_t qo_hash(const char *s) {
    uint32_t h = 2166136261u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* Append unless the same text is already there (takes ownership of text
** and context). */
static void qo_add(qout *o, char *text, const char *who, size_t para, corpus_quote_kind kind,
                   char *context) {
    if ((o->n + 1) * 2 > o->setcap) {           /* rehash at half full */
        free(o->set);
        o->setcap = o->setcap ? o->setcap * 2 : 64;
        o->set = xcalloc(o->setcap, sizeof *o->set);
        for (size_t i = 0; i < o->n; i++) {
            size_t h = qo_hash(o->v[i].text) & (o->setcap - 1);
            while (o->set[h]) h = (h + 1) & (o->setcap - 1);
            o->set[h] = i + 1;
        }
    }
    size_t h = qo_hash(text) & (o->setcap - 1);
    for (; o->set[h]; h = (h + 1) & (o->setcap - 1))
        if (strcmp(o->v[o->set[h] - 1].text, text) == 0) { free(text); free(context); return; }
    o->set[h] = o->n + 1;
    o->v = grow(o->v, o->n, sizeof *o->v);
    o->v[o->n++] = (corpus_quote){ .text = text, .speaker = xstrdup(who), .context = context,
                                   .kind = kind, .para = para };
}

/* Roles of the speakers (rl_of on every person span naming one, the first
** found wins) and whether a speaker is a person at all. */
static void qt_roles(qctx *x, qout *o) {
    rmap m = { NULL, 16 };
    while (m.cap < 2 * (o->n + x->nsp) + 16) m.cap *= 2;
    m.v = xcalloc(m.cap, sizeof *m.v);
    for (size_t i = 0; i < o->n; i++)
        if (o->v[i].speaker) rm_get(&m, o->v[i].speaker, 1)->speaker = 1;
    for (size_t i = 0; i < x->nsp; i++) {
        nspan *s = &x->sp[i];
        if (s->org) continue;
        rkey *k = rm_get(&m, ns_full(x, s), 0);
        if (!k) continue;
        k->person = 1;
        if (k->role && strchr(k->role, ' ')) continue;
        char *r = rl_of(x, s);              /* a one-word role gives way to a fuller one */
        if (r && (!k->role || strchr(r, ' '))) { free(k->role); k->role = r; }
        else free(r);
    }
    for (size_t i = 0; i < o->n; i++) {
        rkey *k = o->v[i].speaker ? rm_get(&m, o->v[i].speaker, 0) : NULL;
        o->v[i].role = k && k->role ? xstrdup(k->role) : NULL;
        o->v[i].org = k && !k->person;
    }
    for (size_t i = 0; i < m.cap; i++) free(m.v[i].role);
    free(m.v);
}

/* For a paragraph that opens with a quote: the previous paragraph's last
** sentence "... VERB:" (speaker may stay NULL), or its last sentence with a
** reporting verb and a resolved subject ("Smith said the deal was fair."). */
static attrib at_prev_para(qctx *x, size_t pi) {
    attrib none = { 0, NULL, 0 };
    if (pi == 0) return none;
    qpara *p = &x->p[pi - 1];
    if (!p->ntok) return none;
    size_t end = p->ntok - 1;
    int colon = tk_punct(p, end, ':');
    attrib a = at_before(x, pi - 1, at_sent_start(p, end), end);
    return a.found && (colon || a.who) ? a : none;
}

const char *corpus_quote_kind_name(corpus_quote_kind k) {
    return k == CQUOTE_PARTIAL ? "partial" : "whole";
}

int corpus_quotes(const corpus_doc *doc, corpus_quote **quotes, size_t *n) {
    *quotes = NULL; *n = 0;
    qctx x = { .doc = doc, .np = doc->npara };
    x.p = xcalloc(doc->npara ? doc->npara : 1, sizeof *x.p);
    for (size_t i = 0; i < doc->npara; i++) {
        qpara *p = &x.p[i];
        p->t = doc->paras[i] ? doc->paras[i] : "";
        if (doc->para_kind && doc->para_kind[i] == CORPUS_PARA_SUBHEAD) p->t = "";  /* never a quote */
        p->len = strlen(p->t);
        qr_find(p->t, p->len, &p->reg, &p->nreg);
        qt_tokenize(p);
    }
    ns_build(&x);
    ns_resolve(&x);

    qout o = {0};
    attrib prev_para = { 0, NULL, 0 };   /* last attribution of the previous paragraph */
    for (size_t pi = 0; pi < x.np; pi++) {
        qpara *p = &x.p[pi];
        attrib here = { 0, NULL, 0 };    /* last attribution in this paragraph */
        for (size_t r = 0; r < p->nreg; r++) {
            char *text = qt_text(p, &p->reg[r]);
            if (qt_words(text) < QUOTE_MIN_WORDS || qt_title_case(text) ||
                qt_is_name(p, r, text)) { free(text); continue; }
            size_t o_tok = p->topen[r], ss = at_sent_start(p, o_tok);
            attrib a = at_after(&x, pi, r);
            if (!a.found) a = at_before(&x, pi, ss, o_tok);
            if (!a.found && here.found) a = here;
            if (!a.found && ss == o_tok && ss > 0)
                a = at_before(&x, pi, at_sent_start(p, ss - 1), ss);
            if (!a.found && o_tok == 0) {
                if (prev_para.found) a = prev_para;
                else a = at_prev_para(&x, pi);
            }
            if (!a.found && !p->reg[r].closed) a = at_lookahead(&x, pi);
            if (!a.found) { free(text); continue; }
            here = a;
            corpus_quote_kind kind = qt_partial(p, r, o_tok, ss) ? CQUOTE_PARTIAL : CQUOTE_WHOLE;
            if (kind == CQUOTE_PARTIAL && !a.who) {
                free(text);     /* a fragment nobody named said: a phrase in quotation marks */
                continue;
            }
            char *context = NULL;
            if (kind == CQUOTE_PARTIAL) context = qt_context(p, r, ss);
            else text = qt_full_stop(text);
            qo_add(&o, text, a.who, pi, kind, context);
        }
        prev_para = here;
    }
    free(o.set);
    qt_roles(&x, &o);

    for (size_t i = 0; i < x.nsp; i++) free(x.sp[i].name);
    free(x.sp);
    for (size_t i = 0; i < x.mapcap; i++) free(x.map[i].ids);
    free(x.map);
    free(x.lastp);
    for (size_t i = 0; i < x.np; i++) {
        free(x.p[i].reg); free(x.p[i].tok); free(x.p[i].topen); free(x.p[i].tclose);
    }
    free(x.p);
    *quotes = o.v; *n = o.n;
    return 0;
}

/* ---- one speaker across the corpus --------------------------------------- */

/* String -> value, open addressing; keys owned. */
typedef struct ukey {
    char *key;          /* owned; NULL: empty slot */
    const char *val;    /* borrowed: a full name, or a role */
    int ambiguous;      /* two different full names share this surname */
} ukey;

typedef struct umap { ukey *v; size_t cap; } umap;

static ukey *um_get(umap *m, const char *s, size_t n, int create) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    for (size_t i = h & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        ukey *k = &m->v[i];
        if (!k->key) {
            if (!create) return NULL;
            k->key = xstrndup(s, n);
            return k;
        }
        if (strlen(k->key) == n && memcmp(k->key, s, n) == 0) return k;
    }
}

static void um_free(umap *m) {
    for (size_t i = 0; i < m->cap; i++) free(m->v[i].key);
    free(m->v);
}

/* A surname (first or last word of a full name, family name first or
** last) -> the one full name that has it. */
static void un_surname(umap *m, const char *full, const char *w, size_t n) {
    ukey *k = um_get(m, w, n, 1);
    if (!k->val) k->val = full;
    else if (strcmp(k->val, full) != 0) k->ambiguous = 1;
}

void corpus_quotes_unify(corpus_article *arts, size_t n) {
    size_t nq = 0;
    for (size_t i = 0; i < n; i++) nq += arts[i].nquotes;
    umap names = { NULL, 16 }, roles = { NULL, 16 };
    while (names.cap < 4 * nq + 16) names.cap *= 2;
    roles.cap = names.cap;
    names.v = xcalloc(names.cap, sizeof *names.v);
    roles.v = xcalloc(roles.cap, sizeof *roles.v);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < arts[i].nquotes; j++) {
            corpus_quote *q = &arts[i].quotes[j];
            const char *sp = q->speaker ? strrchr(q->speaker, ' ') : NULL;
            if (!sp || q->org) continue;
            un_surname(&names, q->speaker, q->speaker, strcspn(q->speaker, " "));
            un_surname(&names, q->speaker, sp + 1, strlen(sp + 1));
            ukey *r = um_get(&roles, q->speaker, strlen(q->speaker), 1);
            if (!r->val && q->role) r->val = q->role;
        }
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < arts[i].nquotes; j++) {
            corpus_quote *q = &arts[i].quotes[j];
            if (!q->speaker || q->org) continue;
            if (!strchr(q->speaker, ' ')) {
                ukey *k = um_get(&names, q->speaker, strlen(q->speaker), 0);
                if (!k || k->ambiguous) continue;
                free(q->speaker);
                q->speaker = xstrdup(k->val);
            }
            ukey *r = q->role ? NULL : um_get(&roles, q->speaker, strlen(q->speaker), 0);
            if (r && r->val) q->role = xstrdup(r->val);
        }
    um_free(&names);
    um_free(&roles);
}
