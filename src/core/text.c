/*
 * text.c: decoding UTF-8 and laying it out in display cells.
 *
 * The screen and the printed reports both line text up in columns of
 * cells, so this file answers two questions: how many cells a string
 * takes, and how to fit it into a given number of cells without cutting
 * a character in half.  It does not draw anything and does not convert
 * between character sets; conv.c does that.
 */
#if !defined(_GNU_SOURCE) && !defined(_XOPEN_SOURCE)
#define _XOPEN_SOURCE 700	/* wcwidth, newlocale and uselocale */
#endif

#include <locale.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <wchar.h>

#include "text.h"
#include "xalloc.h"

/*
 * Decodes one character; see text.h.  The first byte gives the length
 * and the smallest value that length may carry, which is how overlong
 * forms are refused; continuation bytes must all be 10xxxxxx.
 */
int
utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char	*u = (const unsigned char *)s;
	uint32_t		 c, min;
	size_t			 n, i;

	if (len == 0)
		return (-1);

	if (u[0] < 0x80) {
		*cp = u[0];
		return (1);
	}
	if (u[0] >= 0xc2 && u[0] <= 0xdf) {
		n = 2;
		c = u[0] & 0x1f;
		min = 0x80;
	} else if (u[0] >= 0xe0 && u[0] <= 0xef) {
		n = 3;
		c = u[0] & 0x0f;
		min = 0x800;
	} else if (u[0] >= 0xf0 && u[0] <= 0xf4) {
		n = 4;
		c = u[0] & 0x07;
		min = 0x10000;
	} else
		return (-1);

	if (len < n)
		return (-1);
	for (i = 1; i < n; i++) {
		if ((u[i] & 0xc0) != 0x80)
			return (-1);
		c = (c << 6) | (u[i] & 0x3f);
	}

	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return (-1);
	*cp = c;
	return ((int)n);
}

