/*
 * ext.h - what extract.c offers the per-format extractors (internal)
 *
 * An extractor is data: a MIME type and a run function, listed in the table
 * in extract.c.  A leaf extractor (PDF, HTML, ...) appends raw text to
 * out->text; extract.c then cleans it (textenc_clean), caps it and records
 * the document.  A container (gzip, zip bundle) instead hands each inner
 * file back to extract_input(), which detects and dispatches it in turn.
 * Not part of the public API: only indexer/ext_*.c and extract.c include it.
 */
#ifndef IDX_EXT_H
#define IDX_EXT_H

#include <magic.h>
#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "extract.h"
#include "sbuf.h"
#include "spawn.h"

enum {
	EXT_MAX_DEPTH = 3,          /* containers nested deeper than this are refused (zip in zip in zip) */
	EXT_MIME_MAX = 128,         /* longest MIME type kept */
	EXT_NOTE_MAX = 160          /* a note of three reasons with page lists; longer ones are cut */
};

struct extract_ctx {
	struct extract_opts opts;   /* caller's options with every 0 replaced by its default */
	magic_t magic;              /* this thread's libmagic cookie */
	char *tmpdir;               /* private temp dir for converters' input files, made on first use */
	unsigned tmpseq;            /* counter for unique names in tmpdir */
	size_t unpacked;            /* bytes decompressed so far for the current top-level file */
	size_t members;             /* zip members read so far for the current top-level file */
	double deadline;            /* CLOCK_MONOTONIC seconds when its converters' time runs out */
	int tesseract;              /* -1 not yet looked for, 0 absent, 1 installed */
	int pdftoppm;               /* same for pdftoppm */
};

struct ext_input {
	const char *name;           /* file path or member path: extension hints and messages; may be "" */
	const char *path;           /* file holding the bytes, or NULL when they are only in memory */
	int fd;                     /* path's descriptor, checked to be a regular file (only when path is set) */
	const unsigned char *data;  /* all the bytes when in memory, else NULL */
	size_t len;                 /* size in bytes (of data, or of the file) */
	const unsigned char *head;  /* the first head_len bytes, for sniffing */
	size_t head_len;            /* bytes at head */
	unsigned depth;             /* containers this input sits inside */
	const char *docname;        /* name of the document it becomes ("" for the file itself) */
	struct extract_result *result;  /* where documents go */
	char mime[EXT_MIME_MAX];    /* detected type, set by extract_input */
	unsigned char *loaded;      /* ext_load's copy of a file's bytes, freed by extract_input */
	size_t loaded_len;          /* bytes at loaded */
	bool loaded_trunc;          /* the file was longer than the load cap */
	char *tmp_path;             /* ext_path's temp file, removed by extract_input */
	char *arg_path;             /* ext_path's "./-name" form of a path starting with '-' */
};

struct ext_out {
	struct sbuf text;           /* raw UTF-8-ish text; extract.c cleans and caps it */
	bool truncated;             /* the extractor cut its input or output at a cap */
	bool ocr;                   /* OCR produced some of the text */
	char note[EXT_NOTE_MAX];    /* what was done to the text layer (extract_doc.note), "" for nothing */
};

typedef int (*ext_run_fn)(struct extract_ctx *ctx, struct ext_input *in,
			  struct ext_out *out, struct cm_err *err);

struct extractor {
	const char *mime;           /* exact "application/pdf", or a whole family "text/\*" */
	ext_run_fn run;             /* fills out (leaf) or adds documents to in->result (container) */
	bool container;             /* run adds documents itself; out is NULL */
};

/* The extractors, one file each. */
extern const struct extractor ext_pdf, ext_docx, ext_odt, ext_doc, ext_rtf, ext_rtf_app,
	ext_html, ext_xhtml, ext_markdown, ext_text, ext_text_any, ext_gzip, ext_gzip_x, ext_zip;
/* Used when nothing in the table matches: text if the bytes look like text, else an error. */
extern const struct extractor ext_fallback;

/*
 * Detect `in`'s type, find its extractor, run it and record the document(s)
 * in in->result.  Failures of this input become failed documents; only
 * CM_ENOMEM while recording is returned.
 */
int extract_input(struct extract_ctx *ctx, struct ext_input *in, struct cm_err *err);

/*
 * Make *child (zeroed first) the input for bytes unpacked from parent, a
 * container: named name (for messages and extension hints), becoming the
 * document docname, one level deeper, its documents going where the
 * parent's go.  Borrows name, bytes and docname.
 */
void ext_child_input(struct ext_input *child, const struct ext_input *parent, const char *name,
		     const struct sbuf *bytes, const char *docname);

/*
 * All of `in`'s bytes, or the first `cap` of them (*trunc set; may be NULL).
 * Borrowed until extract_input returns.  CM_OK, CM_EIO or CM_ENOMEM.
 */
int ext_load(struct ext_input *in, size_t cap, const unsigned char **data, size_t *len,
	     bool *trunc, struct cm_err *err);

/*
 * A path a converter can read `in` from (a temp file when it is only in
 * memory), safe as a command-line operand: "-x.pdf" comes back as
 * "./-x.pdf" so no converter takes it for an option.  Borrowed until
 * extract_input returns.
 */
int ext_path(struct extract_ctx *ctx, struct ext_input *in, const char **path, struct cm_err *err);

/* A fresh path in the context's temp dir (not created); caller frees it. */
int ext_tmpname(struct extract_ctx *ctx, const char *suffix, char **out, struct cm_err *err);

/* Run a converter with the context's limits; stdout goes to out (at most max_out bytes). */
int ext_spawn(struct extract_ctx *ctx, const char *const argv[], size_t max_out,
	      struct sbuf *out, struct spawn_result *res, struct cm_err *err);

