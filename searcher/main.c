/*
 * main.c - minutes-search: the command line of the searcher
 *
 * Parses options into a struct search_request, runs it through the search
 * engine and prints the result as text, JSON or CSV.  Exit status: 0 ok
 * (also for no hits), 1 runtime failure (no database, I/O), 2 usage error
 * or a query that cannot be parsed.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alert.h"
#include "cli.h"
#include "cmd.h"
#include "err.h"
#include "facet.h"
#include "out.h"
#include "sbuf.h"
#include "search.h"
#include "strv.h"
#include "synonym.h"


/* Hits per page when --limit is not given; and the most one page may ask for. */
enum { DEFAULT_LIMIT = 10, MAX_LIMIT = 10000 };

static const char *prog = "minutes-search";

static void usage(int status)
{
	if (status != CLI_OK) {
		fprintf(stderr, "Try '%s --help' for more information.\n", prog);
		exit(status);
	}
	printf("Usage: %s --db DIR [OPTION]... [QUERY]...\n"
	       "       %s --db DIR --stats\n"
	       "       %s serve --db DIR [--listen ADDR:PORT]   (HTTP API and search page;\n"
	       "                            see 'serve --help')\n"
	       "       minutes-search trends|recurring|themes|related --help (research)\n"
	       "Search an index of council minutes built by minutes-index.\n\n"
	       "Query language: words (all must match), \"exact phrases\", AND OR NOT, + and -,\n"
	       "NEAR, trailing wildcards (safeguard*), parentheses, and the fields\n"
	       "title: resolved: council: committee: person: item: format: kind: year:\n"
	       "date:2019-01-01..2019-12-31 (also date:2019..2020, open ends allowed).\n\n"
	       "  -d, --db DIR            database directory or stub file of shards\n"
	       "                          (default: $MINUTES_DB)\n"
	       "  -n, --limit N           hits per page (default %d)\n"
	       "      --offset N          skip the first N hits\n"
	       "      --sort ORDER        relevance (default), date (oldest first), -date\n"
	       "      --added-since T     only items first indexed after T (2025-03-04T09:30:00Z,\n"
	       "                          2025-03-04, Unix seconds), newest first; @FILE reads\n"
	       "                          T from FILE and then stores there the index's newest\n"
	       "                          time (for cron alerts; a missing FILE means all)\n"
	       "      --group meeting     show the best item of each meeting\n"
	       "  -f, --filter F=VALUE    only hits whose field F is VALUE; repeat to combine\n"
	       "                          (AND across fields, OR within one)\n"
	       "      --from DATE         meetings on or after DATE (YYYY[-MM[-DD]])\n"
	       "      --to DATE           meetings on or before DATE\n"
	       "      --facet NAME        count NAME: council, committee, year, person,\n"
	       "                          format, kind, all or none (repeatable)\n"
	       "      --facet-limit N     values shown per facet (default 10, 0 = all)\n"
	       "      --json              JSON output (schema in docs/JSON.md)\n"
	       "      --csv               CSV output\n"
	       "      --synonyms FILE     add synonym groups from FILE (repeatable)\n"
	       "      --no-synonyms       do not expand acronyms\n"
	       "      --snippet-length N  bytes of text around the matches (default 200)\n"
	       "      --count-limit N     examine at most N matches for the total and facets\n"
	       "                          (default 1000000); beyond, counts are estimates\n"
	       "      --time-limit MS     stop counting every match after MS milliseconds\n"
	       "      --allow-partial     with shards: answer from the shards that respond,\n"
	       "                          naming the others, rather than fail\n"
	       "      --shard-timeout MS  remote shards: give up on one after MS ms (default 5000)\n"
	       "      --stats             print index statistics and exit\n"
	       "      --explain-query     print how the query was parsed (to stderr)\n"
	       "  -h, --help              show this help and exit\n"
	       "  -V, --version           show the version and exit\n\n"
	       "Exit status: 0 ok (also for no hits), 1 runtime failure, 2 usage or bad query.\n",
	       prog, prog, prog, DEFAULT_LIMIT);
	exit(CLI_OK);
}

