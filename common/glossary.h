/*
 * glossary.h - the shipped glossary's phrases, indexed as single terms
 *
 * A phrase query is checked position by position for every candidate item,
 * and the shipped acronyms (common/synonyms.txt) turn short, frequent
 * queries into such phrases ("Ofsted" -> "office for standards in
 * education").  So the indexer adds, to each item holding one of the
 * glossary's phrases, one term PFX_PHRASE + its key (xw_doc_add_phrases),
 * and the searcher asks for that term instead of the phrase, which costs
 * what a word costs.  A key is a phrase's words as the index holds them:
 * lowercased, without the stopwords the index leaves out, joined by '_'
 * ("office_standards_education").  The keys a database was built with are
 * in its metadata (SCHEMA_META_PHRASES): a phrase whose key is not there is
 * searched as a phrase, as before.
 */
#ifndef CM_GLOSSARY_H
#define CM_GLOSSARY_H

#include <stdbool.h>
#include <stddef.h>

#include "sbuf.h"
#include "strv.h"

#ifdef __cplusplus
extern "C" {
#endif

/* common/synonyms.txt without its comment lines, compiled in (scripts/embed-text). */
extern const unsigned char glossary_text[];
extern const size_t glossary_text_len;

/*
 * Append the key of the phrase s[0..len) to out (nothing for a phrase of
 * fewer than two words once stopwords are gone) and return its number of
 * words.  Words are runs of ASCII letters, digits and apostrophes and of
 * bytes >= 0x80; anything else separates them, as in the index ("multi-
 * agency" is two words).
 */
size_t glossary_key(const char *s, size_t len, struct sbuf *out);

/*
 * The keys of every phrase of two or more words in glossary text (lines of
 * alternatives separated by " = "), sorted, each once, appended to keys.
 * CM_OK or CM_ENOMEM.
 */
int glossary_keys(const char *text, size_t len, struct strv *keys);

/*
 * Keys as stored in metadata: one per line.  glossary_keys_join appends
 * them to out; glossary_keys_split appends the lines of s to keys, sorted.
 * CM_OK or CM_ENOMEM.
 */
int glossary_keys_join(const struct strv *keys, struct sbuf *out);
int glossary_keys_split(const char *s, size_t len, struct strv *keys);

/* True when key (klen bytes) is one of keys (sorted). */
bool glossary_has(const struct strv *keys, const char *key, size_t klen);

#ifdef __cplusplus
}
#endif
#endif
