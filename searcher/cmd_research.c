/*
 * cmd_research.c - `minutes-search trends|recurring|themes|related`
 *
 * One getopt table for the four research commands (options that do not
 * apply to a command are refused), then the command's run and write
 * functions from research.h; the output goes to stdout, a chart to --svg
 * FILE.  The research engine itself is research*.c, which never prints.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cmd.h"
#include "research.h"
#include "sbuf.h"
#include "search.h"
#include "strv.h"

static const char *const COMMANDS[] = { "trends", "recurring", "themes", "related" };

/* Longest "minutes-search CMD" and "--OPTION": the names above and below. */
enum { NAME_MAX_LEN = 64 };

bool cmd_is_research(const char *cmd)
{
	for (size_t i = 0; cmd && i < sizeof COMMANDS / sizeof COMMANDS[0]; i++)
		if (strcmp(cmd, COMMANDS[i]) == 0)
			return true;
	return false;
}

static void usage(void)
{
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
	const char *db;               /* --db, NULL for $MINUTES_DB */
	struct strv filters;          /* --filter F=VALUE, in order */
	struct sbuf query;            /* the operands joined by spaces */
	const char *from, *to, *svg, *period;
	enum out_format format;
	int by, split, against;       /* research_period, research_split, research_against */
	size_t limit, min_meetings, min_count, rset;
	bool all, counts, no_phrases;
};

static void base_request(const struct research_cli *c, struct search_request *r)
{
	memset(r, 0, sizeof *r);
	r->query = sbuf_str(&c->query);
	r->filters = (const char *const *)c->filters.v;
	r->n_filters = c->filters.n;
	r->from = c->from;
	r->to = c->to;
}

static int write_file(const char *path, const struct sbuf *b, struct cm_err *err)
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

static int dispatch(const char *cmd, const struct research_cli *c, struct search_engine *eng,
		    struct sbuf *out, struct cm_err *err)
{
	bool pretty = isatty(STDOUT_FILENO);
	int rc;

	if (strcmp(cmd, "trends") == 0) {
		struct research_trends_req req;
		struct research_trends t;

		memset(&req, 0, sizeof req);
		memset(&t, 0, sizeof t);
		base_request(c, &req.base);
		req.by = (enum research_period)c->by;
		req.split = (enum research_split)c->split;
		rc = research_trends_run(eng, &req, &t, err);
		if (rc == CM_OK)
			research_trends_write(&t, req.base.query, c->format, pretty, out);
		if (rc == CM_OK && c->svg) {
			struct sbuf svg = {0};

			research_trends_svg(&t, req.base.query, c->counts, &svg);
			rc = sbuf_oom(&svg) ? cm_err_set(err, CM_ENOMEM, "out of memory")
					    : write_file(c->svg, &svg, err);
			sbuf_release(&svg);
		}
		research_trends_release(&t);
	} else if (strcmp(cmd, "recurring") == 0) {
		struct research_recur_req req;
		struct research_recur r;

		memset(&req, 0, sizeof req);
		memset(&r, 0, sizeof r);
		base_request(c, &req.base);
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
		base_request(c, &req.base);
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
		base_request(c, &req.base);
		req.limit = c->limit;
		req.rset = c->rset;
		rc = research_related_run(eng, &req, &t, err);
		if (rc == CM_OK)
			research_related_write(&t, c->format, pretty, out);
		research_themes_release(&t);
	}
	return rc;
}

/* Refuse an option that means nothing to cmd: CM_EINVAL naming its command. */
static int option_ok(const char *cmd, int opt, const char *name, struct cm_err *err)
{
	static const struct { int opt; const char *cmds; } only[] = {
		{ 'b', "trends" }, { 's', "trends" }, { 'g', "trends" }, { 'c', "trends" },
		{ 'm', "recurring" }, { 'a', "recurring" },
		{ 'p', "themes" }, { 'A', "themes" }, { 'k', "themes" }, { 'P', "themes" },
		{ 'r', "related" },
	};

	for (size_t i = 0; i < sizeof only / sizeof only[0]; i++)
		if (only[i].opt == opt && strcmp(only[i].cmds, cmd) != 0)
			return cm_err_set(err, CM_EINVAL, "--%s is an option of '%s'", name,
					  only[i].cmds);
	return CM_OK;
}

