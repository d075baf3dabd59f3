/*
 * svg.c - a small SVG writer for line charts (see svg.h)
 *
 * Layout: a margin for the y tick labels and axis title on the left, the
 * legend on the right, x tick labels (thinned so they never overlap) and
 * the axis title underneath.  Styles cycle through STYLES, which pairs an
 * Okabe-Ito colour (distinguishable with the common colour blindnesses)
 * with a dash pattern and a marker shape.
 */
#include "svg.h"
#include "svg_test.h"

#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "text.h"

struct svg_style {
	const char *colour;           /* stroke and marker fill */
	const char *dash;             /* stroke-dasharray, "" = solid */
	const char *marker;           /* circle, square, triangle, diamond, cross, plus, star */
};

static const struct svg_style STYLES[] = {
	{ "#0072B2", "",             "circle" },
	{ "#D55E00", "8 4",          "square" },
	{ "#009E73", "2 3",          "triangle" },
	{ "#CC79A7", "10 3 2 3",     "diamond" },
	{ "#E69F00", "4 4",          "cross" },
	{ "#56B4E9", "12 4 2 4 2 4", "plus" },
	{ "#000000", "1 5",          "star" },
	{ "#999999", "6 2 6 6",      "circle-open" },
};
enum { N_STYLES = sizeof STYLES / sizeof STYLES[0] };

/* Pixels: room for y labels, the legend, x labels; chosen for 800 x 420. */
enum { SVG_LEFT = 70, SVG_TOP = 40, SVG_BOTTOM = 70, SVG_LEGEND_W = 190, SVG_MARK = 4 };

/* Most y gridlines: more clutter the chart without helping reading it. */
enum { SVG_Y_TICKS = 6 };

/* Legend text that fits beside the chart at 12px; longer names are cut. */
enum { SVG_LEGEND_CHARS = 24 };

/* A category label needs about this many pixels of x axis to stay legible. */
enum { SVG_X_LABEL_PX = 52 };

double svg_nice_step(double max, unsigned max_ticks, double *top)
{
	static const double mult[] = { 1, 2, 5 };
	double step, p;

	if (!(max > 0) || !isfinite(max))
		max = 1;
	if (max_ticks == 0)
		max_ticks = 1;
	p = pow(10, floor(log10(max / max_ticks)));
	for (;;) {
		for (size_t i = 0; i < 3; i++) {
			step = mult[i] * p;
			if (step * max_ticks >= max - 1e-12 * max) {
				*top = ceil(max / step - 1e-9) * step;
				return step;
			}
		}
		p *= 10;
	}
}

/* A number for a tick label: no trailing zeros, at most 4 significant digits. */
static void svg_num(double v, struct sbuf *out)
{
	if (fabs(v) >= 1e6 || (fabs(v) < 1e-3 && v != 0))
		sbuf_addf(out, "%.3g", v);
	else
		sbuf_addf(out, "%.4g", v);
}

/* name escaped, cut to SVG_LEGEND_CHARS characters (UTF-8 aware) with an ellipsis. */
static void svg_legend_name(const char *name, struct sbuf *out)
{
	struct sbuf cut = {0};
	size_t chars = 0, i = 0, n = strlen(name);

	while (i < n && chars < SVG_LEGEND_CHARS) {
		size_t j = i + 1;

		while (j < n && ((unsigned char)name[j] & 0xC0) == 0x80)
			j++;
		if (chars + 1 == SVG_LEGEND_CHARS && j < n) {
			sbuf_adds(&cut, "\xe2\x80\xa6");
			i = n;
			break;
		}
		sbuf_add(&cut, name + i, j - i);
		chars++;
		i = j;
	}
	text_xml_escape(sbuf_str(&cut), out);
	if (sbuf_oom(&cut))
		out->oom = true;
	sbuf_release(&cut);
}

