/*
 * text.h: UTF-8 text measured in terminal and printer display cells.
 *
 * kontor keeps all text in UTF-8.  A column on the screen or on a printed
 * page is a number of display cells: most characters take one, East Asian
 * wide and full-width characters (CJK ideographs, including the
 * supplementary planes such as U+20BB7) take two, combining marks take
 * none.  These routines never split a character, and they work whatever
 * the process locale is.
 */
#ifndef KONTOR_TEXT_H
#define KONTOR_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "xalloc.h"

enum text_align {
	TEXT_LEFT,
	TEXT_RIGHT,
	TEXT_CENTRE
};

/*
 * Decodes one character from s (at most len bytes) into *cp.  Returns the
 * number of bytes it takes (1 to 4), or -1 if the bytes there are not
 * well-formed UTF-8 (overlong forms, surrogates and values past U+10FFFF
 * are not well-formed).
 */
int	 utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Encodes cp into out (4 bytes); returns the length, or -1 if invalid. */
int	 utf8_encode(uint32_t cp, char *out);

/*
 * Checks that len bytes are well-formed UTF-8.  On failure returns false
 * and, if bad is not NULL, sets *bad to the offset of the first bad byte.
 */
bool	 utf8_valid(const char *s, size_t len, size_t *bad);

/* Cells that one character takes: 0, 1 or 2 (a control character: 0). */
int	 text_cp_width(uint32_t cp);

/* Cells that a NUL-terminated string takes.  A bad byte counts as one. */
int	 text_width(const char *s);

/*
 * Returns how many bytes of s form the longest prefix that fits in cells
 * display cells without splitting a character; *used (if not NULL) gets
 * the cells that prefix takes, which may be one less than cells when a
 * wide character did not fit.
 */
size_t	 text_clip(const char *s, int cells, int *used);

/*
 * Appends s to b, laid out in exactly cells display cells: clipped if too
 * wide, padded with spaces on the side that align says.  When s is clipped
 * and mark is true, its last cell shows '>' (or, if a wide character was
 * cut, the cell it leaves free does) so that a reader sees the clip.
 * Returns true if s was clipped.
 */
bool	 text_pad(struct buf *b, const char *s, int cells,
	    enum text_align align, bool mark);

#endif
