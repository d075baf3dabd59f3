/*
 * field_items.c - the minutes parser's items: titles, bodies, resolutions
 *
 * field.c chooses which lines start items; this file turns each chosen
 * heading into a struct field_item: the title (joined across lines while
 * Markdown bold is open, up to an "(Item N)" line, or while a line ends in
 * a connector), the body (running lines dropped, one cleaned line per
 * paragraph), the resolutions (see the rules at the top of field.c) and
 * the start page.  Also builds the front matter text.
 */
#include "field_int.h"

#include <stdlib.h>
#include <string.h>

struct span {
	size_t title_end;   /* last line of the title (inclusive) */
	size_t body_line;   /* first body line */
	size_t body_off;    /* offset in body_line where the body starts */
	size_t end;         /* first line after the item */
};

/* Offset of "**" in s[from..len), or len. */
static size_t find_bold(const char *s, size_t len, size_t from)
{
	for (size_t i = from; i + 1 < len; i++)
		if (s[i] == '*' && s[i + 1] == '*')
			return i;
	return len;
}

static size_t count_bold(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i + 1 < len; i++)
		if (s[i] == '*' && s[i + 1] == '*') {
			n++;
			i++;
		}
	return n;
}

/*
 * Work out where an item's title ends and its body starts, and append the
 * raw title text to `raw`.
 */
static void item_title(const struct fparse *p, const struct cand *c, size_t end,
		       struct span *sp, struct sbuf *raw)
{
	const struct fline *l = &p->lines[c->title_line];
	const char *s = p->t + l->off;
	size_t k = c->title_line;

	sp->end = end;
	sp->title_end = k;
	sp->body_line = k + 1;
	sp->body_off = 0;
	if (c->scheme == SCHEME_ITEMREF) {
		/* title lines down to the "(Item N)" line */
		while (k < end && !(p->lines[k].flags & FLINE_ITEMREF)) {
			sbuf_add(raw, p->t + p->lines[k].off, p->lines[k].len);
			sbuf_addch(raw, '\n');
			k++;
		}
		sp->title_end = k;
		sp->body_line = k + 1;
		return;
	}
	if (count_bold(s, c->title_off) % 2 == 1) {
		/* bold open: the title runs to the closing "**" */
		for (size_t n = 0; k < end && n < FIELD_TITLE_LINES; n++, k++) {
			const char *ls = p->t + p->lines[k].off;
			size_t from = k == c->title_line ? c->title_off : 0;
			size_t b = find_bold(ls, p->lines[k].len, from);

			sbuf_add(raw, ls + from, b - from);
			sbuf_addch(raw, '\n');
			if (b < p->lines[k].len) {
				sp->title_end = k;
				sp->body_line = k;
				sp->body_off = b + 2;
				return;
			}
		}
		sp->title_end = k - 1;
		sp->body_line = k;
		return;
	}
	sbuf_add(raw, s + c->title_off, l->len - c->title_off);
	sbuf_addch(raw, '\n');
	/* up to an "(Item N)" line within the next three */
	for (size_t j = k + 1; j < end && j <= k + 3; j++) {
		if (p->lines[j].flags & FLINE_BLANK)
			break;
		if (p->lines[j].flags & FLINE_ITEMREF) {
			for (size_t m = k + 1; m < j; m++) {
				sbuf_add(raw, p->t + p->lines[m].off, p->lines[m].len);
				sbuf_addch(raw, '\n');
			}
			sp->title_end = j;
			sp->body_line = j + 1;
			return;
		}
	}
	/* or while the line ends in a connector */
	for (size_t n = 0; n < 3 && k + 1 < end; n++) {
		const struct fline *cur = &p->lines[k], *next = &p->lines[k + 1];
		size_t from = k == c->title_line ? c->title_off : 0;

		if (!ends_with_connector(p->t + cur->off + from, cur->len - from) ||
		    (next->flags & (FLINE_BLANK | FLINE_RUNNING)) || next->len > 100)
			break;
		k++;
		sbuf_add(raw, p->t + next->off, next->len);
		sbuf_addch(raw, '\n');
	}
	sp->title_end = k;
	sp->body_line = k + 1;
}

