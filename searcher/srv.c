/*
 * srv.c - the HTTP server over libmicrohttpd (see srv.h, docs/SERVER.md)
 *
 * --threads daemons of one thread each, listening on the same port with
 * SO_REUSEPORT: the kernel spreads new connections over them by address
 * hash.  Each answers a request start to finish, so a search runs on the
 * thread that read it and the engine's handle pool holds at most one
 * database handle per daemon.  Not libmicrohttpd's thread pool: its
 * threads take connections from one listening socket as each wakes first,
 * and when a client opens its connections at once one thread could end up
 * with all of them while the other idled (wrk measured half the throughput
 * in about half the runs).  Nothing here touches the filesystem apart
 * from the database: the page is compiled in, and a URL is matched exactly
 * against the asset table, so there is no path to traverse.  The one
 * exception, off by default, is --serve-files: /file/ID sends the source
 * of item ID, a path from the index resolved inside the indexed roots
 * (srvfile.h), never a path from the request.  Answers show a path only
 * below its root (srv_public_hits), never as the indexing machine has it.
 *
 * Divisions: limits and headers, responses, parameters, the API handlers,
 * sources, item and meeting pages, feeds, the router, starting and
 * stopping, the command line.
 */
#include "srv.h"
#include "cli.h"
#include "clock.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <microhttpd.h>
#include <netdb.h>
#include <pthread.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <json-c/json.h>

#include "facet.h"
#include "feed.h"
#include "html.h"
#include "hash.h"
#include "out.h"
#include "research.h"
#include "schema.h"
#include "sbuf.h"
#include "search.h"
#include "synonym.h"
#include "srvcache.h"
#include "srvfile.h"
#include "strv.h"
#include "text.h"

/* ---- limits and headers ------------------------------------------------- */

/* Longest q accepted: far beyond any typed query, short enough to parse fast. */
enum { SRV_MAX_QUERY = 1000 };
/* Longest value of any other parameter (a council name, a date). */
enum { SRV_MAX_VALUE = 200 };
/* Parameters per request: a page sends at most a dozen. */
enum { SRV_MAX_PARAMS = 64 };
/* Hits per page: a screenful and then some; more is a scraper. */
enum { SRV_MAX_PER_PAGE = 100, SRV_DEFAULT_PER_PAGE = 10 };
/* Deepest hit reachable by paging: Xapian's cost grows with the offset. */
enum { SRV_MAX_OFFSET = 10000 };
/* Values per facet in a search answer. */
enum { SRV_MAX_FACET_LIMIT = 100, SRV_DEFAULT_FACET_LIMIT = 10 };
/* Longest item id: uids are a meeting id and a number, well under this. */
enum { SRV_MAX_ID = 256 };
/* Documents shown on a meeting's page: far more items than any agenda has. */
enum { SRV_MAX_MEETING_DOCS = 2000 };
/* Entries in a feed: what a reader polling daily might miss in a busy week. */
enum { SRV_FEED_ENTRIES = 20 };
/*
 * Memory per connection for the request line, headers and response
 * headers.  libmicrohttpd answers 414/431 itself when a request does not
 * fit, which bounds the request size without reading any body.
 */
enum { SRV_CONN_MEMORY = 16 * 1024 };
/* Open connections across all daemons: beyond this, new ones are refused. */
enum { SRV_MAX_CONNECTIONS = 1000 };
/*
 * Stopping: the longest wait for the requests in flight to finish (an
 * answer is bounded by --search-time; a slow reader by --timeout), and the
 * quiet time after which none is taken to be left (the worker threads pick
 * up a request already received within microseconds).
 */
static const double SRV_DRAIN_SECONDS = 10.0, SRV_DRAIN_QUIET = 0.2;
/*
 * Slow clients.  Connections from one address (over all workers): enough
 * for a reverse proxy's pool, a small share of SRV_MAX_CONNECTIONS, so one
 * host trickling headers cannot hold every slot.  libmicrohttpd's own log
 * lines (refusals, timeouts): at most SRV_LOG_BURST per SRV_LOG_WINDOW
 * seconds, then one count of those left out.
 */
enum { SRV_PER_IP_CONNECTIONS = 128, SRV_LOG_BURST = 10 };
static const double SRV_LOG_WINDOW = 10.0;
/* Bytes of cached responses, whatever --cache says: bounds memory. */
enum { SRV_CACHE_BYTES = 64 * 1024 * 1024 };

/* The page: only its own files, no inline code, no framing by others. */
static const char SRV_CSP_PAGE[] =
	"default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
	"form-action 'self'; frame-ancestors ";
/* JSON is never a document: nothing may load or frame it. */
static const char SRV_CSP_API[] = "default-src 'none'; frame-ancestors 'none'";

struct srv_page {
	const struct srv_asset *asset;    /* the file */
	const char *type;                 /* its Content-Type */
	char etag[HASH64_HEX + 2];        /* "\"hash\"" of its contents */
	struct MHD_Response *resp;        /* built once, queued many times */
};

struct srv {
	struct MHD_Daemon **daemons;      /* the running daemons, one thread each ... */
	unsigned n_daemons;               /* ... on one port (SO_REUSEPORT) */
	struct search_engine *eng;        /* searches */
	struct srvcache *cache;           /* rendered /api/search answers, or NULL */
	struct srv_opts o;                /* options, strings owned below */
	char *cors;                       /* Access-Control-Allow-Origin or NULL */
	char *csp_page;                   /* the page's Content-Security-Policy */
	bool deny_frames;                 /* send X-Frame-Options: SAMEORIGIN too */
	struct srv_page *pages;           /* one per asset */
	size_t n_pages;
	unsigned port;                    /* bound port */
	atomic_size_t in_flight;          /* requests begun and not yet answered */
	atomic_size_t begun;              /* requests begun, ever: stopping waits until it settles */
	/* Request deadlines (srv_reaper): */
	pthread_mutex_t conn_lock;        /* guards the list below and its fields */
	struct srv_conn *conns;           /* open connections, newest first */
	unsigned request_seconds;         /* a whole request must arrive within this */
	pthread_t reaper;                 /* drops connections past their deadline */
	bool reaper_running;              /* reaper was started */
	bool stopping;                    /* tells the reaper to end (under conn_lock) */
	pthread_cond_t stop_cond;         /* ...and wakes it */
	/* Rate of libmicrohttpd's log lines: */
	pthread_mutex_t log_lock;         /* guards the three below */
	double log_window;                /* when the current window began */
	size_t log_lines;                 /* lines written in it */
	size_t log_dropped;               /* lines left out in it */
};

/* One open connection, for request deadlines. */
struct srv_conn {
	struct srv_conn *prev, *next;     /* in srv.conns */
	int fd;                           /* its socket (valid until the CLOSED notice) */
	double since;                     /* when it opened or last answered */
	bool in_request;                  /* a whole request arrived and is being answered */
	bool cut;                         /* the reaper shut it down */
};

