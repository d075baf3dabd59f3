/*
 * svg_test.h - the axis step of the charts, for the unit tests
 *
 * Not part of svg.h's interface: what the module's own tests look
 * inside with (git keeps such declarations in *-internal.h headers).
 * Only the module itself and tests/ include it.
 */
#ifndef CM_SVG_TEST_H
#define CM_SVG_TEST_H

/*
 * A "nice" axis: the smallest step of 1, 2 or 5 times a power of ten that
 * covers [0, max] in at most max_ticks steps; *top gets the axis end.
 */
double svg_nice_step(double max, unsigned max_ticks, double *top);

#endif
