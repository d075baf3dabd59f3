/*
 * alert.h - "what is new since last time": the state file of --added-since @FILE
 *
 * A cron job runs `minutes-search --added-since @FILE QUERY` after each
 * indexing run: it lists the matching items first indexed after the time
 * in FILE, then stores in FILE the newest first-indexed time the index
 * held when the search ran, so the next run starts from there.  FILE holds
 * one ISO 8601 UTC time to the millisecond (or Unix seconds) and a newline.
 * The indexer stamps each commit's new items later than anything committed
 * before (indexer/ingest.c), so an alert that runs while an indexing run
 * is half-way misses nothing: what it did not see comes later.  Owns reading and
 * atomically replacing that file; nothing else.
 */
#ifndef SRCH_ALERT_H
#define SRCH_ALERT_H

#include "err.h"

/*
 * Parse spec, "TIME" or "@FILE" (date_parse_instant's forms), into *since
 * (Unix milliseconds); for "@FILE" also point *file at the path (borrowed from
 * spec), else set it NULL.  A FILE that does not exist yet means "since
 * the beginning" (0).  CM_OK, CM_EINVAL (not a time; the message says
 * what), CM_EIO (FILE unreadable).
 */
int alert_since(const char *spec, long long *since, const char **file, struct cm_err *err);

/*
 * Store time t (Unix milliseconds) in file as ISO 8601 UTC with
 * milliseconds, replacing it atomically (a temporary file beside
 * it, then rename): a run killed half-way leaves the old time.  CM_OK,
 * CM_EIO.
 */
int alert_store(const char *file, long long t, struct cm_err *err);

#endif