/* Strip trailing " -", ":", "." and a dangling "**" from a cleaned title. */
static void tidy_title(struct sbuf *t)
{
	while (t->len) {
		char ch = t->buf[t->len - 1];

		if (ch == ' ' || ch == '-' || ch == ':' || ch == '.' || ch == '*' || ch == ',')
			sbuf_setlen(t, t->len - 1);
		else if (t->len >= 3 && memcmp(t->buf + t->len - 3, "\xe2\x80\x93", 3) == 0)
			sbuf_setlen(t, t->len - 3);
		else
			break;
	}
	if (t->len > FIELD_TITLE_MAX) {
		size_t n = FIELD_TITLE_MAX;

		while (n && ((unsigned char)t->buf[n] & 0xc0) == 0x80)
			n--;
		sbuf_setlen(t, n);
	}
}

/* Length of a list marker at the start of s ("1.", "(1)", "a)", "(a)", "i."), 0 if none. */
static size_t list_marker(const char *s, size_t len)
{
	size_t i = 0, n = 0;

	if (i < len && s[i] == '(')
		i++;
	while (i + n < len && is_digit(s[i + n]) && n < 3)
		n++;
	if (!n && i < len && is_lower(s[i]) && i + 1 < len && !is_alpha(s[i + 1]))
		n = 1;
	if (!n)
		return 0;
	i += n;
	if (i < len && (s[i] == '.' || s[i] == ')'))
		i++;
	else
		return 0;
	if (i < len && s[i] != ' ' && s[i] != '\t')
		return 0;
	return skip_blanks(s, len, i);
}

/*
 * A resolution marker in a (markup-free, trimmed) line: "Resolved",
 * "RESOLVED that ...", "It was resolved", "The Board resolved:".  Returns
 * true and the offset of the text after it in *rest.
 */
static bool resolution_marker(const char *s, size_t len, size_t *rest)
{
	size_t at = len;

	for (size_t i = 0; i + 8 <= len && i <= 80; i++) {
		if ((s[i] == 'r' || s[i] == 'R') && strncasecmp(s + i, "resolved", 8) == 0 &&
		    (i == 0 || !is_alpha(s[i - 1])) && (i + 8 == len || !is_alpha(s[i + 8]))) {
			at = i;
			break;
		}
	}
	if (at == len)
		return false;
	if (at > 0) {
		const char *q = s;
		size_t ql = at;

		text_trim(&q, &ql);
		if (!(ql == 6 && strncasecmp(q, "it was", 6) == 0) &&
		    !(ql == 18 && strncasecmp(q, "it was unanimously", 18) == 0)) {
			/* "The Board" / "The Corporate Parenting Committee": capitalised words */
			if (!starts_ci(q, ql, "the ") || memchr(q, '.', ql) || memchr(q, ',', ql))
				return false;
			for (size_t i = 4; i < ql; i++) {
				static const char *const small[] = { "and ", "of ", "for ", "the ", "on ", "in " };
				bool ok = is_upper(q[i]);

				if (q[i - 1] != ' ')
					continue;
				for (size_t w = 0; w < sizeof small / sizeof *small && !ok; w++)
					ok = starts_ci(q + i, ql - i, small[w]) && is_lower(q[i]);
				if (!ok)
					return false;
			}
		}
	}
	at += 8;
	while (at < len && (s[at] == ':' || s[at] == ' ' || s[at] == '-' || s[at] == ',' ||
			    s[at] == '.' || s[at] == '\t'))
		at++;
	if (at + 3 <= len && memcmp(s + at, "\xe2\x80\x93", 3) == 0)
		at += 3;
	*rest = at;
	return true;
}

enum res_state { RES_NONE, RES_REST, RES_WANT, RES_SINGLE, RES_LIST };

