/*
 * query.c - query rewriting and the configured parser (see query.h)
 *
 * The rewrite walks the query once: quoted phrases are copied without their
 * stopwords (common/stopword.h), field:value tokens are resolved to
 * canonical filter values, and the plain text between them goes through
 * synonym expansion.
 */
#include "query.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "ascii.h"
#include "facet.h"
#include "glossary.h"
#include "schema.h"
#include "stopword.h"
#include "text.h"

/* The field of glossary phrase terms (PFX_PHRASE) in rewritten queries. */
#define QUERY_PHRASE_FIELD "glossary"

/* Candidates listed in an "ambiguous name" message. */
enum { QUERY_MAX_CANDIDATES = 6 };

struct query_match {
	const char *want;          /* normalised value looked for */
	size_t want_len;
	size_t plen;               /* prefix length to skip in terms */
	struct sbuf exact;         /* the exact match, if any */
	struct sbuf whole;         /* whole-word matches, '\n'-separated */
	size_t n_whole;
	struct sbuf partial;       /* word-prefix matches */
	size_t n_partial;
};

static int query_match_term(void *ctx, const char *t, size_t len, unsigned freq)
{
	struct query_match *m = ctx;
	const char *key = t + m->plen;
	size_t klen = len - m->plen;

	(void)freq;
	if (klen == m->want_len && memcmp(key, m->want, klen) == 0) {
		sbuf_add(&m->exact, key, klen);
		return 1;
	}
	for (size_t i = 0; i + m->want_len <= klen; i++) {
		if (i && key[i - 1] != ' ')
			continue;
		if (memcmp(key + i, m->want, m->want_len) != 0)
			continue;
		if (i + m->want_len == klen || key[i + m->want_len] == ' ') {
			sbuf_add(&m->whole, key, klen);
			sbuf_addch(&m->whole, '\n');
			m->n_whole++;
		} else {
			sbuf_add(&m->partial, key, klen);
			sbuf_addch(&m->partial, '\n');
			m->n_partial++;
		}
		break;
	}
	return 0;
}

/* List up to QUERY_MAX_CANDIDATES names from a '\n'-separated buffer. */
static void query_list(const struct sbuf *names, struct sbuf *out)
{
	const char *p = sbuf_str(names);
	size_t n = 0;

	while (*p && n < QUERY_MAX_CANDIDATES) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);

		sbuf_adds(out, n ? ", \"" : "\"");
		sbuf_add(out, p, len);
		sbuf_addch(out, '"');
		n++;
		p = nl ? nl + 1 : p + len;
	}
	if (*p)
		sbuf_adds(out, ", ...");
}

/*
 * Resolve value to a full normalised name among the terms with prefix:
 * exact, else the only whole-word match, else the only word-prefix match.
 * No match leaves the value as it is (it then matches nothing).
 */
static int query_resolve_name(struct xw_db *db, const char *field, const char *prefix,
			      const char *value, size_t len, struct sbuf *out, struct cm_err *err)
{
	struct query_match m;
	struct sbuf want = {0}, names = {0};
	const struct sbuf *pick = NULL;
	int rc;

	memset(&m, 0, sizeof m);
	text_normalise_key(value, len, &want);
	m.want = sbuf_str(&want);
	m.want_len = want.len;
	m.plen = strlen(prefix);
	if (want.len == 0) {
		rc = CM_OK;
		goto out;
	}
	rc = xw_db_each_term(db, prefix, query_match_term, &m, err);
	if (rc != CM_OK)
		goto out;
	if (m.exact.len) {
		sbuf_add(out, m.exact.buf, m.exact.len);
		goto out;
	}
	if (m.n_whole == 1)
		pick = &m.whole;
	else if (m.n_whole == 0 && m.n_partial == 1)
		pick = &m.partial;
	if (pick) {
		sbuf_add(out, pick->buf, pick->len - 1);
	} else if (m.n_whole + m.n_partial == 0) {
		sbuf_add(out, want.buf, want.len);
	} else {
		query_list(m.n_whole ? &m.whole : &m.partial, &names);
		rc = cm_err_set(err, CM_EQUERY, "%s:\"%.*s\" is ambiguous: it could be %s", field,
				(int)len, value, sbuf_str(&names));
	}
out:
	sbuf_release(&want);
	sbuf_release(&names);
	sbuf_release(&m.exact);
	sbuf_release(&m.whole);
	sbuf_release(&m.partial);
	return rc;
}