int cmd_research(int argc, char **argv)
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
	const char *cmd = argv[0];
	char prog[NAME_MAX_LEN];
	struct research_cli c;
	struct search_engine *eng = NULL;
	struct search_engine_opts eo;
	struct cm_err err = { CM_OK, "" };
	struct sbuf out = {0};
	int opt, rc = CM_OK, status = CLI_OK;

	snprintf(prog, sizeof prog, "minutes-search %s", cmd);
	memset(&c, 0, sizeof c);
	optind = 1;
	while ((opt = getopt_long(argc, argv, "d:f:n:h", longopts, NULL)) != -1) {
		char name[NAME_MAX_LEN] = "";

		for (size_t i = 0; longopts[i].name; i++)
			if (longopts[i].val == opt)
				snprintf(name, sizeof name, "--%s", longopts[i].name);
		rc = opt != '?' && *name ? option_ok(cmd, opt, name + 2, &err) : CM_OK;
		if (rc != CM_OK)
			break;
		switch (opt) {
		case 'd': c.db = optarg; break;
		case 'f': rc = strv_push(&c.filters, optarg); break;
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
			if ((c.by = research_period_parse(optarg)) < 0)
				rc = cm_err_set(&err, CM_EINVAL, "--by takes year, month or "
						"municipal-year, not '%s'", optarg);
			break;
		case 's':
			if ((c.split = research_split_parse(optarg)) < 0)
				rc = cm_err_set(&err, CM_EINVAL, "--split takes committee or council, "
						"not '%s'", optarg);
			break;
		case 'A':
			if (strcmp(optarg, "rest") == 0)
				c.against = RESEARCH_AGAINST_REST;
			else if (strcmp(optarg, "all") == 0)
				c.against = RESEARCH_AGAINST_ALL;
			else
				rc = cm_err_set(&err, CM_EINVAL, "--against takes rest or all, not "
						"'%s'", optarg);
			break;
		case 'n': case 'm': case 'k': case 'r': {
			size_t *dst = opt == 'n' ? &c.limit : opt == 'm' ? &c.min_meetings :
				      opt == 'k' ? &c.min_count : &c.rset;

			rc = cli_size_option(name, optarg, 0, CLI_COUNT_MAX, dst, &err);
			break;
		}
		case 'h':
			usage();
			goto out;
		default:
			status = cli_usage_error(prog, NULL);
			goto out;
		}
		if (rc != CM_OK)
			break;
	}
	if (rc == CM_OK) {
		for (int i = optind; i < argc; i++) {
			if (i > optind)
				sbuf_addch(&c.query, ' ');
			sbuf_adds(&c.query, argv[i]);
		}
		rc = cli_db(c.db, &c.db, &err);
	}
	if (rc == CM_OK && (strcmp(cmd, "trends") == 0 || strcmp(cmd, "related") == 0) &&
	    c.query.len == 0)
		rc = cm_err_set(&err, CM_EINVAL, "give a %s",
				strcmp(cmd, "trends") == 0 ? "query" : "term");
	if (rc == CM_OK && c.svg && c.format == OUT_TEXT && strcmp(c.svg, "-") == 0)
		rc = cm_err_set(&err, CM_EINVAL, "--svg needs a file name");
	if (rc == CM_EINVAL) {
		status = cli_usage_error(prog, "%s", err.msg);
		goto out;
	}
	/*
	 * Research counts what the words match, so the acronym synonyms of
	 * plain searches are not loaded: a trend of "CSE" counts "CSE".
	 */
	memset(&eo, 0, sizeof eo);
	if (rc == CM_OK)
		rc = search_engine_open(c.db, &eo, &eng, &err);
	if (rc == CM_OK)
		rc = dispatch(cmd, &c, eng, &out, &err);
	if (rc == CM_OK && sbuf_oom(&out))
		rc = cm_err_set(&err, CM_ENOMEM, "out of memory");
	if (rc != CM_OK) {
		cli_error(prog, "%s", err.msg[0] ? err.msg : cm_code_str(rc));
		status = cli_status_of(rc);
		goto out;
	}
	fwrite(out.buf ? out.buf : "", 1, out.len, stdout);
out:
	search_engine_free(eng);
	strv_release(&c.filters);
	sbuf_release(&c.query);
	sbuf_release(&out);
	return cli_finish(prog, status);
}
