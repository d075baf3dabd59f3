/*
 * stopword.c - the stopword list and its lookup (see stopword.h)
 */
#include "stopword.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Sorted for bsearch; lowercase.  See stopword.h for what is left out and why. */
static const char *const stopwords[] = {
	"a", "about", "also", "an", "and", "any", "are", "as",
	"be", "because", "been", "being", "between", "both", "but",
	"can", "could", "did", "do", "does", "doing", "during", "each", "for", "from",
	"had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him",
	"himself", "his", "how", "if", "into", "is", "its", "itself", "just",
	"me", "might", "must", "my", "myself", "nor", "of", "only", "onto", "or",
	"our", "ours", "ourselves", "per", "shall", "she", "should", "so", "some",
	"such", "than", "that", "the", "their", "theirs", "them", "themselves", "then",
	"there", "these", "they", "this", "those", "through", "to", "too", "upon",
	"very", "was", "we", "were", "what", "when", "where", "whether", "which",
	"while", "whom", "whose", "why", "with", "within", "would", "you", "your",
	"yours", "yourself",
};

/* No stopword is longer: longer words skip the search. */
enum { STOPWORD_MAX = 10 };

const char *const *stopword_list(size_t *n)
{
	*n = sizeof stopwords / sizeof stopwords[0];
	return stopwords;
}

static int stopword_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

bool stopword_is(const char *w, size_t len)
{
	char low[STOPWORD_MAX + 1];
	const char *key = low;

	if (len == 0 || len > STOPWORD_MAX)
		return false;
	for (size_t i = 0; i < len; i++)
		low[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] - 'A' + 'a' : w[i]);
	low[len] = '\0';
	return bsearch(&key, stopwords, sizeof stopwords / sizeof stopwords[0], sizeof *stopwords,
		       stopword_cmp) != NULL;
}

/* A byte of a word as Xapian splits text: letters, digits, '_', apostrophes, UTF-8. */
static bool stopword_is_word_byte(unsigned char c)
{
	return isalnum(c) || c == '_' || c == '\'' || c >= 0x80;
}

void stopword_strip(const char *s, size_t len, struct sbuf *out)
{
	size_t start = out->len, i = 0, kept = 0, sep = 0;   /* sep: start of the separator run */

	while (i < len && !stopword_is_word_byte((unsigned char)s[i]))
		i++;
	sbuf_add(out, s, i);                /* what comes before the first word */
	while (i < len) {
		size_t j = i;

		while (j < len && stopword_is_word_byte((unsigned char)s[j]))
			j++;
		if (!stopword_is(s + i, j - i)) {
			if (kept++)
				sbuf_add(out, s + sep, i - sep);   /* the separator before this word */
			sbuf_add(out, s + i, j - i);
		}
		sep = j;
		while (j < len && !stopword_is_word_byte((unsigned char)s[j]))
			j++;
		if (j == len)
			sbuf_add(out, s + sep, j - sep);   /* what comes after the last word */
		i = j;
	}
	if (kept == 0) {
		sbuf_setlen(out, start);
		sbuf_add(out, s, len);
	}
}
