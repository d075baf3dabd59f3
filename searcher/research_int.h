/*
 * research_int.h - helpers shared by the research_*.c files, not an API
 *
 * Period arithmetic on YYYYMM months and small writers for CSV fields and
 * aligned text columns.
 */
#ifndef SRCH_RESEARCH_INT_H
#define SRCH_RESEARCH_INT_H

#include <stddef.h>
#include <stdint.h>

#include "intern.h"
#include "research.h"
#include "sbuf.h"

/* The ordinal of the period holding month yyyymm (comparable, consecutive). */
long research_period_index(enum research_period by, unsigned yyyymm);

/* The label of period ordinal idx: "2019", "2019-03", "2019/20". */
void research_period_label(enum research_period by, long idx, struct sbuf *out);

/* s padded (or cut, on a UTF-8 boundary) to width columns, for text tables. */
void research_pad(const char *s, size_t width, struct sbuf *out);

#endif