/* Canonical filter value of field:value, appended to out (no prefix). */
static int query_filter_value(struct xw_db *db, int facet, const char *field, const char *v,
			      size_t len, struct sbuf *out, struct cm_err *err)
{
	const char *last;

	switch (facet) {
	case FACET_COUNCIL:
	case FACET_COMMITTEE:
		return query_resolve_name(db, field, facet_get((enum facet_id)facet)->prefix, v,
					  len, out, err);
	case FACET_PERSON:
		/* People are indexed by surname: "Councillor H Smith" -> "smith". */
		last = v + len;
		while (last > v && last[-1] == ' ')
			last--;
		len = (size_t)(last - v);
		while (last > v && last[-1] != ' ')
			last--;
		text_normalise_key(last, len - (size_t)(last - v), out);
		return CM_OK;
	case FACET_FORMAT: {
		struct sbuf tmp = {0};
		const char *mime;

		sbuf_add(&tmp, v, len);
		mime = facet_format_mime(sbuf_str(&tmp));
		sbuf_adds(out, mime ? mime : sbuf_str(&tmp));
		sbuf_release(&tmp);
		return CM_OK;
	}
	case FACET_KIND:
		for (size_t i = 0; i < len; i++)
			sbuf_addch(out, tolower((unsigned char)v[i]));
		return CM_OK;
	default:
		sbuf_add(out, v, len);
		return CM_OK;
	}
}

int query_filter_term(struct xw_db *db, const char *field, const char *value,
		      struct sbuf *out, struct cm_err *err)
{
	int facet = facet_lookup(field, strlen(field));

	if (facet < 0)
		return cm_err_set(err, CM_EQUERY, "unknown filter field '%s' (use council, "
				  "committee, year, person, format or kind)", field);
	sbuf_adds(out, facet_get((enum facet_id)facet)->prefix);
	return query_filter_value(db, facet, field, value, strlen(value), out, err);
}

/* Fields whose values are rewritten or left alone by the rewrite. */
static bool query_is_field(const char *s, size_t len)
{
	static const char *const others[] = { "title", "resolved", "item", "date", "meeting" };

	if (facet_lookup(s, len) >= 0)
		return true;
	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++)
		if (strlen(others[i]) == len && strncasecmp(others[i], s, len) == 0)
			return true;
	return false;
}

/* Length of a field name at s followed by ':', when s starts a known field token. */
static size_t query_field_at(const char *s, size_t len)
{
	size_t n = 0;

	while (n < len && isalpha((unsigned char)s[n]))
		n++;
	if (n == 0 || n >= len || s[n] != ':' || !query_is_field(s, n))
		return 0;
	return n;
}

/* A byte of a word as Xapian splits text: letters, digits, '_', apostrophes, UTF-8. */
static bool query_is_word_byte(unsigned char c)
{
	return isalnum(c) || c == '_' || c == '\'' || c >= 0x80;
}

/* Characters that join words into a phrase in Xapian's parser ("cost-of-living"). */
static bool query_is_joiner(char c)
{
	return c != '\0' && strchr(".-/:\\@", c) != NULL;
}

/*
 * Plain (unquoted) query text through synonym expansion, with the
 * stopwords of compounds dropped first: Xapian's parser makes
 * "cost-of-living" a phrase and keeps stopwords in phrases, which the
 * index does not hold (common/stopword.h), so it becomes "cost-living".
 * Words standing alone are left to the parser, which drops stopwords from
 * lists of words itself.
 */
static void query_plain(const struct synonym_set *syn, const char *s, size_t len,
			struct sbuf *out)
{
	struct sbuf clean = {0};
	size_t i = 0;

	while (i < len) {
		size_t j = i, words = 0;
		bool stop = false;

		if (!query_is_word_byte((unsigned char)s[i]) ||
		    (i && query_is_word_byte((unsigned char)s[i - 1]))) {
			sbuf_addch(&clean, s[i++]);
			continue;
		}
		for (;;) {
			size_t w = j;

			while (j < len && query_is_word_byte((unsigned char)s[j]))
				j++;
			words++;
			stop |= stopword_is(s + w, j - w);
			if (j + 1 < len && query_is_joiner(s[j]) &&
			    query_is_word_byte((unsigned char)s[j + 1]))
				j++;
			else
				break;
		}
		if (words > 1 && stop)
			stopword_strip(s + i, j - i, &clean);
		else
			sbuf_add(&clean, s + i, j - i);
		i = j;
	}
	synonym_expand(syn, sbuf_str(&clean), clean.len, out);
	if (sbuf_oom(&clean))
		out->oom = true;
	sbuf_release(&clean);
}

