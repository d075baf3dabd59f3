/*
 * crawl_test.h - the crawler's junk-name rule, for the unit tests
 *
 * Not part of crawl.h's interface: what the module's own tests look
 * inside with (git keeps such declarations in *-internal.h headers).
 * Only the module itself and tests/ include it.
 */
#ifndef CM_CRAWL_TEST_H
#define CM_CRAWL_TEST_H

/* True for names the crawler never indexes: ".x", "x~", "#x#", "~$x", "x.swp", "x.tmp". */
int crawl_is_junk_name(const char *name);

#endif
