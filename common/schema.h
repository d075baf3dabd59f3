/*
 * schema.h - the index schema: term prefixes, value slots, document data keys
 *
 * The only place that spells them (Omega's values.h is the model).  One
 * Xapian document per agenda item plus one per meeting's front matter; every
 * document carries its meeting's fields so filters and facets work at item
 * level.  Changing a prefix or slot number means a full re-index: bump
 * SCHEMA_VERSION so the indexer refuses to mix versions.
 */
#ifndef CM_SCHEMA_H
#define CM_SCHEMA_H

/*
 * Stored in the database metadata under SCHEMA_META_VERSION.  Version 2:
 * words are indexed as written, without Z stem terms; each stem's words
 * are listed in the synonym table instead ("Z" + prefix + stem -> prefix +
 * word, see xw_db_add_words), which the query parser expands.
 */
#define SCHEMA_VERSION      "2"
#define SCHEMA_META_VERSION "schema"

/* Free-text prefixes (indexed with positions, unstemmed). */
#define PFX_TITLE       "S"    /* item title */
#define PFX_RESOLVED    "XR"   /* resolution text */

/* Every free-text prefix ("" = body text): their words get stem synonyms. */
#define SCHEMA_TEXT_PREFIXES { "", PFX_TITLE, PFX_RESOLVED }

/* Boolean prefixes (exact, normalised lowercase values). */
#define PFX_COUNCIL     "XC"   /* council, normalised */
#define PFX_COMMITTEE   "XM"   /* committee, normalised */
#define PFX_PERSON      "XP"   /* person present or chairing: normalised surname */
#define PFX_ITEM        "XI"   /* item number as written ("30/19") */
#define PFX_MIME        "T"    /* MIME type of the source file */
#define PFX_KIND        "XK"   /* document kind: minutes, agenda, report, other */
#define PFX_YEAR        "XY"   /* meeting year, "2019" */
#define PFX_UID         "Q"    /* unique id of this document */
#define PFX_FILE        "XF"   /* meeting id again: deletes or replaces all its items at once */
#define PFX_MEETING     "XG"   /* id of the meeting (front matter + items share it) */
#define PFX_FRONT       "XZ"   /* "XZfront" marks a meeting's front-matter document */
#define PFX_PHRASE      "XQ"   /* a glossary phrase the item holds, by key (glossary.h) */

/* Value slots: everything sorted, ranged, collapsed or counted (xw.h reserves
 * XW_DATA_SLOT, far above these, for the document data). */
enum schema_slot {
	SLOT_DATE = 0,        /* "YYYYMMDD": ranges, sorting */
	SLOT_COUNCIL = 1,     /* display form of the council: facet */
	SLOT_COMMITTEE = 2,   /* display form of the committee: facet */
	SLOT_YEAR = 3,        /* "YYYY": facet */
	SLOT_MEETING = 4,     /* meeting id: collapse key for --group meeting */
	SLOT_ITEM_SORT = 5,   /* date + item ordinal, zero-padded: stable "newest first" */
	SLOT_MIME = 6,        /* MIME type: format facet */
	SLOT_KIND = 7,        /* minutes/agenda/report/other: facet */
	SLOT_PERSONS = 8,     /* people present, "\x1f"-separated display names: person facet */
	SLOT_WORDS = 9,       /* words of an item's text, decimal: research denominators */
	SLOT_TITLE = 10,      /* an item's title as written: recurring items, read without docdata */
	SLOT_ORDER = 11,      /* SLOT_ITEM_SORT + meeting id: unique, so the order of hits never
	                         depends on docids (which differ between one database and shards) */
	SLOT_ADDED = 12       /* when the item was first indexed: SCHEMA_ADDED_DIGITS decimal Unix
	                         milliseconds, then the SLOT_ORDER value (unique, so "newest first"
	                         is stable); kept when an edit rewrites the item, and left out of
	                         the document's digest; absent in indexes written before it */
};

/*
 * The arrays the indexer stores for one-shot searches (xw_arrays_save):
 * the values of every slot a search counts, ranges or collapses on, and the
 * order of the tie slot.  Slots left out are read from Xapian as before.
 */
#define SCHEMA_ARRAY_SLOTS { SLOT_DATE, SLOT_COUNCIL, SLOT_COMMITTEE, SLOT_YEAR, SLOT_MEETING, \
			     SLOT_MIME, SLOT_KIND, SLOT_PERSONS }
#define SCHEMA_RANK_SLOTS  { SLOT_ORDER }
/* ...and the people at each meeting split into surnames, as the person facet counts them
 * (searcher/facet.c: the separator; search.c: by last word). */
#define SCHEMA_ARRAY_SPLITS { { SLOT_PERSONS, SCHEMA_LIST_SEP, true } }

/*
 * Digits of the time at the start of a SLOT_ADDED value: Unix milliseconds,
 * zero-padded so that values sort by time (good until the year 33658).
 */
enum { SCHEMA_ADDED_DIGITS = 15 };

/* Metadata key of the research denominators (common/denom.h), rewritten after every run. */
#define SCHEMA_META_DENOM   "denom"

/*
 * Metadata: the archive roots indexed, one per line, "ROOT\tABSOLUTE" (as
 * crawled, and its real path then), which `serve --serve-files` confines
 * itself to; and the --url-prefix mappings of the last run that gave any,
 * one per line, reused by runs that give none.
 */
#define SCHEMA_META_ROOTS   "roots"
#define SCHEMA_META_URLS    "url-prefix"
/* The glossary phrase keys its items carry PFX_PHRASE terms for, one a line (glossary.h). */
#define SCHEMA_META_PHRASES "phrase-terms"

/* Separator between values packed into one slot (ASCII unit separator). */
#define SCHEMA_LIST_SEP '\x1f'

/* Metadata keys of the incremental bookkeeping: "file:" + path -> record. */
#define SCHEMA_META_FILE    "file:"

/*
 * A sharded index (minutes-index --shard-by): DIR/XAPIANDB is a stub listing
 * DIR/SCHEMA_SHARD_DIR/<key>, and DIR/SCHEMA_CONTROL_DIR holds the bookkeeping
 * (metadata only) with the mode under SCHEMA_META_SHARD_BY.
 */
#define SCHEMA_META_SHARD_BY "shard-by"
#define SCHEMA_CONTROL_DIR   "control"
#define SCHEMA_SHARD_DIR     "shards"

#endif