static void srv_log(const struct srv *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void srv_log(const struct srv *s, const char *fmt, ...)
{
	char msg[CM_ERR_MSG_MAX + 128];
	va_list ap;

	if (!s->o.log)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	s->o.log(s->o.log_ctx, msg);
}

/* Headers every answer carries. */
static void srv_common_headers(const struct srv *s, struct MHD_Response *r, bool page)
{
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(r, "Content-Security-Policy", page ? s->csp_page : SRV_CSP_API);
	if (!page || s->deny_frames)
		MHD_add_response_header(r, "X-Frame-Options", page ? "SAMEORIGIN" : "DENY");
	if (!page && s->cors) {
		MHD_add_response_header(r, "Access-Control-Allow-Origin", s->cors);
		MHD_add_response_header(r, "Vary", "Origin");
	}
}

/* ---- responses ---------------------------------------------------------- */

/* Send body (malloc'd, taken over) as JSON with status. */
static enum MHD_Result srv_send_json(const struct srv *s, struct MHD_Connection *c,
				     unsigned status, char *body, size_t len, const char *cache)
{
	struct MHD_Response *r;
	enum MHD_Result ret;

	r = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
	if (!r) {
		free(body);
		return MHD_NO;
	}
	srv_common_headers(s, r, false);
	MHD_add_response_header(r, "Content-Type", "application/json; charset=utf-8");
	MHD_add_response_header(r, "Cache-Control", "no-cache");
	if (cache)
		MHD_add_response_header(r, "X-Cache", cache);
	if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
		MHD_add_response_header(r, "Allow", "GET, HEAD, OPTIONS");
	ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ret;
}

static enum MHD_Result srv_send_sbuf(const struct srv *s, struct MHD_Connection *c,
				     unsigned status, struct sbuf *sb, const char *cache)
{
	size_t len;
	char *body;

	if (sbuf_oom(sb)) {
		sbuf_release(sb);
		return MHD_NO;
	}
	sbuf_addch(sb, '\0');             /* a buffer even when empty */
	body = sbuf_detach(sb, &len);
	return srv_send_json(s, c, status, body, len ? len - 1 : 0, cache);
}

/*
 * What a client is told of a failure: msg, but of a 5xx only what kind of
 * failure it was.  Its details name this machine's files (the database's
 * path, in Xapian's words too), so they go to the log alone.
 */
static const char *srv_public_error(const struct srv *s, unsigned status, const char *msg)
{
	if (status < 500)
		return msg;
	srv_log(s, "%u %s", status, msg);
	return status == MHD_HTTP_SERVICE_UNAVAILABLE ? "the index is unavailable; try again later"
						     : "internal error";
}

static enum MHD_Result srv_error(const struct srv *s, struct MHD_Connection *c, unsigned status,
				 const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* A JSON error {"error": message, "code": status}. */
static enum MHD_Result srv_error(const struct srv *s, struct MHD_Connection *c, unsigned status,
				 const char *fmt, ...)
{
	struct sbuf msg = {0}, body = {0};
	char tmp[CM_ERR_MSG_MAX + 128];
	const char *pub;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	pub = srv_public_error(s, status, tmp);
	/* Messages may quote what the client sent: keep the JSON valid UTF-8. */
	text_utf8_repair(pub, strlen(pub), &msg);
	out_error_json(sbuf_str(&msg), (int)status, &body);
	sbuf_release(&msg);
	return srv_send_sbuf(s, c, status, &body, NULL);
}

/* The HTTP status for a failed search call. */
static unsigned srv_status_of(int code)
{
	switch (code) {
	case CM_EQUERY:
	case CM_EINVAL:    return MHD_HTTP_BAD_REQUEST;
	case CM_ENOTFOUND: return MHD_HTTP_NOT_FOUND;
	case CM_ETIMEOUT:  return MHD_HTTP_SERVICE_UNAVAILABLE;
	default:           return MHD_HTTP_INTERNAL_SERVER_ERROR;
	}
}

/* ---- parameters --------------------------------------------------------- */

enum srv_param {
	SP_Q = 0, SP_FROM, SP_TO, SP_SORT, SP_PAGE, SP_PER_PAGE, SP_GROUP, SP_FACET_LIMIT,
	SP_BY, SP_SPLIT,              /* /api/trends only */
	SP_COUNT
};

static const char *const srv_param_names[SP_COUNT] = {
	"q", "from", "to", "sort", "page", "per_page", "group", "facet_limit", "by", "split",
};

struct srv_params {
	const char *v[SP_COUNT];      /* single-valued parameters (borrowed), NULL if absent */
	struct strv filters;          /* "field=value", in arrival order */
	unsigned facets;              /* facet bit mask asked for with facet= */
	bool facets_set;              /* facet= given */
	size_t n;                     /* parameters seen */
	char error[CM_ERR_MSG_MAX];   /* first problem, "" if none */
};

static void srv_params_release(struct srv_params *p)
{
	strv_release(&p->filters);
}

static enum MHD_Result srv_param_fail(struct srv_params *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static enum MHD_Result srv_param_fail(struct srv_params *p, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(p->error, sizeof p->error, fmt, ap);
	va_end(ap);
	return MHD_NO;                 /* stops the iteration */
}

/* libmicrohttpd's iterator over the query string (already %-decoded, + as space). */
static enum MHD_Result srv_param_each(void *cls, enum MHD_ValueKind kind, const char *key,
				      size_t klen, const char *val, size_t vlen)
{
	struct srv_params *p = cls;
	struct sbuf f = {0};
	int facet;

	(void)kind;
	if (++p->n > SRV_MAX_PARAMS)
		return srv_param_fail(p, "too many parameters (at most %d)", SRV_MAX_PARAMS);
	if (!val) {
		val = "";
		vlen = 0;
	}
	if (strlen(key) != klen || strlen(val) != vlen)
		return srv_param_fail(p, "parameter contains a NUL byte");
	if (!text_utf8_is_valid(key, klen) || !text_utf8_is_valid(val, vlen))
		return srv_param_fail(p, "parameter '%.40s' is not valid UTF-8",
				      text_utf8_is_valid(key, klen) ? key : "?");
	if (vlen > (strcmp(key, "q") == 0 ? (size_t)SRV_MAX_QUERY : (size_t)SRV_MAX_VALUE))
		return srv_param_fail(p, "parameter '%.40s' is too long (%zu bytes, at most %d)",
				      key, vlen, strcmp(key, "q") == 0 ? SRV_MAX_QUERY : SRV_MAX_VALUE);
	for (int i = 0; i < SP_COUNT; i++) {
		if (strcmp(key, srv_param_names[i]) != 0)
			continue;
		if (p->v[i])
			return srv_param_fail(p, "parameter '%s' given more than once", key);
		p->v[i] = val;
		return MHD_YES;
	}
	if (strcmp(key, "facet") == 0) {
		p->facets_set = true;
		facet = facet_lookup(val, vlen);
		if (strcmp(val, "all") == 0)
			p->facets = (1u << FACET_COUNT) - 1;
		else if (strcmp(val, "none") == 0 || vlen == 0)
			;
		else if (facet >= 0)
			p->facets |= 1u << facet;
		else
			return srv_param_fail(p, "unknown facet '%s' (council, committee, year, "
					      "person, format, kind, all, none)", val);
		return MHD_YES;
	}
	facet = facet_lookup(key, klen);
	if (facet < 0)
		return srv_param_fail(p, "unknown parameter '%.40s'", key);
	if (vlen == 0)                  /* an empty filter box filters nothing */
		return MHD_YES;
	sbuf_addf(&f, "%s=%s", facet_get((enum facet_id)facet)->name, val);
	if (sbuf_oom(&f) || strv_push(&p->filters, f.buf) != 0) {
		sbuf_release(&f);
		return srv_param_fail(p, "out of memory");
	}
	sbuf_release(&f);
	return MHD_YES;
}

static int srv_cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * Fill req from the parameters of c and the cache key that identifies the
 * answer.  Returns false with p->error set on a bad parameter.  q is
 * trimmed into *query (which req->query borrows).
 */
static bool srv_parse_search(struct MHD_Connection *c, struct srv_params *p,
			     struct search_request *req, struct sbuf *query, struct sbuf *key,
			     size_t default_limit, size_t default_facet_limit)
{
	size_t page = 1, per_page = default_limit, facet_limit = default_facet_limit;
	const char *q;
	size_t qlen;

	MHD_get_connection_values_n(c, MHD_GET_ARGUMENT_KIND, srv_param_each, p);
	if (p->error[0])
		return false;
	q = p->v[SP_Q] ? p->v[SP_Q] : "";
	qlen = strlen(q);
	text_trim(&q, &qlen);
	sbuf_add(query, q, qlen);
	memset(req, 0, sizeof *req);
	req->query = sbuf_str(query);
	if (p->v[SP_SORT] && *p->v[SP_SORT]) {
		if (strcmp(p->v[SP_SORT], "relevance") == 0)
			req->sort = SEARCH_SORT_RELEVANCE;
		else if (strcmp(p->v[SP_SORT], "date") == 0)
			req->sort = SEARCH_SORT_DATE;
		else if (strcmp(p->v[SP_SORT], "-date") == 0)
			req->sort = SEARCH_SORT_DATE_DESC;
		else {
			srv_param_fail(p, "sort must be relevance, date or -date, not '%s'",
				       p->v[SP_SORT]);
			return false;
		}
	}
	if (p->v[SP_PER_PAGE] && *p->v[SP_PER_PAGE] &&
	    !cli_parse_size(p->v[SP_PER_PAGE], 0, SRV_MAX_PER_PAGE, &per_page)) {
		srv_param_fail(p, "per_page must be a number from 0 to %d, not '%s'",
			       SRV_MAX_PER_PAGE, p->v[SP_PER_PAGE]);
		return false;
	}
	if (p->v[SP_PAGE] && *p->v[SP_PAGE] &&
	    !cli_parse_size(p->v[SP_PAGE], 1, 1000000000, &page)) {
		srv_param_fail(p, "page must be a number from 1, not '%s'", p->v[SP_PAGE]);
		return false;
	}
	if ((page - 1) * per_page > SRV_MAX_OFFSET) {
		srv_param_fail(p, "page %zu is too deep: at most %d hits can be paged through",
			       page, SRV_MAX_OFFSET);
		return false;
	}
	if (p->v[SP_FACET_LIMIT] && *p->v[SP_FACET_LIMIT] &&
	    !cli_parse_size(p->v[SP_FACET_LIMIT], 1, default_facet_limit ? SRV_MAX_FACET_LIMIT
					    : 100000, &facet_limit)) {
		srv_param_fail(p, "facet_limit must be a number from 1 to %d, not '%s'",
			       SRV_MAX_FACET_LIMIT, p->v[SP_FACET_LIMIT]);
		return false;
	}
	if (p->v[SP_GROUP] && *p->v[SP_GROUP]) {
		if (strcmp(p->v[SP_GROUP], "meeting") != 0) {
			srv_param_fail(p, "group takes 'meeting', not '%s'", p->v[SP_GROUP]);
			return false;
		}
		req->group_meeting = true;
	}
	req->from = p->v[SP_FROM] && *p->v[SP_FROM] ? p->v[SP_FROM] : NULL;
	req->to = p->v[SP_TO] && *p->v[SP_TO] ? p->v[SP_TO] : NULL;
	req->offset = (page - 1) * per_page;
	req->limit = per_page;
	req->facets = p->facets_set ? p->facets : facet_default_mask();
	req->facet_limit = facet_limit;
	req->highlight = SEARCH_HL_HTML;
	req->suggest = true;
	/* Filter order does not change the answer: sort them for the cache key. */
	if (p->filters.n > 1)
		qsort(p->filters.v, p->filters.n, sizeof *p->filters.v, srv_cmp_str);
	req->filters = (const char *const *)p->filters.v;
	req->n_filters = p->filters.n;

	sbuf_addf(key, "q=%s\037from=%s\037to=%s\037s=%d\037o=%zu\037l=%zu\037g=%d\037f=%u\037fl=%zu",
		  req->query, req->from ? req->from : "", req->to ? req->to : "", (int)req->sort,
		  req->offset, req->limit, (int)req->group_meeting, req->facets, req->facet_limit);
	for (size_t i = 0; i < p->filters.n; i++)
		sbuf_addf(key, "\037%s", p->filters.v[i]);
	return !sbuf_oom(key) && !sbuf_oom(query);
}

/* ---- the API handlers --------------------------------------------------- */

/* Replace the owned string *field by u's, u emptied: false when out of memory. */
static bool srv_set_field(const char **field, struct sbuf *u)
{
	char *v = sbuf_detach(u, NULL);

	if (!v)
		return false;
	free((void *)(uintptr_t)*field);
	*field = v;
	return true;
}

/*
 * Hits as the server shows them: each path in its public form, below its
 * root (srvfile_public_path: never the indexing machine's absolute path,
 * which only /file/ reads, from the index); and with links, under
 * --serve-files, hits without a URL link to /file/ID (relative to the
 * server's root, like the page's own links).  CM_OK, or the engine's
 * failure reading the roots, or CM_ENOMEM, in err.
 */
static int srv_public_hits(const struct srv *s, struct search_hit *hits, size_t n, bool links,
			   struct cm_err *err)
{
	struct sbuf roots = {0}, u = {0};
	int rc = n ? search_engine_metadata(s->eng, SCHEMA_META_ROOTS, &roots, err) : CM_OK;

	for (size_t i = 0; rc == CM_OK && i < n; i++) {
		struct search_hit *h = &hits[i];
		bool ok;

		srvfile_public_path(sbuf_str(&roots), h->d.path ? h->d.path : "", &u);
		ok = srv_set_field(&h->d.path, &u);
		if (ok && links && s->o.serve_files && h->uid && !(h->d.url && *h->d.url)) {
			sbuf_addf(&u, "file/%s", h->uid);
			ok = srv_set_field(&h->d.url, &u);
		}
		if (!ok)
			rc = cm_err_set(err, CM_ENOMEM, "out of memory");
	}
	sbuf_release(&roots);
	sbuf_release(&u);
	return rc;
}

/* An engine failure as a JSON error; a missing database is the server's problem (503). */
static enum MHD_Result srv_engine_error(struct srv *s, struct MHD_Connection *c, int rc,
					const char *msg)
{
	unsigned st = srv_status_of(rc);

	return srv_error(s, c, st == MHD_HTTP_NOT_FOUND ? MHD_HTTP_SERVICE_UNAVAILABLE : st,
			 "%s", msg);
}

/*
 * The status of a failed lookup of one item or meeting by id.  The engine
 * says CM_ENOTFOUND both for an id the index lacks (404) and for a
 * missing index (the server's problem, 503): only the second leaves it
 * without a revision.
 */
static unsigned srv_lookup_status(struct srv *s, int rc)
{
	struct sbuf rev = {0};
	unsigned st = srv_status_of(rc);

	if (st == MHD_HTTP_NOT_FOUND && search_engine_revision(s->eng, &rev, NULL) != CM_OK)
		st = MHD_HTTP_SERVICE_UNAVAILABLE;
	sbuf_release(&rev);
	return st;
}

/*
 * The index revision into rev, and the cached answer of key under it when
 * there is one: true when *ret is the response already (a hit, or an
 * error reading the revision).
 */
static bool srv_cached(struct srv *s, struct MHD_Connection *c, const struct sbuf *key,
		       struct sbuf *rev, struct sbuf *body, enum MHD_Result *ret)
{
	struct cm_err err = { CM_OK, "" };
	int rc = search_engine_revision(s->eng, rev, &err);

	if (rc != CM_OK) {
		*ret = srv_engine_error(s, c, rc, err.msg);
		return true;
	}
	if (s->cache && srvcache_get(s->cache, key->buf, key->len, sbuf_str(rev), body)) {
		*ret = srv_send_sbuf(s, c, MHD_HTTP_OK, body, "hit");
		return true;
	}
	return false;
}

/* /api/search and /api/facets: a search rendered as out_result JSON, cached. */
static enum MHD_Result srv_api_search(struct srv *s, struct MHD_Connection *c, bool whole_index)
{
	struct srv_params p;
	struct search_request req;
	struct search_result res;
	struct sbuf query = {0}, key = {0}, rev = {0}, body = {0};
	struct out_opts oo;
	struct cm_err err = { CM_OK, "" };
	enum MHD_Result ret;
	int rc;

	memset(&p, 0, sizeof p);
	memset(&res, 0, sizeof res);
	sbuf_adds(&key, whole_index ? "facets\037" : "search\037");
	if (!srv_parse_search(c, &p, &req, &query, &key, whole_index ? 0 : SRV_DEFAULT_PER_PAGE,
			      whole_index ? 0 : SRV_DEFAULT_FACET_LIMIT)) {
		ret = p.error[0] ? srv_error(s, c, MHD_HTTP_BAD_REQUEST, "%s", p.error) : MHD_NO;
		goto out;
	}
	if (p.v[SP_BY] || p.v[SP_SPLIT]) {
		ret = srv_error(s, c, MHD_HTTP_BAD_REQUEST, "by and split are parameters of /api/trends");
		goto out;
	}
	if (whole_index) {
		/* Everything, counted over the whole index: the page's starting facets. */
		if (req.query[0] || req.n_filters || req.from || req.to || req.offset) {
			ret = srv_error(s, c, MHD_HTTP_BAD_REQUEST,
					"/api/facets takes only facet and facet_limit");
			goto out;
		}
		req.limit = 0;
		req.suggest = false;
		if (!p.facets_set)
			req.facets = (1u << FACET_COUNT) - 1;
	}
	req.time_limit_ms = s->o.search_seconds * 1000.0;
	if (s->cache && srv_cached(s, c, &key, &rev, &body, &ret))
		goto out;
	rc = search_run(s->eng, &req, &res, &err);
	if (rc != CM_OK) {
		ret = srv_engine_error(s, c, rc, err.msg);
		goto out;
	}
	rc = srv_public_hits(s, res.hits, res.n_hits, true, &err);
	if (rc != CM_OK) {
		ret = srv_engine_error(s, c, rc, err.msg);
		goto out;
	}
	memset(&oo, 0, sizeof oo);
	oo.query = req.query;
	out_result(&res, OUT_JSON, &oo, &body);
	if (s->cache && res.revision && !sbuf_oom(&body))
		srvcache_put(s->cache, key.buf, key.len, res.revision, body.buf, body.len);
	ret = srv_send_sbuf(s, c, MHD_HTTP_OK, &body, s->cache ? "miss" : NULL);
out:
	search_result_release(&res);
	srv_params_release(&p);
	sbuf_release(&query);
	sbuf_release(&key);
	sbuf_release(&rev);
	sbuf_release(&body);
	return ret;
}

/*
 * /api/trends: matching items and meetings per period (and series), with
 * the shares of all items and words, as `minutes-search trends --json`
 * prints them; the search page draws its chart from it.  Cached like a
 * search, and only under the revision it was counted on.
 */
static enum MHD_Result srv_api_trends(struct srv *s, struct MHD_Connection *c)
{
	struct srv_params p;
	struct research_trends_req tr;
	struct sbuf query = {0}, key = {0}, rev = {0}, after = {0}, body = {0};
	struct cm_err err = { CM_OK, "" };
	enum MHD_Result ret;
	int by = RESEARCH_BY_YEAR, split = RESEARCH_SPLIT_NONE, rc;

	memset(&p, 0, sizeof p);
	memset(&tr, 0, sizeof tr);
	sbuf_adds(&key, "trends\037");
	if (!srv_parse_search(c, &p, &tr.base, &query, &key, 0, 0)) {
		ret = p.error[0] ? srv_error(s, c, MHD_HTTP_BAD_REQUEST, "%s", p.error) : MHD_NO;
		goto out;
	}
	if (p.v[SP_SORT] || p.v[SP_PAGE] || p.v[SP_PER_PAGE] || p.v[SP_GROUP] ||
	    p.v[SP_FACET_LIMIT] || p.facets_set) {
		ret = srv_error(s, c, MHD_HTTP_BAD_REQUEST,
				"/api/trends takes q, from, to, by, split and filters");
		goto out;
	}
	if (p.v[SP_BY] && *p.v[SP_BY] && (by = research_period_parse(p.v[SP_BY])) < 0) {
		ret = srv_error(s, c, MHD_HTTP_BAD_REQUEST,
				"by must be year, month or municipal-year, not '%s'", p.v[SP_BY]);
		goto out;
	}
	if (p.v[SP_SPLIT] && *p.v[SP_SPLIT] && (split = research_split_parse(p.v[SP_SPLIT])) < 0) {
		ret = srv_error(s, c, MHD_HTTP_BAD_REQUEST,
				"split must be none, committee or council, not '%s'", p.v[SP_SPLIT]);
		goto out;
	}
	tr.by = (enum research_period)by;
	tr.split = (enum research_split)split;
	sbuf_addf(&key, "\037by=%d\037split=%d", by, split);
	if (srv_cached(s, c, &key, &rev, &body, &ret))
		goto out;
	rc = research_trends_json(s->eng, &tr, &body, &err);
	if (rc != CM_OK) {
		ret = srv_engine_error(s, c, rc, err.msg);
		goto out;
	}
	/* A commit during the count: the answer may be of either revision, so it is not kept. */
	if (s->cache && search_engine_revision(s->eng, &after, NULL) == CM_OK &&
	    strcmp(sbuf_str(&rev), sbuf_str(&after)) == 0 && !sbuf_oom(&body))
		srvcache_put(s->cache, key.buf, key.len, sbuf_str(&rev), body.buf, body.len);
	ret = srv_send_sbuf(s, c, MHD_HTTP_OK, &body, s->cache ? "miss" : NULL);
out:
	srv_params_release(&p);
	sbuf_release(&query);
	sbuf_release(&key);
	sbuf_release(&rev);
	sbuf_release(&after);
	sbuf_release(&body);
	return ret;
}

/* Reject any query string on endpoints that take none. */
static enum MHD_Result srv_count_param(void *cls, enum MHD_ValueKind kind, const char *key,
				       const char *val)
{
	(void)kind; (void)key; (void)val;
	++*(size_t *)cls;
	return MHD_YES;
}

static bool srv_has_params(struct MHD_Connection *c)
{
	size_t n = 0;

	MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, srv_count_param, &n);
	return n > 0;
}

/* /api/item/ID: one item with its meeting's fields and full text. */
static enum MHD_Result srv_api_item(struct srv *s, struct MHD_Connection *c, const char *id)
{
	struct search_hit hit;
	struct sbuf body = {0};
	struct cm_err err = { CM_OK, "" };
	size_t len = strlen(id);
	int rc;

	if (len == 0 || len > SRV_MAX_ID || !text_utf8_is_valid(id, len))
		return srv_error(s, c, MHD_HTTP_NOT_FOUND, "no item with that id");
	memset(&hit, 0, sizeof hit);
	rc = search_get_item(s->eng, id, &hit, &err);
	if (rc == CM_OK)
		rc = srv_public_hits(s, &hit, 1, true, &err);
	if (rc != CM_OK) {
		search_hit_release(&hit);
		return srv_error(s, c, srv_lookup_status(s, rc), "%s", err.msg);
	}
	out_item_json(&hit, &body);
	search_hit_release(&hit);
	return srv_send_sbuf(s, c, MHD_HTTP_OK, &body, NULL);
}

/* /api/stats: index statistics (out_stats JSON). */
static enum MHD_Result srv_api_stats(struct srv *s, struct MHD_Connection *c)
{
	struct search_stats st;
	struct sbuf body = {0};
	struct cm_err err = { CM_OK, "" };
	int rc;

	memset(&st, 0, sizeof st);
	rc = search_stats(s->eng, &st, &err);
	if (rc == CM_OK)
		out_stats(&st, OUT_JSON, &body);
	search_stats_release(&st);
	if (rc != CM_OK)
		return srv_error(s, c, MHD_HTTP_SERVICE_UNAVAILABLE, "%s", err.msg);
	return srv_send_sbuf(s, c, MHD_HTTP_OK, &body, NULL);
}

/* /healthz: 200 while the index can be read, 503 when it cannot. */
static enum MHD_Result srv_healthz(struct srv *s, struct MHD_Connection *c)
{
	struct sbuf rev = {0}, body = {0};
	struct cm_err err = { CM_OK, "" };
	json_object *o;
	int rc;

	rc = search_engine_revision(s->eng, &rev, &err);
	if (rc != CM_OK) {
		sbuf_release(&rev);
		return srv_error(s, c, MHD_HTTP_SERVICE_UNAVAILABLE, "index unavailable: %s",
				 err.msg);
	}
	o = json_object_new_object();
	json_object_object_add(o, "status", json_object_new_string("ok"));
	json_object_object_add(o, "revision", json_object_new_string(sbuf_str(&rev)));
	sbuf_adds(&body, json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN));
	sbuf_addch(&body, '\n');
	json_object_put(o);
	sbuf_release(&rev);
	return srv_send_sbuf(s, c, MHD_HTTP_OK, &body, NULL);
}

/* ---- sources, item and meeting pages, feeds ------------------------------ */

/* A served original: nothing in it may run, load or be framed on our origin. */
static const char SRV_CSP_FILE[] = "sandbox; default-src 'none'; frame-ancestors 'none'";
/* PDFs open in the browser's viewer, which a sandbox would block; they run nothing of ours. */
static const char SRV_CSP_PDF[] = "default-src 'none'; frame-ancestors 'self'";

/* /file/ID: the original file of item ID, from inside the indexed roots (srvfile.h). */
static enum MHD_Result srv_file(struct srv *s, struct MHD_Connection *c, const char *id)
{
	struct search_hit hit;
	struct sbuf roots = {0}, real = {0};
	struct cm_err err = { CM_OK, "" };
	struct MHD_Response *r;
	struct stat st;
	enum MHD_Result ret;
	bool member = false;
	size_t len = strlen(id);
	int rc, fd = -1;

	if (!s->o.serve_files)
		return srv_error(s, c, MHD_HTTP_NOT_FOUND, "no such page");
	if (len == 0 || len > SRV_MAX_ID || !text_utf8_is_valid(id, len) || srv_has_params(c))
		return srv_error(s, c, MHD_HTTP_NOT_FOUND, "no item with that id");
	memset(&hit, 0, sizeof hit);
	rc = search_get_item(s->eng, id, &hit, &err);
	if (rc == CM_OK)
		rc = search_engine_metadata(s->eng, SCHEMA_META_ROOTS, &roots, &err);
	if (rc == CM_OK)
		rc = srvfile_resolve(sbuf_str(&roots), hit.d.path, &real, &member, &err);
	if (rc == CM_OK) {
		fd = open(real.buf, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
		if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
			rc = cm_err_set(&err, CM_ENOTFOUND, "the source of this item is not available");
	}
	if (rc != CM_OK) {
		if (fd >= 0)
			close(fd);
		ret = srv_error(s, c, srv_lookup_status(s, rc), "%s", err.msg);
		goto out;
	}
	r = MHD_create_response_from_fd((uint64_t)st.st_size, fd);
	if (!r) {
		close(fd);
		ret = MHD_NO;
		goto out;
	}
	{
		bool pdf = !member && strcmp(hit.d.mime, "application/pdf") == 0;
		bool text = !member && (strcmp(hit.d.mime, "text/plain") == 0 ||
					strcmp(hit.d.mime, "text/markdown") == 0);

		MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
		MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
		MHD_add_response_header(r, "Content-Security-Policy", pdf ? SRV_CSP_PDF : SRV_CSP_FILE);
		MHD_add_response_header(r, "Content-Type", pdf ? "application/pdf" :
					text ? "text/plain; charset=utf-8" : "application/octet-stream");
		MHD_add_response_header(r, "Cache-Control", "no-cache");
		if (!pdf && !text)
			MHD_add_response_header(r, "Content-Disposition", "attachment");
	}
	ret = MHD_queue_response(c, MHD_HTTP_OK, r);
	MHD_destroy_response(r);
out:
	search_hit_release(&hit);
	sbuf_release(&roots);
	sbuf_release(&real);
	return ret;
}

/* Send body (an sbuf, taken over) as a document of type with the page's headers. */
static enum MHD_Result srv_send_doc(const struct srv *s, struct MHD_Connection *c,
				    unsigned status, const char *type, struct sbuf *body)
{
	struct MHD_Response *r;
	enum MHD_Result ret;
	size_t len;
	char *buf;

	if (sbuf_oom(body)) {
		sbuf_release(body);
		return MHD_NO;
	}
	sbuf_addch(body, '\0');
	buf = sbuf_detach(body, &len);
	r = buf ? MHD_create_response_from_buffer(len - 1, buf, MHD_RESPMEM_MUST_FREE) : NULL;
	if (!r) {
		free(buf);
		return MHD_NO;
	}
	srv_common_headers(s, r, true);
	MHD_add_response_header(r, "Content-Type", type);
	MHD_add_response_header(r, "Cache-Control", "no-cache");
	ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ret;
}

static const char SRV_HTML[] = "text/html; charset=utf-8";

/* An HTML page saying msg, for the pages readers land on. */
static enum MHD_Result srv_html_error(const struct srv *s, struct MHD_Connection *c,
				      unsigned status, const char *msg)
{
	struct sbuf body = {0};

	html_error(srv_public_error(s, status, msg), "../", &body);
	return srv_send_doc(s, c, status, SRV_HTML, &body);
}

/* An id from a path: short, valid UTF-8, and no query string. */
static bool srv_id_ok(struct MHD_Connection *c, const char *id)
{
	size_t len = strlen(id);

	return len > 0 && len <= SRV_MAX_ID && text_utf8_is_valid(id, len) && !strchr(id, '/') &&
	       !srv_has_params(c);
}

/* /meeting/ID (a page) and /api/meeting/ID (JSON): a meeting with every item in order. */
static enum MHD_Result srv_meeting(struct srv *s, struct MHD_Connection *c, const char *id,
				   bool json)
{
	struct search_result res;
	struct sbuf body = {0};
	struct cm_err err = { CM_OK, "" };
	enum MHD_Result ret;
	int rc;

	if (!srv_id_ok(c, id))
		return json ? srv_error(s, c, MHD_HTTP_NOT_FOUND, "no meeting with that id")
			    : srv_html_error(s, c, MHD_HTTP_NOT_FOUND, "There is no meeting with that id.");
	memset(&res, 0, sizeof res);
	rc = search_meeting(s->eng, id, SRV_MAX_MEETING_DOCS, &res, &err);
	if (rc == CM_OK)
		rc = srv_public_hits(s, res.hits, res.n_hits, true, &err);
	if (rc != CM_OK) {
		unsigned st = srv_lookup_status(s, rc);

		ret = json ? srv_error(s, c, st, "%s", err.msg)
			   : srv_html_error(s, c, st, st == MHD_HTTP_NOT_FOUND ?
					    "There is no meeting with that id." : err.msg);
	} else if (json) {
		out_meeting_json(&res, &body);
		ret = srv_send_sbuf(s, c, MHD_HTTP_OK, &body, NULL);
	} else {
		html_meeting(&res, "../", &body);
		ret = srv_send_doc(s, c, MHD_HTTP_OK, SRV_HTML, &body);
	}
	search_result_release(&res);
	sbuf_release(&body);
	return ret;
}

/* /item/ID: one item as a page, linked to its meeting. */
static enum MHD_Result srv_item_page(struct srv *s, struct MHD_Connection *c, const char *id)
{
	struct search_hit hit;
	struct sbuf body = {0};
	struct cm_err err = { CM_OK, "" };
	enum MHD_Result ret;
	int rc;

	if (!srv_id_ok(c, id))
		return srv_html_error(s, c, MHD_HTTP_NOT_FOUND, "There is no item with that id.");
	memset(&hit, 0, sizeof hit);
	rc = search_get_item(s->eng, id, &hit, &err);
	if (rc == CM_OK)
		rc = srv_public_hits(s, &hit, 1, true, &err);
	if (rc != CM_OK) {
		unsigned st = srv_lookup_status(s, rc);

		ret = srv_html_error(s, c, st, st == MHD_HTTP_NOT_FOUND ?
				     "There is no item with that id." : err.msg);
	} else {
		html_item(&hit, "../", &body);
		ret = srv_send_doc(s, c, MHD_HTTP_OK, SRV_HTML, &body);
	}
	search_hit_release(&hit);
	sbuf_release(&body);
	return ret;
}

/*
 * The server's root as readers reach it, for what needs absolute URLs
 * (OpenSearch templates, Atom ids and links): --public-url, else
 * http://HOST/ from the request's Host header when it is a plain host
 * name or address, else http://localhost/.
 */
static void srv_base_url(const struct srv *s, struct MHD_Connection *c, struct sbuf *out)
{
	const char *host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Host");
	bool plain = host && *host && strlen(host) < 256;

	if (s->o.public_url) {
		sbuf_adds(out, s->o.public_url);
		if (out->len && out->buf[out->len - 1] != '/')
			sbuf_addch(out, '/');
		return;
	}
	for (const char *p = host; plain && *p; p++)
		plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			(*p >= '0' && *p <= '9') || *p == '.' || *p == '-' || *p == ':' ||
			*p == '[' || *p == ']';
	sbuf_addf(out, "http://%s/", plain ? host : "localhost");
}

/* /opensearch.xml: lets browsers add the search box (OpenSearch 1.1). */
static enum MHD_Result srv_opensearch(struct srv *s, struct MHD_Connection *c)
{
	struct sbuf base = {0}, body = {0};

	if (srv_has_params(c))
		return srv_error(s, c, MHD_HTTP_BAD_REQUEST, "/opensearch.xml takes no parameters");
	srv_base_url(s, c, &base);
	feed_opensearch(sbuf_str(&base), &body);
	sbuf_release(&base);
	return srv_send_doc(s, c, MHD_HTTP_OK, "application/opensearchdescription+xml; charset=utf-8",
			    &body);
}

/* Append s percent-encoded as a query-string value (unreserved bytes kept). */
static void srv_qs_encode(const char *s, struct sbuf *out)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '.' || c == '_' || c == '~') {
			sbuf_addch(out, c);
		} else {
			sbuf_addch(out, '%');
			sbuf_addch(out, hex[c >> 4]);
			sbuf_addch(out, hex[c & 15]);
		}
	}
}