/* Encodes one character; see text.h. */
int
utf8_encode(uint32_t cp, char *out)
{
	unsigned char	*u = (unsigned char *)out;

	if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return (-1);

	if (cp < 0x80) {
		u[0] = (unsigned char)cp;
		return (1);
	}
	if (cp < 0x800) {
		u[0] = (unsigned char)(0xc0 | (cp >> 6));
		u[1] = (unsigned char)(0x80 | (cp & 0x3f));
		return (2);
	}
	if (cp < 0x10000) {
		u[0] = (unsigned char)(0xe0 | (cp >> 12));
		u[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		u[2] = (unsigned char)(0x80 | (cp & 0x3f));
		return (3);
	}
	u[0] = (unsigned char)(0xf0 | (cp >> 18));
	u[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
	u[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
	u[3] = (unsigned char)(0x80 | (cp & 0x3f));
	return (4);
}

/* Checks a run of bytes; see text.h. */
bool
utf8_valid(const char *s, size_t len, size_t *bad)
{
	uint32_t	cp;
	size_t		off = 0;
	int		n;

	while (off < len) {
		n = utf8_decode(s + off, len - off, &cp);
		if (n < 0) {
			if (bad != NULL)
				*bad = off;
			return (false);
		}
		off += (size_t)n;
	}
	return (true);
}

/*
 * Width by a short built-in rule, used only when the C library cannot
 * give a UTF-8 locale: the main East Asian wide blocks take two cells,
 * the common combining accents none, everything else one.
 */
static int
text_fallback_width(uint32_t cp)
{
	static const struct {
		uint32_t	first, last;
		int		width;
	} ranges[] = {
		{ 0x0300, 0x036f, 0 },
		{ 0x1100, 0x115f, 2 },
		{ 0x2e80, 0xa4cf, 2 },
		{ 0xac00, 0xd7a3, 2 },
		{ 0xf900, 0xfaff, 2 },
		{ 0xfe30, 0xfe4f, 2 },
		{ 0xff00, 0xff60, 2 },
		{ 0xffe0, 0xffe6, 2 },
		{ 0x20000, 0x3fffd, 2 }
	};
	size_t	i;

	for (i = 0; i < sizeof ranges / sizeof ranges[0]; i++) {
		if (cp >= ranges[i].first && cp <= ranges[i].last)
			return (ranges[i].width);
	}
	return (1);
}

/*
 * Width of one character; see text.h.
 *
 * wcwidth knows the width of non-ASCII characters only under a UTF-8
 * locale, and kontor must measure the same whatever locale the process
 * runs in (the tests run in "C").  So a C.UTF-8 locale is made once, on
 * first use, and put in place for this thread just around the call; the
 * previous locale is restored at once so nothing else sees the change.
 * If C.UTF-8 cannot be made, the built-in rule above is used instead.
 */
int
text_cp_width(uint32_t cp)
{
	static locale_t	 utf8;
	static bool	 tried;
	locale_t	 old;
	int		 w;

	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
		return (0);
	if (cp < 0x7f)
		return (1);

	if (!tried) {
		utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
		tried = true;
	}
	if (utf8 == (locale_t)0)
		return (text_fallback_width(cp));

	old = uselocale(utf8);
	w = wcwidth((wchar_t)cp);
	uselocale(old);

	if (w < 0)
		return (0);
	return (w);
}

/*
 * Measures the character at the start of s, len bytes long at most.
 * Returns its length in bytes and puts its cells in *w; a byte that does
 * not begin a well-formed character is taken alone as one cell.
 */
static size_t
text_next(const char *s, size_t len, int *w)
{
	uint32_t	cp;
	int		n;

	n = utf8_decode(s, len, &cp);
	if (n < 0) {
		*w = 1;
		return (1);
	}
	*w = text_cp_width(cp);
	return ((size_t)n);
}

/* Cells a string takes; see text.h. */
int
text_width(const char *s)
{
	size_t	len = strlen(s), off = 0;
	int	total = 0, w;

	while (off < len) {
		off += text_next(s + off, len - off, &w);
		total += w;
	}
	return (total);
}

/*
 * Longest prefix that fits; see text.h.  Characters of no width that
 * follow the last one that fits (combining accents) belong to it and are
 * kept.  A negative cells is taken as zero.
 */
size_t
text_clip(const char *s, int cells, int *used)
{
	size_t	len = strlen(s), off = 0, n;
	int	total = 0, w;

	while (off < len) {
		n = text_next(s + off, len - off, &w);
		if (total + w > cells)
			break;
		total += w;
		off += n;
	}

	if (used != NULL)
		*used = total;
	return (off);
}

static void
text_spaces(struct buf *b, int n)
{
	for (; n > 0; n--)
		buf_addc(b, ' ');
}

/*
 * Lays s out in exactly cells cells; see text.h.
 *
 * Text that fits is aligned as asked, centred text giving its odd space
 * to the right.  Clipped text is always set from the left.  With mark,
 * the longest prefix that fits in one cell less is kept, then '>', then
 * a space if a wide character left a cell over: so "ABCDEFG" in four
 * cells is "ABC>", and a string of wide characters in four cells is one
 * wide character, '>' and a space.
 */
bool
text_pad(struct buf *b, const char *s, int cells, enum text_align align,
    bool mark)
{
	size_t	n;
	int	used, extra;

	if (cells < 0)
		cells = 0;

	/* Even when nothing is added, b->data is then a string. */
	buf_reserve(b, 0);

	n = text_clip(s, cells, &used);
	if (s[n] == '\0') {
		extra = cells - used;
		switch (align) {
		case TEXT_LEFT:
			buf_add(b, s, n);
			text_spaces(b, extra);
			break;
		case TEXT_RIGHT:
			text_spaces(b, extra);
			buf_add(b, s, n);
			break;
		case TEXT_CENTRE:
			text_spaces(b, extra / 2);
			buf_add(b, s, n);
			text_spaces(b, extra - extra / 2);
			break;
		default:
			fatalx("%s: bad alignment %d", __func__, (int)align);
		}
		return (false);
	}

	if (mark && cells > 0) {
		n = text_clip(s, cells - 1, &used);
		buf_add(b, s, n);
		buf_addc(b, '>');
		used++;
	} else
		buf_add(b, s, n);
	text_spaces(b, cells - used);
	return (true);
}
