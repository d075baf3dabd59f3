/*
 * docx_style.c - list labels and bold from a DOCX's styles.xml and numbering.xml
 *
 * See docx_style.h.  Both parts are small (tens of KB), so they are parsed
 * into libxml2 trees that live as long as the handle; the tables below
 * point into them.  Lists follow ECMA-376 part 1, 17.9: a paragraph's
 * w:num names a w:abstractNum (possibly through w:numStyleLink and a
 * numbering style), whose w:lvl gives start, format, label text and
 * restart rule per level; w:lvlOverride in the w:num can replace a level
 * or its start.  Counters belong to the abstract list, as in Word: two
 * w:num of one w:abstractNum continue each other unless one has a
 * w:startOverride, which restarts the level the first time that w:num is
 * used.  Bold follows the run, then its character style, then the
 * paragraph style (each through w:basedOn), then w:docDefaults.
 *
 * numbering.xml is parsed only when a paragraph first names a list.
 *
 * Divisions: tree helpers; styles; numbering; counting and labels; bold.
 */
#include "docx_style.h"
#include "listnum.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

enum {
	DS_LEVELS = 9,          /* w:ilvl runs 0..8 (ECMA-376 17.9.3) */
	DS_CHAIN_MAX = 16       /* w:basedOn hops followed: a loop in a broken file must end */
};

struct ds_lvl {
	bool defined;           /* the w:lvl exists */
	int start;              /* w:start (0 when absent, as Word) */
	const char *fmt;        /* w:numFmt ("decimal", "lowerLetter", "bullet"...), NULL decimal */
	const char *text;       /* w:lvlText ("%1.", "(%1)", "%1.%2"), NULL none */
	int restart;            /* w:lvlRestart, -1 when absent (restart after any higher level) */
	bool space_after;       /* w:suff is tab (the default) or space, not "nothing" */
	bool legal;             /* w:isLgl: every level's number in decimal */
	const char *pstyle;     /* w:pStyle: the paragraph style this level belongs to */
	bool hidden;            /* w:rPr/w:vanish: the label is counted but not shown */
};

struct ds_abs {
	int id;                 /* w:abstractNumId */
	const char *num_link;   /* w:numStyleLink: the levels are those of this numbering style's list */
	struct ds_lvl lvl[DS_LEVELS];  /* the levels */
	int count[DS_LEVELS];   /* each level's last number */
	bool started[DS_LEVELS];/* the level has a number since its last restart */
};

struct ds_num {
	int id;                 /* w:numId */
	int abs_id;             /* its w:abstractNumId */
	bool has_start[DS_LEVELS];   /* w:lvlOverride/w:startOverride given for the level */
	int start[DS_LEVELS];        /* that w:startOverride */
	bool pending[DS_LEVELS];     /* the override still has to restart the level */
	struct ds_lvl lvl[DS_LEVELS];/* w:lvlOverride/w:lvl replacing the abstract one, when defined */
};

struct ds_sty {
	const char *id;         /* w:styleId */
	const char *based_on;   /* w:basedOn, NULL when none */
	int num_id;             /* w:pPr/w:numPr/w:numId, -1 when absent */
	int ilvl;               /* w:pPr/w:numPr/w:ilvl, -1 when absent */
	int bold;               /* w:rPr/w:b: -1 absent, 0 off, 1 on */
};

struct docx_style {
	xmlDocPtr sdoc, ndoc;   /* the parsed parts; the strings below point into them */
	char *num_xml;          /* numbering.xml until it is first needed, then NULL */
	size_t num_len;         /* bytes at num_xml */
	bool num_read;          /* numbering.xml has been parsed (or there is none) */
	struct ds_sty *sty;     /* styles in file order */
	size_t n_sty;           /* entries in sty */
	struct ds_abs *abs;     /* abstract lists */
	size_t n_abs;           /* entries in abs */
	struct ds_num *num;     /* list instances */
	size_t n_num;           /* entries in num */
	const char *def_pstyle; /* the default paragraph style's id, NULL when none */
	bool def_bold;          /* w:docDefaults/w:rPrDefault says bold */
};

