/*
** src/app/strings.c: the table of the exhibit's texts (see strings.h).
**
** A translation is a column here; the German and Chinese ones are written
** for visitors (short imperatives on buttons, full sentences in notices).
** An override from [strings] that takes values must take the same ones
** ("%d", "%s", in any order with "%1$d" positions) or it is refused: a
** config file never becomes a format string the code did not expect.
*/
#include "app/strings.h"

#include "common/util.h"

#include <stdlib.h>
#include <string.h>

typedef struct str_row { const char *key; const char *text[STR_NLANG]; } str_row;

static const str_row table[S_COUNT] = {
    [S_TITLE]        = { "title", { "In the news", "In den Nachrichten", "新闻聚焦" } },
    [S_QUOTES]       = { "quotes", { "Quotes", "Zitate", "引语" } },
    [S_TIMELINE]     = { "timeline", { "Timeline", "Zeitleiste", "时间线" } },
    [S_BACK]         = { "back", { "\xe2\x80\xb9 Back", "\xe2\x80\xb9 Zurück", "\xe2\x80\xb9 返回" } },
    [S_HOME]         = { "home", { "Home", "Start", "首页" } },
    [S_ARTICLE]      = { "article", { "Article", "Artikel", "文章" } },
    [S_FULL_ARTICLE] = { "full_article", { "Full article", "Ganzer Artikel", "全文" } },
    [S_TOUCH]        = { "touch", { "Touch to explore", "Berühren zum Entdecken", "轻触屏幕，开始探索" } },
    [S_READ_FULL]    = { "read_full", { "Read the full article \xe2\x80\xba",
                                        "Ganzen Artikel lesen \xe2\x80\xba", "阅读全文 \xe2\x80\xba" } },
    [S_READ_PHONE]   = { "read_phone", { "Read on your phone", "Auf dem Handy lesen",
                                         "用手机继续阅读" } },
    [S_KEY_QUOTES]   = { "key_quotes", { "KEY QUOTES", "ZITATE", "重要引语" } },
    [S_EVENTS]       = { "events", { "EVENTS", "EREIGNISSE", "事件" } },
    [S_MORE_QUOTES]  = { "more_quotes", { "+ %d more quotes", "+ %d weitere Zitate",
                                          "另有 %d 条引语" } },
    [S_MORE_EVENTS]  = { "more_events", { "+ %d more events", "+ %d weitere Ereignisse",
                                          "另有 %d 个事件" } },
    [S_NO_QUOTES_EVENTS] = { "no_quotes_events", {
        "No quotes or dated events were found in this article.",
        "In diesem Artikel wurden keine Zitate oder datierten Ereignisse gefunden.",
        "本文中没有找到引语或有日期的事件。" } },
    [S_PHOTO]        = { "photo", { "Photo: %s", "Foto: %s", "图片：%s" } },
    [S_UNATTRIBUTED] = { "unattributed", { "unattributed", "ohne Quelle", "出处不详" } },
    [S_FROM]         = { "from", { "From: %s", "Aus: %s", "出自：%s" } },
    [S_NO_QUOTATIONS] = { "no_quotations", { "No quotations in this collection.",
                                             "In dieser Sammlung gibt es keine Zitate.",
                                             "本展览中没有引语。" } },
    [S_UNAVAILABLE]  = { "unavailable", { "The collection is not available.",
                                          "Die Sammlung ist nicht verfügbar.",
                                          "展览内容暂不可用。" } },
    [S_NO_EVENTS]    = { "no_events", { "No dated events in this collection.",
                                        "In dieser Sammlung gibt es keine datierten Ereignisse.",
                                        "本展览中没有有日期的事件。" } },
    [S_TL_HELP]      = { "timeline_help", {
        "Tap an event \xc2\xb7 drag to move \xc2\xb7 pinch or + / \xe2\x88\x92 to zoom",
        "Ziehen zum Verschieben \xc2\xb7 zwei Finger oder + / \xe2\x88\x92 zum Zoomen "
        "\xc2\xb7 Ereignis antippen",
        "拖动以移动 \xc2\xb7 双指或 + / \xe2\x88\x92 缩放 \xc2\xb7 轻触事件" } },
    [S_TL_HELP_CAPPED] = { "timeline_help_newest", {
        "Events of the newest articles \xc2\xb7 drag to move \xc2\xb7 pinch or + / \xe2\x88\x92 to zoom",
        "Ereignisse der neuesten Artikel \xc2\xb7 ziehen zum Verschieben \xc2\xb7 zwei Finger "
        "oder + / \xe2\x88\x92 zum Zoomen",
        "最新文章中的事件 \xc2\xb7 拖动以移动 \xc2\xb7 双指或 + / \xe2\x88\x92 缩放" } },
    [S_OPEN_ARTICLE] = { "open_article", { "Open the article \xe2\x80\xba", "Zum Artikel \xe2\x80\xba",
                                           "打开文章 \xe2\x80\xba" } },
    [S_ON_TIMELINE]  = { "on_the_timeline", { "ON THE TIMELINE", "AUF DER ZEITLEISTE", "时间线" } },
    [S_EMPTY_TITLE]  = { "empty_title", { "Nothing on show yet", "Noch nichts ausgestellt",
                                          "暂无展出内容" } },
    [S_EMPTY_TEXT]   = { "empty_text", {
        "The collection has no articles. They appear here as soon as the content is updated.",
        "Die Sammlung enthält noch keine Artikel. Sie erscheinen hier, sobald die Inhalte "
        "aktualisiert sind.",
        "展览中还没有文章。内容更新后会立即显示在这里。" } },
    [S_LOADING]      = { "loading", { "Loading\xe2\x80\xa6", "Wird geladen\xe2\x80\xa6",
                                      "正在加载\xe2\x80\xa6" } },
    [S_ITEM_FAILED]  = { "item_failed", { "This item could not be loaded.",
                                          "Dieser Inhalt konnte nicht geladen werden.",
                                          "无法加载此内容。" } },
    [S_UPDATING_TITLE] = { "updating_title", { "The exhibit is being updated",
                                               "Die Ausstellung wird gerade aktualisiert",
                                               "展览正在更新" } },
    [S_UPDATING_TEXT] = { "updating_text", { "Please come back in a few minutes.",
                                             "Bitte schauen Sie in ein paar Minuten wieder vorbei.",
                                             "请几分钟后再来。" } },
    [S_CONTENT_UNAVAILABLE] = { "content_unavailable", { "Content unavailable",
                                                         "Inhalt nicht verfügbar",
                                                         "内容不可用" } },
    [S_ARTICLE_FAILED] = { "article_failed", { "The article could not be loaded.",
                                               "Der Artikel konnte nicht geladen werden.",
                                               "无法加载这篇文章。" } },
    [S_HOOK_STORIES] = { "hook_stories", { "%d stories", "%d Artikel", "%d 篇报道" } },
    [S_HOOK_VOICES]  = { "hook_voices", { "%d voices", "%d Stimmen", "%d 位发言者" } },
    [S_HOOK_STORY]   = { "hook_story", { "%d story", "%d Artikel", "%d 篇报道" } },
    [S_HOOK_VOICE]   = { "hook_voice", { "%d voice", "%d Stimme", "%d 位发言者" } },
    [S_HOOK_EVENTS]  = { "hook_events", { "%d dated events", "%d datierte Ereignisse",
                                          "%d 个有日期的事件" } },
    [S_DATE_DAY]     = { "date_day", { "%d %s %d", "%d. %s %d", "%3$d年%2$s%1$d日" } },
    [S_DATE_MONTH]   = { "date_month", { "%s %d", "%s %d", "%2$d年%1$s" } },
};

