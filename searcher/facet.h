/*
 * facet.h - the facets a search can count, by name
 *
 * Maps the user-visible facet names (council, committee, year, person,
 * format, kind) to value slots and filter prefixes of common/schema.h, and
 * turns a facet value back into a filter term.  A table, not a ladder.
 */
#ifndef SRCH_FACET_H
#define SRCH_FACET_H

#include <stddef.h>

enum facet_id {
	FACET_COUNCIL = 0,
	FACET_COMMITTEE,
	FACET_YEAR,
	FACET_PERSON,
	FACET_FORMAT,
	FACET_KIND,
	FACET_COUNT
};

struct facet_def {
	const char *name;         /* "committee": CLI --facet, JSON key, query field */
	unsigned slot;            /* value slot counted */
	char sep;                 /* separator of a multi-valued slot, or 0 */
	const char *prefix;       /* boolean term prefix that filters on it */
};

/* The definition of id (id < FACET_COUNT). */
const struct facet_def *facet_get(enum facet_id id);

/* The facet called name, or -1. */
int facet_lookup(const char *name, size_t len);

/* Bit mask of the facets shown when none are asked for. */
unsigned facet_default_mask(void);

/* Friendly name of a MIME type for the format facet: "application/pdf" -> "pdf". */
const char *facet_format_name(const char *mime);

/* MIME type of a friendly format name ("pdf" -> "application/pdf"), or NULL. */
const char *facet_format_mime(const char *name);

#endif