/*
 * Xapian's parser quietly repairs unbalanced quotes and parentheses, which
 * changes what was asked; a person gets told instead.
 */
static int query_check_balance(const char *q, size_t len, struct cm_err *err)
{
	size_t depth = 0, open_at = 0, quote_at = 0;
	bool quoted = false;

	for (size_t i = 0; i < len; i++) {
		if (q[i] == '"') {
			quoted = !quoted;
			quote_at = i;
		} else if (!quoted && q[i] == '(') {
			if (depth++ == 0)
				open_at = i;
		} else if (!quoted && q[i] == ')') {
			if (depth == 0)
				return cm_err_set(err, CM_EQUERY, "query '%.*s': ')' at position %zu "
						  "has no matching '('", (int)len, q, i + 1);
			depth--;
		}
	}
	if (quoted)
		return cm_err_set(err, CM_EQUERY, "query '%.*s': the quote at position %zu is "
				  "never closed", (int)len, q, quote_at + 1);
	if (depth)
		return cm_err_set(err, CM_EQUERY, "query '%.*s': '(' at position %zu is never "
				  "closed", (int)len, q, open_at + 1);
	return CM_OK;
}

/*
 * True when q holds NEAR or ADJ as an operator: those need the positions of
 * every term they join, which a phrase term has none of.
 */
static bool query_has_proximity(const char *q, size_t len)
{
	for (size_t i = 0; i + 3 <= len; i++) {
		size_t n = i + 4 <= len && strncasecmp(q + i, "near", 4) == 0 ? 4 :
			   strncasecmp(q + i, "adj", 3) == 0 ? 3 : 0;

		if (n && (i == 0 || !query_is_word_byte((unsigned char)q[i - 1])) &&
		    (i + n == len || !query_is_word_byte((unsigned char)q[i + n]) || q[i + n] == '/'))
			return true;
	}
	return false;
}

/*
 * Replace in out[from..] each "phrase" (not a field's: title:"...") whose
 * key is in phrases by its phrase term, glossary:Key.  The capital keeps
 * Xapian's parser from stemming it (STEM_SOME); it lowercases terms.
 */
static void query_phrase_terms(const struct strv *phrases, struct sbuf *out, size_t from)
{
	struct sbuf res = {0}, key = {0};
	size_t len = out->len - from, i = 0;
	const char *s;

	if (!phrases || !phrases->n || !len || !memchr(out->buf + from, '"', len))
		return;
	s = out->buf + from;
	while (i < len) {
		const char *close;

		if (s[i] != '"' || (i && s[i - 1] == ':') ||
		    !(close = memchr(s + i + 1, '"', len - i - 1))) {
			sbuf_addch(&res, s[i++]);
			continue;
		}
		sbuf_reset(&key);
		if (glossary_key(s + i + 1, (size_t)(close - s) - i - 1, &key) >= 2 &&
		    ascii_is_lower(key.buf[0]) && glossary_has(phrases, key.buf, key.len)) {
			sbuf_adds(&res, " " QUERY_PHRASE_FIELD ":");
			sbuf_addch(&res, key.buf[0] - 'a' + 'A');
			sbuf_add(&res, key.buf + 1, key.len - 1);
			sbuf_addch(&res, ' ');
		} else {
			sbuf_add(&res, s + i, (size_t)(close - s) - i + 1);
		}
		i = (size_t)(close - s) + 1;
	}
	if (sbuf_oom(&res) || sbuf_oom(&key)) {
		out->oom = true;
	} else {
		sbuf_setlen(out, from);
		sbuf_add(out, res.buf, res.len);
	}
	sbuf_release(&res);
	sbuf_release(&key);
}