/* ---- tree helpers ------------------------------------------------------ */

static bool is_el(const xmlNode *n, const char *local)
{
	return n && n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, local);
}

static const xmlNode *child(const xmlNode *n, const char *local)
{
	for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (is_el(c, local))
			return c;
	return NULL;
}

/* Attribute `local` of n, whatever its namespace; borrowed from the tree, NULL when absent. */
static const char *attr(const xmlNode *n, const char *local)
{
	if (!n || n->type != XML_ELEMENT_NODE)
		return NULL;
	for (const xmlAttr *a = n->properties; a; a = a->next)
		if (!strcmp((const char *)a->name, local))
			return a->children && a->children->content ? (const char *)a->children->content : "";
	return NULL;
}

static const char *child_val(const xmlNode *n, const char *local)
{
	return attr(child(n, local), "val");
}

static int int_or(const char *s, int dflt)
{
	char *end;
	long v;

	if (!s)
		return dflt;
	v = strtol(s, &end, 10);
	if (end == s || v < -1000000 || v > 1000000)
		return dflt;
	return (int)v;
}

/* The value of an OOXML on/off property: absent, "true", "1", "on" are on. */
static bool is_on(const char *val)
{
	return !val || !(!strcmp(val, "false") || !strcmp(val, "0") || !strcmp(val, "off"));
}

/* w:b of a w:rPr: -1 absent, 0 off, 1 on. */
static int bold_of(const xmlNode *rpr)
{
	const xmlNode *b = child(rpr, "b");

	return b ? is_on(attr(b, "val")) : -1;
}

