/*
 * docdict.h - the preset zlib dictionary of document data version 2
 *
 * The bytes of common/docdict.txt (its comment lines left out), compiled in
 * by scripts/embed-text so that neither program reads a file to decode a
 * hit.  Used only by docdata.c; never changes (see docdict.txt).
 */
#ifndef CM_DOCDICT_H
#define CM_DOCDICT_H

#include <stddef.h>

extern const unsigned char docdict[];  /* the dictionary */
extern const size_t docdict_len;       /* its length in bytes */

#endif