int query_rewrite(struct xw_db *db, const struct synonym_set *syn, const struct strv *phrases,
		  const char *q, size_t len, struct sbuf *out, struct cm_err *err)
{
	size_t i = 0, plain = 0;   /* plain: start of the pending unquoted text */
	size_t from = out->len;
	int rc = query_check_balance(q, len, err);

	if (rc != CM_OK)
		return rc;

	while (i < len && rc == CM_OK) {
		unsigned char prev = i ? (unsigned char)q[i - 1] : ' ';
		size_t flen = 0;

		if (q[i] == '"') {
			const char *close = memchr(q + i + 1, '"', len - i - 1);
			size_t end = close ? (size_t)(close - q) + 1 : len;

			query_plain(syn, q + plain, i - plain, out);
			sbuf_addch(out, '"');
			/* The index has no stopwords: "cost of living" is found as "cost living". */
			stopword_strip(q + i + 1, end - i - (close ? 2 : 1), out);
			if (close)
				sbuf_addch(out, '"');
			i = plain = end;
			continue;
		}
		if (isspace(prev) || prev == '(' || prev == '+' || prev == '-')
			flen = query_field_at(q + i, len - i);
		if (!flen) {
			i++;
			continue;
		}
		/* A field token: field:value or field:"value". */
		query_plain(syn, q + plain, i - plain, out);
		{
			const char *v = q + i + flen + 1;
			size_t vlen = 0, consumed;
			bool quoted = v < q + len && *v == '"';
			int facet = facet_lookup(q + i, flen);

			if (quoted) {
				const char *close = memchr(v + 1, '"', (size_t)(q + len - v - 1));

				vlen = close ? (size_t)(close - v - 1) : (size_t)(q + len - v - 1);
				consumed = flen + 1 + vlen + (close ? 2 : 1);
				v++;
			} else {
				while (v + vlen < q + len && !isspace((unsigned char)v[vlen]) &&
				       v[vlen] != ')')
					vlen++;
				consumed = flen + 1 + vlen;
			}
			if (facet >= 0 && facet != FACET_YEAR && vlen) {
				struct sbuf val = {0};

				rc = query_filter_value(db, facet, facet_get((enum facet_id)facet)->name,
							v, vlen, &val, err);
				sbuf_add(out, q + i, flen);
				sbuf_adds(out, ":\"");
				sbuf_add(out, val.buf, val.len);
				sbuf_addch(out, '"');
				sbuf_release(&val);
			} else if (quoted && ((flen == 5 && strncasecmp(q + i, "title", 5) == 0) ||
					      (flen == 8 && strncasecmp(q + i, "resolved", 8) == 0))) {
				/* title:"..." and resolved:"..." are phrases too */
				sbuf_add(out, q + i, flen + 2);
				stopword_strip(v, vlen, out);
				sbuf_add(out, v + vlen, consumed - flen - 2 - vlen);
			} else {
				sbuf_add(out, q + i, consumed);
			}
			i = plain = i + consumed;
		}
	}
	if (rc == CM_OK)
		query_plain(syn, q + plain, len - plain, out);
	if (rc == CM_OK && !query_has_proximity(q, len))
		query_phrase_terms(phrases, out, from);
	if (rc == CM_OK && sbuf_oom(out))
		rc = cm_err_set(err, CM_ENOMEM, "query: out of memory");
	return rc;
}

int query_parser_new(struct xw_db *db, struct xw_qp **out, struct cm_err *err)
{
	struct xw_qp *qp = NULL;
	size_t n_stop = 0;
	const char *const *stop = stopword_list(&n_stop);
	int rc = xw_qp_new(db, &qp, err);

	/* The indexer leaves these out (common/stopword.h): so do queries. */
	if (rc == CM_OK)
		rc = xw_qp_set_stopwords(qp, stop, n_stop, err);
	if (rc == CM_OK)
		rc = xw_qp_add_prefix(qp, "title", PFX_TITLE, err);
	if (rc == CM_OK)
		rc = xw_qp_add_prefix(qp, "resolved", PFX_RESOLVED, err);
	if (rc == CM_OK)
		rc = xw_qp_add_prefix(qp, QUERY_PHRASE_FIELD, PFX_PHRASE, err);
	for (int f = 0; rc == CM_OK && f < FACET_COUNT; f++)
		rc = xw_qp_add_boolean_prefix(qp, facet_get((enum facet_id)f)->name,
					      facet_get((enum facet_id)f)->prefix, err);
	if (rc == CM_OK)
		rc = xw_qp_add_boolean_prefix(qp, "item", PFX_ITEM, err);
	if (rc == CM_OK)
		rc = xw_qp_add_boolean_prefix(qp, "meeting", PFX_MEETING, err);
	if (rc == CM_OK)
		rc = xw_qp_add_date_range(qp, "date", SLOT_DATE, err);
	if (rc != CM_OK) {
		xw_qp_free(qp);
		return rc;
	}
	*out = qp;
	return CM_OK;
}