/* Record a failed document (for containers).  CM_OK or CM_ENOMEM. */
int ext_result_fail(struct extract_result *r, const char *name, const char *mime, int code,
		    const char *msg);

/*
 * Append "what (pages 2-3, 5)" to out->note, naming the pages (0-based
 * pages[i] true for page i+1; np of them) unless the text has one page;
 * nothing when no page is marked.  Cut at EXT_NOTE_MAX.  Can't fail.
 */
void ext_note_add(struct ext_out *out, const char *what, const bool *pages, size_t np);

/* Charge `n` unpacked bytes to the file's budget; false when it is exhausted. */
bool ext_charge(struct extract_ctx *ctx, size_t n);

/* True when name ends in `ext` (".md"), ignoring case. */
bool ext_name_has_suffix(const char *name, const char *ext);

/* Zip helpers shared by ext_zip.c, ext_docx.c and extract.c (in ext_zip.c). */
enum ext_zip_kind { EXT_ZIP_BUNDLE, EXT_ZIP_DOCX, EXT_ZIP_ODT, EXT_ZIP_BAD };
enum ext_zip_kind ext_zip_kind(struct ext_input *in);
/* Read member `member` of the zip `in` into sb (charged to the budget).  CM_ENOTFOUND when absent. */
int ext_zip_member(struct extract_ctx *ctx, struct ext_input *in, const char *member,
		   struct sbuf *sb, struct cm_err *err);

/* HTML bytes to text (ext_html.c); used for unrtf's HTML output too. */
int ext_html_to_text(const unsigned char *html, size_t len, size_t cap, struct sbuf *out,
		     bool *truncated, struct cm_err *err);

/* XML-to-text walker shared by DOCX and ODT (ext_xml.c). */
enum ext_xml_action {
	EXT_XML_NONE = 0,
	EXT_XML_PARA,               /* end of element ends a line */
	EXT_XML_TEXT,               /* text children are content (when the format restricts text) */
	EXT_XML_TAB,                /* emits a tab */
	EXT_XML_BREAK,              /* emits a newline */
	EXT_XML_SPACES,             /* emits attribute c (default 1) spaces: ODF text:s */
	EXT_XML_CELL,               /* end of element ends a table cell */
	EXT_XML_ROW,                /* end of element ends a table row */
	EXT_XML_SKIP,               /* the element and everything inside it is dropped */
	EXT_XML_PROPS,              /* shown to the hook at its start, then dropped: DOCX w:pPr, w:rPr */
	EXT_XML_SPAN                /* shown to the hook at start and end, content kept: w:r, text:list */
};
struct ext_xml_rule {
	const char *local;          /* element local name ("p", "table-cell") */
	enum ext_xml_action action; /* what it does */
};
struct ext_xml_format {
	const struct ext_xml_rule *rules;  /* NULL-terminated by local == NULL */
	bool text_only_in_text;     /* text counts only inside EXT_XML_TEXT elements (DOCX w:t) */
};

enum {
	EXT_XML_LABEL_MAX = 96,     /* a list label: "%1.%2.%3." of nine levels of roman numerals fits */
	EXT_XML_BOLD_MAX = 150      /* leading bold longer than this is emphasis in prose, not a heading */
};

/*
 * What a format's hook knows about the paragraph being read.  The walker
 * zeroes it when an outermost paragraph starts.  At the paragraph's end
 * the walker writes `label` before the text, and wraps the paragraph's
 * leading bold text (all of it when every run is bold) in "**" when it is
 * shorter than EXT_XML_BOLD_MAX, on one line and outside tables: the
 * minutes parser takes Markdown bold as heading markup, as it does in
 * Markdown minutes.
 */
struct ext_xml_para {
	char label[EXT_XML_LABEL_MAX];  /* list label with its separator ("2. ", "(a) ", "• "); "" none */
	bool bold;                  /* the text read from now on is bold */
};
struct _xmlTextReader;
/*
 * Optional per-document callbacks of ext_xml_to_text.  `element` is called
 * with the reader on the start tag of each outermost EXT_XML_PARA element
 * and of each EXT_XML_PROPS and EXT_XML_SPAN element inside it or outside
 * any paragraph (ODF lists hold paragraphs), and on the end tag of
 * EXT_XML_SPAN elements (`end` true); never inside a nested paragraph (a
 * text box's).  It may read attributes or expand the element
 * (xmlTextReaderExpand), and sets para's fields.  It cannot fail: a hook
 * that cannot work out a label leaves none.
 */
struct ext_xml_hooks {
	void (*element)(void *ud, struct _xmlTextReader *r, enum ext_xml_action a, bool end,
			struct ext_xml_para *para);
	void *ud;                   /* the hook's state, passed back */
};

/*
 * Append the text of the XML document xml[0..len) to out, reading it under
 * `fmt`'s rules (and `hooks`, NULL for none).  Stops with *truncated set
 * once more than `cap` bytes were added.  CM_OK, CM_ENOMEM, or CM_EFORMAT
 * for XML so broken that it gave no text at all.
 */
int ext_xml_to_text(const struct ext_xml_format *fmt, const struct ext_xml_hooks *hooks,
		    const char *xml, size_t len, size_t cap, struct sbuf *out, bool *truncated,
		    struct cm_err *err);
/* Read zip member `part` of `in` and convert it with `fmt` ("damaged <what>: ..." on failure). */
int ext_office_run(struct extract_ctx *ctx, struct ext_input *in, struct ext_out *out,
		   const char *part, const struct ext_xml_format *fmt,
		   const struct ext_xml_hooks *hooks, const char *what, struct cm_err *err);

#endif