static const char *const months[STR_NLANG][2][12] = {
    [STR_EN] = {
        { "January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December" },
        { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" } },
    [STR_DE] = {
        { "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember" },
        { "Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.",
          "Dez." } },
    [STR_ZH] = {
        { "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月" },
        { "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月" } },
};

static str_lang lang = STR_EN;
static char *override[S_COUNT];     /* owned; NULL = the table's */

const char *str(str_id id)
{
    if ((unsigned)id >= S_COUNT)
        return "";
    if (override[id])
        return override[id];
    const char *t = table[id].text[lang];
    return t ? t : table[id].text[STR_EN];
}

const char *str_month(int m, int is_short)
{
    return m >= 1 && m <= 12 ? months[lang][is_short ? 1 : 0][m - 1] : "";
}

void str_set_language(str_lang l) { lang = (unsigned)l < STR_NLANG ? l : STR_EN; }
str_lang str_language(void) { return lang; }
const char *str_key(str_id id) { return (unsigned)id < S_COUNT ? table[id].key : ""; }

/* The values a format takes: sig[i] is the conversion ('d' or 's') of
** argument i+1; 0 if fmt is not one this code can pass values to
** (flags, widths, other conversions, mixed or out-of-range positions). */
static int fmt_sig(const char *fmt, char sig[8], int *n)
{
    int seq = 0, positional = -1;
    memset(sig, 0, 8);
    *n = 0;
    for (const char *p = fmt; (p = strchr(p, '%')); ) {
        p++;
        if (*p == '%') { p++; continue; }
        int pos = 0;
        const char *q = p;
        while (*q >= '0' && *q <= '9') pos = pos * 10 + (*q++ - '0');
        int is_pos = *q == '$' && q > p;
        if (is_pos) p = q + 1; else pos = ++seq;
        if (positional >= 0 && positional != is_pos) return 0;
        positional = is_pos;
        if ((*p != 'd' && *p != 's') || pos < 1 || pos > 8 || sig[pos - 1]) return 0;
        sig[pos - 1] = *p++;
        if (pos > *n) *n = pos;
    }
    for (int i = 0; i < *n; i++)
        if (!sig[i]) return 0;          /* a gap: "%2$s" without "%1$" */
    return 1;
}

int str_set_override(const char *key, const char *value)
{
    for (int i = 0; i < S_COUNT; i++) {
        if (strcmp(table[i].key, key))
            continue;
        char want[8], got[8];
        int nw, ng;
        fmt_sig(table[i].text[STR_EN], want, &nw);
        if (value && *value && (!fmt_sig(value, got, &ng) || ng != nw || memcmp(want, got, 8)))
            return -1;                  /* not the values this string is given */
        free(override[i]);
        override[i] = value && *value ? xstrdup(value) : NULL;
        return 0;
    }
    return -1;
}

void str_clear_overrides(void)
{
    for (int i = 0; i < S_COUNT; i++) {
        free(override[i]);
        override[i] = NULL;
    }
}
