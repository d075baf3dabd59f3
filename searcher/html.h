/*
 * html.h - server-rendered pages a reader can land on and share
 *
 * /meeting/ID (the meeting with every item in order) and /item/ID (one
 * item and a link to its meeting) as complete HTML documents in the style
 * of the search page (its app.css, its header and search box), readable
 * without JavaScript.  Every string from the index is escaped; links go
 * only to http(s) URLs from the index or to the server's own paths.
 * Renders into a struct sbuf; never touches the network or the disk.
 */
#ifndef SRCH_HTML_H
#define SRCH_HTML_H

#include <stdbool.h>
#include <stddef.h>

#include "sbuf.h"
#include "search.h"

/* True when hit h is its meeting's front matter (attendance, apologies), not an item. */
bool html_is_front(const struct search_hit *h);

/*
 * Append the page of a meeting: res holds every document of one meeting
 * in order (search_meeting), front matter first.  root is the relative
 * path from the page to the server's root ("../").  Can't fail except by
 * out's sticky OOM.
 */
void html_meeting(const struct search_result *res, const char *root, struct sbuf *out);

/* Append the page of one item (search_get_item, with its text).  As html_meeting. */
void html_item(const struct search_hit *hit, const char *root, struct sbuf *out);

/* Append a page saying msg (a 404 a reader may land on).  As html_meeting. */
void html_error(const char *msg, const char *root, struct sbuf *out);

#endif
