/*
 * ext_odt.c - OpenDocument text (.odt)
 *
 * A zip whose content.xml holds the body; ext_xml.c reads the part and walks
 * it under the rule table below.  Comments and tracked changes are left out;
 * tables become tab-separated rows, text:s runs of spaces are kept.  As for
 * DOCX (see ext.h), hooks put list labels in front of list items
 * (text:list-style levels: format, prefix, suffix, start value, levels
 * shown) and tell the walker which text is bold (fo:font-weight of
 * paragraph and span styles, through their parents), from styles.xml and
 * content.xml's automatic styles; headings are numbered by the
 * text:outline-style.  Not done: lists named only by a paragraph style.
 */
#include "ext.h"
#include "grow.h"
#include "listnum.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlreader.h>

enum {
	ODT_LEVELS = 10,            /* ODF list levels run 1..10 */
	ODT_SPANS_MAX = 32,         /* nested spans whose outer bold is remembered; deeper is junk */
	ODT_CHAIN_MAX = 16          /* parent-style hops followed: a loop in a broken file must end */
};

#define ODT_TEXT_NS ((const xmlChar *)"urn:oasis:names:tc:opendocument:xmlns:text:1.0")

/* Attribute text:`local` of the reader's element; xmlFree it. */
static char *text_attr(xmlTextReaderPtr r, const char *local)
{
	return (char *)xmlTextReaderGetAttributeNs(r, (const xmlChar *)local, ODT_TEXT_NS);
}

struct odt_lvl {
	bool defined;               /* the level has a style */
	bool bullet;                /* a bullet or image level */
	const char *fmt;            /* style:num-format as a Word name ("decimal", "lowerLetter") */
	const char *prefix;         /* style:num-prefix, NULL none */
	const char *suffix;         /* style:num-suffix, NULL none */
	int start;                  /* text:start-value (1 when absent) */
	int display;                /* text:display-levels: how many levels' numbers are shown */
};

struct odt_list {
	const char *name;           /* style:name of the text:list-style */
	struct odt_lvl lvl[ODT_LEVELS];  /* its levels */
	int count[ODT_LEVELS];      /* each level's last number */
	bool started[ODT_LEVELS];   /* the level has a number since its last restart */
};

struct odt_sty {
	const char *name;           /* style:name */
	bool text;                  /* family "text" (spans), else a paragraph style */
	const char *parent;         /* style:parent-style-name, NULL none */
	int bold;                   /* fo:font-weight: -1 not set, 0 normal, 1 bold */
};

/* The hooks' state for one document. */
struct odt_hooks {
	xmlDocPtr sdoc;             /* styles.xml, NULL when absent or broken */
	xmlNodePtr autos;           /* copy of content.xml's office:automatic-styles */
	struct odt_sty *sty;        /* styles */
	size_t n_sty, a_sty;        /* entries in sty, allocated */
	struct odt_list *lists;     /* list styles */
	size_t n_lists, a_lists;    /* entries in lists, allocated */
	bool def_bold;              /* the default paragraph style is bold */
	size_t outline;             /* 1 + index in lists of the text:outline-style, 0 none */
	struct odt_list *cur;       /* the style of the list being read, NULL none */
	unsigned depth;             /* text:list elements open */
	char pending[EXT_XML_LABEL_MAX];  /* label for the list item's first paragraph */
	bool para_bold;             /* the paragraph's style is bold */
	bool saved[ODT_SPANS_MAX];  /* bold outside each open span */
	unsigned spans;             /* spans open */
};

static const char *attr(const xmlNode *n, const char *local)
{
	if (!n || n->type != XML_ELEMENT_NODE)
		return NULL;
	for (const xmlAttr *a = n->properties; a; a = a->next)
		if (!strcmp((const char *)a->name, local))
			return a->children && a->children->content ? (const char *)a->children->content : "";
	return NULL;
}

static bool is_el(const xmlNode *n, const char *local)
{
	return n && n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, local);
}