static void svg_marker(const struct svg_style *st, double x, double y, struct sbuf *out)
{
	const double m = SVG_MARK;

	if (strcmp(st->marker, "circle") == 0)
		sbuf_addf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"/>", x, y, m,
			  st->colour);
	else if (strcmp(st->marker, "circle-open") == 0)
		sbuf_addf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"white\" "
			  "stroke=\"%s\" stroke-width=\"1.5\"/>", x, y, m, st->colour);
	else if (strcmp(st->marker, "square") == 0)
		sbuf_addf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
			  x - m, y - m, 2 * m, 2 * m, st->colour);
	else if (strcmp(st->marker, "triangle") == 0)
		sbuf_addf(out, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"%s\"/>",
			  x, y - m - 1, x - m - 1, y + m, x + m + 1, y + m, st->colour);
	else if (strcmp(st->marker, "diamond") == 0)
		sbuf_addf(out, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\" "
			  "fill=\"%s\"/>", x, y - m - 1, x + m + 1, y, x, y + m + 1, x - m - 1, y,
			  st->colour);
	else if (strcmp(st->marker, "cross") == 0)
		sbuf_addf(out, "<path d=\"M%.1f %.1fL%.1f %.1fM%.1f %.1fL%.1f %.1f\" stroke=\"%s\" "
			  "stroke-width=\"2\"/>", x - m, y - m, x + m, y + m, x - m, y + m, x + m,
			  y - m, st->colour);
	else if (strcmp(st->marker, "plus") == 0)
		sbuf_addf(out, "<path d=\"M%.1f %.1fL%.1f %.1fM%.1f %.1fL%.1f %.1f\" stroke=\"%s\" "
			  "stroke-width=\"2\"/>", x - m - 1, y, x + m + 1, y, x, y - m - 1, x,
			  y + m + 1, st->colour);
	else /* star: a plus and a cross */
		sbuf_addf(out, "<path d=\"M%.1f %.1fL%.1f %.1fM%.1f %.1fL%.1f %.1fM%.1f %.1fL%.1f "
			  "%.1fM%.1f %.1fL%.1f %.1f\" stroke=\"%s\" stroke-width=\"1.5\"/>",
			  x - m, y, x + m, y, x, y - m, x, y + m, x - m + 1, y - m + 1, x + m - 1,
			  y + m - 1, x - m + 1, y + m - 1, x + m - 1, y - m + 1, st->colour);
}

