/*
** src/app/ui_views.h: the Quote and Timeline screens of the exhibit (ui_).
**
** Both follow screen.h: create -> prepare (all store queries, layout and
** text rendering) -> draw (cached textures and boxes only) -> destroy.
**
** Indexes, shared with the rest of the UI (ui.c, ui_state):
**   article index  = position in article order (store.h) (newest first)
**   quote index    = position in quote order (store.h)
**   event index    = position in event order (store.h, by date)
** A tap on a quote's source line answers UI_TGT_ARTICLE_SOURCE with the
** article index; a tap on a timeline event answers UI_TGT_EVENT with the
** event index and its article index (for an item merged from several
** articles: its first source). Article ids are mapped to indexes by
** looking them up in the store during prepare.
*/
#ifndef VITRINE_UI_VIEWS_H
#define VITRINE_UI_VIEWS_H

#include "app/screen.h"

/* One quote, large, with speaker and source. An index out of range wraps
** (negative too), so NEXT / PREV can simply add or subtract one. Never NULL. */
screen *ui_quote_create(int quote_index);

/* Every event on one time axis. event_index: the event to centre on (and
** highlight), -1 = the whole range. Never NULL. */
screen *ui_timeline_create(int event_index);

/* For tests: the timeline's current zoom (px per day) and the day at the
** axis's left end (days since 1970-01-01); see ui_timeline_model.h. */
void ui_timeline_view(screen *timeline, double *ppd, double *left);
/* For tests: the timeline's model (borrowed; NULL before prepare). */
const struct ui_tlm *ui_timeline_model(screen *timeline);
/* The store index of item's first event (what its Open the article opens); -1 none. */
int ui_timeline_event_of(screen *timeline, int item);
/* Where item's marker is on screen now (x, y), and its label's rect (*lw 0:
** hidden): the model's coordinates run along / across the axis, which
** runs down the screen in portrait (ui_timeline_vertical 1). Tests. */
void ui_timeline_item_on_screen(screen *timeline, int item, float *x, float *y,
                                int *lx, int *ly, int *lw, int *lh);
int ui_timeline_vertical(screen *timeline);

#endif