/* fo:font-weight of a style's text properties: -1 not set, 0 normal, 1 bold (600 and up). */
static int weight_of(const xmlNode *style)
{
	for (const xmlNode *c = style->children; c; c = c->next) {
		const char *w = is_el(c, "text-properties") ? attr(c, "font-weight") : NULL;

		if (w)
			return !strcmp(w, "bold") || atoi(w) >= 600;
	}
	return -1;
}

/* ODF style:num-format to Word's name for listnum_format. */
static const char *fmt_name(const char *f)
{
	if (!f || !*f)
		return "none";
	switch (f[0]) {
	case 'a': return "lowerLetter";
	case 'A': return "upperLetter";
	case 'i': return "lowerRoman";
	case 'I': return "upperRoman";
	default: return "decimal";
	}
}

static void read_list_style(struct odt_hooks *h, const xmlNode *n)
{
	struct odt_list *l;

	if (ARRAY_GROW(h->lists, h->n_lists + 1, h->a_lists))
		return;     /* out of memory: this list gets no labels */
	l = &h->lists[h->n_lists++];
	memset(l, 0, sizeof *l);
	l->name = attr(n, "name");
	for (const xmlNode *c = n->children; c; c = c->next) {
		int i = attr(c, "level") ? atoi(attr(c, "level")) - 1 : -1;
		struct odt_lvl *v;

		if (c->type != XML_ELEMENT_NODE || i < 0 || i >= ODT_LEVELS)
			continue;
		v = &l->lvl[i];
		v->defined = true;
		v->bullet = strcmp((const char *)c->name, "list-level-style-number") &&
		    strcmp((const char *)c->name, "outline-level-style");
		v->fmt = fmt_name(attr(c, "num-format"));
		v->prefix = attr(c, "num-prefix");
		v->suffix = attr(c, "num-suffix");
		v->start = attr(c, "start-value") ? atoi(attr(c, "start-value")) : 1;
		v->display = attr(c, "display-levels") ? atoi(attr(c, "display-levels")) : 1;
	}
}

/* Styles and list styles among n's children (office:styles, office:automatic-styles). */
static void read_styles(struct odt_hooks *h, const xmlNode *n)
{
	for (const xmlNode *c = n ? n->children : NULL; c; c = c->next) {
		const char *fam = attr(c, "family");

		if ((is_el(c, "list-style") && attr(c, "name")) || is_el(c, "outline-style")) {
			read_list_style(h, c);
			if (is_el(c, "outline-style") && h->n_lists)
				h->outline = h->n_lists;
		} else if (is_el(c, "default-style") && fam && !strcmp(fam, "paragraph")) {
			h->def_bold = weight_of(c) == 1;
		} else if (is_el(c, "style") && attr(c, "name") && fam &&
			   (!strcmp(fam, "paragraph") || !strcmp(fam, "text"))) {
			struct odt_sty *s;

			if (ARRAY_GROW(h->sty, h->n_sty + 1, h->a_sty))
				return;
			s = &h->sty[h->n_sty++];
			s->name = attr(c, "name");
			s->text = !strcmp(fam, "text");
			s->parent = attr(c, "parent-style-name");
			s->bold = weight_of(c);
		}
	}
}

/* fo:font-weight of style `name` or its nearest parent that sets it; -1 when none does. */
static int style_bold(const struct odt_hooks *h, const char *name, bool text)
{
	for (int hops = 0; name && hops < ODT_CHAIN_MAX; hops++) {
		const struct odt_sty *s = NULL;

		for (size_t i = 0; i < h->n_sty && !s; i++)
			if (h->sty[i].text == text && !strcmp(h->sty[i].name, name))
				s = &h->sty[i];
		if (!s)
			return -1;
		if (s->bold >= 0)
			return s->bold;
		name = s->parent;
	}
	return -1;
}

static struct odt_list *list_style(struct odt_hooks *h, const char *name)
{
	for (size_t i = 0; name && i < h->n_lists; i++)
		if (h->lists[i].name && !strcmp(h->lists[i].name, name))
			return &h->lists[i];
	return NULL;
}