/* The followed search as a canonical query string, and as a title a reader understands. */
static void srv_feed_describe(const struct search_request *req, struct sbuf *qs,
			      struct sbuf *title)
{
	sbuf_adds(title, "Council minutes");
	if (*req->query) {
		sbuf_adds(qs, "q=");
		srv_qs_encode(req->query, qs);
		sbuf_addf(title, ": %s", req->query);
	}
	for (size_t i = 0; i < req->n_filters; i++) {
		const char *eq = strchr(req->filters[i], '=');
		struct sbuf name = {0};

		if (!eq)
			continue;
		sbuf_add(&name, req->filters[i], (size_t)(eq - req->filters[i]));
		sbuf_addf(qs, "%s%s=", qs->len ? "&" : "", sbuf_str(&name));
		srv_qs_encode(eq + 1, qs);
		sbuf_addf(title, "%s%s: %s", i || *req->query ? ", " : " – ", sbuf_str(&name), eq + 1);
		sbuf_release(&name);
	}
	if (req->from) {
		sbuf_addf(qs, "%sfrom=", qs->len ? "&" : "");
		srv_qs_encode(req->from, qs);
		sbuf_addf(title, " from %s", req->from);
	}
	if (req->to) {
		sbuf_addf(qs, "%sto=", qs->len ? "&" : "");
		srv_qs_encode(req->to, qs);
		sbuf_addf(title, " to %s", req->to);
	}
}

