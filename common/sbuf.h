/*
 * sbuf.h - growable byte/string buffer (git's strbuf is the model)
 *
 * A struct sbuf always holds a NUL-terminated string in buf (possibly with
 * embedded NULs before len).  A zeroed struct is a valid empty buffer.
 * Allocation failure is sticky: the first failed growth sets `oom`, later
 * appends are ignored, and sbuf_oom() reports it, so builders can append
 * freely and check once.
 */
#ifndef CM_SBUF_H
#define CM_SBUF_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct sbuf {
	char *buf;      /* contents, NUL-terminated; NULL only while alloc == 0 */
	size_t len;     /* bytes used, not counting the terminating NUL */
	size_t alloc;   /* bytes allocated */
	bool oom;       /* an allocation failed; contents are incomplete */
};

/* Make sure `extra` more bytes fit.  Returns false (and sets oom) on failure. */
bool sbuf_grow(struct sbuf *sb, size_t extra);

/* Append bytes, a C string, one byte, or printf output.  Never fail loudly: see oom. */
void sbuf_add(struct sbuf *sb, const void *data, size_t len);
void sbuf_adds(struct sbuf *sb, const char *s);
void sbuf_addch(struct sbuf *sb, int c);
void sbuf_addf(struct sbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Drop everything after the first `len` bytes (len <= sb->len). */
void sbuf_setlen(struct sbuf *sb, size_t len);

/* Empty the buffer but keep its memory. */
static inline void sbuf_reset(struct sbuf *sb) { if (sb->alloc) sbuf_setlen(sb, 0); sb->oom = false; }

/* True when an allocation failed since the last reset. */
static inline bool sbuf_oom(const struct sbuf *sb) { return sb->oom; }

/* The contents as a C string; "" for a never-used buffer.  Borrowed. */
static inline const char *sbuf_str(const struct sbuf *sb) { return sb->buf ? sb->buf : ""; }

/*
 * Hand the buffer over: returns a malloc'd NUL-terminated string (never NULL
 * unless out of memory) that the caller frees, and leaves `sb` empty.
 */
char *sbuf_detach(struct sbuf *sb, size_t *len_out);

/* Free the memory; the struct is zeroed and can be reused.  NULL-safe. */
void sbuf_release(struct sbuf *sb);

#ifdef __cplusplus
}
#endif
#endif
