/*
 * textenc.c - encoding detection, iconv conversion and UTF-8 cleaning
 *
 * See textenc.h.  iconv descriptors are opened per call (no shared state), so
 * any number of threads may convert at once.
 */
#include "textenc.h"
#include "textenc_test.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <string.h>

enum {
	TEXTENC_SNIFF = 4096,        /* bytes examined for BOM-less UTF-16 */
	TEXTENC_CHUNK = 64 * 1024    /* output grown per iconv round */
};

/*
 * Length of the valid UTF-8 sequence at s (n bytes available), 0 if invalid.
 * Overlong forms, surrogates and code points above U+10FFFF are invalid.
 * Sets *cut when the bytes are a valid prefix that runs past n.
 */
static size_t utf8_seq(const unsigned char *s, size_t n, bool *cut)
{
	unsigned c = s[0];
	size_t need, i;
	uint32_t cp;

	*cut = false;
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF) {
		need = 2;
		cp = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 3;
		cp = c & 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 4;
		cp = c & 0x07;
	} else {
		return 0;
	}
	for (i = 1; i < need; i++) {
		if (i >= n) {
			*cut = true;
			return 0;
		}
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
		/* Reject overlong and out-of-range forms as soon as they show. */
		if (i == 1 && ((need == 3 && c == 0xE0 && s[1] < 0xA0) ||
			       (need == 3 && c == 0xED && s[1] >= 0xA0) ||
			       (need == 4 && c == 0xF0 && s[1] < 0x90) ||
			       (need == 4 && c == 0xF4 && s[1] >= 0x90)))
			return 0;
	}
	return need;
}

static bool is_valid_utf8(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		bool cut;
		size_t k;

		if (s[i] < 0x80) {
			i++;
			continue;
		}
		k = utf8_seq(s + i, n - i, &cut);
		if (!k)
			return cut;     /* a sequence cut by the end of a prefix is fine */
		i += k;
	}
	return true;
}

enum textenc textenc_detect(const void *data, size_t len)
{
	const unsigned char *s = data;
	size_t n = len < TEXTENC_SNIFF ? len : TEXTENC_SNIFF, i, zodd = 0, zeven = 0;

	if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		return TEXTENC_UTF8;
	if (len >= 2 && s[0] == 0xFF && s[1] == 0xFE)
		return TEXTENC_UTF16LE;
	if (len >= 2 && s[0] == 0xFE && s[1] == 0xFF)
		return TEXTENC_UTF16BE;
	for (i = 0; i + 1 < n; i += 2) {
		zeven += s[i] == 0;
		zodd += s[i + 1] == 0;
	}
	/* ASCII-range UTF-16 has a NUL in nearly every other byte; text never does. */
	if (n >= 8 && zodd * 10 >= (n / 2) * 6 && zeven * 10 < (n / 2))
		return TEXTENC_UTF16LE;
	if (n >= 8 && zeven * 10 >= (n / 2) * 6 && zodd * 10 < (n / 2))
		return TEXTENC_UTF16BE;
	if (is_valid_utf8(s, len))
		return TEXTENC_UTF8;
	return TEXTENC_CP1252;
}

const char *textenc_name(enum textenc enc)
{
	switch (enc) {
	case TEXTENC_UTF8:    return "UTF-8";
	case TEXTENC_UTF16LE: return "UTF-16LE";
	case TEXTENC_UTF16BE: return "UTF-16BE";
	case TEXTENC_CP1252:  return "WINDOWS-1252";
	}
	return "UTF-8";
}