/*
 * /feed?q=...&committee=...: the newest matching items, by the time they
 * were first indexed, as Atom.  Takes the search's parameters; per_page
 * sets the number of entries, and paging, sorting and facets mean nothing
 * here (ignored, so that a search page's URL can be followed as it is).
 * Cached like a search, per base URL.
 */
static enum MHD_Result srv_feed(struct srv *s, struct MHD_Connection *c)
{
	static const char type[] = "application/atom+xml; charset=utf-8";
	struct srv_params p;
	struct search_request req;
	struct search_result res;
	struct sbuf query = {0}, key = {0}, rev = {0}, body = {0}, base = {0}, qs = {0}, title = {0};
	struct cm_err err = { CM_OK, "" };
	struct feed_opts fo;
	enum MHD_Result ret;
	int rc;

	memset(&p, 0, sizeof p);
	memset(&res, 0, sizeof res);
	srv_base_url(s, c, &base);
	sbuf_adds(&key, "feed\037");
	sbuf_adds(&key, sbuf_str(&base));
	sbuf_addch(&key, '\037');
	if (!srv_parse_search(c, &p, &req, &query, &key, SRV_FEED_ENTRIES, SRV_DEFAULT_FACET_LIMIT)) {
		ret = p.error[0] ? srv_error(s, c, MHD_HTTP_BAD_REQUEST, "%s", p.error) : MHD_NO;
		goto out;
	}
	if (p.v[SP_BY] || p.v[SP_SPLIT]) {
		ret = srv_error(s, c, MHD_HTTP_BAD_REQUEST, "by and split are parameters of /api/trends");
		goto out;
	}
	req.sort = SEARCH_SORT_ADDED_DESC;
	req.offset = 0;
	req.facets = 0;
	req.suggest = false;
	req.group_meeting = false;
	if (!p.v[SP_PER_PAGE] || !*p.v[SP_PER_PAGE])
		req.limit = SRV_FEED_ENTRIES;
	req.time_limit_ms = s->o.search_seconds * 1000.0;
	sbuf_addf(&key, "\037n=%zu", req.limit);
	rc = search_engine_revision(s->eng, &rev, &err);
	if (rc != CM_OK) {
		ret = srv_engine_error(s, c, rc, err.msg);
		goto out;
	}
	if (s->cache && !sbuf_oom(&key) &&
	    srvcache_get(s->cache, key.buf, key.len, sbuf_str(&rev), &body)) {
		ret = srv_send_doc(s, c, MHD_HTTP_OK, type, &body);
		goto out;
	}
	rc = search_run(s->eng, &req, &res, &err);
	if (rc == CM_OK)
		rc = srv_public_hits(s, res.hits, res.n_hits, false, &err);
	if (rc != CM_OK) {
		ret = srv_engine_error(s, c, rc, err.msg);
		goto out;
	}
	srv_feed_describe(&req, &qs, &title);
	memset(&fo, 0, sizeof fo);
	fo.base = sbuf_str(&base);
	fo.params = sbuf_str(&qs);
	fo.title = sbuf_str(&title);
	fo.now = (long long)time(NULL) * 1000;
	feed_atom(&res, &fo, &body);
	if (s->cache && res.revision && !sbuf_oom(&body) && !sbuf_oom(&key))
		srvcache_put(s->cache, key.buf, key.len, res.revision, body.buf, body.len);
	ret = srv_send_doc(s, c, MHD_HTTP_OK, type, &body);
out:
	search_result_release(&res);
	srv_params_release(&p);
	sbuf_release(&query);
	sbuf_release(&key);
	sbuf_release(&rev);
	sbuf_release(&body);
	sbuf_release(&base);
	sbuf_release(&qs);
	sbuf_release(&title);
	return ret;
}

