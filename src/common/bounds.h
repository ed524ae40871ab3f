/*
** src/common/bounds.h: what one value of the database may hold, in bytes.
** Part of the schema contract (src/corpus/corpus_db.c): vitrine-corpus writes
** within these bounds (src/corpus/corpus_ingest.c, bound_article) and the app
** cuts anything longer when it reads a row (src/app/store.c, col_dup), so a
** database built by anyone else is cut to size, logged, and shown.
**
** An article body of VITRINE_BODY_MAX is about 40,000 words, a book
** chapter; every other text (title, summary sentence, quote, its context,
** event, names, roles, URL) is at most a long paragraph.
*/
#ifndef VITRINE_BOUNDS_H
#define VITRINE_BOUNDS_H

#define VITRINE_BODY_MAX (256 * 1024)
#define VITRINE_TEXT_MAX (4 * 1024)

#endif