static size_t parse_size(const char *s, const char *opt, size_t max)
{
	size_t v = 0;

	if (!cli_option_size(prog, opt, s, 0, max, &v))
		usage(CLI_USAGE);
	return v;
}

int main(int argc, char **argv)
{
	enum { OPT_OFFSET = 256, OPT_SORT, OPT_GROUP, OPT_FROM, OPT_TO, OPT_FACET, OPT_FACET_LIMIT,
	       OPT_JSON, OPT_CSV, OPT_SYNONYMS, OPT_NO_SYNONYMS, OPT_SNIPPET, OPT_STATS,
	       OPT_EXPLAIN, OPT_COUNT_LIMIT, OPT_TIME_LIMIT, OPT_ALLOW_PARTIAL,
	       OPT_SHARD_TIMEOUT, OPT_ADDED_SINCE };
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "limit", required_argument, NULL, 'n' },
		{ "offset", required_argument, NULL, OPT_OFFSET },
		{ "sort", required_argument, NULL, OPT_SORT },
		{ "group", required_argument, NULL, OPT_GROUP },
		{ "filter", required_argument, NULL, 'f' },
		{ "from", required_argument, NULL, OPT_FROM },
		{ "to", required_argument, NULL, OPT_TO },
		{ "facet", required_argument, NULL, OPT_FACET },
		{ "facet-limit", required_argument, NULL, OPT_FACET_LIMIT },
		{ "json", no_argument, NULL, OPT_JSON },
		{ "csv", no_argument, NULL, OPT_CSV },
		{ "synonyms", required_argument, NULL, OPT_SYNONYMS },
		{ "no-synonyms", no_argument, NULL, OPT_NO_SYNONYMS },
		{ "snippet-length", required_argument, NULL, OPT_SNIPPET },
		{ "stats", no_argument, NULL, OPT_STATS },
		{ "explain-query", no_argument, NULL, OPT_EXPLAIN },
		{ "count-limit", required_argument, NULL, OPT_COUNT_LIMIT },
		{ "time-limit", required_argument, NULL, OPT_TIME_LIMIT },
		{ "allow-partial", no_argument, NULL, OPT_ALLOW_PARTIAL },
		{ "shard-timeout", required_argument, NULL, OPT_SHARD_TIMEOUT },
		{ "added-since", required_argument, NULL, OPT_ADDED_SINCE },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct search_request req;
	struct search_result res;
	struct search_engine_opts eo;
	struct search_engine *eng = NULL;
	struct out_opts oo;
	struct strv filters = {0}, synonyms = {0};
	struct sbuf query = {0}, out = {0};
	struct cm_err err = { CM_OK, "" };
	enum out_format format = OUT_TEXT;
	const char *db = cli_default_db();
	bool stats = false, explain = false, no_synonyms = false, facets_set = false;
	bool allow_partial = false, sort_set = false;
	size_t shard_timeout = 0;
	const char *added_since = NULL, *state_file = NULL;
	long long newest = 0;
	bool tty = isatty(STDOUT_FILENO);
	int c, rc, status = CLI_OK;

	if (argc > 1 && strcmp(argv[1], "serve") == 0)
		return cmd_serve(argc - 1, argv + 1);
	/* Research commands (trends, recurring, themes, related) have their own options. */
	if (argc > 1 && cmd_is_research(argv[1]))
		return cmd_research(argc - 1, argv + 1);
	memset(&req, 0, sizeof req);
	memset(&res, 0, sizeof res);
	req.limit = DEFAULT_LIMIT;
	req.facet_limit = 10;
	req.suggest = true;
	while ((c = getopt_long(argc, argv, "d:n:f:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'n': req.limit = parse_size(optarg, "--limit", MAX_LIMIT); break;
		case OPT_OFFSET: req.offset = parse_size(optarg, "--offset", 100000000); break;
		case OPT_SORT:
			sort_set = true;
			if (strcmp(optarg, "relevance") == 0)
				req.sort = SEARCH_SORT_RELEVANCE;
			else if (strcmp(optarg, "date") == 0)
				req.sort = SEARCH_SORT_DATE;
			else if (strcmp(optarg, "-date") == 0)
				req.sort = SEARCH_SORT_DATE_DESC;
			else {
				fprintf(stderr, "%s: --sort takes relevance, date or -date, not '%s'\n",
					prog, optarg);
				usage(CLI_USAGE);
			}
			break;
		case OPT_GROUP:
			if (strcmp(optarg, "meeting") != 0) {
				fprintf(stderr, "%s: --group takes 'meeting', not '%s'\n", prog, optarg);
				usage(CLI_USAGE);
			}
			req.group_meeting = true;
			break;
		case 'f': strv_push(&filters, optarg); break;
		case OPT_FROM: req.from = optarg; break;
		case OPT_TO: req.to = optarg; break;
		case OPT_FACET: {
			int f = facet_lookup(optarg, strlen(optarg));

			facets_set = true;
			if (strcmp(optarg, "all") == 0)
				req.facets = (1u << FACET_COUNT) - 1;
			else if (strcmp(optarg, "none") == 0)
				req.facets = 0;
			else if (f >= 0)
				req.facets |= 1u << f;
			else {
				fprintf(stderr, "%s: unknown facet '%s' (council, committee, year, "
					"person, format, kind, all, none)\n", prog, optarg);
				usage(CLI_USAGE);
			}
			break;
		}
		case OPT_FACET_LIMIT: req.facet_limit = parse_size(optarg, "--facet-limit", 100000); break;
		case OPT_JSON: format = OUT_JSON; break;
		case OPT_CSV: format = OUT_CSV; break;
		case OPT_SYNONYMS: strv_push(&synonyms, optarg); break;
		case OPT_NO_SYNONYMS: no_synonyms = true; break;
		case OPT_SNIPPET: req.snippet_len = parse_size(optarg, "--snippet-length", 100000); break;
		case OPT_STATS: stats = true; break;
		case OPT_EXPLAIN: explain = true; break;
		case OPT_COUNT_LIMIT:
			req.count_limit = parse_size(optarg, "--count-limit", 100000000);
			if (!req.count_limit)
				req.count_limit = 1;
			break;
		case OPT_TIME_LIMIT:
			req.time_limit_ms = (double)parse_size(optarg, "--time-limit", 3600000);
			break;
		case OPT_ALLOW_PARTIAL: allow_partial = true; break;
		case OPT_ADDED_SINCE: added_since = optarg; break;
		case OPT_SHARD_TIMEOUT:
			shard_timeout = parse_size(optarg, "--shard-timeout", 3600000);
			if (!shard_timeout) {
				fprintf(stderr, "%s: --shard-timeout must be at least 1 ms\n", prog);
				usage(CLI_USAGE);
			}
			break;
		case 'h': usage(CLI_OK); break;
		case 'V': printf("%s %s\n", prog, CM_VERSION); return cli_close_stdout(prog);
		default: usage(CLI_USAGE);
		}
	}
	if (!db || !*db) {
		fprintf(stderr, "%s: no database: give --db DIR or set MINUTES_DB\n", prog);
		usage(CLI_USAGE);
	}
	if (!facets_set)
		req.facets = facet_default_mask();
	if (added_since) {
		rc = alert_since(added_since, &req.added_after, &state_file, &err);
		if (rc != CM_OK) {
			fprintf(stderr, "%s: %s\n", prog, err.msg);
			if (rc == CM_EINVAL)
				usage(CLI_USAGE);
			status = CLI_FAILED;
			goto out;
		}
		if (req.added_after <= 0)
			req.added_after = 0;
		/* "Since" is open on the left: 0 means every item, even from before the slot. */
		if (!sort_set)
			req.sort = SEARCH_SORT_ADDED_DESC;
	}
	for (int i = optind; i < argc; i++) {
		if (i > optind)
			sbuf_addch(&query, ' ');
		sbuf_adds(&query, argv[i]);
	}
	req.query = sbuf_str(&query);
	req.filters = (const char *const *)filters.v;
	req.n_filters = filters.n;
	if (format == OUT_JSON)
		req.highlight = SEARCH_HL_HTML;
	else if (format == OUT_TEXT && tty && !getenv("NO_COLOR"))
		req.highlight = SEARCH_HL_ANSI;

	if (!no_synonyms) {
		struct strv all = {0};

		synonym_files(&synonyms, &all);
		strv_release(&synonyms);
		synonyms = all;
	}
	memset(&eo, 0, sizeof eo);
	eo.one_shot = true;           /* one query per process: see search_engine_opts */
	if (!no_synonyms) {
		eo.synonym_files = (const char *const *)synonyms.v;
		eo.n_synonym_files = synonyms.n;
	}
	eo.allow_partial = allow_partial;
	eo.shard_timeout_ms = (unsigned)shard_timeout;
	eo.connect_timeout_ms = (unsigned)shard_timeout;
	rc = search_engine_open(db, &eo, &eng, &err);
	if (rc != CM_OK) {
		fprintf(stderr, "%s: %s\n", prog, err.msg);
		status = cli_status_of(rc);
		goto out;
	}
	if (stats) {
		struct search_stats st;

		memset(&st, 0, sizeof st);
		rc = search_stats(eng, &st, &err);
		if (rc == CM_OK)
			out_stats(&st, format, &out);
		search_stats_release(&st);
	} else {
		/* Read before searching: what commits in between is listed again next time, not lost. */
		rc = state_file ? search_newest_added(eng, &newest, &err) : CM_OK;
		if (rc == CM_OK)
			rc = search_run(eng, &req, &res, &err);
		if (rc == CM_OK) {
			memset(&oo, 0, sizeof oo);
			oo.query = req.query;
			oo.color = req.highlight == SEARCH_HL_ANSI;
			oo.pretty = tty;
			out_result(&res, format, &oo, &out);
			if (explain)
				fprintf(stderr, "%s: parsed: %s\n", prog, res.parsed);
			if (res.partial) {
				fprintf(stderr, "%s: warning: partial results, shards not answering:", prog);
				for (size_t i = 0; i < res.missing_shards.n; i++)
					fprintf(stderr, "%s %s", i ? "," : "", res.missing_shards.v[i]);
				fputc('\n', stderr);
			}
		}
	}
	if (rc != CM_OK) {
		fprintf(stderr, "%s: %s\n", prog, err.msg);
		status = cli_status_of(rc);
		goto out;
	}
	fwrite(out.buf, 1, out.len, stdout);
	/* The state moves on only once the list is out: a failed write lists it again. */
	if (state_file && (fflush(stdout) != 0 || ferror(stdout))) {
		fprintf(stderr, "%s: write error: %s\n", prog, strerror(errno));
		status = CLI_FAILED;
	} else if (state_file && newest > req.added_after &&
		   alert_store(state_file, newest, &err) != CM_OK) {
		fprintf(stderr, "%s: %s\n", prog, err.msg);
		status = CLI_FAILED;
	}
out:
	search_result_release(&res);
	search_engine_free(eng);
	strv_release(&filters);
	strv_release(&synonyms);
	sbuf_release(&query);
	sbuf_release(&out);
	if (cli_close_stdout(prog) != CLI_OK && status == CLI_OK)
		status = CLI_FAILED;
	return status;
}