/* iconv `data` from `from` to UTF-8, appending at most about cap bytes. */
static int convert(const char *from, size_t unit, const unsigned char *data, size_t len,
		   size_t cap, struct sbuf *out, bool *truncated, struct cm_err *err)
{
	iconv_t cd = iconv_open("UTF-8", from);
	char *in = (char *)(uintptr_t)data;
	size_t inleft = len, start = out->len;
	int rc = CM_OK;

	if (cd == (iconv_t)-1)
		return cm_err_set(err, CM_EINTERNAL, "iconv cannot convert from %s: %s", from, strerror(errno));
	while (inleft > 0) {
		size_t room, r;
		char *o;

		if (out->len - start >= cap) {
			*truncated = true;
			break;
		}
		if (!sbuf_grow(out, TEXTENC_CHUNK)) {
			rc = cm_err_set(err, CM_ENOMEM, "out of memory converting from %s", from);
			break;
		}
		o = out->buf + out->len;
		room = out->alloc - out->len - 1;
		r = iconv(cd, &in, &inleft, &o, &room);
		out->len = (size_t)(o - out->buf);
		out->buf[out->len] = '\0';
		if (r != (size_t)-1)
			break;
		if (errno == E2BIG)
			continue;
		if (errno == EILSEQ) {
			/* An undefined byte (0x81 in cp1252) or a lone surrogate: drop one unit. */
			size_t skip = inleft < unit ? inleft : unit;

			in += skip;
			inleft -= skip;
			iconv(cd, NULL, NULL, NULL, NULL);
			continue;
		}
		break;          /* EINVAL: an incomplete sequence at the end */
	}
	iconv_close(cd);
	return rc;
}

int textenc_to_utf8(const void *data, size_t len, size_t cap, struct sbuf *out,
		    bool *truncated, struct cm_err *err)
{
	const unsigned char *s = data;
	enum textenc enc = textenc_detect(data, len);
	size_t from = out->len;
	bool trunc = false;
	int rc = CM_OK;

	switch (enc) {
	case TEXTENC_UTF8:
		if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
			s += 3;
			len -= 3;
		}
		if (len > cap) {
			len = cap;
			trunc = true;
		}
		sbuf_add(out, s, len);
		if (sbuf_oom(out))
			rc = cm_err_set(err, CM_ENOMEM, "out of memory reading text");
		break;
	case TEXTENC_UTF16LE:
	case TEXTENC_UTF16BE:
		if (len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF))) {
			s += 2;
			len -= 2;
		}
		rc = convert(textenc_name(enc), 2, s, len, cap, out, &trunc, err);
		break;
	case TEXTENC_CP1252:
		rc = convert("WINDOWS-1252", 1, s, len, cap, out, &trunc, err);
		break;
	}
	if (rc == CM_OK)
		textenc_clean(out, from, from + cap, &trunc);
	if (truncated && trunc)
		*truncated = true;
	return rc;
}

void textenc_clean(struct sbuf *sb, size_t from, size_t cap, bool *truncated)
{
	unsigned char *s;
	size_t i, o, n;

	if (!sb->buf || from >= sb->len)
		return;
	s = (unsigned char *)sb->buf;
	n = sb->len;
	for (i = o = from; i < n; ) {
		unsigned c = s[i];
		size_t k;
		bool cut;

		if (c < 0x80) {
			i++;
			if (c == '\r') {
				if (i < n && s[i] == '\n')
					i++;
				c = '\n';
			} else if ((c < 0x20 && c != '\n' && c != '\t' && c != '\f') || c == 0x7F) {
				continue;
			}
			if (o + 1 > cap) {
				if (truncated)
					*truncated = true;
				break;
			}
			s[o++] = (unsigned char)c;
			continue;
		}
		k = utf8_seq(s + i, n - i, &cut);
		if (!k) {
			i++;            /* invalid byte: drop it */
			continue;
		}
		/* C1 controls U+0080..U+009F (C2 80..C2 9F), BOM/ZWNBSP U+FEFF (EF BB BF),
		 * noncharacters U+FFFE/U+FFFF (EF BF BE/BF). */
		if ((k == 2 && c == 0xC2 && s[i + 1] < 0xA0) ||
		    (k == 3 && c == 0xEF && s[i + 1] == 0xBB && s[i + 2] == 0xBF) ||
		    (k == 3 && c == 0xEF && s[i + 1] == 0xBF && s[i + 2] >= 0xBE)) {
			i += k;
			continue;
		}
		if (o + k > cap) {
			if (truncated)
				*truncated = true;
			break;
		}
		memmove(s + o, s + i, k);
		o += k;
		i += k;
	}
	sbuf_setlen(sb, o);
}

bool textenc_has_text(const char *s, size_t len)
{
	return textenc_count_nonspace(s, len) > 0;
}

size_t textenc_count_nonspace(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r' || c == '\v')
			continue;
		/* U+00A0 no-break space (C2 A0) is layout, not text */
		if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0) {
			i++;
			continue;
		}
		if ((c & 0xC0) == 0x80)
			continue;       /* count characters, not bytes */
		n++;
	}
	return n;
}
