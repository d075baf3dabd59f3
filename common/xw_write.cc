/*
 * xw_write.cc - writing: transactions, documents, term generation, word tables
 *
 * Builds documents (sticky: the first failure is kept in the doc and
 * reported by the call that stores it), replaces them by unique term,
 * and fills the spelling and stem-synonym tables a query parser reads.
 * Nothing here runs on a read handle; reads are xw.cc's and the search
 * files'.
 *
 * Divisions: limits and the builder's structs, transactions, documents,
 * storing documents, word tables: spelling and stems.
 */
#include "xw_int.h"

#include "hash.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <new>
#include <string>
#include <unordered_set>
#include <vector>

#include <zlib.h>

/* ---- limits and the builder's structs ----------------------------------- */

/* Xapian refuses terms longer than 245 bytes; hash anything near that (Omega's hash_long_term). */
static const size_t XW_MAX_TERM = 240;

/* Positions skipped between fields so a phrase never spans two of them. */
static const unsigned XW_FIELD_GAP = 100;

/* A glossary phrase: its key and its words (xw_index_opts.phrases). */
struct xw_phrase {
	std::string key;
	std::vector<std::string> words;
};

struct xw_tg {
	Xapian::TermGenerator tg;        /* configured generator */
	Xapian::Stem stem;               /* English */
	std::vector<xw_phrase> phrases;  /* sorted by first word */
	std::vector<std::string> phrase_words; /* every word of a phrase, sorted, once */
};

struct xw_doc {
	Xapian::Document doc;            /* the document being built */
	Xapian::termpos pos;             /* next free term position */
	int code;                        /* first failure while building, CM_OK otherwise */
	std::string msg;                 /* its message */
};

/* The sticky builder error of a doc, from an exception in flight. */
static void xw_doc_fail(xw_doc *doc, const char *what)
{
	struct cm_err e = { CM_OK, "" };
	int code = xw_fail(&e, what);

	if (doc->code == CM_OK) {
		doc->code = code;
		try {
			doc->msg = e.msg;
		} catch (...) {
		}
	}
}

/* ---- transactions ------------------------------------------------------- */

int xw_db_begin(struct xw_db *db, struct cm_err *err)
{
	if (!db->writable)
		return cm_err_set(err, CM_EINVAL, "begin: database is read-only");
	try {
		db->wdb.begin_transaction(true);
		db->in_txn = true;
	} catch (...) {
		return xw_fail(err, "begin transaction");
	}
	return CM_OK;
}

int xw_db_commit(struct xw_db *db, struct cm_err *err)
{
	if (!db->writable)
		return cm_err_set(err, CM_EINVAL, "commit: database is read-only");
	try {
		if (db->in_txn) {
			db->in_txn = false;
			db->wdb.commit_transaction();
		} else {
			db->wdb.commit();
		}
	} catch (...) {
		return xw_fail(err, "commit");
	}
	return CM_OK;
}

int xw_db_cancel(struct xw_db *db, struct cm_err *err)
{
	if (!db->writable || !db->in_txn)
		return CM_OK;
	try {
		db->in_txn = false;
		db->stemmed.clear();   /* their synonyms may have gone with the transaction */
		db->wdb.cancel_transaction();
	} catch (...) {
		return xw_fail(err, "cancel transaction");
	}
	return CM_OK;
}

/* ---- documents ---------------------------------------------------------- */

