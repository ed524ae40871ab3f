/*
** src/app/strings.h: every text the exhibit itself shows, in the venue's
** language (str_).
**
** One table (strings.c) holds each string in English, German and
** Simplified Chinese; display.language picks the column and a [strings]
** section of the config overrides any one by its key:
**
**     [display]
**     language = de
**     [strings]
**     touch = Berühren Sie den Bildschirm
**
** Like a C locale the choice is process-wide: str_set_language and
** str_set_override are called when the config is read, str() anywhere
** after. Strings are UTF-8; "%s" / "%d" where a string takes a value.
*/
#ifndef VITRINE_STRINGS_H
#define VITRINE_STRINGS_H

#include <stddef.h>

typedef enum str_lang { STR_EN, STR_DE, STR_ZH, STR_NLANG } str_lang;
#define STR_LANG_CHOICES "en|de|zh-Hans"   /* config enum, in str_lang order */

typedef enum str_id {
    S_TITLE,            /* Home's title unless theme.title is set */
    S_QUOTES, S_TIMELINE, S_BACK, S_HOME, S_ARTICLE, S_FULL_ARTICLE,
    S_TOUCH,            /* the slideshow's invitation */
    S_READ_FULL, S_READ_PHONE, S_KEY_QUOTES, S_EVENTS, S_MORE_QUOTES, S_MORE_EVENTS,
    S_NO_QUOTES_EVENTS, S_PHOTO, S_UNATTRIBUTED, S_FROM, S_NO_QUOTATIONS, S_UNAVAILABLE,
    S_NO_EVENTS, S_TL_HELP, S_TL_HELP_CAPPED, S_ON_TIMELINE,
    S_OPEN_ARTICLE,     /* the Timeline's selected event: its article */
    S_EMPTY_TITLE, S_EMPTY_TEXT, S_LOADING, S_ITEM_FAILED, S_UPDATING_TITLE,
    S_UPDATING_TEXT, S_CONTENT_UNAVAILABLE, S_ARTICLE_FAILED,
    S_HOOK_STORIES, S_HOOK_VOICES, S_HOOK_EVENTS,  /* the opening slide's counts */
    S_HOOK_STORY, S_HOOK_VOICE,    /* ... of one */
    S_DATE_DAY,         /* "%d %s %d" day, month name, year (str_month) */
    S_DATE_MONTH,       /* "%s %d" month name, year */
    S_COUNT
} str_id;

/* The string id in the current language (or its override). Never NULL. */
const char *str(str_id id);
/* Month m (1..12) in the current language, long or short ("May", "Mai",
** "5月"); "" out of range. */
const char *str_month(int m, int is_short);

void str_set_language(str_lang lang);
str_lang str_language(void);
/* [strings] KEY = VALUE: override that string (a copy; "" restores the
** table's). 0 ok, -1 unknown key. */
int str_set_override(const char *key, const char *value);
void str_clear_overrides(void);
/* The key of id as [strings] names it ("touch"). */
const char *str_key(str_id id);

#endif
