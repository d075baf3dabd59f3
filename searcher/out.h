/*
 * out.h - search results as text for a terminal, JSON or CSV
 *
 * The JSON shape is documented in docs/JSON.md and shared with the HTTP
 * server.  Writers append to a struct sbuf, so the server can send the
 * same bytes the CLI prints.
 */
#ifndef SRCH_OUT_H
#define SRCH_OUT_H

#include <stdbool.h>

#include "sbuf.h"
#include "search.h"

enum out_format { OUT_TEXT = 0, OUT_JSON, OUT_CSV };

struct out_opts {
	const char *query;        /* the query as typed, echoed in JSON */
	bool color;               /* terminal escapes in text output */
	bool pretty;              /* indented JSON */
};

/* Append res in format to out.  Can't fail except by sbuf's sticky OOM. */
void out_result(const struct search_result *res, enum out_format format,
		const struct out_opts *opts, struct sbuf *out);

/* One item with its meeting's fields and full text (JSON only, for /api/item). */
void out_item_json(const struct search_hit *hit, struct sbuf *out);

/*
 * A meeting as JSON (for /api/meeting): res holds its documents in order,
 * front matter first (search_meeting).  The meeting's fields come from the
 * front matter; every item follows with its resolutions and text.
 */
void out_meeting_json(const struct search_result *res, struct sbuf *out);

/* Index statistics as text or JSON. */
void out_stats(const struct search_stats *st, enum out_format format, struct sbuf *out);

/*
 * Append the link to d's source: its URL, with "#page=N" when the page is
 * known and the file itself has pages (d->paged: a PDF, not a bundle
 * member); nothing when d has no URL (never a broken link).
 */
void out_source_link(const struct docdata *d, struct sbuf *out);

/*
 * Write Unix time ms (milliseconds) as ISO 8601 UTC with milliseconds
 * ("2025-03-04T09:30:00.123Z") into buf; false when ms <= 0 or buf is too
 * small (32 bytes are enough).
 */
bool out_iso_time(long long ms, char *buf, size_t size);

/* A JSON error object {"error": msg, "code": code}. */
void out_error_json(const char *msg, int code, struct sbuf *out);

#endif