/* ---- the router --------------------------------------------------------- */

static const struct srv_page *srv_find_page(const struct srv *s, const char *url)
{
	if (strcmp(url, "/") == 0)
		url = "/index.html";
	if (url[0] != '/')
		return NULL;
	for (size_t i = 0; i < s->n_pages; i++)
		if (strcmp(s->pages[i].asset->name, url + 1) == 0)
			return &s->pages[i];
	return NULL;
}

static enum MHD_Result srv_send_page(const struct srv *s, struct MHD_Connection *c,
				     const struct srv_page *pg)
{
	const char *inm = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "If-None-Match");
	struct MHD_Response *r;
	enum MHD_Result ret;

	if (!inm || strcmp(inm, pg->etag) != 0)
		return MHD_queue_response(c, MHD_HTTP_OK, pg->resp);
	r = MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
	if (!r)
		return MHD_NO;
	srv_common_headers(s, r, true);
	MHD_add_response_header(r, "ETag", pg->etag);
	MHD_add_response_header(r, "Cache-Control", "no-cache");
	ret = MHD_queue_response(c, MHD_HTTP_NOT_MODIFIED, r);
	MHD_destroy_response(r);
	return ret;
}

/* CORS preflight and OPTIONS in general: what may be done here. */
static enum MHD_Result srv_options(const struct srv *s, struct MHD_Connection *c)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
	enum MHD_Result ret;

	if (!r)
		return MHD_NO;
	srv_common_headers(s, r, false);
	MHD_add_response_header(r, "Allow", "GET, HEAD, OPTIONS");
	if (s->cors) {
		MHD_add_response_header(r, "Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
		MHD_add_response_header(r, "Access-Control-Allow-Headers", "Content-Type");
		MHD_add_response_header(r, "Access-Control-Max-Age", "600");
	}
	ret = MHD_queue_response(c, MHD_HTTP_NO_CONTENT, r);
	MHD_destroy_response(r);
	return ret;
}

