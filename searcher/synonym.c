/*
 * synonym.c - synonym groups and query-string expansion (see synonym.h)
 *
 * Groups are few (dozens), so expansion tries every alternative at every
 * word start: simple, and far cheaper than the search itself.
 */
#include "synonym.h"
#include "synonym_test.h"
#include "grow.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <strings.h>

#include "stopword.h"
#include "strv.h"

struct synonym_set {
	struct strv *groups;       /* each: alternatives, lowercased, single-spaced */
	size_t n, alloc;
};

struct synonym_set *synonym_set_new(void)
{
	return calloc(1, sizeof(struct synonym_set));
}

void synonym_set_free(struct synonym_set *set)
{
	if (!set)
		return;
	for (size_t i = 0; i < set->n; i++)
		strv_release(&set->groups[i]);
	free(set->groups);
	free(set);
}

size_t synonym_count(const struct synonym_set *set)
{
	return set ? set->n : 0;
}

/* Lowercase s with whitespace runs folded, appended to out. */
static void synonym_norm(const char *s, size_t len, struct sbuf *out)
{
	bool space = false;

	while (len && isspace((unsigned char)*s))
		s++, len--;
	while (len && isspace((unsigned char)s[len - 1]))
		len--;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (isspace(c)) {
			space = true;
			continue;
		}
		if (space)
			sbuf_addch(out, ' ');
		space = false;
		sbuf_addch(out, tolower(c));
	}
}

int synonym_add_line(struct synonym_set *set, const char *line, size_t len, struct cm_err *err)
{
	struct strv g = {0};
	struct sbuf alt = {0};
	const char *p = line, *end = line + len;

	while (p < end) {
		const char *sep = p;

		while (sep + 2 < end && !(sep[0] == ' ' && sep[1] == '=' && sep[2] == ' '))
			sep++;
		if (sep + 2 >= end)
			sep = end;
		sbuf_reset(&alt);
		synonym_norm(p, (size_t)(sep - p), &alt);
		if (alt.len && strv_pushn(&g, alt.buf, alt.len) != CM_OK)
			goto oom;
		p = sep == end ? end : sep + 3;
	}
	sbuf_release(&alt);
	if (g.n < 2) {
		strv_release(&g);
		return cm_err_set(err, CM_EFORMAT, "synonyms: '%.*s': expected 'a = b'",
				  (int)(len > 60 ? 60 : len), line);
	}
	if (ARRAY_GROW(set->groups, set->n + 1, set->alloc))
		goto oom;
	set->groups[set->n++] = g;
	return CM_OK;
oom:
	strv_release(&g);
	sbuf_release(&alt);
	return cm_err_set(err, CM_ENOMEM, "synonyms: out of memory");
}

int synonym_load(struct synonym_set *set, const char *path, struct cm_err *err)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	ssize_t n;
	int rc = CM_OK;

	if (!f)
		return cm_err_set(err, CM_EIO, "%s: %s", path, strerror(errno));
	while (rc == CM_OK && (n = getline(&line, &cap, f)) != -1) {
		size_t len = (size_t)n;
		const char *s = line;

		lineno++;
		while (len && isspace((unsigned char)*s))
			s++, len--;
		while (len && isspace((unsigned char)s[len - 1]))
			len--;
		if (len == 0 || *s == '#')
			continue;
		rc = synonym_add_line(set, s, len, err);
		if (rc == CM_EFORMAT)
			cm_err_set(err, rc, "%s:%zu: expected 'a = b'", path, lineno);
	}
	if (rc == CM_OK && ferror(f))
		rc = cm_err_set(err, CM_EIO, "%s: %s", path, strerror(errno));
	free(line);
	fclose(f);
	return rc;
}

static bool synonym_is_word(unsigned char c)
{
	return isalnum(c) || c >= 0x80 || c == '\'' || c == '_';
}

/* Length of the text at t matching alternative alt (case-insensitive, spaces flexible), or 0. */
static size_t synonym_match(const char *t, size_t len, const char *alt)
{
	size_t i = 0;

	for (; *alt; alt++) {
		if (*alt == ' ') {
			if (i >= len || !isspace((unsigned char)t[i]))
				return 0;
			while (i < len && isspace((unsigned char)t[i]))
				i++;
			continue;
		}
		if (i >= len || tolower((unsigned char)t[i]) != (unsigned char)*alt)
			return 0;
		i++;
	}
	if (i < len && synonym_is_word((unsigned char)t[i]))
		return 0;
	return i;
}

static void synonym_emit_group(const struct strv *g, struct sbuf *out)
{
	sbuf_addch(out, '(');
	for (size_t i = 0; i < g->n; i++) {
		bool phrase = strchr(g->v[i], ' ') != NULL;

		if (i)
			sbuf_adds(out, " OR ");
		if (phrase)
			sbuf_addch(out, '"');
		/* Phrases without the stopwords the index leaves out ("department education"). */
		if (phrase)
			stopword_strip(g->v[i], strlen(g->v[i]), out);
		else
			sbuf_adds(out, g->v[i]);
		if (phrase)
			sbuf_addch(out, '"');
	}
	sbuf_addch(out, ')');
}

