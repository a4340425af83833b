/*
 * words.h: splitting a line of a definition file into words, the same
 * way for forms, reports and the demo company's list of loads.
 *
 * Blanks separate words.  A word in double quotes may hold blanks, and
 * "" inside it stands for one quote.  Outside quotes, # at the start of
 * a word begins a comment that runs to the end of the line.
 */
#ifndef KONTOR_WORDS_H
#define KONTOR_WORDS_H

#include <stddef.h>

struct words {
	char	**w;		/* the words, pointing into the line */
	int	 *quoted;	/* whether word k was in quotes */
	int	  n;
	size_t	  cap;
};

/*
 * Splits line in place into ws (whose earlier words are forgotten).
 * Returns 0, or -1 with *why ("a quote is not closed", "a blank must
 * follow a closing quote").
 */
int	words_split(struct words *ws, char *line, const char **why);
void	words_free(struct words *ws);

#endif