/* The srv_conn of c, or NULL. */
static struct srv_conn *srv_conn_of(struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);

	return ci ? ci->socket_context : NULL;
}

/* A request of c began (true) or was answered (false): its deadline follows. */
static void srv_conn_mark(struct srv *s, struct MHD_Connection *c, bool in_request)
{
	struct srv_conn *k = srv_conn_of(c);

	if (!k)
		return;
	pthread_mutex_lock(&s->conn_lock);
	k->in_request = in_request;
	k->since = clock_now();
	pthread_mutex_unlock(&s->conn_lock);
}

/* libmicrohttpd's end of a request (answered, or the connection gone). */
static void srv_completed(void *cls, struct MHD_Connection *c, void **con_cls,
			  enum MHD_RequestTerminationCode toe)
{
	struct srv *s = cls;

	(void)toe;
	if (*con_cls == s) {
		srv_conn_mark(s, c, false);
		atomic_fetch_sub(&s->in_flight, 1);
		*con_cls = NULL;
	}
}

/* Connections opening and closing: the list the reaper walks. */
static void srv_conn_notify(void *cls, struct MHD_Connection *c, void **socket_context,
			    enum MHD_ConnectionNotificationCode code)
{
	struct srv *s = cls;
	struct srv_conn *k = *socket_context;

	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		const union MHD_ConnectionInfo *ci =
			MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);

		k = calloc(1, sizeof *k);
		if (!k || !ci) {
			free(k);    /* no deadline for it: --timeout still applies */
			return;
		}
		k->fd = ci->connect_fd;
		k->since = clock_now();
		pthread_mutex_lock(&s->conn_lock);
		k->next = s->conns;
		if (s->conns)
			s->conns->prev = k;
		s->conns = k;
		pthread_mutex_unlock(&s->conn_lock);
		*socket_context = k;
		return;
	}
	if (!k)
		return;
	/* Before libmicrohttpd closes the socket: the reaper never shuts a reused fd. */
	pthread_mutex_lock(&s->conn_lock);
	if (k->prev)
		k->prev->next = k->next;
	else
		s->conns = k->next;
	if (k->next)
		k->next->prev = k->prev;
	pthread_mutex_unlock(&s->conn_lock);
	free(k);
	*socket_context = NULL;
}

/*
 * Drop every connection that has not delivered a whole request within
 * request_seconds of opening or of its last answer: --timeout only drops
 * idle connections, and a client sending a header line every few seconds
 * is never idle.  shutdown() makes libmicrohttpd see the end and close it.
 */
static void *srv_reaper(void *arg)
{
	struct srv *s = arg;

	pthread_mutex_lock(&s->conn_lock);
	while (!s->stopping) {
		struct timespec t;
		double now = clock_now();

		for (struct srv_conn *k = s->conns; k; k = k->next)
			if (!k->in_request && !k->cut && now - k->since > s->request_seconds) {
				shutdown(k->fd, SHUT_RDWR);
				k->cut = true;
			}
		clock_gettime(CLOCK_REALTIME, &t);
		t.tv_sec += 1;
		pthread_cond_timedwait(&s->stop_cond, &s->conn_lock, &t);
	}
	pthread_mutex_unlock(&s->conn_lock);
	return NULL;
}

/*
 * The request target as sent, before libmicrohttpd decodes it into the C
 * string srv_handle gets: "%00" in the path would end that string early
 * ("/healthz%00x" would be "/healthz").  Its return value is the request's
 * first *con_cls: this marker, which srv_handle refuses, or NULL.
 */
static char srv_nul_path;

static void *srv_uri_log(void *cls, const char *uri, struct MHD_Connection *c)
{
	size_t n = strcspn(uri, "?#");

	(void)cls; (void)c;
	for (size_t i = 0; i + 2 < n; i++)
		if (uri[i] == '%' && uri[i + 1] == '0' && uri[i + 2] == '0')
			return &srv_nul_path;
	return NULL;
}

