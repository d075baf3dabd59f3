/*
 * cmd_serve.c - `minutes-search serve`: the HTTP server's command line
 *
 * Parses the options into a struct srv_opts, starts the server (srv.h),
 * reports where it listens and waits for SIGTERM or SIGINT to stop it;
 * the server's own reports (5xx answers, libmicrohttpd's errors) reach
 * stderr through the log callback set here.  The server is srv.c.
 */
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "cmd.h"
#include "srv.h"
#include "strv.h"
#include "synonym.h"

static const char *const prog = "minutes-search serve";

/* Searches at once: past the cores of any machine this runs on; each holds a database handle. */
enum { THREADS_MAX = 256 };
/* Cached answers: each at most a page of JSON, and the cache's bytes are bounded anyway. */
enum { CACHE_MAX = 1000000 };
/* Seconds an idle connection may be kept: an hour is past any proxy's keep-alive. */
enum { TIMEOUT_MAX = 3600 };
/* Counting time per search, in ms: ten minutes, past any reader's patience. */
enum { SEARCH_MS_MAX = 600000 };

static void usage(void)
{
	printf("Usage: minutes-search serve --db DIR [OPTION]...\n"
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

static void stderr_log(void *ctx, const char *msg)
{
	(void)ctx;
	cli_error(prog, "%s", msg);
}

/* Serve until SIGTERM or SIGINT; SIGHUP is reported (unless quiet) and ignored. */
static void wait_for_stop(const sigset_t *sigs, bool quiet)
{
	int sig = 0;

	/*
	 * SIGHUP (a reload, to most daemons) has nothing to do: every worker
	 * reopens the index within a second of a commit anyway.
	 */
	while (sigwait(sigs, &sig) != 0 || sig == SIGHUP) {
		if (sig == SIGHUP && !quiet)
			cli_error(prog, "%s: ignored (the index is reopened within a second of "
				  "each commit)", strsignal(sig));
		sig = 0;
	}
	if (!quiet)
		cli_error(prog, "%s, stopping", strsignal(sig));
}

int cmd_serve(int argc, char **argv)
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
	size_t ms;
	bool quiet = false, no_syn = false;
	int c, rc = CM_OK, status = CLI_OK;

	memset(&o, 0, sizeof o);
	o.cache_entries = 1000;
	o.log = stderr_log;
	optind = 1;
	while (rc == CM_OK && (c = getopt_long(argc, argv, "d:l:t:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': o.db = optarg; break;
		case 'l': o.listen = optarg; break;
		case OPT_CORS: o.cors = optarg; break;
		case OPT_FRAME: o.frame_ancestors = optarg; break;
		case 't': rc = cli_uint_option("--threads", optarg, 0, THREADS_MAX, &o.threads, &err); break;
		case OPT_CACHE:
			rc = cli_size_option("--cache", optarg, 0, CACHE_MAX, &o.cache_entries, &err);
			break;
		case OPT_TIMEOUT:
			rc = cli_uint_option("--timeout", optarg, 1, TIMEOUT_MAX, &o.timeout, &err);
			break;
		case OPT_SEARCH_TIME:
			rc = cli_size_option("--search-time", optarg, 0, SEARCH_MS_MAX, &ms, &err);
			if (rc == CM_OK)
				o.search_seconds = ms ? (double)ms / 1000.0 : -1;
			break;
		case OPT_SYNONYMS: rc = strv_push(&extra, optarg); break;
		case OPT_NO_SYNONYMS: no_syn = true; break;
		case OPT_SERVE_FILES: o.serve_files = true; break;
		case OPT_PUBLIC_URL: o.public_url = optarg; break;
		case 'q': quiet = true; break;
		case 'h': usage(); goto out;
		default: status = cli_usage_error(prog, NULL); goto out;
		}
	}
	if (rc == CM_OK && optind < argc)
		rc = cm_err_set(&err, CM_EINVAL, "unexpected argument '%s'", argv[optind]);
	if (rc == CM_OK)
		rc = cli_db(o.db, &o.db, &err);
	if (rc == CM_OK && !no_syn) {
		synonym_files(&extra, &syn);
		o.synonym_files = (const char *const *)syn.v;
		o.n_synonym_files = syn.n;
	}
	if (rc == CM_EINVAL) {
		status = cli_usage_error(prog, "%s", err.msg);
		goto out;
	} else if (rc != CM_OK) {
		cli_error(prog, "%s", cm_code_str(rc));
		status = cli_status_of(rc);
		goto out;
	}
	if (quiet)
		o.log = NULL;

	/* Worker threads inherit the mask: only this thread takes the signals. */
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGTERM);
	sigaddset(&sigs, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	signal(SIGPIPE, SIG_IGN);
	rc = srv_start(&o, &s, &err);
	if (rc != CM_OK) {
		cli_error(prog, "%s", err.msg);
		status = cli_status_of(rc);
		goto out;
	}
	if (!quiet) {
		const char *l = o.listen ? o.listen : "127.0.0.1:8080";
		int hl = (int)(strrchr(l, ':') - l);

		cli_error(prog, "serving %s on http://%.*s:%u/", o.db, hl ? hl : 9,
			  hl ? l : "127.0.0.1", srv_port(s));
		fflush(stderr);
	}
	wait_for_stop(&sigs, quiet);
out:
	srv_stop(s);
	strv_release(&syn);
	strv_release(&extra);
	return cli_finish(prog, status);
}
