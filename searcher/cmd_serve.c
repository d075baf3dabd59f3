/*
 * cmd_serve.c - `minutes-search serve`: options, signals, the server's life
 *
 * The command around srv.h: parses the options (common/cli.h numbers),
 * blocks the signals in every thread but this one, starts the server and
 * waits: SIGINT and SIGTERM drain and stop it, SIGHUP is logged and
 * ignored (docs/SERVER.md).  Only this file of the server prints usage or
 * decides an exit status.
 */
#include "srv.h"
#include "cli.h"

#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strv.h"
#include "synonym.h"

static const char *srv_prog = "minutes-search serve";

static void srv_usage(FILE *f)
{
	fprintf(f,
		"Usage: minutes-search serve --db DIR [OPTION]...\n"
		"Serve a JSON search API and a search page over HTTP (see docs/SERVER.md).\n\n"
		"  -d, --db DIR              database directory or stub (default: $MINUTES_DB)\n"
		"  -l, --listen ADDR:PORT    where to listen (default 127.0.0.1:8080;\n"
		"                            port 0 picks a free port)\n"
		"      --cors ORIGIN         let pages from ORIGIN (or *) call the API\n"
		"      --frame-ancestors S   who may embed the page in a frame (CSP sources;\n"
		"                            default 'self')\n"
		"  -t, --threads N           searches at once (default: one per CPU)\n"
		"      --cache N             cached search answers (default 1000, 0 = off)\n"
		"      --timeout SECONDS     drop idle connections, and those that have not sent\n"
		"                            a whole request, after this (default %d)\n"
		"      --search-time MS      counting time per search before totals and facets\n"
		"                            become estimates (default %d, 0 = unlimited)\n"
		"      --synonyms FILE       add synonym groups from FILE (repeatable)\n"
		"      --no-synonyms         do not expand acronyms\n"
		"      --public-url URL      the server's root as readers reach it (for feeds and\n"
		"                            the browser search box; default http://HOST/)\n"
		"      --serve-files         send a hit's original file at /file/ID when it has\n"
		"                            no public URL (only from inside the indexed roots)\n"
		"  -q, --quiet               do not report the address or errors\n"
		"  -h, --help                show this help and exit\n\n"
		"Stops cleanly on SIGTERM or SIGINT (requests in flight finish; exit status 0);\n"
		"ignores SIGHUP.\n",
		SRV_DEFAULT_TIMEOUT, (int)(SRV_SEARCH_SECONDS * 1000));
}

static void srv_stderr_log(void *ctx, const char *msg)
{
	(void)ctx;
	fprintf(stderr, "%s: %s\n", srv_prog, msg);
}