static enum MHD_Result srv_handle(void *cls, struct MHD_Connection *c, const char *url,
				  const char *method, const char *version, const char *upload,
				  size_t *upload_size, void **con_cls)
{
	struct srv *s = cls;
	const struct srv_page *pg;

	(void)version; (void)upload;
	/*
	 * A request without a body is answered on the second call, once
	 * libmicrohttpd has seen the whole request, so the connection stays
	 * open for the next one (answering on the first call closes it).
	 * Anything with a body is refused on the first call: libmicrohttpd
	 * then reads none of it and closes the connection.
	 */
	if (!*con_cls || *con_cls == &srv_nul_path) {
		const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
		bool nul = *con_cls == &srv_nul_path;

		/* In flight until srv_completed: srv_stop waits for it. */
		srv_conn_mark(s, c, true);
		atomic_fetch_add(&s->in_flight, 1);
		atomic_fetch_add(&s->begun, 1);
		*con_cls = s;
		bool bodiless = (strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0 ||
				 strcmp(method, "OPTIONS") == 0) &&
				(!cl || strcmp(cl, "0") == 0) &&
				!MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Transfer-Encoding");

		if (nul) {
			*upload_size = 0;
			return srv_error(s, c, MHD_HTTP_BAD_REQUEST, "the path contains a NUL byte");
		}
		if (bodiless)
			return MHD_YES;
		if (strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0)
			return srv_error(s, c, MHD_HTTP_BAD_REQUEST, "a %s request has no body",
					 method);
	}
	*upload_size = 0;
	if (strcmp(method, "OPTIONS") == 0)
		return srv_options(s, c);
	if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
		return srv_error(s, c, MHD_HTTP_METHOD_NOT_ALLOWED,
				 "method %.20s not allowed: use GET", method);
	if (strcmp(url, "/api/search") == 0)
		return srv_api_search(s, c, false);
	if (strcmp(url, "/api/facets") == 0)
		return srv_api_search(s, c, true);
	if (strncmp(url, "/api/item/", 10) == 0)
		return srv_api_item(s, c, url + 10);
	if (strcmp(url, "/api/stats") == 0)
		return srv_api_stats(s, c);
	if (strcmp(url, "/api/trends") == 0)
		return srv_api_trends(s, c);
	if (strcmp(url, "/healthz") == 0)
		return srv_healthz(s, c);
	if (strncmp(url, "/file/", 6) == 0)
		return srv_file(s, c, url + 6);
	if (strncmp(url, "/meeting/", 9) == 0)
		return srv_meeting(s, c, url + 9, false);
	if (strncmp(url, "/api/meeting/", 13) == 0)
		return srv_meeting(s, c, url + 13, true);
	if (strncmp(url, "/item/", 6) == 0)
		return srv_item_page(s, c, url + 6);
	if (strcmp(url, "/opensearch.xml") == 0)
		return srv_opensearch(s, c);
	if (strcmp(url, "/feed") == 0)
		return srv_feed(s, c);
	pg = srv_find_page(s, url);
	if (pg && !srv_has_params(c))
		return srv_send_page(s, c, pg);
	if (pg && strcmp(pg->asset->name, "index.html") == 0)
		return srv_send_page(s, c, pg);   /* /?q=...: the page reads its own URL */
	return srv_error(s, c, MHD_HTTP_NOT_FOUND, "no such page");
}

/* ---- starting and stopping ---------------------------------------------- */

static void srv_mhd_log(void *cls, const char *fmt, va_list ap)
{
	struct srv *s = cls;
	char msg[512];
	size_t n, dropped = 0;
	double now = clock_now();
	bool write;

	/* A flood of refusals or timeouts is a few lines, then a count. */
	pthread_mutex_lock(&s->log_lock);
	if (now - s->log_window >= SRV_LOG_WINDOW) {
		dropped = s->log_dropped;
		s->log_window = now;
		s->log_lines = s->log_dropped = 0;
	}
	write = s->log_lines < SRV_LOG_BURST;
	if (write)
		s->log_lines++;
	else
		s->log_dropped++;
	pthread_mutex_unlock(&s->log_lock);
	if (dropped)
		srv_log(s, "%zu more messages from libmicrohttpd left out", dropped);
	if (!write)
		return;
	vsnprintf(msg, sizeof msg, fmt, ap);
	n = strlen(msg);
	while (n && msg[n - 1] == '\n')
		msg[--n] = '\0';
	srv_log(s, "%s", msg);
}

static const char *srv_type_of(const char *name)
{
	static const struct { const char *ext, *type; } types[] = {
		{ ".html", "text/html; charset=utf-8" },
		{ ".css",  "text/css; charset=utf-8" },
		{ ".js",   "text/javascript; charset=utf-8" },
		{ ".svg",  "image/svg+xml" },
		{ ".png",  "image/png" },
		{ ".ico",  "image/x-icon" },
		{ ".txt",  "text/plain; charset=utf-8" },
	};
	const char *dot = strrchr(name, '.');

	for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++)
		if (strcmp(dot, types[i].ext) == 0)
			return types[i].type;
	return "application/octet-stream";
}

static int srv_build_pages(struct srv *s, struct cm_err *err)
{
	size_t n = 0;

	while (srv_assets[n].name)
		n++;
	s->pages = calloc(n ? n : 1, sizeof *s->pages);
	if (!s->pages)
		return cm_err_set(err, CM_ENOMEM, "out of memory");
	for (size_t i = 0; i < n; i++) {
		struct srv_page *pg = &s->pages[i];

		pg->asset = &srv_assets[i];
		pg->type = srv_type_of(pg->asset->name);
		snprintf(pg->etag, sizeof pg->etag, "\"%016llx\"",
			 (unsigned long long)hash64(pg->asset->data, pg->asset->len));
		pg->resp = MHD_create_response_from_buffer(pg->asset->len,
							   (void *)(uintptr_t)pg->asset->data,
							   MHD_RESPMEM_PERSISTENT);
		if (!pg->resp)
			return cm_err_set(err, CM_ENOMEM, "out of memory");
		s->n_pages++;
		srv_common_headers(s, pg->resp, true);
		MHD_add_response_header(pg->resp, "Content-Type", pg->type);
		MHD_add_response_header(pg->resp, "ETag", pg->etag);
		MHD_add_response_header(pg->resp, "Cache-Control", "no-cache");
	}
	return CM_OK;
}

/* "HOST:PORT", "[V6]:PORT" or ":PORT" (loopback) into an address. */
static int srv_resolve(const char *listen, struct sockaddr_storage *ss, socklen_t *sslen,
		       struct cm_err *err)
{
	struct addrinfo hints, *ai = NULL;
	char host[256];
	const char *colon, *port;
	size_t hlen;
	int rc;

	if (listen[0] == '[') {
		const char *close = strchr(listen, ']');

		if (!close || close[1] != ':')
			return cm_err_set(err, CM_EINVAL, "bad listen address '%s': use [ADDR]:PORT",
					  listen);
		hlen = (size_t)(close - listen - 1);
		memcpy(host, listen + 1, hlen < sizeof host ? hlen : 0);
		port = close + 2;
	} else {
		colon = strrchr(listen, ':');
		if (!colon)
			return cm_err_set(err, CM_EINVAL, "bad listen address '%s': use HOST:PORT",
					  listen);
		hlen = (size_t)(colon - listen);
		memcpy(host, listen, hlen < sizeof host ? hlen : 0);
		port = colon + 1;
	}
	if (hlen >= sizeof host || !*port || strspn(port, "0123456789") != strlen(port))
		return cm_err_set(err, CM_EINVAL, "bad listen address '%s'", listen);
	host[hlen] = '\0';
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_NUMERICSERV;
	rc = getaddrinfo(hlen ? host : "127.0.0.1", port, &hints, &ai);
	if (rc != 0)
		return cm_err_set(err, CM_EINVAL, "cannot resolve listen address '%s': %s", listen,
				  gai_strerror(rc));
	memcpy(ss, ai->ai_addr, ai->ai_addrlen);
	*sslen = ai->ai_addrlen;
	freeaddrinfo(ai);
	return CM_OK;
}


/* The port field of an IPv4 or IPv6 address, in network order. */
static in_port_t *srv_port_of(struct sockaddr_storage *ss)
{
	return ss->ss_family == AF_INET6 ? &((struct sockaddr_in6 *)ss)->sin6_port
					 : &((struct sockaddr_in *)ss)->sin_port;
}

/*
 * Fail as a plain listener would when the port is taken: the daemons set
 * SO_REUSEPORT, so without this check a second server (or any process of
 * the same user that set it too) would share the port instead of being
 * refused.  Port 0 asks for a free one: nothing to check.
 */
