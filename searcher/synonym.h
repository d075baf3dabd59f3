/*
 * synonym.h - acronyms and their expansions, applied to queries
 *
 * Councils write "CSE" and "child sexual exploitation", "UASC" and
 * "unaccompanied asylum seeking children".  A plain-text file lists such
 * groups, one per line, alternatives separated by " = ":
 *     CSE = child sexual exploitation
 * Lines starting with '#' are comments.  The project ships
 * common/synonyms.txt; users add their own file.  Expansion happens on the
 * query string (not in the index), so it also works over remote shards,
 * whose protocol carries no synonym table.
 */
#ifndef SRCH_SYNONYM_H
#define SRCH_SYNONYM_H

#include <stddef.h>

#include "err.h"
#include "sbuf.h"
#include "strv.h"

struct synonym_set;

/* Empty set; NULL when out of memory.  Free with synonym_set_free. */
struct synonym_set *synonym_set_new(void);
void synonym_set_free(struct synonym_set *set);

/* Add the groups in file path.  CM_EIO (naming the file), CM_EFORMAT (naming the line), CM_ENOMEM. */
int synonym_load(struct synonym_set *set, const char *path, struct cm_err *err);

/*
 * Append text (unquoted query words, no operators inside quotes) to out
 * with every alternative found at word boundaries replaced by a group
 * (alt1 OR "alt two" ...).  Matching ignores case; the longest match wins.
 */
void synonym_expand(const struct synonym_set *set, const char *text, size_t len, struct sbuf *out);

/*
 * Append the path of the shipped synonym file to out: $MINUTES_SYNONYMS
 * when set (empty: none), else common/synonyms.txt beside a build tree's
 * binary, else PREFIX/share/minutes-search/synonyms.txt of an install.
 * Appends nothing when none is readable.  Can't fail but for OOM (ignored).
 */
void synonym_default_files(struct strv *out);

/* The files a search reads: the shipped one (synonym_default_files), then extra's, appended to out. */
void synonym_files(const struct strv *extra, struct strv *out);

#endif
