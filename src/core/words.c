/*
 * words.c: splitting definition lines into words (see words.h).
 */
#include <stdlib.h>

#include "words.h"
#include "xalloc.h"

static int
is_blank(char c)
{
	return (c == ' ' || c == '\t' || c == '\r' || c == '\n');
}

static void
add_word(struct words *ws, char *word, int quoted)
{
	if ((size_t)ws->n == ws->cap) {
		ws->cap = ws->cap == 0 ? 16 : ws->cap * 2;
		ws->w = xreallocarray(ws->w, ws->cap, sizeof *ws->w);
		ws->quoted = xreallocarray(ws->quoted, ws->cap,
		    sizeof *ws->quoted);
	}
	ws->w[ws->n] = word;
	ws->quoted[ws->n++] = quoted;
}

int
words_split(struct words *ws, char *s, const char **why)
{
	char	*out;

	ws->n = 0;
	for (;;) {
		while (is_blank(*s))
			s++;
		if (*s == '\0' || *s == '#')
			return (0);

		if (*s != '"') {
			add_word(ws, s, 0);
			while (*s != '\0' && !is_blank(*s))
				s++;
			if (*s != '\0')
				*s++ = '\0';
			continue;
		}

		add_word(ws, out = ++s, 1);
		for (;;) {
			if (*s == '\0' || *s == '\n' || *s == '\r') {
				*why = "a quote is not closed";
				return (-1);
			}
			if (*s == '"' && s[1] == '"') {
				*out++ = '"';
				s += 2;
			} else if (*s == '"') {
				s++;
				break;
			} else
				*out++ = *s++;
		}
		if (*s != '\0' && !is_blank(*s) && *s != '#') {
			*why = "a blank must follow a closing quote";
			return (-1);
		}
		*out = '\0';
		if (*s == '#')
			*s = '\0';
		else if (*s != '\0')
			s++;
	}
}

void
words_free(struct words *ws)
{
	free(ws->w);
	free(ws->quoted);
	ws->w = NULL;
	ws->quoted = NULL;
	ws->n = 0;
	ws->cap = 0;
}