int xw_tg_new(const struct xw_index_opts *opts, struct xw_tg **out, struct cm_err *err)
{
	*out = NULL;
	xw_tg *t = new (std::nothrow) xw_tg();
	if (!t)
		return cm_err_set(err, CM_ENOMEM, "term generator: out of memory");
	try {
		t->stem = Xapian::Stem("english");
		t->tg.set_stemmer(t->stem);
		/* Words as written; their stems live in the synonym table (xw_db_add_words). */
		t->tg.set_stemming_strategy(opts && opts->stem_only
						    ? Xapian::TermGenerator::STEM_ALL_Z
						    : Xapian::TermGenerator::STEM_NONE);
		if (opts && opts->n_stopwords) {
			Xapian::SimpleStopper *stop = new Xapian::SimpleStopper(
				opts->stopwords, opts->stopwords + opts->n_stopwords);
			/* The generator owns it from here (release() hands over the reference). */
			t->tg.set_stopper(stop->release());
			t->tg.set_stopper_strategy(Xapian::TermGenerator::STOP_ALL);
		}
		for (size_t i = 0; opts && i < opts->n_phrases; i++) {
			xw_phrase ph;
			std::string key(opts->phrases[i]);
			size_t at = 0, us;

			ph.key = key;
			while ((us = key.find('_', at)) != std::string::npos) {
				ph.words.push_back(key.substr(at, us - at));
				at = us + 1;
			}
			ph.words.push_back(key.substr(at));
			if (ph.words.size() >= 2)
				t->phrases.push_back(ph);
		}
		std::sort(t->phrases.begin(), t->phrases.end(),
			  [](const xw_phrase &a, const xw_phrase &b) { return a.words[0] < b.words[0]; });
		for (const xw_phrase &ph : t->phrases)
			t->phrase_words.insert(t->phrase_words.end(), ph.words.begin(), ph.words.end());
		std::sort(t->phrase_words.begin(), t->phrase_words.end());
		t->phrase_words.erase(std::unique(t->phrase_words.begin(), t->phrase_words.end()),
				      t->phrase_words.end());
	} catch (...) {
		delete t;
		return xw_fail(err, "term generator");
	}
	*out = t;
	return CM_OK;
}

void xw_tg_free(struct xw_tg *tg)
{
	delete tg;
}

struct xw_doc *xw_doc_new(void)
{
	xw_doc *d = new (std::nothrow) xw_doc();
	if (d) {
		d->pos = 0;
		d->code = CM_OK;
	}
	return d;
}

void xw_doc_free(struct xw_doc *doc)
{
	delete doc;
}

void xw_doc_index_text(struct xw_tg *tg, struct xw_doc *doc, const char *prefix,
		       const char *text, size_t len, unsigned wdf_inc)
{
	if (doc->code != CM_OK || len == 0)
		return;
	try {
		tg->tg.set_document(doc->doc);
		tg->tg.set_termpos(doc->pos);
		tg->tg.index_text(Xapian::Utf8Iterator(text, len), wdf_inc ? wdf_inc : 1,
				  prefix ? prefix : "");
		doc->pos = tg->tg.get_termpos() + XW_FIELD_GAP;
	} catch (...) {
		xw_doc_fail(doc, "index text");
	}
}

size_t xw_doc_add_phrases(struct xw_tg *tg, struct xw_doc *doc, const char *prefix)
{
	size_t added = 0;

	if (doc->code != CM_OK || tg->phrases.empty())
		return 0;
	try {
		/*
		 * The positions of the phrases' words in one forward walk of the
		 * document's sorted terms, not a fresh walk from the first term
		 * for each word.
		 */
		std::map<std::string, std::vector<Xapian::termpos>> pos;
		Xapian::TermIterator t = doc->doc.termlist_begin(), end = doc->doc.termlist_end();
		for (const std::string &w : tg->phrase_words) {
			t.skip_to(w);
			if (t == end)
				break;
			if (*t != w)
				continue;
			std::vector<Xapian::termpos> &v = pos[w];
			for (Xapian::PositionIterator p = t.positionlist_begin(); p != t.positionlist_end(); ++p)
				v.push_back(*p);
		}
		static const std::vector<Xapian::termpos> none;
		auto positions = [&](const std::string &w) -> const std::vector<Xapian::termpos> & {
			auto it = pos.find(w);
			return it == pos.end() ? none : it->second;
		};
		for (const xw_phrase &ph : tg->phrases) {
			const std::vector<Xapian::termpos> &first = positions(ph.words[0]);
			Xapian::termcount hits = 0;

			if (first.empty())
				continue;
			/* the words at consecutive positions: what a phrase query asks */
			for (Xapian::termpos p : first) {
				size_t k = 1;

				while (k < ph.words.size()) {
					const std::vector<Xapian::termpos> &v = positions(ph.words[k]);
					if (!std::binary_search(v.begin(), v.end(), p + (Xapian::termpos)k))
						break;
					k++;
				}
				hits += k == ph.words.size();
			}
			if (hits) {
				doc->doc.add_term(std::string(prefix) + ph.key, hits);
				added++;
			}
		}
	} catch (...) {
		xw_doc_fail(doc, "phrase terms");
	}
	return added;
}

