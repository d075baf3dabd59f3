/*
 * field.h - the minutes parser: meeting fields and agenda items from text
 *
 * Input is the UTF-8 text an extractor produced (form feeds separate PDF
 * pages).  Output is a struct field_meeting: the header fields (council,
 * committee, date, time, venue, chair, people) and the list of agenda items
 * with their number, title, body, resolutions and start page.  The parser
 * knows nothing about Xapian, files or formats; the indexer maps its output
 * onto documents (see common/schema.h).
 */
#ifndef CM_FIELD_H
#define CM_FIELD_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "strv.h"

#ifdef __cplusplus
extern "C" {
#endif

enum field_kind {
	FIELD_KIND_OTHER = 0,   /* not recognisably minutes, agenda or report */
	FIELD_KIND_MINUTES,
	FIELD_KIND_AGENDA,
	FIELD_KIND_REPORT
};

/* Where a header field came from, for --explain's "sources". */
enum field_source {
	FIELD_SRC_NONE = 0,     /* not found */
	FIELD_SRC_TEXT,         /* stated in the document */
	FIELD_SRC_PATH,         /* the file's folder or name (the text names none) */
	FIELD_SRC_OPTION        /* --council */
};

struct field_item {
	char *number;             /* as written: "26/19", "5", "4.1", "(a)"; "" when unnumbered; never NULL */
	char *title;              /* whole title, markup removed, one line; never NULL */
	char *body;               /* item text after the title, cleaned; never NULL */
	struct strv resolutions;  /* text of each resolution, in order */
	unsigned page;            /* 1-based page the item starts on; 0 when the source has no pages */
	char *agenda_item;        /* "1" for minute 84 headed "(Item 1)": the agenda's number; NULL if none */
};

struct field_meeting {
	char *council;            /* canonical council name, NULL when unknown */
	char *committee;          /* committee name as a facet value, NULL when unknown */
	int date;                 /* meeting date as YYYYMMDD, 0 when unknown */
	char *time;               /* start time as "HH:MM" (24h), NULL when unknown */
	char *venue;              /* "Committee Room 2, County Hall, Durham", NULL when unknown */
	char *chair;              /* name of the chair, titles stripped, NULL when unknown */
	struct strv present;      /* members present (chair included), titles stripped */
	struct strv apologies;    /* names of those who sent apologies */
	struct strv officers;     /* officers / others in attendance */
	enum field_kind kind;     /* minutes, agenda, report or other */
	bool draft;               /* marked as draft minutes */
	char *front;              /* front matter text before the first item; never NULL after parse */
	enum field_source council_src;   /* where council came from */
	enum field_source committee_src; /* where committee came from */
	enum field_source date_src;      /* where date came from */
	struct field_item *items; /* n_items items in document order */
	size_t n_items;
};

struct field_opts {
	const char *council;      /* --council override; NULL to detect */
	const char *path;         /* source path, for council/committee from folder layout; may be NULL */
};

/*
 * Parse minutes text (len bytes of UTF-8, need not be NUL-terminated) into
 * `out`, which the caller zeroes first and later frees with
 * field_meeting_release().  Returns CM_OK, CM_ENOMEM, or CM_EINVAL for a NULL
 * argument.  Unrecognised layouts are not errors: the meeting simply has fewer
 * fields and possibly no items.  Never crashes or hangs on any input.
 */
int field_parse(const char *text, size_t len, const struct field_opts *opts,
		struct field_meeting *out, struct cm_err *err);

/* Free everything `m` owns and zero it.  NULL-safe, and safe on a zeroed struct. */
void field_meeting_release(struct field_meeting *m);

/* "text", "path", "option", or NULL for FIELD_SRC_NONE. */
const char *field_source_str(enum field_source src);

/* "minutes", "agenda", "report" or "other". */
const char *field_kind_str(enum field_kind kind);

#ifdef __cplusplus
}
#endif
#endif
