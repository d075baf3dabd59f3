/*
 * svg.h - a small SVG writer for line charts (trends)
 *
 * One chart kind: categories along x (periods), numbers up y, one line per
 * series.  Readable without colour: each series has its own dash pattern
 * and marker shape as well as its own colour, and the legend shows all
 * three.  Self-contained SVG 1.1 (no scripts, no external fonts), so it
 * renders in a browser, in a README on a forge, and in print.
 */
#ifndef SRCH_SVG_H
#define SRCH_SVG_H

#include <stddef.h>

#include "sbuf.h"

struct svg_series {
	const char *name;             /* legend text */
	const double *y;              /* one value per x category; NAN = no value (a gap) */
};

struct svg_chart {
	const char *title;            /* above the plot, or NULL */
	const char *x_label;          /* under the x axis */
	const char *y_label;          /* beside the y axis */
	const char *const *x_ticks;   /* category labels, n_x of them */
	size_t n_x;
	const struct svg_series *series;
	size_t n_series;
	unsigned width, height;       /* pixels; 0 = 800 x 420 */
};

/*
 * Append the chart as an SVG document to out.  Every series is a
 * <g class="series" data-name="..."> holding its line (one <path> per run
 * of values without a gap: a missing value breaks the line) and then its
 * markers, in order, so programs can read the chart back.  Legend names
 * longer than SVG_LEGEND_CHARS are cut with an ellipsis.  Text is
 * XML-escaped.  Can't fail except by sbuf's sticky OOM.
 */
void svg_line_chart(const struct svg_chart *c, struct sbuf *out);

#endif
