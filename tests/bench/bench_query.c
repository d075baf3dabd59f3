/*
 * bench_query.c - query latency of the search engine, with facets, in one process
 *
 * Runs a fixed list of queries (first tab-separated column of each line of
 * a queries file) through search_run() N rounds after a warm-up round, with
 * the default five facets counted exactly, and prints p50/p99/mean latency.
 * With --compare it also times Xapian's own ValueCountMatchSpy (the
 * "before") and checks both give the same totals and facet counts.
 * --export writes every item document as JSON lines (council, committee,
 * year, date, title, text) so scripts/bench-queries can load the very same
 * items into SQLite FTS5.  Built and run by scripts/bench-queries.
 */
#include <errno.h>
#include <getopt.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "docdata.h"
#include "err.h"
#include "searcher/facet.h"
#include "sbuf.h"
#include "searcher/search.h"
#include "strv.h"
#include "xw.h"

static double now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* The p-th percentile (0..100) of v[0..n), sorted in place. */
static double percentile(double *v, size_t n, double p)
{
	size_t i;

	if (!n)
		return 0;
	qsort(v, n, sizeof *v, cmp_double);
	i = (size_t)(p / 100.0 * (double)(n - 1) + 0.5);
	return v[i < n ? i : n - 1];
}

/* Totals and facet counts of a result as one string, to compare two runs. */
static void fingerprint(const struct search_result *res, struct sbuf *out)
{
	sbuf_addf(out, "%zu%s|", res->total, res->facets_exact ? "" : "~");
	for (size_t f = 0; f < res->n_facets; f++) {
		sbuf_addf(out, "%s:", res->facets[f].name);
		for (size_t j = 0; j < res->facets[f].n; j++)
			sbuf_addf(out, "%s=%zu,", res->facets[f].v[j].value, res->facets[f].v[j].count);
		sbuf_addch(out, '|');
	}
}

struct run {
	double *lat;                  /* per query and round */
	size_t n;
	size_t hits;                  /* matches summed over one round */
	size_t inexact;               /* results whose facets were not exact */
	struct strv prints;           /* fingerprint per query */
};

static int run_all(struct search_engine *eng, const struct strv *queries, size_t rounds,
		   bool slow, struct run *r, struct cm_err *err)
{
	r->lat = calloc(queries->n * rounds + 1, sizeof *r->lat);
	if (!r->lat)
		return cm_err_set(err, CM_ENOMEM, "out of memory");
	for (size_t round = 0; round <= rounds; round++) {
		for (size_t i = 0; i < queries->n; i++) {
			struct search_request req;
			struct search_result res;
			double t0;
			int rc;

			memset(&req, 0, sizeof req);
			memset(&res, 0, sizeof res);
			req.query = queries->v[i];
			req.limit = 10;
			req.facets = facet_default_mask();
			req.facet_limit = 10;
			req.slow_facets = slow;
			t0 = now_ms();
			rc = search_run(eng, &req, &res, err);
			if (rc != CM_OK) {
				cm_err_set(err, rc, "query '%s': %s", queries->v[i], err->msg);
				return rc;
			}
			if (round > 0) {
				r->lat[r->n++] = now_ms() - t0;
			} else {
				/* The warm-up round: loads caches, records what was found. */
				struct sbuf fp = {0};

				fingerprint(&res, &fp);
				strv_push(&r->prints, sbuf_str(&fp));
				sbuf_release(&fp);
				r->hits += res.total;
				r->inexact += !res.facets_exact;
			}
			search_result_release(&res);
		}
	}
	return CM_OK;
}

/* Every item document as a JSON line, for loading into FTS5. */
static int export_items(const char *dbpath, const char *path, struct cm_err *err)
{
	struct xw_db *db = NULL;
	FILE *f = NULL;
	struct sbuf data = {0};
	unsigned n, found = 0;
	int rc = xw_db_open(dbpath, XW_OPEN_READ, &db, err);

	if (rc != CM_OK)
		return rc;
	n = xw_db_doccount(db, err);
	f = fopen(path, "w");
	if (!f) {
		rc = cm_err_set(err, CM_EIO, "%s: %s", path, strerror(errno));
		goto out;
	}
	for (unsigned did = 1; found < n && did < 100000000u; did++) {
		struct docdata d = {0};
		json_object *o;

		sbuf_reset(&data);
		rc = xw_db_doc_data(db, did, &data, err);
		if (rc == CM_ENOTFOUND)
			continue;
		if (rc == CM_OK)
			rc = docdata_decode(data.buf, data.len, &d, err);
		if (rc != CM_OK)
			goto out;
		found++;
		o = json_object_new_object();
		json_object_object_add(o, "council", json_object_new_string(d.council));
		json_object_object_add(o, "committee", json_object_new_string(d.committee));
		json_object_object_add(o, "date", json_object_new_string(d.date));
		json_object_object_add(o, "title", json_object_new_string(d.title));
		json_object_object_add(o, "text", json_object_new_string(d.text));
		json_object_object_add(o, "format", json_object_new_string(d.mime));
		fprintf(f, "%s\n", json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN));
		json_object_put(o);
		docdata_release(&d);
	}
	rc = CM_OK;
