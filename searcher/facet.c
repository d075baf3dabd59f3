/*
 * facet.c - facet names, slots and prefixes (see facet.h)
 */
#include "facet.h"

#include <string.h>
#include <strings.h>

#include "schema.h"

static const struct facet_def facets[FACET_COUNT] = {
	[FACET_COUNCIL]   = { "council",   SLOT_COUNCIL,   0,               PFX_COUNCIL },
	[FACET_COMMITTEE] = { "committee", SLOT_COMMITTEE, 0,               PFX_COMMITTEE },
	[FACET_YEAR]      = { "year",      SLOT_YEAR,      0,               PFX_YEAR },
	[FACET_PERSON]    = { "person",    SLOT_PERSONS,   SCHEMA_LIST_SEP, PFX_PERSON },
	[FACET_FORMAT]    = { "format",    SLOT_MIME,      0,               PFX_MIME },
	[FACET_KIND]      = { "kind",      SLOT_KIND,      0,               PFX_KIND },
};

/* Friendly names of the formats the indexer reads. */
static const struct { const char *name, *mime; } formats[] = {
	{ "pdf",      "application/pdf" },
	{ "docx",     "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
	{ "odt",      "application/vnd.oasis.opendocument.text" },
	{ "doc",      "application/msword" },
	{ "rtf",      "text/rtf" },
	{ "rtf",      "application/rtf" },
	{ "html",     "text/html" },
	{ "markdown", "text/markdown" },
	{ "text",     "text/plain" },
};

const struct facet_def *facet_get(enum facet_id id)
{
	return &facets[id];
}

int facet_lookup(const char *name, size_t len)
{
	for (int i = 0; i < FACET_COUNT; i++)
		if (strlen(facets[i].name) == len && strncasecmp(facets[i].name, name, len) == 0)
			return i;
	return -1;
}

unsigned facet_default_mask(void)
{
	return 1u << FACET_COUNCIL | 1u << FACET_COMMITTEE | 1u << FACET_YEAR |
	       1u << FACET_PERSON | 1u << FACET_FORMAT;
}

const char *facet_format_name(const char *mime)
{
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (strcmp(formats[i].mime, mime) == 0)
			return formats[i].name;
	return mime;
}

const char *facet_format_mime(const char *name)
{
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (strcasecmp(formats[i].name, name) == 0)
			return formats[i].mime;
	return NULL;
}
