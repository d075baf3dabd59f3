/*
 * feed.h - following a search: an Atom 1.0 feed and the OpenSearch description
 *
 * /feed?q=...&committee=... renders the newest matching items (by the time
 * they were first indexed) as Atom (RFC 4287), and /opensearch.xml tells
 * browsers how to search this server.  Both need absolute URLs, which the
 * caller passes as base.  Every string from the index is escaped.  Renders
 * into a struct sbuf; nothing else.
 */
#ifndef SRCH_FEED_H
#define SRCH_FEED_H

#include "sbuf.h"
#include "search.h"

struct feed_opts {
	const char *base;             /* the server's root as readers reach it, ending in '/' */
	const char *params;           /* the search's parameters, URL-encoded ("q=ofsted&..."),
	                                 "" for everything */
	const char *title;            /* what is followed, as the reader would say it */
	long long now;                /* Unix time in ms: the feed's updated when no entry has a time */
};

/*
 * Append res (newest first, as SEARCH_SORT_ADDED_DESC gives them) as an
 * Atom feed: entry ids are base + "item/" + id (stable), the alternate
 * link is the item's page, a related link its source when known.  Can't
 * fail except by out's sticky OOM.
 */
void feed_atom(const struct search_result *res, const struct feed_opts *o, struct sbuf *out);

/* Append the OpenSearch 1.1 description of the server at base. */
void feed_opensearch(const char *base, struct sbuf *out);

#endif
