/*
 * cmd_research.c - `minutes-search trends|recurring|themes|related`
 *
 * One getopt table for the four commands (options that do not apply to a
 * command are refused), then the command's run and write functions
 * (research.h), output to stdout or --svg FILE.  Numbers and exit statuses
 * as every command has them (common/cli.h).
 */
#include "research.h"
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "research_int.h"
#include "strv.h"

static const char *const RESEARCH_CMDS[] = { "trends", "recurring", "themes", "related" };

bool research_is_command(const char *cmd)
{
	for (size_t i = 0; cmd && i < sizeof RESEARCH_CMDS / sizeof RESEARCH_CMDS[0]; i++)
		if (strcmp(cmd, RESEARCH_CMDS[i]) == 0)
			return true;
	return false;
}

static void research_usage(const char *cmd, int status)
{
	if (status != CLI_OK) {
		fprintf(stderr, "Try 'minutes-search %s --help' for more information.\n", cmd);
		return;
	}
	printf("Usage: minutes-search trends QUERY --by year|month|municipal-year\n"
	       "                             [--split committee|council] [--svg FILE]\n"
	       "       minutes-search recurring [QUERY] [--min-meetings N] [--all]\n"
	       "       minutes-search themes [QUERY] --period 2020 [--against rest|all]\n"
	       "       minutes-search related TERM\n"
	       "Research over an index of council minutes; every command takes the query\n"
	       "language of minutes-search and its filters.\n\n"
	       "Common options:\n"
	       "  -d, --db DIR            database (default: $MINUTES_DB)\n"
	       "  -f, --filter F=VALUE    council, committee, year, person, format, kind\n"
	       "      --from DATE         meetings on or after DATE (YYYY[-MM[-DD]])\n"
	       "      --to DATE           meetings on or before DATE\n"
	       "      --json, --csv       machine-readable output (default: a table)\n"
	       "  -n, --limit N           rows shown (recurring, themes, related)\n"
	       "trends:\n"
	       "      --by PERIOD         year (default), month or municipal-year (May-April)\n"
	       "      --split BY          committee or council: one series each\n"
	       "      --svg FILE          also write a line chart of the shares to FILE\n"
	       "      --counts            chart matching items rather than shares\n"
	       "recurring:\n"
	       "      --min-meetings N    items seen at N meetings or more (default 2)\n"
	       "      --all               keep procedural items (apologies, minutes...)\n"
	       "themes:\n"
	       "      --period P          the target: 2020, 2020-03 or 2020/21 (municipal)\n"
	       "      --against WHAT      rest (default: everything else) or all\n"
	       "      --min-count N       least documents in the target (default 3)\n"
	       "      --no-phrases        words only\n"
	       "related:\n"
	       "      --rset N            top matching items read for expansion (default 100)\n"
	       "  -h, --help              show this help and exit\n");
}

struct research_cli {
	const char *db;
	struct strv filters;
	struct sbuf query;
	const char *from, *to, *svg, *period;
	enum out_format format;
	int by, split, against;
	size_t limit, min_meetings, min_count, rset;
	bool all, counts, no_phrases;
};

static void research_base(const struct research_cli *c, struct search_request *r)
{
	memset(r, 0, sizeof *r);
	r->query = sbuf_str(&c->query);
	r->filters = (const char *const *)c->filters.v;
	r->n_filters = c->filters.n;
	r->from = c->from;
	r->to = c->to;
}

static int research_write_file(const char *path, const struct sbuf *b, struct cm_err *err)
{
	FILE *f = fopen(path, "w");
	int rc = CM_OK;

	if (!f)
		return cm_err_set(err, CM_EIO, "cannot write %s: %s", path, strerror(errno));
	if (fwrite(b->buf, 1, b->len, f) != b->len)
		rc = cm_err_set(err, CM_EIO, "cannot write %s: %s", path, strerror(errno));
	if (fclose(f) != 0 && rc == CM_OK)
		rc = cm_err_set(err, CM_EIO, "cannot write %s: %s", path, strerror(errno));
	return rc;
}

static int research_dispatch(const char *cmd, const struct research_cli *c,
			     struct search_engine *eng, struct sbuf *out, struct cm_err *err)
{
	bool pretty = isatty(STDOUT_FILENO);
	int rc;

