/*
 * glossary.c - phrase keys of the shipped glossary (see glossary.h)
 */
#include "glossary.h"
#include "ascii.h"
#include "err.h"
#include "stopword.h"

#include <stdlib.h>
#include <string.h>

static bool glossary_word_byte(unsigned char c)
{
	return ascii_is_alnum(c) || c == '\'' || c >= 0x80;
}

size_t glossary_key(const char *s, size_t len, struct sbuf *out)
{
	size_t start = out->len, words = 0, i = 0;

	while (i < len) {
		size_t w;

		while (i < len && !glossary_word_byte((unsigned char)s[i]))
			i++;
		w = i;
		while (i < len && glossary_word_byte((unsigned char)s[i]))
			i++;
		if (i == w || stopword_is(s + w, i - w))
			continue;
		if (words++)
			sbuf_addch(out, '_');
		for (size_t k = w; k < i; k++)
			sbuf_addch(out, ascii_is_upper(s[k]) ? s[k] - 'A' + 'a' : s[k]);
	}
	if (words < 2)
		sbuf_setlen(out, start);
	return words;
}

static int glossary_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sort keys and drop repeats. */
static void glossary_sort(struct strv *keys)
{
	size_t n = 0;

	if (keys->n)
		qsort(keys->v, keys->n, sizeof *keys->v, glossary_cmp);
	for (size_t i = 0; i < keys->n; i++) {
		if (n && strcmp(keys->v[n - 1], keys->v[i]) == 0)
			free(keys->v[i]);
		else
			keys->v[n++] = keys->v[i];
	}
	keys->n = n;
	if (keys->v)
		keys->v[n] = NULL;
}

int glossary_keys(const char *text, size_t len, struct strv *keys)
{
	struct sbuf key = {0};
	const char *p = text, *end = text + len;
	int rc = CM_OK;

	while (p < end && rc == CM_OK) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;

		while (p < eol && rc == CM_OK && *p != '#') {
			const char *sep = p, *alt_end;

			/* alternatives are separated by " = " */
			while (sep + 2 < eol && !(sep[0] == ' ' && sep[1] == '=' && sep[2] == ' '))
				sep++;
			alt_end = sep + 2 < eol ? sep : eol;
			sbuf_reset(&key);
			if (glossary_key(p, (size_t)(alt_end - p), &key) >= 2)
				rc = strv_pushn(keys, key.buf, key.len);
			if (sbuf_oom(&key))
				rc = CM_ENOMEM;
			p = alt_end < eol ? alt_end + 3 : eol;
		}
		p = eol + 1;
	}
	sbuf_release(&key);
	if (rc == CM_OK)
		glossary_sort(keys);
	return rc == CM_OK ? CM_OK : CM_ENOMEM;
}

int glossary_keys_join(const struct strv *keys, struct sbuf *out)
{
	for (size_t i = 0; i < keys->n; i++) {
		sbuf_adds(out, keys->v[i]);
		sbuf_addch(out, '\n');
	}
	return sbuf_oom(out) ? CM_ENOMEM : CM_OK;
}

int glossary_keys_split(const char *s, size_t len, struct strv *keys)
{
	const char *p = s, *end = s + len;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);

		if (n && strv_pushn(keys, p, n) != CM_OK)
			return CM_ENOMEM;
		p += n + 1;
	}
	glossary_sort(keys);
	return CM_OK;
}

bool glossary_has(const struct strv *keys, const char *key, size_t klen)
{
	return strs_sorted_has((const char *const *)keys->v, keys->n, key, klen);
}