void xw_term_make(struct sbuf *out, const char *prefix, const char *value, size_t len)
{
	size_t plen = strlen(prefix);

	sbuf_adds(out, prefix);
	if (plen + len <= XW_MAX_TERM) {
		sbuf_add(out, value, len);
		return;
	}
	/* Keep a readable head and make the tail unique with a checksum. */
	size_t keep = XW_MAX_TERM - plen - 17;
	uLong c1 = crc32(0L, (const Bytef *)value, (uInt)len);
	uLong c2 = adler32(1L, (const Bytef *)value, (uInt)len);
	sbuf_add(out, value, keep);
	sbuf_addf(out, "#%08lx%08lx", c1 & 0xffffffffUL, c2 & 0xffffffffUL);
}

void xw_doc_add_term(struct xw_doc *doc, const char *prefix, const char *value, size_t len)
{
	if (doc->code != CM_OK)
		return;
	struct sbuf t = { NULL, 0, 0, false };
	xw_term_make(&t, prefix, value, len);
	if (sbuf_oom(&t)) {
		doc->code = CM_ENOMEM;
		doc->msg = "out of memory";
		sbuf_release(&t);
		return;
	}
	try {
		doc->doc.add_boolean_term(std::string(t.buf, t.len));
	} catch (...) {
		xw_doc_fail(doc, "add term");
	}
	sbuf_release(&t);
}

void xw_doc_set_value(struct xw_doc *doc, unsigned slot, const char *val, size_t len)
{
	if (doc->code != CM_OK)
		return;
	try {
		doc->doc.add_value(slot, std::string(val, len));
	} catch (...) {
		xw_doc_fail(doc, "set value");
	}
}

void xw_doc_set_data(struct xw_doc *doc, const void *data, size_t len)
{
	if (doc->code != CM_OK)
		return;
	try {
		doc->doc.add_value(XW_DATA_SLOT, std::string((const char *)data, len));
	} catch (...) {
		xw_doc_fail(doc, "set data");
	}
}

void xw_doc_get_value(const struct xw_doc *doc, unsigned slot, struct sbuf *out)
{
	try {
		std::string v = doc->doc.get_value(slot);

		sbuf_add(out, v.data(), v.size());
	} catch (...) {
		/* nothing appended: out of memory, the one failure possible */
	}
}

void xw_doc_seal_except(struct xw_doc *doc, unsigned skip)
{
	if (doc->code != CM_OK)
		return;
	try {
		uint64_t h = HASH64_SEED;
		auto mix = [&h](const void *p, size_t len) { h = hash64_add(h, p, len); };
		auto mix_u32 = [&mix](uint32_t v) { mix(&v, sizeof v); };

		doc->doc.add_value(XW_DIGEST_SLOT, std::string());   /* empty = none */
		for (Xapian::TermIterator t = doc->doc.termlist_begin(); t != doc->doc.termlist_end(); ++t) {
			const std::string &name = *t;
			mix(name.data(), name.size() + 1);
			mix_u32(t.get_wdf());
			mix_u32(t.positionlist_count());
			for (Xapian::PositionIterator p = t.positionlist_begin(); p != t.positionlist_end(); ++p)
				mix_u32(*p);
		}
		for (Xapian::ValueIterator v = doc->doc.values_begin(); v != doc->doc.values_end(); ++v) {
			if (v.get_valueno() == skip)
				continue;
			const std::string &val = *v;
			mix_u32(v.get_valueno());
			mix_u32((uint32_t)val.size());
			mix(val.data(), val.size());
		}
		doc->doc.add_value(XW_DIGEST_SLOT, std::string((const char *)&h, sizeof h));
	} catch (...) {
		xw_doc_fail(doc, "seal");
	}
}

/* ---- storing documents -------------------------------------------------- */

int xw_db_replace(struct xw_db *db, const char *uid, struct xw_doc *doc, struct cm_err *err)
{
	if (doc->code != CM_OK)
		return cm_err_set(err, doc->code, "%s: %s", uid, doc->msg.c_str());
	if (!db->writable)
		return cm_err_set(err, CM_EINVAL, "%s: database is read-only", uid);
	try {
		db->wdb.replace_document(uid, doc->doc);
	} catch (...) {
		return xw_fail(err, uid);
	}
	return CM_OK;
}