	if (strcmp(cmd, "trends") == 0) {
		struct research_trends_req req;
		struct research_trends t;

		memset(&req, 0, sizeof req);
		memset(&t, 0, sizeof t);
		research_base(c, &req.base);
		req.by = (enum research_period)c->by;
		req.split = (enum research_split)c->split;
		rc = research_trends_run(eng, &req, &t, err);
		if (rc == CM_OK)
			research_trends_write(&t, req.base.query, c->format, pretty, out);
		if (rc == CM_OK && c->svg) {
			struct sbuf svg = {0};

			research_trends_svg(&t, req.base.query, c->counts, &svg);
			rc = sbuf_oom(&svg) ? cm_err_set(err, CM_ENOMEM, "out of memory")
					    : research_write_file(c->svg, &svg, err);
			sbuf_release(&svg);
		}
		research_trends_release(&t);
	} else if (strcmp(cmd, "recurring") == 0) {
		struct research_recur_req req;
		struct research_recur r;

		memset(&req, 0, sizeof req);
		memset(&r, 0, sizeof r);
		research_base(c, &req.base);
		req.min_meetings = c->min_meetings;
		req.all = c->all;
		req.limit = c->limit ? c->limit : (c->format == OUT_TEXT ? 30 : 0);
		rc = research_recur_run(eng, &req, &r, err);
		if (rc == CM_OK)
			research_recur_write(&r, c->format, pretty, out);
		research_recur_release(&r);
	} else if (strcmp(cmd, "themes") == 0) {
		struct research_themes_req req;
		struct research_themes t;

		memset(&req, 0, sizeof req);
		memset(&t, 0, sizeof t);
		research_base(c, &req.base);
		req.period = c->period;
		req.against = (enum research_against)c->against;
		req.limit = c->limit;
		req.min_count = c->min_count;
		req.phrases = !c->no_phrases;
		rc = research_themes_run(eng, &req, &t, err);
		if (rc == CM_OK)
			research_themes_write(&t, c->format, pretty, out);
		research_themes_release(&t);
	} else {
		struct research_related_req req;
		struct research_themes t;

		memset(&req, 0, sizeof req);
		memset(&t, 0, sizeof t);
		research_base(c, &req.base);
		req.limit = c->limit;
		req.rset = c->rset;
		rc = research_related_run(eng, &req, &t, err);
		if (rc == CM_OK)
			research_related_write(&t, c->format, pretty, out);
		research_themes_release(&t);
	}
	return rc;
}

/* Refuse an option that means nothing to cmd. */
static bool research_option_ok(const char *cmd, int opt, const char *name)
{
	static const struct { int opt; const char *cmds; } only[] = {
		{ 'b', "trends" }, { 's', "trends" }, { 'g', "trends" }, { 'c', "trends" },
		{ 'm', "recurring" }, { 'a', "recurring" },
		{ 'p', "themes" }, { 'A', "themes" }, { 'k', "themes" }, { 'P', "themes" },
		{ 'r', "related" },
	};

	for (size_t i = 0; i < sizeof only / sizeof only[0]; i++)
		if (only[i].opt == opt && strcmp(only[i].cmds, cmd) != 0) {
			fprintf(stderr, "minutes-search %s: --%s is an option of '%s'\n", cmd, name,
				only[i].cmds);
			return false;
		}
	return true;
}