/* Push the cleaned resolution in cur (if any) and empty cur. */
static int res_flush(struct sbuf *cur, struct field_item *it)
{
	struct sbuf clean = {0};
	int rc = CM_OK;

	if (!cur->len)
		return CM_OK;
	text_clean(cur->buf, cur->len, &clean);
	tidy_title(&clean);
	if (sbuf_oom(cur) || sbuf_oom(&clean))
		rc = CM_ENOMEM;
	else if (clean.len >= 3)
		rc = strv_pushn(&it->resolutions, clean.buf, clean.len);
	sbuf_release(&clean);
	sbuf_reset(cur);
	return rc;
}

/* Find the item's resolutions in its body lines (see the top of the file). */
static int item_resolutions(const struct fparse *p, const struct span *sp, struct field_item *it)
{
	struct sbuf line = {0}, cur = {0};
	enum res_state st = RES_NONE;
	bool blank_seen = false, want_list = false;
	int style = 0, lstyle;	/* list style: 'd' digits, 'a' letters, '-' bullets */
	int rc = CM_OK;

	for (size_t k = sp->body_line; k < sp->end && rc == CM_OK; k++) {
		const struct fline *l = &p->lines[k];
		const char *s = p->t + l->off, *t;
		size_t len = l->len, tl, mk, rest;
		bool list;

		if (l->flags & (FLINE_RUNNING | FLINE_ITEMREF))
			continue;
		if (k == sp->body_line) {
			s += sp->body_off < len ? sp->body_off : len;
			len -= sp->body_off < len ? sp->body_off : len;
		}
		sbuf_reset(&line);
		text_strip_markup(s, len, &line);
		t = sbuf_str(&line);
		tl = line.len;
		text_trim(&t, &tl);
		if (!tl) {
			blank_seen = true;
			if (st == RES_REST || st == RES_SINGLE) {
				rc = res_flush(&cur, it);
				st = want_list ? RES_WANT : RES_NONE;
			}
			continue;
		}
		{
			size_t lead = skip_blanks(s, len, 0);

			list = bullet_at(s, len, lead) || list_marker(t, tl);
		}
		mk = list_marker(t, tl);
		lstyle = !mk ? '-' : (t[0] == '(' ? t[1] : t[0]) >= '0' && (t[0] == '(' ? t[1] : t[0]) <= '9' ? 'd' : 'a';
		t += mk;
		tl -= mk;
		if (st == RES_LIST && list && lstyle != style) {
			/* "a) b)" then "3.": the lettered resolution list is over */
			rc = res_flush(&cur, it);
			st = RES_NONE;
		}
		if (st == RES_LIST && !list && blank_seen) {
			rc = res_flush(&cur, it);
			st = RES_NONE;
		}
		if (st == RES_NONE) {
			if (!resolution_marker(t, tl, &rest))
				goto next;
			/* "RESOLVED that Cabinet agree to:" wants a list; bare "Resolved:" takes either */
			want_list = rest < tl && t[tl - 1] == ':';
			if (rest < tl && !want_list) {
				sbuf_add(&cur, t + rest, tl - rest);
				st = RES_REST;
			} else {
				st = RES_WANT;
			}
			goto next;
		}
		if (list && (st == RES_WANT || st == RES_LIST || st == RES_REST || st == RES_SINGLE)) {
			rc = res_flush(&cur, it);
			sbuf_add(&cur, t, tl);
			if (st != RES_LIST)
				style = lstyle;
			st = RES_LIST;
			goto next;
		}
		switch (st) {
		case RES_WANT:
			if (want_list) {
				st = RES_NONE;
				want_list = false;
				k--;	/* look at this line again for a new marker */
				goto next;
			}
			sbuf_add(&cur, t, tl);
			st = RES_SINGLE;
			break;
		default:
			sbuf_addch(&cur, '\n');
			sbuf_add(&cur, t, tl);
			break;
		}
next:
		blank_seen = false;
	}
	if (rc == CM_OK)
		rc = res_flush(&cur, it);
	sbuf_release(&line);
	sbuf_release(&cur);
	return rc;
}

/*
 * The item's body: its lines after the title, running lines dropped,
 * paragraphs (blank lines, list entries) cleaned to one line each and
 * joined with '\n'.
 */
