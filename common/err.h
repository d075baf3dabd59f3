/*
 * err.h - status codes and the error message buffer shared by every module
 *
 * Every fallible function in the project returns an enum cm_code and, when
 * given a non-NULL struct cm_err, fills it with a lowercase message that says
 * what failed and why.  Nothing here allocates; nothing here depends on any
 * other module.
 */
#ifndef CM_ERR_H
#define CM_ERR_H

#ifdef __cplusplus
extern "C" {
#endif

enum cm_code {
	CM_OK = 0,
	CM_ENOMEM,        /* allocation failed */
	CM_EIO,           /* read/write/open failure of a file or pipe */
	CM_EINVAL,        /* bad argument or option value */
	CM_EFORMAT,       /* input is not what its type claims (corrupt, truncated) */
	CM_EUNSUPPORTED,  /* a format or feature we do not handle */
	CM_ENOTFOUND,     /* database, file or document does not exist */
	CM_EQUERY,        /* query could not be parsed */
	CM_ELOCKED,       /* database is locked by another writer */
	CM_EDB,           /* any other Xapian error */
	CM_ETIMEOUT,      /* a child process or search ran past its time limit */
	CM_EINTERNAL      /* a bug: an exception or state we did not expect */
};

/* Room for a message naming a path and a reason; longer ones are truncated. */
enum { CM_ERR_MSG_MAX = 512 };

struct cm_err {
	int code;                   /* last code set, CM_OK when clear */
	char msg[CM_ERR_MSG_MAX];   /* NUL-terminated message, "" when clear */
};

/*
 * Record `code` and a printf-style message in `err` (which may be NULL) and
 * return `code`, so callers can write `return cm_err_set(err, CM_EIO, ...)`.
 */
int cm_err_set(struct cm_err *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Fixed English text for a code ("out of memory", ...); never NULL. */
const char *cm_code_str(int code);

#ifdef __cplusplus
}
#endif
#endif