static void append(char *buf, size_t cap, size_t *len, const char *s, bool *fits)
{
	size_t n = s ? strlen(s) : 0;

	if (*len + n + 2 > cap) {
		*fits = false;
		return;
	}
	if (n)	/* memcpy from NULL is undefined even for 0 bytes (UBSan) */
		memcpy(buf + *len, s, n);
	*len += n;
	buf[*len] = '\0';
}

/*
 * A list item (or numbered heading) starts at level i of list l (NULL for
 * none): count it and write its label to out[0..cap), "" for none.
 */
static void count_label(struct odt_list *l, const char *start_value, unsigned i, char *out,
			size_t cap)
{
	const struct odt_lvl *v;
	char num[32];
	size_t len = 0, before;
	bool fits = true;
	int first;

	out[0] = '\0';
	if (!l || i >= ODT_LEVELS || !l->lvl[i].defined)
		return;
	v = &l->lvl[i];
	if (start_value)
		l->count[i] = atoi(start_value);
	else
		l->count[i] = l->started[i] ? l->count[i] + 1 : v->start;
	l->started[i] = true;
	for (unsigned j = i + 1; j < ODT_LEVELS; j++)
		l->started[j] = false;
	if (v->bullet) {
		snprintf(out, cap, "\xe2\x80\xa2 ");
		return;
	}
	first = (int)i + 1 - (v->display < 1 ? 1 : v->display);
	append(out, cap, &len, v->prefix, &fits);
	before = len;
	for (int k = first < 0 ? 0 : first; k <= (int)i; k++) {
		int n = k == (int)i || l->started[k] ? l->count[k] : l->lvl[k].start;

		listnum_format(num, sizeof num, n, l->lvl[k].defined ? l->lvl[k].fmt : NULL);
		if (k > (first < 0 ? 0 : first) && len > before)
			append(out, cap, &len, ".", &fits);
		append(out, cap, &len, num, &fits);
	}
	if (len == before) {            /* format "none": no number, no label */
		out[0] = '\0';
		return;
	}
	append(out, cap, &len, v->suffix, &fits);
	append(out, cap, &len, " ", &fits);
	if (!fits)
		out[0] = '\0';   /* a label cut short would be a wrong number */
}

/* The walker's hook: automatic styles, lists, list items, paragraphs and spans. */
static void odt_element(void *ud, struct _xmlTextReader *r, enum ext_xml_action a, bool end,
			struct ext_xml_para *para)
{
	struct odt_hooks *h = ud;
	const char *name = (const char *)xmlTextReaderConstLocalName(r);
	char *v;

	if (!name)
		return;
	if (a == EXT_XML_PROPS) {       /* office:automatic-styles, kept for the whole walk */
		xmlNodePtr n = xmlTextReaderIsEmptyElement(r) ? NULL : xmlTextReaderExpand(r);

		/* the reader frees the tree as it moves on; the styles must outlive it */
		if (n && !h->autos && (h->autos = xmlCopyNode(n, 1)) != NULL)
			read_styles(h, h->autos);
	} else if (a == EXT_XML_PARA) {
		int b;

		v = text_attr(r, "style-name");
		b = v ? style_bold(h, v, false) : -1;
		h->para_bold = b < 0 ? h->def_bold : b == 1;
		xmlFree(v);
		para->bold = h->para_bold;
		h->spans = 0;
		memcpy(para->label, h->pending, sizeof para->label);
		h->pending[0] = '\0';
		/* a heading outside lists is numbered by the outline style (chapter numbering) */
		v = !h->depth && h->outline && !strcmp(name, "h") ? text_attr(r, "outline-level") : NULL;
		if (v && atoi(v) >= 1) {
			char *sv = text_attr(r, "start-value");

			count_label(&h->lists[h->outline - 1], sv, (unsigned)atoi(v) - 1, para->label,
				    sizeof para->label);
			xmlFree(sv);
		}
		xmlFree(v);
	} else if (!strcmp(name, "span")) {
		if (end) {
			if (h->spans && --h->spans < ODT_SPANS_MAX)
				para->bold = h->saved[h->spans];
			return;
		}
		if (h->spans < ODT_SPANS_MAX)
			h->saved[h->spans] = para->bold;
		h->spans++;
		v = text_attr(r, "style-name");
		if (v && style_bold(h, v, true) >= 0)
			para->bold = style_bold(h, v, true) == 1;
		xmlFree(v);
	} else if (!strcmp(name, "list")) {
		if (end) {
			if (h->depth && !--h->depth)
				h->cur = NULL;
			return;
		}
		if (!h->depth++) {
			char *cont = text_attr(r, "continue-numbering"), *with = text_attr(r, "continue-list");

			v = text_attr(r, "style-name");
			h->cur = list_style(h, v);
			/* a new list restarts its style's numbers unless it says it continues */
			if (h->cur && !with && !(cont && !strcmp(cont, "true")))
				memset(h->cur->started, 0, sizeof h->cur->started);
			xmlFree(v);
			xmlFree(cont);
			xmlFree(with);
		}
	} else if (!strcmp(name, "list-item")) {
		if (end) {
			h->pending[0] = '\0';
			return;
		}
		v = text_attr(r, "start-value");
		count_label(h->cur, v, h->depth ? h->depth - 1 : 0, h->pending, sizeof h->pending);
		xmlFree(v);
	} else if (!strcmp(name, "list-header")) {
		h->pending[0] = '\0';
	} else if (!strcmp(name, "number") && !end) {
		/* the producer wrote the label out (ODF 1.2 text:number): not twice */
		para->label[0] = '\0';
	}
}