int xw_db_replace_all(struct xw_db *db, const char *old_term, struct xw_doc *const *docs,
		      size_t n, unsigned char *kept, struct cm_err *err)
{
	if (kept)
		memset(kept, 0, n);
	if (!db->writable)
		return cm_err_set(err, CM_EINVAL, "%s: database is read-only", old_term);
	for (size_t i = 0; i < n; i++)
		if (docs[i]->code != CM_OK)
			return cm_err_set(err, docs[i]->code, "%s: %s", old_term, docs[i]->msg.c_str());
	try {
		std::vector<Xapian::docid> ids;
		for (Xapian::PostingIterator it = db->wdb.postlist_begin(old_term);
		     it != db->wdb.postlist_end(old_term); ++it)
			ids.push_back(*it);
		size_t i = 0;
		for (; i < n && i < ids.size(); i++) {
			std::string now = docs[i]->doc.get_value(XW_DIGEST_SLOT);
			if (!now.empty() &&
			    db->wdb.get_document(ids[i], Xapian::DOC_ASSUME_VALID)
				    .get_value(XW_DIGEST_SLOT) == now) {
				if (kept)
					kept[i] = 1;
				continue;
			}
			db->wdb.replace_document(ids[i], docs[i]->doc);
		}
		for (; i < n; i++)
			db->wdb.add_document(docs[i]->doc);
		for (; i < ids.size(); i++)
			db->wdb.delete_document(ids[i]);
	} catch (...) {
		return xw_fail(err, old_term);
	}
	return CM_OK;
}

int xw_db_add(struct xw_db *db, struct xw_doc *doc, struct cm_err *err)
{
	if (doc->code != CM_OK)
		return cm_err_set(err, doc->code, "add: %s", doc->msg.c_str());
	if (!db->writable)
		return cm_err_set(err, CM_EINVAL, "add: database is read-only");
	try {
		db->wdb.add_document(doc->doc);
	} catch (...) {
		return xw_fail(err, "add document");
	}
	return CM_OK;
}

int xw_db_delete_term(struct xw_db *db, const char *term, struct cm_err *err)
{
	if (!db->writable)
		return cm_err_set(err, CM_EINVAL, "%s: database is read-only", term);
	try {
		db->wdb.delete_document(term);
	} catch (...) {
		return xw_fail(err, term);
	}
	return CM_OK;
}

/* ---- word tables: spelling and stems ------------------------------------ */

/*
 * Would Xapian's query parser stem word (its first character a letter)?
 * The same test as its should_stem(), so every word the parser turns into
 * "Z" + stem has its synonym.
 */
static bool xw_parser_stems(const std::string &word)
{
	const unsigned mask = (1u << Xapian::Unicode::LOWERCASE_LETTER) |
			      (1u << Xapian::Unicode::TITLECASE_LETTER) |
			      (1u << Xapian::Unicode::MODIFIER_LETTER) |
			      (1u << Xapian::Unicode::OTHER_LETTER);
	Xapian::Utf8Iterator u(word);
	return !word.empty() && ((mask >> Xapian::Unicode::get_category(*u)) & 1);
}

/* Length of term's prefix: its leading capitals (Xapian's convention). */
static size_t xw_prefix_len(const std::string &t)
{
	size_t n = 0;
	while (n < t.size() && t[n] >= 'A' && t[n] <= 'Z')
		n++;
	return n;
}

static bool xw_words_listed(const struct xw_words_opts *o, const std::string &t, size_t plen)
{
	for (size_t i = 0; i < o->n_prefixes; i++)
		if (std::strlen(o->prefixes[i]) == plen && t.compare(0, plen, o->prefixes[i]) == 0)
			return true;
	return false;
}

/* The spelling rule: plain words of 3 to 40 bytes, not numbers. */
static bool xw_spelling_word(const std::string &t)
{
	unsigned char c = t.empty() ? 0 : (unsigned char)t[0];
	return t.size() >= 3 && t.size() <= 40 && !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9');
}