static xmlDocPtr parse(const char *s, size_t len)
{
	if (!s || !len)
		return NULL;
	return xmlReadMemory(s, (int)len, NULL, NULL,
			     XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
}

/*
 * Make room for one more entry in an array of `size`-byte entries holding
 * *n: the capacity is 4, then doubles each time n reaches a power of two,
 * so it need not be stored.  False when out of memory.
 */
static bool grow(void **v, const size_t *n, size_t size)
{
	void *p;

	if (*n && (*n < 4 || (*n & (*n - 1))))
		return true;
	p = realloc(*v, (*n ? *n * 2 : 4) * size);
	if (!p)
		return false;
	*v = p;
	return true;
}

/* ---- styles ------------------------------------------------------------ */

static int read_styles(struct docx_style *ds, const xmlNode *root)
{
	const xmlNode *dd = child(child(child(root, "docDefaults"), "rPrDefault"), "rPr");

	ds->def_bold = bold_of(dd) == 1;
	for (const xmlNode *n = root ? root->children : NULL; n; n = n->next) {
		const xmlNode *ppr, *numpr;
		struct ds_sty *s;
		const char *type = attr(n, "type"), *def = attr(n, "default");

		if (!is_el(n, "style") || !attr(n, "styleId"))
			continue;
		if (!grow((void **)&ds->sty, &ds->n_sty, sizeof *ds->sty))
			return CM_ENOMEM;
		s = &ds->sty[ds->n_sty++];
		ppr = child(n, "pPr");
		numpr = child(ppr, "numPr");
		s->id = attr(n, "styleId");
		s->based_on = child_val(n, "basedOn");
		s->num_id = int_or(child_val(numpr, "numId"), -1);
		s->ilvl = int_or(child_val(numpr, "ilvl"), -1);
		s->bold = bold_of(child(n, "rPr"));
		if (type && !strcmp(type, "paragraph") && def && is_on(def) && !ds->def_pstyle)
			ds->def_pstyle = s->id;
	}
	return CM_OK;
}

static const struct ds_sty *style(const struct docx_style *ds, const char *id)
{
	if (!id)
		return NULL;
	for (size_t i = 0; i < ds->n_sty; i++)
		if (!strcmp(ds->sty[i].id, id))
			return &ds->sty[i];
	return NULL;
}

/* ---- numbering --------------------------------------------------------- */

static void read_lvl(struct ds_lvl *l, const xmlNode *n)
{
	const char *suff = child_val(n, "suff");

	l->defined = true;
	l->start = int_or(child_val(n, "start"), 0);
	l->fmt = child_val(n, "numFmt");
	l->text = child_val(n, "lvlText");
	l->restart = int_or(child_val(n, "lvlRestart"), -1);
	l->space_after = !suff || strcmp(suff, "nothing");
	l->legal = child(n, "isLgl") && is_on(child_val(n, "isLgl"));
	l->pstyle = child_val(n, "pStyle");
	l->hidden = child(child(n, "rPr"), "vanish") && is_on(child_val(child(n, "rPr"), "vanish"));
}

static int read_numbering(struct docx_style *ds, const xmlNode *root)
{
	for (const xmlNode *n = root ? root->children : NULL; n; n = n->next) {
		if (is_el(n, "abstractNum")) {
			struct ds_abs *a;

			if (!grow((void **)&ds->abs, &ds->n_abs, sizeof *ds->abs))
				return CM_ENOMEM;
			a = &ds->abs[ds->n_abs++];
			memset(a, 0, sizeof *a);
			a->id = int_or(attr(n, "abstractNumId"), -1);
			a->num_link = child_val(n, "numStyleLink");
			for (const xmlNode *l = n->children; l; l = l->next) {
				int i = int_or(attr(l, "ilvl"), -1);

				if (is_el(l, "lvl") && i >= 0 && i < DS_LEVELS)
					read_lvl(&a->lvl[i], l);
			}
		} else if (is_el(n, "num")) {
			struct ds_num *m;

			if (!grow((void **)&ds->num, &ds->n_num, sizeof *ds->num))
				return CM_ENOMEM;
			m = &ds->num[ds->n_num++];
			memset(m, 0, sizeof *m);
			m->id = int_or(attr(n, "numId"), -1);
			m->abs_id = int_or(child_val(n, "abstractNumId"), -1);
			for (const xmlNode *o = n->children; o; o = o->next) {
				int i = int_or(attr(o, "ilvl"), -1);
				const char *so;

				if (!is_el(o, "lvlOverride") || i < 0 || i >= DS_LEVELS)
					continue;
				if ((so = child_val(o, "startOverride")) != NULL) {
					m->has_start[i] = m->pending[i] = true;
					m->start[i] = int_or(so, 0);
				}
				if (child(o, "lvl"))
					read_lvl(&m->lvl[i], child(o, "lvl"));
			}
		}
	}
	return CM_OK;
}

/*
 * Parse numbering.xml the first time a paragraph is in a list: most
 * minutes have no lists, and the part (tens of KB, thirty namespaces) cost
 * as much to parse as the rest of the extraction.  Out of memory here
 * leaves the lists read so far; labels are best effort.
 */
static void read_numbering_late(struct docx_style *ds)
{
	ds->num_read = true;
	ds->ndoc = parse(ds->num_xml, ds->num_len);
	if (ds->ndoc)
		read_numbering(ds, xmlDocGetRootElement(ds->ndoc));
	free(ds->num_xml);
	ds->num_xml = NULL;
}

static struct ds_num *num_by_id(struct docx_style *ds, int id)
{
	for (size_t i = 0; i < ds->n_num; i++)
		if (ds->num[i].id == id)
			return &ds->num[i];
	return NULL;
}

static struct ds_abs *abs_by_id(struct docx_style *ds, int id)
{
	for (size_t i = 0; i < ds->n_abs; i++)
		if (ds->abs[i].id == id)
			return &ds->abs[i];
	return NULL;
}

/*
 * The abstract list that holds w:num m's levels.  An abstract list that is
 * only a w:numStyleLink to a numbering style stands for the list that
 * style's own w:num points at (the one with the matching w:styleLink).
 */
static struct ds_abs *abs_of(struct docx_style *ds, const struct ds_num *m)
{
	struct ds_abs *a = abs_by_id(ds, m->abs_id);

	for (int hop = 0; a && a->num_link && hop < DS_CHAIN_MAX; hop++) {
		const struct ds_sty *s = style(ds, a->num_link);
		const struct ds_num *sm = s ? num_by_id(ds, s->num_id) : NULL;
		struct ds_abs *next = sm ? abs_by_id(ds, sm->abs_id) : NULL;

		if (!next || next == a)
			break;
		a = next;
	}
	return a;
}

/* ---- counting and labels ----------------------------------------------- */

static const struct ds_lvl *lvl_of(const struct ds_abs *a, const struct ds_num *m, int i)
{
	return m->lvl[i].defined ? &m->lvl[i] : &a->lvl[i];
}

static int start_of(const struct ds_abs *a, const struct ds_num *m, int i)
{
	return m->has_start[i] ? m->start[i] : lvl_of(a, m, i)->start;
}

/* Which list and level a paragraph is in, or false when it is in none. */
static bool list_of(struct docx_style *ds, const char *pstyle, int num_id, int ilvl,
		    struct ds_num **mo, struct ds_abs **ao, int *lo)
{
	const struct ds_sty *s = style(ds, pstyle ? pstyle : ds->def_pstyle);
	int hops = 0;

	/* what the paragraph does not say, its style (or the one it is based on) does */
	for (; s && hops < DS_CHAIN_MAX && (num_id < 0 || ilvl < 0); hops++) {
		if (num_id < 0 && s->num_id >= 0)
			num_id = s->num_id;
		if (ilvl < 0 && s->ilvl >= 0 && num_id == s->num_id)
			ilvl = s->ilvl;
		s = style(ds, s->based_on);
	}
	if (num_id > 0 && !ds->num_read)
		read_numbering_late(ds);
	if (num_id <= 0 || !(*mo = num_by_id(ds, num_id)) || !(*ao = abs_of(ds, *mo)))
		return false;
	if (ilvl < 0 && pstyle)     /* a level tied to the style by w:lvl/w:pStyle */
		for (int i = 0; i < DS_LEVELS && ilvl < 0; i++)
			if (lvl_of(*ao, *mo, i)->pstyle && !strcmp(lvl_of(*ao, *mo, i)->pstyle, pstyle))
				ilvl = i;
	if (ilvl < 0)
		ilvl = 0;
	if (ilvl >= DS_LEVELS || !lvl_of(*ao, *mo, ilvl)->defined)
		return false;
	*lo = ilvl;
	return true;
}

/* Count one more paragraph at level i of list (a, m). */
static void count(struct ds_abs *a, struct ds_num *m, int i)
{
	if (m->pending[i]) {
		m->pending[i] = false;
		a->count[i] = m->start[i];
	} else if (a->started[i]) {
		a->count[i]++;
	} else {
		a->count[i] = start_of(a, m, i);
	}
	a->started[i] = true;
	/* deeper levels restart after this one, unless their w:lvlRestart says otherwise */
	for (int j = i + 1; j < DS_LEVELS; j++) {
		int r = lvl_of(a, m, j)->restart;

		if (r < 0 ? true : (r > 0 && i < r))
			a->started[j] = false;
	}
}

/* The label of the next paragraph (see docx_style_para); "" when in no list. */
static void para_label(struct docx_style *ds, const char *pstyle, int num_id, int ilvl,
		      char *label, size_t cap)
{
	struct ds_num *m;
	struct ds_abs *a;
	const struct ds_lvl *l;
	size_t len = 0;
	int i;

	label[0] = '\0';
	if (!ds || cap < 8 || !list_of(ds, pstyle, num_id, ilvl, &m, &a, &i))
		return;
	count(a, m, i);
	l = lvl_of(a, m, i);
	if (l->hidden)
		return;
	if (l->fmt && !strcmp(l->fmt, "bullet")) {
		/* one bullet whatever the glyph: Word's are Symbol-font private-use characters */
		if (l->text && *l->text)
			snprintf(label, cap, "\xe2\x80\xa2 ");
		return;
	}
	for (const char *p = l->text ? l->text : ""; *p; p++) {
		char num[32];
		size_t n;

		if (p[0] == '%' && p[1] >= '1' && p[1] <= '9') {
			int k = p[1] - '1', v = k != i && !a->started[k] ? start_of(a, m, k) : a->count[k];

			listnum_format(num, sizeof num, v, l->legal ? NULL : lvl_of(a, m, k)->fmt);
			p++;
		} else {
			num[0] = *p;
			num[1] = '\0';
		}
		n = strlen(num);
		if (len + n + 2 > cap) {
			label[0] = '\0';        /* a label cut short would be a wrong number */
			return;
		}
		memcpy(label + len, num, n);
		len += n;
	}
	if (len && l->space_after)
		label[len++] = ' ';
	label[len] = '\0';
}

/* ---- bold -------------------------------------------------------------- */

/* w:b of style id or the first style it is based on that sets it; -1 when none does. */
static int style_bold(const struct docx_style *ds, const char *id)
{
	const struct ds_sty *s = style(ds, id);

	for (int hops = 0; s && hops < DS_CHAIN_MAX; hops++) {
		if (s->bold >= 0)
			return s->bold;
		s = style(ds, s->based_on);
	}
	return -1;
}

void docx_style_para(struct docx_style *ds, const xmlNode *ppr, char *pstyle, size_t pcap,
		     char *label, size_t lcap)
{
	const xmlNode *numpr = child(ppr, "numPr");
	const char *st = child_val(ppr, "pStyle");

	if (pcap)
		pstyle[0] = '\0';
	if (st && strlen(st) < pcap)
		memcpy(pstyle, st, strlen(st) + 1);
	else
		st = NULL;
	if (lcap)
		para_label(ds, st, int_or(child_val(numpr, "numId"), -1),
			   int_or(child_val(numpr, "ilvl"), -1), label, lcap);
}

bool docx_style_para_bold(const struct docx_style *ds, const char *pstyle)
{
	int b = ds ? style_bold(ds, pstyle ? pstyle : ds->def_pstyle) : -1;

	return b < 0 ? ds && ds->def_bold : b == 1;
}

bool docx_style_run_bold(const struct docx_style *ds, const xmlNode *rpr, bool para_bold)
{
	int b = bold_of(rpr);

	if (b < 0 && ds && child_val(rpr, "rStyle"))
		b = style_bold(ds, child_val(rpr, "rStyle"));
	return b < 0 ? para_bold : b == 1;
}

/* ---- handle ------------------------------------------------------------ */

int docx_style_new(const char *styles, size_t styles_len, const char *numbering,
		   size_t numbering_len, struct docx_style **out, struct cm_err *err)
{
	struct docx_style *ds;
	int rc;

	*out = NULL;
	if (styles_len > (size_t)0x7fffffff || numbering_len > (size_t)0x7fffffff)
		return cm_err_set(err, CM_EUNSUPPORTED, "styles or numbering part over 2 GiB");
	ds = calloc(1, sizeof *ds);
	if (!ds)
		return cm_err_set(err, CM_ENOMEM, "out of memory");
	ds->sdoc = parse(styles, styles_len);
	rc = read_styles(ds, ds->sdoc ? xmlDocGetRootElement(ds->sdoc) : NULL);
	ds->num_read = !numbering || !numbering_len;
	if (rc == CM_OK && !ds->num_read) {
		ds->num_xml = malloc(numbering_len);
		if (ds->num_xml) {
			memcpy(ds->num_xml, numbering, numbering_len);
			ds->num_len = numbering_len;
		} else {
			rc = CM_ENOMEM;
		}
	}
	if (rc != CM_OK) {
		docx_style_free(ds);
		return cm_err_set(err, rc, "out of memory reading docx styles");
	}
	*out = ds;
	return CM_OK;
}

void docx_style_free(struct docx_style *ds)
{
	if (!ds)
		return;
	xmlFreeDoc(ds->sdoc);
	xmlFreeDoc(ds->ndoc);
	free(ds->num_xml);
	free(ds->sty);
	free(ds->abs);
	free(ds->num);
	free(ds);
}
