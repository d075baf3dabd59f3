/*
 * encode.c - JSON string literals and RFC 4180 CSV fields (see encode.h)
 */
#include "encode.h"

#include <string.h>

void enc_json_string(struct sbuf *out, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	size_t run = 0, i;

	if (!s) {
		sbuf_adds(out, "null");
		return;
	}
	sbuf_addch(out, '"');
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x20 && c != '"' && c != '\\') {
			run++;
			continue;
		}
		/* copy runs of plain bytes at once: most strings have no escapes */
		sbuf_add(out, s + i - run, run);
		run = 0;
		switch (c) {
		case '"':  sbuf_adds(out, "\\\""); break;
		case '\\': sbuf_adds(out, "\\\\"); break;
		case '\n': sbuf_adds(out, "\\n"); break;
		case '\t': sbuf_adds(out, "\\t"); break;
		case '\r': sbuf_adds(out, "\\r"); break;
		default:
			sbuf_adds(out, "\\u00");
			sbuf_addch(out, hex[c >> 4]);
			sbuf_addch(out, hex[c & 15]);
		}
	}
	sbuf_add(out, s + i - run, run);
	sbuf_addch(out, '"');
}

void enc_json_cstr(struct sbuf *out, const char *s)
{
	enc_json_string(out, s, s ? strlen(s) : 0);
}

void enc_csv_field(struct sbuf *out, const char *s)
{
	if (!s)
		return;
	if (!strpbrk(s, ",\"\r\n")) {
		sbuf_adds(out, s);
		return;
	}
	sbuf_addch(out, '"');
	for (; *s; s++) {
		if (*s == '"')
			sbuf_addch(out, '"');
		sbuf_addch(out, *s);
	}
	sbuf_addch(out, '"');
}

void enc_csv_end(struct sbuf *out)
{
	sbuf_adds(out, "\r\n");
}
