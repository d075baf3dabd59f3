/*
 * lru.h - an intrusive recency list, newest at one end, oldest at the other
 *
 * The least-recently-used order of the project's two caches (the search
 * engine's term bitmaps, common/docset.c, and the server's responses,
 * searcher/srvcache.c).  An entry embeds a struct lru_link and gets back
 * to itself with LRU_ENTRY; nothing here allocates or locks.
 */
#ifndef CM_LRU_H
#define CM_LRU_H

#include <stddef.h>

struct lru_link {
	struct lru_link *newer;       /* towards the newest end, NULL at it */
	struct lru_link *older;       /* towards the oldest end, NULL at it */
};

struct lru_list {
	struct lru_link *newest;      /* most recently used, NULL when empty */
	struct lru_link *oldest;      /* next to evict, NULL when empty */
};

/* The entry of type `type` whose member `field` is the link `l`. */
#define LRU_ENTRY(l, type, field) ((type *)(void *)((char *)(l) - offsetof(type, field)))

/* Put l, which is in no list, at the newest end. */
static inline void lru_push_newest(struct lru_list *list, struct lru_link *l)
{
	l->older = list->newest;
	l->newer = NULL;
	if (list->newest)
		list->newest->newer = l;
	list->newest = l;
	if (!list->oldest)
		list->oldest = l;
}

/* Take l out of the list it is in. */
static inline void lru_unlink(struct lru_list *list, struct lru_link *l)
{
	if (l->newer)
		l->newer->older = l->older;
	else
		list->newest = l->older;
	if (l->older)
		l->older->newer = l->newer;
	else
		list->oldest = l->newer;
	l->newer = l->older = NULL;
}

/* Mark l, which is in the list, as just used. */
static inline void lru_touch(struct lru_list *list, struct lru_link *l)
{
	if (list->newest == l)
		return;
	lru_unlink(list, l);
	lru_push_newest(list, l);
}

#endif
