/*
 * stopword.h - the English function words that are never indexed
 *
 * One list for the indexer's term generator and the searcher's query
 * parser, so that what is left out of the index is also left out of
 * queries.  Chosen from the most frequent words of council minutes, minus
 * those that carry meaning there: "not" and "no" (motions), "may" (the
 * month), "it" (IT), "us" (US), "who" (WHO), "will" (a name, and a will),
 * "am" (times), "i" (a numeral), "against", "over" and "under" (votes,
 * ages), and the words that begin compounds, whose second half would
 * otherwise stand for them: "by" (by-election), "in" (in-house, children
 * in care), "on" (on-street), "at" (at-risk), "all" (all-party), "after"
 * (after-school, looked after children) and "before".  The trade-off
 * (docs/ARCHITECTURE.md): positions do not advance over a dropped word, so
 * the phrase "cost of living" is searched as "cost living", which also
 * matches "cost and living".
 */
#ifndef CM_STOPWORD_H
#define CM_STOPWORD_H

#include <stdbool.h>
#include <stddef.h>

#include "sbuf.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The list, lowercase ASCII, sorted; *n gets its length.  Static: never freed. */
const char *const *stopword_list(size_t *n);

/* True when the len bytes at w are a stopword (ASCII case ignored).  Can't fail. */
bool stopword_is(const char *w, size_t len);

/*
 * Append the len bytes at s (the words of a phrase, or a compound such as
 * "cost-of-living") to out without their stopwords: the words that remain,
 * each after the separator that preceded it ("cost living",
 * "cost-living"; "in-house" would become "house").  When every word is a
 * stopword, s is appended unchanged, so that the query parser can name
 * them rather than search for nothing.  Out of memory is sticky in out.
 */
void stopword_strip(const char *s, size_t len, struct sbuf *out);

#ifdef __cplusplus
}
#endif
#endif
