/*
 * grow.c - doubling growth of arrays (see grow.h)
 */
#include "grow.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

int grow_array(void *pv, size_t elem, size_t need, size_t *alloc)
{
	size_t cap = *alloc ? *alloc : 16;
	void *v, *nv;

	while (cap < need) {
		if (cap > SIZE_MAX / 2)
			return CM_ENOMEM;
		cap *= 2;
	}
	if (elem && cap > SIZE_MAX / elem)
		return CM_ENOMEM;
	/* pv is a T **: read and write the pointer as bytes, whatever T is */
	memcpy(&v, pv, sizeof v);
	nv = realloc(v, cap * elem);
	if (!nv)
		return CM_ENOMEM;
	memcpy(pv, &nv, sizeof nv);
	*alloc = cap;
	return CM_OK;
}