static int srv_port_free(struct sockaddr_storage *ss, const char *listen, struct cm_err *err)
{
	socklen_t len = ss->ss_family == AF_INET6 ? sizeof(struct sockaddr_in6)
						  : sizeof(struct sockaddr_in);
	int one = 1, fd, rc = CM_OK;

	if (*srv_port_of(ss) == 0)
		return CM_OK;
	fd = socket(ss->ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return cm_err_set(err, CM_EIO, "cannot listen on %s: %s", listen, strerror(errno));
	/* As libmicrohttpd does: connections left in TIME_WAIT do not hold the port. */
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (bind(fd, (const struct sockaddr *)ss, len) != 0)
		rc = cm_err_set(err, CM_EIO, "cannot listen on %s: %s", listen, strerror(errno));
	close(fd);
	return rc;
}

/* A header value we will send as given: printable ASCII, no separators that could split it. */
static bool srv_is_header_safe(const char *v, const char *also_bad)
{
	if (!*v)
		return false;
	for (; *v; v++)
		if (*v < 0x20 || *v > 0x7e || strchr(also_bad, *v))
			return false;
	return true;
}

static void srv_free(struct srv *s);
/* An absolute http(s) URL with nothing that needs escaping in XML or HTML. */
static bool srv_is_public_url(const char *u)
{
	if (strncmp(u, "http://", 7) != 0 && strncmp(u, "https://", 8) != 0)
		return false;
	for (; *u; u++)
		if ((unsigned char)*u <= 0x20 || strchr("\"'<>&\\`", *u))
			return false;
	return true;
}

int srv_start(const struct srv_opts *opts, struct srv **out, struct cm_err *err)
{
	struct srv *s = calloc(1, sizeof *s);
	struct search_engine_opts eo;
	struct sockaddr_storage ss;
	socklen_t sslen = 0;
	const union MHD_DaemonInfo *info;
	struct sbuf csp = {0};
	unsigned threads;
	int rc;

	*out = NULL;
	if (!s)
		return cm_err_set(err, CM_ENOMEM, "out of memory");
	pthread_mutex_init(&s->conn_lock, NULL);
	pthread_cond_init(&s->stop_cond, NULL);
	pthread_mutex_init(&s->log_lock, NULL);
	s->request_seconds = opts->timeout ? opts->timeout : SRV_DEFAULT_TIMEOUT;
	s->o = *opts;
	if (!s->o.listen)
		s->o.listen = "127.0.0.1:8080";
	if (s->o.search_seconds == 0)
		s->o.search_seconds = SRV_SEARCH_SECONDS;
	else if (s->o.search_seconds < 0)
		s->o.search_seconds = 0;
	rc = srv_resolve(s->o.listen, &ss, &sslen, err);
	if (rc != CM_OK)
		goto fail;
	if (opts->cors && !srv_is_header_safe(opts->cors, " ,;")) {
		rc = cm_err_set(err, CM_EINVAL, "bad --cors origin '%s': one origin "
				"(https://example.org) or *", opts->cors);
		goto fail;
	}
	if (opts->public_url && !srv_is_public_url(opts->public_url)) {
		rc = cm_err_set(err, CM_EINVAL, "bad --public-url '%s': an http:// or https:// URL",
				opts->public_url);
		goto fail;
	}
	if (opts->frame_ancestors && !srv_is_header_safe(opts->frame_ancestors, ";,")) {
		rc = cm_err_set(err, CM_EINVAL, "bad frame ancestors '%s'", opts->frame_ancestors);
		goto fail;
	}
	s->deny_frames = !opts->frame_ancestors;
	sbuf_addf(&csp, "%s%s", SRV_CSP_PAGE, opts->frame_ancestors ? opts->frame_ancestors
				: "'self'");
	s->csp_page = sbuf_detach(&csp, NULL);
	if (!s->csp_page || (opts->cors && !(s->cors = strdup(opts->cors)))) {
		rc = cm_err_set(err, CM_ENOMEM, "out of memory");
		goto fail;
	}
	s->o.cors = s->cors;
	memset(&eo, 0, sizeof eo);
	eo.synonym_files = opts->synonym_files;
	eo.n_synonym_files = opts->n_synonym_files;
	threads = opts->threads;
	if (threads == 0) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);

		threads = n > 0 ? (unsigned)n : 2;
	}
	rc = search_engine_open(opts->db, &eo, &s->eng, err);
	if (rc != CM_OK)
		goto fail;
	if (opts->cache_entries)
		s->cache = srvcache_new(opts->cache_entries, SRV_CACHE_BYTES);
	rc = srv_build_pages(s, err);
	if (rc != CM_OK)
		goto fail;
	rc = srv_port_free(&ss, s->o.listen, err);
	if (rc != CM_OK)
		goto fail;
	s->daemons = calloc(threads, sizeof *s->daemons);
	if (!s->daemons) {
		rc = cm_err_set(err, CM_ENOMEM, "out of memory");
		goto fail;
	}
	for (; s->n_daemons < threads; s->n_daemons++) {
		struct MHD_Daemon *d = MHD_start_daemon(
			MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_ERROR_LOG |
			MHD_USE_ITC |   /* srv_stop's MHD_quiesce_daemon needs it */
			(ss.ss_family == AF_INET6 ? MHD_USE_IPv6 : 0),
			0, NULL, NULL, srv_handle, s,
			MHD_OPTION_EXTERNAL_LOGGER, srv_mhd_log, s,
			MHD_OPTION_NOTIFY_COMPLETED, srv_completed, s,
			MHD_OPTION_NOTIFY_CONNECTION, srv_conn_notify, s,
			MHD_OPTION_URI_LOG_CALLBACK, srv_uri_log, s,
			MHD_OPTION_PER_IP_CONNECTION_LIMIT,
			(unsigned)(SRV_PER_IP_CONNECTIONS / threads ? SRV_PER_IP_CONNECTIONS / threads : 1),
			MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
			MHD_OPTION_LISTENING_ADDRESS_REUSE, 1,
			MHD_OPTION_CONNECTION_TIMEOUT,
			opts->timeout ? opts->timeout : SRV_DEFAULT_TIMEOUT,
			MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)SRV_CONN_MEMORY,
			MHD_OPTION_CONNECTION_LIMIT, (unsigned)(SRV_MAX_CONNECTIONS / threads),
			MHD_OPTION_STRICT_FOR_CLIENT, 1,
			MHD_OPTION_END);

		if (!d) {
			rc = cm_err_set(err, CM_EIO, "cannot listen on %s: %s", s->o.listen,
					errno ? strerror(errno) : "libmicrohttpd failed to start");
			goto fail;
		}
		s->daemons[s->n_daemons] = d;
		if (s->n_daemons == 0) {
			/* The others listen on the port the first got (it may have asked for 0). */
			info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
			s->port = info ? info->port : 0;
			*srv_port_of(&ss) = htons((uint16_t)s->port);
		}
	}
	if (pthread_create(&s->reaper, NULL, srv_reaper, s) != 0) {
		rc = cm_err_set(err, CM_ENOMEM, "cannot start a thread: %s", strerror(errno));
		goto fail;
	}
	s->reaper_running = true;
	*out = s;
	return CM_OK;
fail:
	srv_free(s);
	return rc;
}

unsigned srv_port(const struct srv *s)
{
	return s->port;
}

/*
 * Stop accepting, and let what was accepted finish: each daemon stops
 * watching its listening socket; the connections already waiting in that
 * socket's queue are accepted and handed to the daemon, then the socket is
 * closed (new connections are refused).  Then wait until no request is in
 * flight and none has begun for SRV_DRAIN_QUIET, at most SRV_DRAIN_SECONDS.
 */
static void srv_drain(struct srv *s)
{
	double t0 = clock_now(), quiet_since = t0;
	size_t begun = atomic_load(&s->begun);

	for (unsigned i = 0; i < s->n_daemons; i++) {
		MHD_socket fd = MHD_quiesce_daemon(s->daemons[i]);
		struct sockaddr_storage ss;
		socklen_t len = sizeof ss;
		int c;

		if (fd == MHD_INVALID_SOCKET)
			continue;
		if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) == 0)
			while ((c = accept4(fd, (struct sockaddr *)&ss, &len,
					    SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0) {
				/* MHD owns c now, and closes it itself if it cannot take it. */
				(void)MHD_add_connection(s->daemons[i], c, (struct sockaddr *)&ss, len);
				len = sizeof ss;
			}
		close(fd);
	}
	for (;;) {
		double now = clock_now();
		size_t b = atomic_load(&s->begun);

		if (b != begun || atomic_load(&s->in_flight) > 0) {
			begun = b;
			quiet_since = now;
		}
		if (now - quiet_since >= SRV_DRAIN_QUIET || now - t0 >= SRV_DRAIN_SECONDS)
			break;
		nanosleep(&(struct timespec){ 0, 10 * 1000 * 1000 }, NULL);
	}
}

void srv_stop(struct srv *s)
{
	if (!s)
		return;
	srv_drain(s);
	srv_free(s);
}

static void srv_free(struct srv *s)
{
	if (!s)
		return;
	if (s->reaper_running) {
		pthread_mutex_lock(&s->conn_lock);
		s->stopping = true;
		pthread_cond_signal(&s->stop_cond);
		pthread_mutex_unlock(&s->conn_lock);
		pthread_join(s->reaper, NULL);
	}
	for (unsigned i = 0; i < s->n_daemons; i++)
		MHD_stop_daemon(s->daemons[i]);
	free(s->daemons);
	for (size_t i = 0; i < s->n_pages; i++)
		MHD_destroy_response(s->pages[i].resp);
	free(s->pages);
	srvcache_free(s->cache);
	search_engine_free(s->eng);
	free(s->cors);
	free(s->csp_page);
	pthread_mutex_destroy(&s->conn_lock);
	pthread_cond_destroy(&s->stop_cond);
	pthread_mutex_destroy(&s->log_lock);
	free(s);
}
