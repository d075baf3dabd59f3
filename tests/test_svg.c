/*
 * test_svg.c - the SVG line-chart writer
 *
 * Escaping, nice axis steps, and a chart's structure: one series group per
 * series with its points in order, gaps for missing values, distinct dash
 * patterns, a legend entry per series, well-formed nesting.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "searcher/svg.h"
#include "svg_test.h"

static size_t count(const char *s, const char *needle)
{
	size_t n = 0;

	for (const char *p = strstr(s, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

static void test_svg_nice_step(void **state)
{
	double top;

	(void)state;
	assert_true(fabs(svg_nice_step(7.3, 6, &top) - 2) < 1e-9);
	assert_true(fabs(top - 8) < 1e-9);
	assert_true(fabs(svg_nice_step(100, 5, &top) - 20) < 1e-9);
	assert_true(fabs(top - 100) < 1e-9);
	assert_true(fabs(svg_nice_step(0.034, 6, &top) - 0.01) < 1e-12);
	assert_true(fabs(top - 0.04) < 1e-12);
	/* nothing to plot: a unit axis rather than a division by zero */
	assert_true(svg_nice_step(0, 6, &top) > 0);
	assert_true(top > 0);
}

static void test_svg_chart_series(void **state)
{
	static const char *const x[] = { "2019", "2020", "2021", "2022" };
	const double a[] = { 1, 2.5, 3, 0 };
	const double b[] = { 4, NAN, 2, 1 };
	const struct svg_series s[] = { { "Cabinet", a }, { "Scrutiny & <Audit>", b },
					{ "Children and Young People Scrutiny Panel", a } };
	struct svg_chart c;
	struct sbuf out = {0};
	const char *g2;

	(void)state;
	memset(&c, 0, sizeof c);
	c.title = "\"budget\" by year";
	c.x_label = "year";
	c.y_label = "% of all items";
	c.x_ticks = x;
	c.n_x = 4;
	c.series = s;
	c.n_series = 3;
	svg_line_chart(&c, &out);
	assert_false(sbuf_oom(&out));
	assert_non_null(strstr(out.buf, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
	assert_int_equal(count(out.buf, "<g class=\"series\""), 3);
	assert_non_null(strstr(out.buf, "data-name=\"Scrutiny &amp; &lt;Audit&gt;\""));
	/* first series: 4 points in one stroke; second: a gap where the value is missing */
	g2 = strstr(out.buf, "data-name=\"Scrutiny");
	assert_non_null(g2);
	assert_int_equal(count(out.buf, "<path fill=\"none\""), 1 + 2 + 1);
	assert_non_null(strstr(g2, "d=\"M70.0 "));
	assert_int_equal(count(strstr(out.buf, "data-name=\"Cabinet"), " L") >= 3, 1);
	/* different dash patterns: the first solid, the second dashed */
	assert_non_null(strstr(g2, "stroke-dasharray"));
	/* legend: both names again */
	assert_int_equal(count(out.buf, ">Cabinet</text>"), 1);
	assert_int_equal(count(out.buf, ">Scrutiny &amp; &lt;Audit&gt;</text>"), 1);
	/* a long legend name is cut, the series keeps its full name */
	assert_non_null(strstr(out.buf, ">Children and Young Peop\xe2\x80\xa6</text>"));
	assert_non_null(strstr(out.buf, "data-name=\"Children and Young People Scrutiny Panel\""));
	assert_non_null(strstr(out.buf, ">% of all items</text>"));
	assert_int_equal(count(out.buf, "<g"), count(out.buf, "</g>"));
	assert_non_null(strstr(out.buf, "</svg>\n"));
	sbuf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_svg_nice_step),
		cmocka_unit_test(test_svg_chart_series),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