static int item_body(const struct fparse *p, const struct span *sp, struct sbuf *out)
{
	struct sbuf raw = {0}, stripped = {0}, joined = {0};
	int rc = CM_OK;

	for (size_t k = sp->body_line; k < sp->end; k++) {
		const struct fline *l = &p->lines[k];
		const char *s = p->t + l->off;
		size_t len = l->len, lead;

		if (l->flags & (FLINE_RUNNING | FLINE_ITEMREF))
			continue;
		if (k == sp->body_line) {
			s += sp->body_off < len ? sp->body_off : len;
			len -= sp->body_off < len ? sp->body_off : len;
		}
		lead = skip_blanks(s, len, 0);
		if (bullet_at(s, len, lead) || list_marker(s + lead, len - lead))
			sbuf_addch(&raw, '\n');	/* a list entry starts a paragraph */
		sbuf_add(&raw, s, len);
		sbuf_addch(&raw, '\n');
	}
	text_strip_markup(sbuf_str(&raw), raw.len, &stripped);
	text_dehyphenate(sbuf_str(&stripped), stripped.len, &joined);
	{
		const char *s = sbuf_str(&joined);
		size_t n = joined.len, i = 0;

		while (i < n) {
			size_t e = i;

			/* a paragraph ends at an empty line */
			while (e < n) {
				const char *nl = memchr(s + e, '\n', n - e);
				size_t j;

				if (!nl) {
					e = n;
					break;
				}
				j = (size_t)(nl - s) + 1;
				while (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\f'))
					j++;
				if (j >= n || s[j] == '\n') {
					e = (size_t)(nl - s);
					break;
				}
				e = j;
			}
			{
				size_t before = out->len;

				if (out->len)
					sbuf_addch(out, '\n');
				text_fold_space(s + i, e - i, out);
				if (out->len == before + 1)
					sbuf_setlen(out, before);
			}
			i = e + 1;
		}
	}
	if (sbuf_oom(&raw) || sbuf_oom(&stripped) || sbuf_oom(&joined) || sbuf_oom(out))
		rc = CM_ENOMEM;
	sbuf_release(&raw);
	sbuf_release(&stripped);
	sbuf_release(&joined);
	return rc;
}

int field_items_build(const struct fparse *p, const struct cand *cands, const size_t *chain,
		      size_t n_chain, struct field_meeting *m)
{
	struct sbuf raw = {0}, t = {0}, body = {0};
	int rc = CM_OK;

	if (!n_chain)
		return CM_OK;
	m->items = calloc(n_chain, sizeof *m->items);
	if (!m->items)
		return CM_ENOMEM;
	for (size_t i = 0; i < n_chain && rc == CM_OK; i++) {
		const struct cand *c = &cands[chain[i]];
		struct field_item *it = &m->items[i];
		size_t end = i + 1 < n_chain ? cands[chain[i + 1]].line : p->n_lines;
		struct span sp;

		m->n_items = i + 1;
		sbuf_reset(&raw);
		sbuf_reset(&t);
		sbuf_reset(&body);
		item_title(p, c, end, &sp, &raw);
		text_clean(sbuf_str(&raw), raw.len, &t);
		tidy_title(&t);
		rc = item_body(p, &sp, &body);
		if (rc == CM_OK)
			rc = item_resolutions(p, &sp, it);
		if (sbuf_oom(&raw) || sbuf_oom(&t))
			rc = CM_ENOMEM;
		it->number = strdup(c->num);
		it->title = sbuf_detach(&t, NULL);
		it->body = sbuf_detach(&body, NULL);
		it->page = p->has_pages ? p->lines[c->line].page : 0;
		if (!it->number || !it->title || !it->body)
			rc = CM_ENOMEM;
	}
	sbuf_release(&raw);
	sbuf_release(&t);
	sbuf_release(&body);
	return rc;
}

/* Front matter: the text before the first item, cleaned like a body. */
int field_items_front(const struct fparse *p, struct field_meeting *m)
{
	struct span sp = { 0, 0, 0, p->front_end };
	struct sbuf out = {0};
	int rc = item_body(p, &sp, &out);

	m->front = sbuf_detach(&out, NULL);
	if (rc == CM_OK && !m->front)
		rc = CM_ENOMEM;
	return rc;
}

