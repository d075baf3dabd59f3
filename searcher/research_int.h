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

#include "research.h"
#include "sbuf.h"

/* "YYYYMMDD..." -> YYYYMM, 0 when the value is not a date. */
unsigned research_month_of(const char *s, size_t len);

/* The ordinal of the period holding month yyyymm (comparable, consecutive). */
long research_period_index(enum research_period by, unsigned yyyymm);

/* The label of period ordinal idx: "2019", "2019-03", "2019/20". */
void research_period_label(enum research_period by, long idx, struct sbuf *out);

/* s padded (or cut, on a UTF-8 boundary) to width columns, for text tables. */
void research_pad(const char *s, size_t width, struct sbuf *out);

/* Strings interned to dense indexes (series, title keys): an open-addressing table. */
struct research_intern {
	char **v;                     /* n strings by index, owned */
	size_t n, alloc;
	size_t *slots;                /* index + 1, 0 = empty; n_slots is a power of two */
	uint64_t *hashes;             /* hash of each slot's string, so probes compare rarely */
	size_t n_slots;
};

/* Index of s (len bytes), added when new; (size_t)-1 when out of memory. */
size_t research_intern(struct research_intern *t, const char *s, size_t len);
/* Index of s or (size_t)-1 when absent. */
size_t research_intern_find(const struct research_intern *t, const char *s, size_t len);
/* Free everything; the strings too unless taken (t->v set to NULL). */
void research_intern_release(struct research_intern *t);

/* Now, for timings, in milliseconds on a monotonic clock. */
double research_now_ms(void);

#endif
