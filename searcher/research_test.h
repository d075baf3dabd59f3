/*
 * research_test.h - the statistic and the title keys behind the research
 * commands, for the unit tests
 *
 * Not part of research.h's interface: what the module's own tests look
 * inside with (git keeps such declarations in *-internal.h headers).
 * Only the module itself and tests/ include it.
 */
#ifndef CM_RESEARCH_TEST_H
#define CM_RESEARCH_TEST_H

#include <stdbool.h>
#include "sbuf.h"

/*
 * Dunning's log-likelihood ratio G2 for a term seen a times in a target of
 * n1 units and b times in a background of n2 units (units: documents),
 * signed: negative when the term is under-represented in the target.
 * 0 when either side is empty.
 */
double research_g2(double a, double n1, double b, double n2);

/* Is a title key a procedural item (apologies, declarations of interest, minutes...)? */
bool research_is_procedural(const char *key);

/*
 * The grouping key of an agenda item title (appended to out): lowercase
 * words, with numbers, dates, months, years, quarters and ordinals taken
 * out ("Budget Monitoring Quarter 2 2019/20" -> "budget monitoring
 * quarter"), "&" read as "and", punctuation dropped.  The rule is written
 * out in docs/RESEARCH.md.
 */
void research_title_key(const char *title, struct sbuf *out);

#endif