/*
 * Feed term t (with frequency freq) to the collections of opts: stem
 * synonyms as ("Z" P stem, P w) pairs, spelling words with their counts.
 * done (may be NULL) holds the terms whose synonym was added already.
 */
static void xw_words_collect(const struct xw_words_opts *o, const Xapian::Stem &stem,
			     const std::string &t, Xapian::doccount freq,
			     std::unordered_set<std::string> *done,
			     std::vector<std::pair<std::string, std::string>> *syn,
			     std::vector<std::pair<std::string, Xapian::doccount>> *spell)
{
	size_t plen = xw_prefix_len(t);
	if ((o->what & XW_WORDS_SPELLING) && plen == 0 && xw_spelling_word(t))
		spell->emplace_back(t, freq);
	if (!(o->what & XW_WORDS_STEMS) || !xw_words_listed(o, t, plen))
		return;
	if (done && !done->insert(t).second)
		return;
	std::string word = t.substr(plen);
	if (!xw_parser_stems(word))
		return;
	syn->emplace_back("Z" + t.substr(0, plen) + stem(word), t);
}

/* Write what xw_words_collect gathered: synonyms grouped by stem, one B-tree update per stem. */
static void xw_words_write(Xapian::WritableDatabase &wdb,
			   std::vector<std::pair<std::string, std::string>> &syn,
			   const std::vector<std::pair<std::string, Xapian::doccount>> &spell)
{
	std::sort(syn.begin(), syn.end());
	syn.erase(std::unique(syn.begin(), syn.end()), syn.end());
	for (const auto &p : syn)
		wdb.add_synonym(p.first, p.second);
	for (const auto &p : spell)
		wdb.add_spelling(p.first, p.second);
}

int xw_db_add_words(struct xw_db *db, const struct xw_doc *doc, const struct xw_words_opts *opts,
		    struct cm_err *err)
{
	if (!db->writable)
		return cm_err_set(err, CM_EINVAL, "words: database is read-only");
	try {
		Xapian::Stem stem("english");   /* not shared: a stemmer is not thread-safe */
		std::vector<std::pair<std::string, std::string>> syn;
		std::vector<std::pair<std::string, Xapian::doccount>> spell;
		/* A run meets the same words again and again: each is stemmed once per handle. */
		for (Xapian::TermIterator it = doc->doc.termlist_begin();
		     it != doc->doc.termlist_end(); ++it)
			xw_words_collect(opts, stem, *it, 1, &db->stemmed, &syn, &spell);
		xw_words_write(db->wdb, syn, spell);
	} catch (...) {
		return xw_fail(err, "words");
	}
	return CM_OK;
}

int xw_db_add_vocabulary(struct xw_db *db, struct xw_db *from, const struct xw_words_opts *opts,
			 struct cm_err *err)
{
	if (!db->writable)
		return cm_err_set(err, CM_EINVAL, "vocabulary: database is read-only");
	try {
		Xapian::Stem stem("english");   /* not shared: a stemmer is not thread-safe */
		std::vector<std::pair<std::string, std::string>> syn;
		std::vector<std::pair<std::string, Xapian::doccount>> spell;
		std::vector<std::string> ranges;
		if (opts->what & XW_WORDS_STEMS)
			ranges.assign(opts->prefixes, opts->prefixes + opts->n_prefixes);
		if ((opts->what & XW_WORDS_SPELLING) &&
		    std::find(ranges.begin(), ranges.end(), std::string()) == ranges.end())
			ranges.emplace_back();
		/*
		 * Unprefixed words sort after the capitals, from "a" (those
		 * before it are numbers and punctuation: no stems, no spelling);
		 * each other prefix is its own range of the term list.
		 */
		for (const std::string &p : ranges) {
			Xapian::TermIterator it = from->db.allterms_begin(p);
			Xapian::TermIterator end = from->db.allterms_end(p);
			if (p.empty())
				it.skip_to("a");
			for (; it != end; ++it)
				xw_words_collect(opts, stem, *it, it.get_termfreq(), NULL, &syn, &spell);
		}
		xw_words_write(db->wdb, syn, spell);
	} catch (...) {
		return xw_fail(err, "vocabulary");
	}
	return CM_OK;
}