void svg_line_chart(const struct svg_chart *c, struct sbuf *out)
{
	double w = c->width ? c->width : 800, h = c->height ? c->height : 420;
	double pw = w - SVG_LEFT - SVG_LEGEND_W, ph = h - SVG_TOP - SVG_BOTTOM;
	double max = 0, top, step, dx;
	size_t every = 1;

	for (size_t s = 0; s < c->n_series; s++)
		for (size_t i = 0; i < c->n_x; i++)
			if (isfinite(c->series[s].y[i]) && c->series[s].y[i] > max)
				max = c->series[s].y[i];
	step = svg_nice_step(max, SVG_Y_TICKS, &top);
	dx = c->n_x > 1 ? pw / (double)(c->n_x - 1) : 0;
	while (c->n_x > 1 && dx * (double)every < SVG_X_LABEL_PX)
		every++;

	sbuf_addf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		  "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%.0f\" "
		  "height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" font-family=\"sans-serif\" "
		  "font-size=\"12\">\n", w, h, w, h);
	sbuf_adds(out, "<title>");
	text_xml_escape(c->title ? c->title : "chart", out);
	sbuf_adds(out, "</title>\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
	if (c->title) {
		sbuf_addf(out, "<text class=\"title\" x=\"%.1f\" y=\"22\" text-anchor=\"middle\" "
			  "font-size=\"15\" font-weight=\"bold\">", SVG_LEFT + pw / 2);
		text_xml_escape(c->title, out);
		sbuf_adds(out, "</text>\n");
	}

	/* y axis: gridlines, tick labels, title */
	sbuf_adds(out, "<g class=\"y-axis\">\n");
	for (double v = 0; v <= top + step / 2; v += step) {
		double y = SVG_TOP + ph - v / top * ph;

		sbuf_addf(out, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
			  "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">", SVG_LEFT, y,
			  SVG_LEFT + pw, y, SVG_LEFT - 6, y + 4);
		svg_num(v, out);
		sbuf_adds(out, "</text>\n");
	}
	sbuf_addf(out, "<text class=\"axis-label\" transform=\"translate(16,%.1f) rotate(-90)\" "
		  "text-anchor=\"middle\">", SVG_TOP + ph / 2);
	text_xml_escape(c->y_label ? c->y_label : "", out);
	sbuf_adds(out, "</text>\n</g>\n");

	/* x axis: the line, thinned tick labels (turned when long), title */
	sbuf_addf(out, "<g class=\"x-axis\">\n<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
		  "stroke=\"black\"/><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%.1f\" "
		  "stroke=\"black\"/>\n", SVG_LEFT, SVG_TOP + ph, SVG_LEFT + pw, SVG_TOP + ph,
		  SVG_LEFT, SVG_TOP, SVG_LEFT, SVG_TOP + ph);
	for (size_t i = 0; i < c->n_x; i += every) {
		double x = c->n_x > 1 ? SVG_LEFT + dx * (double)i : SVG_LEFT + pw / 2;

		sbuf_addf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"black\"/>"
			  "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">", x, SVG_TOP + ph, x,
			  SVG_TOP + ph + 5, x, SVG_TOP + ph + 18);
		text_xml_escape(c->x_ticks[i], out);
		sbuf_adds(out, "</text>\n");
	}
	sbuf_addf(out, "<text class=\"axis-label\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">",
		  SVG_LEFT + pw / 2, h - 18);
	text_xml_escape(c->x_label ? c->x_label : "", out);
	sbuf_adds(out, "</text>\n</g>\n");

	/* the series, then the legend */
	for (size_t s = 0; s < c->n_series; s++) {
		const struct svg_style *st = &STYLES[s % N_STYLES];
		bool pen_down = false;

		sbuf_adds(out, "<g class=\"series\" data-name=\"");
		text_xml_escape(c->series[s].name, out);
		sbuf_adds(out, "\">\n");
		/*
		 * One <path> per unbroken run of values: a missing value is a gap,
		 * and some renderers mishandle a second moveto inside one path.
		 */
		for (size_t i = 0; i < c->n_x; i++) {
			double v = c->series[s].y[i];
			double x = c->n_x > 1 ? SVG_LEFT + dx * (double)i : SVG_LEFT + pw / 2;

			if (!isfinite(v)) {
				if (pen_down)
					sbuf_adds(out, "\"/>\n");
				pen_down = false;
				continue;
			}
			if (!pen_down) {
				sbuf_addf(out, "<path fill=\"none\" stroke=\"%s\" stroke-width=\"2\"",
					  st->colour);
				if (*st->dash)
					sbuf_addf(out, " stroke-dasharray=\"%s\"", st->dash);
				sbuf_addf(out, " d=\"M%.1f %.1f", x, SVG_TOP + ph - v / top * ph);
			} else {
				sbuf_addf(out, " L%.1f %.1f", x, SVG_TOP + ph - v / top * ph);
			}
			pen_down = true;
		}
		if (pen_down)
			sbuf_adds(out, "\"/>\n");
		for (size_t i = 0; i < c->n_x; i++) {
			double v = c->series[s].y[i];

			if (!isfinite(v))
				continue;
			svg_marker(st, c->n_x > 1 ? SVG_LEFT + dx * (double)i : SVG_LEFT + pw / 2,
				   SVG_TOP + ph - v / top * ph, out);
		}
		sbuf_adds(out, "\n</g>\n");
	}
	sbuf_adds(out, "<g class=\"legend\">\n");
	for (size_t s = 0; s < c->n_series; s++) {
		const struct svg_style *st = &STYLES[s % N_STYLES];
		double x = w - SVG_LEGEND_W + 16, y = SVG_TOP + 10 + 20.0 * (double)s;

		sbuf_addf(out, "<path d=\"M%.1f %.1fH%.1f\" stroke=\"%s\" stroke-width=\"2\"", x, y,
			  x + 36, st->colour);
		if (*st->dash)
			sbuf_addf(out, " stroke-dasharray=\"%s\"", st->dash);
		sbuf_adds(out, "/>");
		svg_marker(st, x + 18, y, out);
		sbuf_addf(out, "<text x=\"%.1f\" y=\"%.1f\">", x + 44, y + 4);
		svg_legend_name(c->series[s].name, out);
		sbuf_adds(out, "</text>\n");
	}
	sbuf_adds(out, "</g>\n</svg>\n");
}
