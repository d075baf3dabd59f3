/*
 * cmd_search.c - `minutes-search [OPTION]... [QUERY]...`: one search
 *
 * Parses options into a struct search_request, runs it through the search
 * engine and prints the result as text, JSON or CSV (or --stats).  Exit
 * status (cli.h): 0 ok (also for no hits), 1 runtime failure (no database,
 * I/O, a write error on stdout), 2 usage error or a query that cannot be
 * parsed.
 */
#include <errno.h>
#include <getopt.h>
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
#include "xw.h"

/* Hits per page when --limit is not given; and the most one page may ask for. */
enum { DEFAULT_LIMIT = 10, MAX_LIMIT = 10000 };
/* Values per facet, bytes of snippet: past any screen; bounded, so a typo asks for no gigabytes. */
enum { FACET_LIMIT_MAX = 100000, SNIPPET_MAX = 100000 };
/* --time-limit and --shard-timeout, in ms: an hour, past any search worth waiting for. */
enum { MS_MAX = 3600000 };

static const char *prog = "minutes-search";

static void usage(void)
{
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
}

int cmd_search(int argc, char **argv)
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
	struct strv filters = {0}, extra = {0}, synonyms = {0};
	struct sbuf query = {0}, out = {0};
	struct cm_err err = { CM_OK, "" };
	enum out_format format = OUT_TEXT;
	const char *db = NULL;
	bool stats = false, explain = false, no_synonyms = false, facets_set = false;
	bool allow_partial = false, sort_set = false;
	size_t n, shard_timeout = 0;
	const char *added_since = NULL, *state_file = NULL;
	long long newest = 0;
	bool tty = isatty(STDOUT_FILENO);
	int c, rc = CM_OK, status = CLI_OK;

	memset(&req, 0, sizeof req);
	memset(&res, 0, sizeof res);
	req.limit = DEFAULT_LIMIT;
	req.facet_limit = 10;
	req.suggest = true;
	while (rc == CM_OK && (c = getopt_long(argc, argv, "d:n:f:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'n': rc = cli_size_option("--limit", optarg, 0, MAX_LIMIT, &req.limit, &err); break;
		case OPT_OFFSET:
			rc = cli_size_option("--offset", optarg, 0, CLI_COUNT_MAX, &req.offset, &err);
			break;
		case OPT_SORT:
			sort_set = true;
			if (strcmp(optarg, "relevance") == 0)
				req.sort = SEARCH_SORT_RELEVANCE;
			else if (strcmp(optarg, "date") == 0)
				req.sort = SEARCH_SORT_DATE;
			else if (strcmp(optarg, "-date") == 0)
				req.sort = SEARCH_SORT_DATE_DESC;
			else
				rc = cm_err_set(&err, CM_EINVAL, "--sort takes relevance, date or -date, "
						"not '%s'", optarg);
			break;
		case OPT_GROUP:
			if (strcmp(optarg, "meeting") != 0)
				rc = cm_err_set(&err, CM_EINVAL, "--group takes 'meeting', not '%s'", optarg);
			req.group_meeting = true;
			break;
		case 'f': rc = strv_push(&filters, optarg); break;
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
			else
				rc = cm_err_set(&err, CM_EINVAL, "unknown facet '%s' (council, committee, "
						"year, person, format, kind, all, none)", optarg);
			break;
		}
		case OPT_FACET_LIMIT:
			rc = cli_size_option("--facet-limit", optarg, 0, FACET_LIMIT_MAX, &req.facet_limit,
					    &err);
			break;
		case OPT_JSON: format = OUT_JSON; break;
		case OPT_CSV: format = OUT_CSV; break;
		case OPT_SYNONYMS: rc = strv_push(&extra, optarg); break;
		case OPT_NO_SYNONYMS: no_synonyms = true; break;
		case OPT_SNIPPET:
			rc = cli_size_option("--snippet-length", optarg, 0, SNIPPET_MAX, &req.snippet_len,
					    &err);
			break;
		case OPT_STATS: stats = true; break;
		case OPT_EXPLAIN: explain = true; break;
		case OPT_COUNT_LIMIT:
			/* 0 would mean "no limit" to the engine: the least is one match. */
			rc = cli_size_option("--count-limit", optarg, 0, CLI_COUNT_MAX, &req.count_limit,
					    &err);
			if (rc == CM_OK && !req.count_limit)
				req.count_limit = 1;
			break;
		case OPT_TIME_LIMIT:
			rc = cli_size_option("--time-limit", optarg, 0, MS_MAX, &n, &err);
			req.time_limit_ms = rc == CM_OK ? (double)n : 0;
			break;
		case OPT_ALLOW_PARTIAL: allow_partial = true; break;
		case OPT_ADDED_SINCE: added_since = optarg; break;
		case OPT_SHARD_TIMEOUT:
			rc = cli_size_option("--shard-timeout", optarg, 1, MS_MAX, &shard_timeout, &err);
			break;
		case 'h': usage(); goto out;
		case 'V': printf("%s %s (Xapian %s)\n", prog, CM_VERSION, xw_version()); goto out;
		default: status = cli_usage_error(prog, NULL); goto out;
		}
	}
	if (rc == CM_OK)
		rc = cli_db(db, &db, &err);
	if (rc == CM_OK && added_since) {
		rc = alert_since(added_since, &req.added_after, &state_file, &err);
		if (req.added_after <= 0)
			req.added_after = 0;
		/* "Since" is open on the left: 0 means every item, even from before the slot. */
		if (!sort_set)
			req.sort = SEARCH_SORT_ADDED_DESC;
	}
	if (rc == CM_OK && !no_synonyms)
		synonym_files(&extra, &synonyms);
	if (rc == CM_EINVAL) {
		status = cli_usage_error(prog, "%s", err.msg);
		goto out;
	} else if (rc != CM_OK) {
		cli_error(prog, "%s", err.msg[0] ? err.msg : cm_code_str(rc));
		status = CLI_FAILED;
		goto out;
	}
	if (!facets_set)
		req.facets = facet_default_mask();
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
	if (rc == CM_OK && stats) {
		struct search_stats st;

		memset(&st, 0, sizeof st);
		rc = search_stats(eng, &st, &err);
		if (rc == CM_OK)
			out_stats(&st, format, &out);
		search_stats_release(&st);
	} else if (rc == CM_OK) {
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
			if (explain) {
				cli_error(prog, "parsed: %s", res.parsed);
				if (req.facets)
					cli_error(prog, "facets counted %s", res.facets_fast
						  ? "over bitmaps from the index's arrays"
						  : "by Xapian's match spy");
			}
			if (res.partial) {
				struct sbuf names = {0};

				for (size_t i = 0; i < res.missing_shards.n; i++)
					sbuf_addf(&names, "%s %s", i ? "," : "", res.missing_shards.v[i]);
				cli_error(prog, "warning: partial results, shards not answering:%s",
					  sbuf_str(&names));
				sbuf_release(&names);
			}
		}
	}
	if (rc != CM_OK) {
		cli_error(prog, "%s", err.msg);
		status = cli_status_of(rc);
		goto out;
	}
	fwrite(out.buf, 1, out.len, stdout);
	/* The state moves on only once the list is out: a failed write lists it again. */
	if (state_file && (fflush(stdout) != 0 || ferror(stdout))) {
		/* Reported here, with its reason: at cli_finish only the flag would be left. */
		cli_error(prog, "write error: %s", strerror(errno));
		clearerr(stdout);
		status = CLI_FAILED;
	} else if (state_file && newest > req.added_after &&
		   alert_store(state_file, newest, &err) != CM_OK) {
		cli_error(prog, "%s", err.msg);
		status = CLI_FAILED;
	}
out:
	search_result_release(&res);
	search_engine_free(eng);
	strv_release(&filters);
	strv_release(&extra);
	strv_release(&synonyms);
	sbuf_release(&query);
	sbuf_release(&out);
	return cli_finish(prog, status);
}
