/*
 * alert.c - the state file of --added-since @FILE (see alert.h)
 */
#include "alert.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "date.h"
#include "sbuf.h"

/* Longest state file read: a time and a newline, with room for stray spaces. */
enum { ALERT_MAX = 128 };

int alert_since(const char *spec, long long *since, const char **file, struct cm_err *err)
{
	char buf[ALERT_MAX + 1], *b = buf;
	size_t n;
	FILE *f;

	*file = NULL;
	if (spec[0] != '@') {
		if (!date_parse_instant(spec, since))
			return cm_err_set(err, CM_EINVAL, "--added-since '%s': not a time "
					  "(2025-03-04T09:30:00Z, 2025-03-04, Unix seconds or @FILE)",
					  spec);
		return CM_OK;
	}
	*file = spec + 1;
	if (!**file)
		return cm_err_set(err, CM_EINVAL, "--added-since @: no file name");
	f = fopen(*file, "r");
	if (!f && errno == ENOENT) {
		*since = 0;
		return CM_OK;
	}
	if (!f)
		return cm_err_set(err, CM_EIO, "cannot read %s: %s", *file, strerror(errno));
	n = fread(buf, 1, ALERT_MAX, f);
	if (ferror(f)) {
		fclose(f);
		return cm_err_set(err, CM_EIO, "cannot read %s: %s", *file, strerror(errno));
	}
	fclose(f);
	buf[n] = '\0';
	while (*b == ' ' || *b == '\t' || *b == '\n' || *b == '\r')
		b++;
	while (n && (buf[n - 1] == ' ' || buf[n - 1] == '\t' || buf[n - 1] == '\n' ||
		     buf[n - 1] == '\r'))
		buf[--n] = '\0';
	if (!*b) {
		*since = 0;
		return CM_OK;
	}
	if (n == ALERT_MAX || !date_parse_instant(b, since))
		return cm_err_set(err, CM_EINVAL, "%s: not a time (2025-03-04T09:30:00Z)", *file);
	return CM_OK;
}

int alert_store(const char *file, long long t, struct cm_err *err)
{
	struct sbuf tmp = {0};
	char when[40];
	time_t tt = (time_t)(t / 1000);
	struct tm tm;
	size_t n;
	FILE *f = NULL;
	int rc = CM_OK;

	/* Milliseconds written out: the next run must start exactly after this item. */
	if (t < 0 || !gmtime_r(&tt, &tm) ||
	    !(n = strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%S", &tm)) ||
	    snprintf(when + n, sizeof when - n, ".%03dZ", (int)(t % 1000)) != 5)
		return cm_err_set(err, CM_EINVAL, "cannot store time %lld", t);
	sbuf_addf(&tmp, "%s.tmp%ld", file, (long)getpid());
	if (sbuf_oom(&tmp))
		return cm_err_set(err, CM_ENOMEM, "out of memory");
	f = fopen(tmp.buf, "w");
	if (!f || fprintf(f, "%s\n", when) < 0 || fflush(f) != 0 || fsync(fileno(f)) != 0) {
		rc = cm_err_set(err, CM_EIO, "cannot write %s: %s", tmp.buf, strerror(errno));
		goto out;
	}
	if (fclose(f) != 0) {
		f = NULL;
		rc = cm_err_set(err, CM_EIO, "cannot write %s: %s", tmp.buf, strerror(errno));
		goto out;
	}
	f = NULL;
	if (rename(tmp.buf, file) != 0)
		rc = cm_err_set(err, CM_EIO, "cannot replace %s: %s", file, strerror(errno));
out:
	if (f)
		fclose(f);
	if (rc != CM_OK)
		unlink(tmp.buf);
	sbuf_release(&tmp);
	return rc;
}