out:
	if (f && fclose(f) != 0 && rc == CM_OK)
		rc = cm_err_set(err, CM_EIO, "%s: %s", path, strerror(errno));
	sbuf_release(&data);
	xw_db_free(db);
	return rc;
}

static int load_queries(const char *path, struct strv *out, struct cm_err *err)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	if (!f)
		return cm_err_set(err, CM_EIO, "%s: %s", path, strerror(errno));
	while ((n = getline(&line, &cap, f)) != -1) {
		char *tab = strchr(line, '\t');

		if (tab)
			*tab = '\0';
		line[strcspn(line, "\r\n")] = '\0';
		if (*line == '#' || (!*line && !tab))
			continue;
		strv_push(out, line);
	}
	free(line);
	fclose(f);
	return CM_OK;
}

static void report(const char *name, struct run *r)
{
	double p50 = percentile(r->lat, r->n, 50), p99 = percentile(r->lat, r->n, 99), sum = 0;

	for (size_t i = 0; i < r->n; i++)
		sum += r->lat[i];
	printf("%s_p50_ms=%.3f\n%s_p99_ms=%.3f\n%s_mean_ms=%.3f\n%s_max_ms=%.3f\n", name, p50, name,
	       p99, name, r->n ? sum / (double)r->n : 0, name, r->n ? r->lat[r->n - 1] : 0);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "queries", required_argument, NULL, 'q' },
		{ "rounds", required_argument, NULL, 'r' },
		{ "compare", no_argument, NULL, 'c' },
		{ "export", required_argument, NULL, 'e' },
		{ "synonyms", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	const char *db = NULL, *qfile = NULL, *export_path = NULL, *synonyms = NULL;
	size_t rounds = 10;
	bool compare = false;
	struct strv queries = {0};
	struct search_engine *eng = NULL;
	struct search_engine_opts eo = {0};
	struct run fast = {0}, slow = {0};
	struct cm_err err = { CM_OK, "" };
	int c, rc;

	while ((c = getopt_long(argc, argv, "d:q:r:ce:s:", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'q': qfile = optarg; break;
		case 'r': rounds = (size_t)strtoul(optarg, NULL, 10); break;
		case 'c': compare = true; break;
		case 'e': export_path = optarg; break;
		case 's': synonyms = optarg; break;
		default:
			fprintf(stderr, "usage: bench_query --db DIR [--queries FILE [--rounds N] "
				"[--compare]] [--export FILE]\n");
			return 2;
		}
	}
	if (!db || (!qfile && !export_path) || !rounds) {
		fprintf(stderr, "bench_query: give --db and --queries or --export\n");
		return 2;
	}
	if (export_path) {
		rc = export_items(db, export_path, &err);
		if (rc != CM_OK) {
			fprintf(stderr, "bench_query: %s\n", err.msg);
			return 1;
		}
		if (!qfile)
			return 0;
	}
	/* No synonyms unless asked (acronyms expanding to phrases, as a search box has
	 * them): without, the queries mean the same as their FTS5 forms. */
	if (synonyms) {
		eo.synonym_files = &synonyms;
		eo.n_synonym_files = 1;
	}
	rc = load_queries(qfile, &queries, &err);
	if (rc == CM_OK)
		rc = search_engine_open(db, &eo, &eng, &err);
	if (rc == CM_OK)
		rc = run_all(eng, &queries, rounds, false, &fast, &err);
	if (rc == CM_OK && compare)
		rc = run_all(eng, &queries, rounds, true, &slow, &err);
	if (rc != CM_OK) {
		fprintf(stderr, "bench_query: %s\n", err.msg);
		return 1;
	}
	printf("queries=%zu\nrounds=%zu\nmatches_per_round=%zu\ninexact_facets=%zu\n", queries.n,
	       rounds, fast.hits, fast.inexact);
	report("memfacets", &fast);
	if (compare) {
		size_t diff = 0;

		report("spyfacets", &slow);
		for (size_t i = 0; i < queries.n; i++)
			if (strcmp(fast.prints.v[i], slow.prints.v[i]) != 0) {
				diff++;
				fprintf(stderr, "bench_query: facets differ for '%s'\n", queries.v[i]);
			}
		printf("facet_mismatches=%zu\n", diff);
	}
	free(fast.lat);
	free(slow.lat);
	strv_release(&fast.prints);
	strv_release(&slow.prints);
	strv_release(&queries);
	search_engine_free(eng);
	return 0;
}