int srv_main(int argc, char **argv)
{
	enum { OPT_CORS = 256, OPT_FRAME, OPT_CACHE, OPT_TIMEOUT, OPT_SEARCH_TIME, OPT_SYNONYMS,
	       OPT_NO_SYNONYMS, OPT_SERVE_FILES, OPT_PUBLIC_URL };
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "listen", required_argument, NULL, 'l' },
		{ "cors", required_argument, NULL, OPT_CORS },
		{ "frame-ancestors", required_argument, NULL, OPT_FRAME },
		{ "threads", required_argument, NULL, 't' },
		{ "cache", required_argument, NULL, OPT_CACHE },
		{ "timeout", required_argument, NULL, OPT_TIMEOUT },
		{ "search-time", required_argument, NULL, OPT_SEARCH_TIME },
		{ "synonyms", required_argument, NULL, OPT_SYNONYMS },
		{ "no-synonyms", no_argument, NULL, OPT_NO_SYNONYMS },
		{ "serve-files", no_argument, NULL, OPT_SERVE_FILES },
		{ "public-url", required_argument, NULL, OPT_PUBLIC_URL },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct srv_opts o;
	struct srv *s = NULL;
	struct strv syn = {0}, extra = {0};
	struct cm_err err = { CM_OK, "" };
	sigset_t sigs;
	size_t v;
	bool quiet = false, no_syn = false;
	int c, sig = 0, status = 0;

	memset(&o, 0, sizeof o);
	o.db = cli_default_db();
	o.cache_entries = 1000;
	o.log = srv_stderr_log;
	optind = 1;
	while ((c = getopt_long(argc, argv, "d:l:t:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': o.db = optarg; break;
		case 'l': o.listen = optarg; break;
		case OPT_CORS: o.cors = optarg; break;
		case OPT_FRAME: o.frame_ancestors = optarg; break;
		case 't':
			if (!cli_option_size(srv_prog, "--threads", optarg, 0, 256, &v))
				goto usage;
			o.threads = (unsigned)v;
			break;
		case OPT_CACHE:
			if (!cli_option_size(srv_prog, "--cache", optarg, 0, 1000000, &v))
				goto usage;
			o.cache_entries = v;
			break;
		case OPT_TIMEOUT:
			if (!cli_option_size(srv_prog, "--timeout", optarg, 1, 3600, &v))
				goto usage;
			o.timeout = (unsigned)v;
			break;
		case OPT_SEARCH_TIME:
			if (!cli_option_size(srv_prog, "--search-time", optarg, 0, 600000, &v))
				goto usage;
			o.search_seconds = v ? (double)v / 1000.0 : -1;
			break;
		case OPT_SYNONYMS: strv_push(&extra, optarg); break;
		case OPT_NO_SYNONYMS: no_syn = true; break;
		case OPT_SERVE_FILES: o.serve_files = true; break;
		case OPT_PUBLIC_URL: o.public_url = optarg; break;
		case 'q': quiet = true; break;
		case 'h':
			srv_usage(stdout);
			status = fflush(stdout) == 0 ? 0 : 1;
			goto out;
		default: goto usage;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "%s: unexpected argument '%s'\n", srv_prog, argv[optind]);
		goto usage;
	}
	if (!o.db || !*o.db) {
		fprintf(stderr, "%s: no database: give --db DIR or set MINUTES_DB\n", srv_prog);
		goto usage;
	}
	if (quiet)
		o.log = NULL;
	if (!no_syn) {
		synonym_files(&extra, &syn);
		o.synonym_files = (const char *const *)syn.v;
		o.n_synonym_files = syn.n;
	}

	/* Worker threads inherit the mask: only this thread takes the signals. */
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGTERM);
	sigaddset(&sigs, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	signal(SIGPIPE, SIG_IGN);
	if (srv_start(&o, &s, &err) != CM_OK) {
		fprintf(stderr, "%s: %s\n", srv_prog, err.msg);
		status = cli_status_of(err.code);
		goto out;
	}
	if (!quiet) {
		const char *l = o.listen ? o.listen : "127.0.0.1:8080";
		int hl = (int)(strrchr(l, ':') - l);

		fprintf(stderr, "%s: serving %s on http://%.*s:%u/\n", srv_prog, o.db,
			hl ? hl : 9, hl ? l : "127.0.0.1", srv_port(s));
		fflush(stderr);
	}
	/*
	 * SIGHUP (a reload, to most daemons) has nothing to do: every worker
	 * reopens the index within a second of a commit anyway.
	 */
	while (sigwait(&sigs, &sig) != 0 || sig == SIGHUP) {
		if (sig == SIGHUP && !quiet)
			fprintf(stderr, "%s: %s: ignored (the index is reopened within a "
				"second of each commit)\n", srv_prog, strsignal(sig));
		sig = 0;
	}
	if (!quiet)
		fprintf(stderr, "%s: %s, stopping\n", srv_prog, strsignal(sig));
out:
	srv_stop(s);
	strv_release(&syn);
	strv_release(&extra);
	return status;
usage:
	fprintf(stderr, "Try 'minutes-search serve --help' for more information.\n");
	strv_release(&syn);
	strv_release(&extra);
	return CLI_USAGE;
}
