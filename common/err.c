/*
 * err.c - status codes and the error message buffer
 *
 * See err.h.  Formatting only; no allocation, no global state.
 */
#include "err.h"

#include <stdarg.h>
#include <stdio.h>

int cm_err_set(struct cm_err *err, int code, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return code;
	err->code = code;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	return code;
}

const char *cm_code_str(int code)
{
	switch (code) {
	case CM_OK:           return "ok";
	case CM_ENOMEM:       return "out of memory";
	case CM_EIO:          return "input/output error";
	case CM_EINVAL:       return "invalid argument";
	case CM_EFORMAT:      return "malformed input";
	case CM_EUNSUPPORTED: return "unsupported format";
	case CM_ENOTFOUND:    return "not found";
	case CM_EQUERY:       return "bad query";
	case CM_ELOCKED:      return "database locked";
	case CM_EDB:          return "database error";
	case CM_ETIMEOUT:     return "timed out";
	case CM_EINTERNAL:    return "internal error";
	}
	return "unknown error";
}
