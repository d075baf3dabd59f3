/*
 * docx_style.h - what a DOCX's styles.xml and numbering.xml say about its text
 *
 * Word's automatic numbering is not in document.xml's text: a paragraph
 * names a list (w:numPr, directly or through its style) and Word draws the
 * label from counters.  This module reads the two parts and keeps those
 * counters, so the extractor can write "2. " where the reader sees it.  It
 * also answers whether a run is bold once styles are taken into account.
 * It knows nothing of document.xml's layout: ext_docx.c walks that.
 */
#ifndef IDX_DOCX_STYLE_H
#define IDX_DOCX_STYLE_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"

struct docx_style;

/*
 * Read styles.xml and numbering.xml (either may be NULL with length 0, or
 * malformed: the document then simply has no styles or no lists).  The
 * bytes are only read during the call.  On success *out is a new handle
 * for docx_style_free.  CM_OK, CM_ENOMEM or CM_EUNSUPPORTED (a part over
 * 2 GiB).
 */
int docx_style_new(const char *styles, size_t styles_len, const char *numbering,
		   size_t numbering_len, struct docx_style **out, struct cm_err *err);

/* Free a handle.  NULL is a no-op. */
void docx_style_free(struct docx_style *ds);

struct _xmlNode;

/*
 * A paragraph's properties: `ppr` is its w:pPr (NULL when it has none).
 * Copies its w:pStyle to pstyle[0..pcap) ("" for the default style, or for
 * an id that does not fit) and writes its list label as Word shows it to
 * label[0..lcap): the number with a space for Word's tab or space after it
 * ("2. ", "1.3 ", "(b) "), "• " for a bullet, "" when the paragraph is in
 * no list.  Moves the list's counters, so call it once per paragraph in
 * document order.  Can't fail; `ds` may be NULL (no styles, no lists).
 */
void docx_style_para(struct docx_style *ds, const struct _xmlNode *ppr, char *pstyle, size_t pcap,
		     char *label, size_t lcap);

/*
 * Whether the text of a paragraph of style `pstyle` (NULL for the default
 * style) is bold when its runs do not say: the style (through w:basedOn),
 * else the document defaults.  `ds` may be NULL.  Can't fail.
 */
bool docx_style_para_bold(const struct docx_style *ds, const char *pstyle);

/*
 * Whether a run's text is bold: its w:rPr `rpr` (NULL when it has none)
 * decides with w:b, else its character style (w:rStyle), else `para_bold`
 * (docx_style_para_bold of its paragraph).  `ds` may be NULL.  Can't fail.
 */
bool docx_style_run_bold(const struct docx_style *ds, const struct _xmlNode *rpr, bool para_bold);

#endif