int research_main(const char *cmd, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "filter", required_argument, NULL, 'f' },
		{ "from", required_argument, NULL, 'F' },
		{ "to", required_argument, NULL, 'T' },
		{ "json", no_argument, NULL, 'j' },
		{ "csv", no_argument, NULL, 'C' },
		{ "limit", required_argument, NULL, 'n' },
		{ "by", required_argument, NULL, 'b' },
		{ "split", required_argument, NULL, 's' },
		{ "svg", required_argument, NULL, 'g' },
		{ "counts", no_argument, NULL, 'c' },
		{ "min-meetings", required_argument, NULL, 'm' },
		{ "all", no_argument, NULL, 'a' },
		{ "period", required_argument, NULL, 'p' },
		{ "against", required_argument, NULL, 'A' },
		{ "min-count", required_argument, NULL, 'k' },
		{ "no-phrases", no_argument, NULL, 'P' },
		{ "rset", required_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct research_cli c;
	struct search_engine *eng = NULL;
	struct search_engine_opts eo;
	struct cm_err err = { CM_OK, "" };
	struct sbuf out = {0};
	int opt, li = 0, rc, status = CLI_OK;

	memset(&c, 0, sizeof c);
	c.db = cli_default_db();
	optind = 1;
	while ((opt = getopt_long(argc, argv, "d:f:n:h", longopts, &li)) != -1) {
		const char *name = NULL;

		for (size_t i = 0; longopts[i].name; i++)
			if (longopts[i].val == opt)
				name = longopts[i].name;
		if (opt != '?' && name && !research_option_ok(cmd, opt, name)) {
			research_usage(cmd, CLI_USAGE);
			status = CLI_USAGE;
			goto out;
		}
		switch (opt) {
		case 'd': c.db = optarg; break;
		case 'f': strv_push(&c.filters, optarg); break;
		case 'F': c.from = optarg; break;
		case 'T': c.to = optarg; break;
		case 'j': c.format = OUT_JSON; break;
		case 'C': c.format = OUT_CSV; break;
		case 'g': c.svg = optarg; break;
		case 'c': c.counts = true; break;
		case 'a': c.all = true; break;
		case 'p': c.period = optarg; break;
		case 'P': c.no_phrases = true; break;
		case 'b':
			if ((c.by = research_period_parse(optarg)) < 0) {
				fprintf(stderr, "minutes-search %s: --by takes year, month or "
					"municipal-year, not '%s'\n", cmd, optarg);
				status = CLI_USAGE;
			}
			break;
		case 's':
			if ((c.split = research_split_parse(optarg)) < 0) {
				fprintf(stderr, "minutes-search %s: --split takes committee or council, "
					"not '%s'\n", cmd, optarg);
				status = CLI_USAGE;
			}
			break;
		case 'A':
			if (strcmp(optarg, "rest") == 0)
				c.against = RESEARCH_AGAINST_REST;
			else if (strcmp(optarg, "all") == 0)
				c.against = RESEARCH_AGAINST_ALL;
			else {
				fprintf(stderr, "minutes-search %s: --against takes rest or all, not "
					"'%s'\n", cmd, optarg);
				status = CLI_USAGE;
			}
			break;
		case 'n': case 'm': case 'k': case 'r': {
			size_t *dst = opt == 'n' ? &c.limit : opt == 'm' ? &c.min_meetings :
				      opt == 'k' ? &c.min_count : &c.rset;

			if (!cli_parse_size(optarg, 0, 100000000, dst)) {
				fprintf(stderr, "minutes-search %s: invalid --%s: '%s'\n", cmd, name,
					optarg);
				status = CLI_USAGE;
			}
			break;
		}
		case 'h':
			research_usage(cmd, CLI_OK);
			goto out;
		default:
			status = CLI_USAGE;
		}
		if (status != CLI_OK) {
			research_usage(cmd, status);
			goto out;
		}
	}
	for (int i = optind; i < argc; i++) {
		if (i > optind)
			sbuf_addch(&c.query, ' ');
		sbuf_adds(&c.query, argv[i]);
	}
	if (!c.db || !*c.db) {
		fprintf(stderr, "minutes-search %s: no database: give --db DIR or set MINUTES_DB\n",
			cmd);
		status = CLI_USAGE;
		research_usage(cmd, status);
		goto out;
	}
	if ((strcmp(cmd, "trends") == 0 || strcmp(cmd, "related") == 0) && c.query.len == 0) {
		fprintf(stderr, "minutes-search %s: give a %s\n", cmd,
			strcmp(cmd, "trends") == 0 ? "query" : "term");
		status = CLI_USAGE;
		research_usage(cmd, status);
		goto out;
	}
	if (c.svg && c.format == OUT_TEXT && strcmp(c.svg, "-") == 0) {
		fprintf(stderr, "minutes-search %s: --svg needs a file name\n", cmd);
		status = CLI_USAGE;
		goto out;
	}
	/*
	 * Research counts what the words match, so the acronym synonyms of
	 * plain searches are not loaded: a trend of "CSE" counts "CSE".
	 */
	memset(&eo, 0, sizeof eo);
	rc = search_engine_open(c.db, &eo, &eng, &err);
	if (rc == CM_OK)
		rc = research_dispatch(cmd, &c, eng, &out, &err);
	if (rc == CM_OK && sbuf_oom(&out))
		rc = cm_err_set(&err, CM_ENOMEM, "out of memory");
	if (rc != CM_OK) {
		fprintf(stderr, "minutes-search %s: %s\n", cmd, err.msg);
		status = cli_status_of(rc);
		goto out;
	}
	if (fwrite(out.buf ? out.buf : "", 1, out.len, stdout) != out.len)
		status = CLI_FAILED;
out:
	search_engine_free(eng);
	strv_release(&c.filters);
	sbuf_release(&c.query);
	sbuf_release(&out);
	return status;
}
