/*
 * research.c - helpers shared by the research commands (research_int.h)
 *
 * Period arithmetic on YYYYMM months and aligned text columns.  The
 * commands' command line is searcher/cmd_research.c.
 */
#include "research.h"

#include <stdio.h>
#include <string.h>

#include "date.h"
#include "research_int.h"
#include "strv.h"

/* ---- helpers ------------------------------------------------------------ */

long research_period_index(enum research_period by, unsigned yyyymm)
{
	long y = (long)(yyyymm / 100), m = (long)(yyyymm % 100);

	switch (by) {
	case RESEARCH_BY_MONTH:
		return y * 12 + (m - 1);
	case RESEARCH_BY_MUNICIPAL:
		/* The municipal year starts in May: April 2020 belongs to 2019/20. */
		return m >= 5 ? y : y - 1;
	case RESEARCH_BY_YEAR:
	default:
		return y;
	}
}

void research_period_label(enum research_period by, long idx, struct sbuf *out)
{
	switch (by) {
	case RESEARCH_BY_MONTH:
		sbuf_addf(out, "%04ld-%02ld", idx / 12, idx % 12 + 1);
		break;
	case RESEARCH_BY_MUNICIPAL:
		sbuf_addf(out, "%04ld/%02ld", idx, (idx + 1) % 100);
		break;
	case RESEARCH_BY_YEAR:
	default:
		sbuf_addf(out, "%04ld", idx);
		break;
	}
}

void research_pad(const char *s, size_t width, struct sbuf *out)
{
	size_t cols = 0, i = 0, n = s ? strlen(s) : 0;

	while (i < n && cols < width) {
		size_t j = i + 1;

		while (j < n && ((unsigned char)s[j] & 0xC0) == 0x80)
			j++;
		if (cols + 1 == width && j < n) {
			sbuf_adds(out, "\xe2\x80\xa6");   /* an ellipsis marks the cut */
			cols++;
			i = n;
			break;
		}
		sbuf_add(out, s + i, j - i);
		cols++;
		i = j;
	}
	for (; cols < width; cols++)
		sbuf_addch(out, ' ');
}