/* True when text[i..] (case-insensitive) starts with NEAR or ADJ, optionally /n, as a whole token. */
static bool synonym_is_proximity(const char *t, size_t len)
{
	size_t n = 0;

	if (len >= 4 && strncasecmp(t, "near", 4) == 0)
		n = 4;
	else if (len >= 3 && strncasecmp(t, "adj", 3) == 0)
		n = 3;
	else
		return false;
	if (n < len && t[n] == '/')
		for (n++; n < len && isdigit((unsigned char)t[n]); n++)
			;
	return n == len || !synonym_is_word((unsigned char)t[n]);
}

/* Whether the token before position i (skipping spaces) is NEAR or ADJ. */
static bool synonym_after_proximity(const char *text, size_t i)
{
	size_t end = i, start;

	while (end && isspace((unsigned char)text[end - 1]))
		end--;
	start = end;
	while (start && (synonym_is_word((unsigned char)text[start - 1]) || text[start - 1] == '/'))
		start--;
	return end > start && synonym_is_proximity(text + start, end - start);
}

/* Whether the token after position i (skipping spaces) is NEAR or ADJ. */
static bool synonym_before_proximity(const char *text, size_t len, size_t i)
{
	while (i < len && isspace((unsigned char)text[i]))
		i++;
	return i < len && synonym_is_proximity(text + i, len - i);
}

/*
 * A word may start an expansion after a space, '(' or the start, or after
 * a '+' or '-' that itself starts a token: "-CSE" becomes
 * "-(cse OR "child sexual exploitation")", which Xapian's parser accepts
 * ("+ and - work on bracketed expressions").
 */
static bool synonym_at_token_start(const char *text, size_t i)
{
	unsigned char prev = i ? (unsigned char)text[i - 1] : ' ';

	if (isspace(prev) || prev == '(')
		return true;
	if (prev == '+' || prev == '-') {
		unsigned char pp = i > 1 ? (unsigned char)text[i - 2] : ' ';

		return isspace(pp) || pp == '(';
	}
	return false;
}

void synonym_expand(const struct synonym_set *set, const char *text, size_t len, struct sbuf *out)
{
	size_t i = 0;

	while (i < len) {
		size_t best = 0;
		const struct strv *best_g = NULL;

		/* Only at a word start not glued to a field or another word. */
		if (set && synonym_is_word((unsigned char)text[i]) && synonym_at_token_start(text, i)) {
			for (size_t g = 0; g < set->n; g++)
				for (size_t a = 0; a < set->groups[g].n; a++) {
					size_t m = synonym_match(text + i, len - i,
								 set->groups[g].v[a]);
					if (m > best) {
						best = m;
						best_g = &set->groups[g];
					}
				}
		}
		/*
		 * Not before ':' (a field name) or '*' (a wildcard), and not next
		 * to NEAR/ADJ, which join single words only: a group there would
		 * be a syntax error.
		 */
		if (best_g && i + best < len && (text[i + best] == ':' || text[i + best] == '*'))
			best_g = NULL;
		if (best_g && (synonym_after_proximity(text, i) ||
			       synonym_before_proximity(text, len, i + best)))
			best_g = NULL;
		if (best_g) {
			synonym_emit_group(best_g, out);
			i += best;
			continue;
		}
		/* Copy the rest of this word (or one other byte) unchanged. */
		do {
			sbuf_addch(out, text[i]);
			i++;
		} while (i < len && synonym_is_word((unsigned char)text[i]) &&
			 synonym_is_word((unsigned char)text[i - 1]));
	}
}

/* The shipped synonyms: $MINUTES_SYNONYMS, the installed copy, or beside the binary. */
void synonym_default_files(struct strv *files)
{
	const char *env = getenv("MINUTES_SYNONYMS");
	char exe[PATH_MAX];
	ssize_t n;

	if (env) {
		if (*env)
			strv_push(files, env);
		return;
	}
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		char *slash;
		struct sbuf p = {0};

		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash)
			*slash = '\0';
		/* bin/minutes-search -> ../common/synonyms.txt (a build tree) */
		sbuf_addf(&p, "%s/../common/synonyms.txt", exe);
		if (access(p.buf, R_OK) == 0) {
			strv_push(files, p.buf);
			sbuf_release(&p);
			return;
		}
		/* PREFIX/bin -> PREFIX/share/minutes-search (an install) */
		sbuf_reset(&p);
		sbuf_addf(&p, "%s/../share/minutes-search/synonyms.txt", exe);
		if (access(p.buf, R_OK) == 0)
			strv_push(files, p.buf);
		sbuf_release(&p);
	}
}

void synonym_files(const struct strv *extra, struct strv *out)
{
	synonym_default_files(out);
	for (size_t i = 0; i < extra->n; i++)
		strv_push(out, extra->v[i]);
}