static const struct ext_xml_rule odt_rules[] = {
	{ "p", EXT_XML_PARA },
	{ "h", EXT_XML_PARA },
	{ "s", EXT_XML_SPACES },
	{ "tab", EXT_XML_TAB },
	{ "line-break", EXT_XML_BREAK },
	{ "table-cell", EXT_XML_CELL },
	{ "table-row", EXT_XML_ROW },
	{ "span", EXT_XML_SPAN },         /* bold or not */
	{ "list", EXT_XML_SPAN },
	{ "list-item", EXT_XML_SPAN },
	{ "list-header", EXT_XML_SPAN },  /* an item without a number */
	{ "number", EXT_XML_SPAN },       /* a label written out as text */
	{ "annotation", EXT_XML_SKIP },   /* comments */
	{ "tracked-changes", EXT_XML_SKIP },
	{ "automatic-styles", EXT_XML_PROPS },
	{ "font-face-decls", EXT_XML_SKIP },
	{ NULL, EXT_XML_NONE }
};
static const struct ext_xml_format odt_format = { odt_rules, false };

static int odt_run(struct extract_ctx *ctx, struct ext_input *in, struct ext_out *out,
		   struct cm_err *err)
{
	struct odt_hooks h = { 0 };
	const struct ext_xml_hooks hooks = { odt_element, &h };
	struct sbuf styles = {0};
	struct cm_err serr = {0};
	int rc;

	/* styles.xml is optional: absent or broken, the text comes without labels */
	rc = ext_zip_member(ctx, in, "styles.xml", &styles, &serr);
	if (rc == CM_ENOMEM) {
		sbuf_release(&styles);
		return cm_err_set(err, rc, "%s", serr.msg);
	}
	if (rc == CM_OK && styles.len && styles.len <= (size_t)0x7fffffff)
		h.sdoc = xmlReadMemory(sbuf_str(&styles), (int)styles.len, NULL, NULL,
				       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	sbuf_release(&styles);
	if (h.sdoc && xmlDocGetRootElement(h.sdoc))
		for (const xmlNode *c = xmlDocGetRootElement(h.sdoc)->children; c; c = c->next)
			if (is_el(c, "styles") || is_el(c, "automatic-styles"))
				read_styles(&h, c);
	rc = ext_office_run(ctx, in, out, "content.xml", &odt_format, &hooks, "odt", err);
	xmlFreeNode(h.autos);
	xmlFreeDoc(h.sdoc);
	free(h.sty);
	free(h.lists);
	return rc;
}

const struct extractor ext_odt = { "application/vnd.oasis.opendocument.text", odt_run, false };
