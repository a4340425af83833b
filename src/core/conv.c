/*
 * conv.c: character-set conversion through glibc's iconv.
 *
 * This wraps iconv so that every caller gets the same three kinds of
 * failure (bytes not valid in the source, input cut inside a character,
 * a character the target cannot hold) and the offset of the byte where
 * it happened.  It also carries a character cut at the end of one call
 * over to the next, so that a file can be decoded in chunks.
 *
 * glibc's iconv accepts some ill-formed UTF-8 (surrogates, for one), so
 * a UTF-8 source is checked here with a small decoder of its own before
 * iconv sees it.  When both ends are UTF-8 iconv is not used at all: the
 * checked bytes are copied.  This file does not know about lines, files
 * or messages for the user beyond the name of an unknown encoding.
 */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "conv.h"

struct conv {
	iconv_t		 cd;		/* (iconv_t)-1 when copying UTF-8 */
	iconv_t		 probe;		/* from -> UTF-8, opened when needed */
	char		*from;
	int		 from_utf8;
	int		 to_utf8;
	struct buf	 pend;		/* start of a cut character */
};

/* How the input of one call ends, for carrying a cut character over. */
enum conv_end {
	CONV_END_WHOLE,		/* every character complete */
	CONV_END_CUT,		/* ends inside a character that may go on */
	CONV_END_BAD		/* an ill-formed sequence */
};

static int
conv_is_utf8(const char *name)
{
	return (strcasecmp(name, "UTF-8") == 0 ||
	    strcasecmp(name, "UTF8") == 0);
}

/*
 * Checks that len bytes of s are well-formed UTF-8 as Unicode's table of
 * well-formed byte sequences has it: no overlong forms, no surrogates,
 * nothing past U+10FFFF.  Returns how the bytes end and sets *stop to the
 * offset where the complete, well-formed characters stop: the start of
 * the cut character or of the ill-formed sequence, or len.
 */
static enum conv_end
conv_utf8_check(const unsigned char *s, size_t len, size_t *stop)
{
	size_t		i = 0, n, k;
	unsigned char	c, lo, hi;

	while (i < len) {
		c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}

		lo = 0x80;
		hi = 0xbf;
		if (c >= 0xc2 && c <= 0xdf)
			n = 2;
		else if (c >= 0xe0 && c <= 0xef) {
			n = 3;
			if (c == 0xe0)
				lo = 0xa0;
			else if (c == 0xed)
				hi = 0x9f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			n = 4;
			if (c == 0xf0)
				lo = 0x90;
			else if (c == 0xf4)
				hi = 0x8f;
		} else {
			*stop = i;
			return (CONV_END_BAD);
		}

		for (k = 1; k < n; k++) {
			if (i + k == len) {
				*stop = i;
				return (CONV_END_CUT);
			}
			c = s[i + k];
			if (c < lo || c > hi) {
				*stop = i;
				return (CONV_END_BAD);
			}
			lo = 0x80;
			hi = 0xbf;
		}
		i += n;
	}

	*stop = len;
	return (CONV_END_WHOLE);
}

/*
 * Opens a conversion from encoding from to encoding to.  Returns NULL with
 * *why set (caller frees) if iconv knows only one of them, or not the
 * pair; the caller closes the result with conv_close.
 */
struct conv *
conv_open(const char *to, const char *from, char **why)
{
	struct conv	*c;
	iconv_t		 cd = (iconv_t)-1, test;
	int		 from_utf8, to_utf8, saved;

	from_utf8 = conv_is_utf8(from);
	to_utf8 = conv_is_utf8(to);

	if (!from_utf8 || !to_utf8) {
		cd = iconv_open(to, from);
		if (cd == (iconv_t)-1) {
			saved = errno;
			if (saved != EINVAL) {
				*why = xasprintf("cannot convert from %s to "
				    "%s: %s", from, to, strerror(saved));
				return (NULL);
			}

			test = iconv_open("UTF-8", from);
			if (test == (iconv_t)-1) {
				*why = xasprintf("unknown encoding \"%s\"",
				    from);
				return (NULL);
			}
			iconv_close(test);

			test = iconv_open(to, "UTF-8");
			if (test == (iconv_t)-1) {
				*why = xasprintf("unknown encoding \"%s\"",
				    to);
				return (NULL);
			}
			iconv_close(test);

			*why = xasprintf("cannot convert from %s to %s",
			    from, to);
			return (NULL);
		}
	}

	c = xcalloc(1, sizeof *c);
	c->cd = cd;
	c->probe = (iconv_t)-1;
	c->from = xstrdup(from);
	c->from_utf8 = from_utf8;
	c->to_utf8 = to_utf8;
	return (c);
}

/* Closes a conversion opened by conv_open; NULL is allowed. */
void
conv_close(struct conv *c)
{
	if (c == NULL)
		return;
	if (c->cd != (iconv_t)-1)
		iconv_close(c->cd);
	if (c->probe != (iconv_t)-1)
		iconv_close(c->probe);
	free(c->from);
	buf_free(&c->pend);
	free(c);
}

/*
 * Forgets any partial character kept from an earlier call and puts the
 * iconv descriptor back in its initial shift state.
 */
void
conv_reset(struct conv *c)
{
	buf_clear(&c->pend);
	if (c->cd != (iconv_t)-1)
		iconv(c->cd, NULL, NULL, NULL, NULL);
}

/*
 * Decides whether the bytes at s, on which the main conversion stopped
 * with EILSEQ, are a character of the source encoding that the target
 * cannot hold.  They are if they convert to UTF-8 on their own.  The probe
 * starts in the initial shift state, so for a stateful source such as
 * ISO-2022-JP the answer may be wrong; kontor reads none of those.
 */
static int
conv_unmappable(struct conv *c, const char *s, size_t len)
{
	char	 out[64], *inp, *outp;
	size_t	 inleft, outleft;

	if (c->to_utf8)
		return (0);
	if (c->from_utf8)
		return (1);

	if (c->probe == (iconv_t)-1) {
		c->probe = iconv_open("UTF-8", c->from);
		if (c->probe == (iconv_t)-1)
			return (0);
	}
	iconv(c->probe, NULL, NULL, NULL, NULL);

	inp = (char *)s;
	inleft = len;
	outp = out;
	outleft = sizeof out;
	if (iconv(c->probe, &inp, &inleft, &outp, &outleft) != (size_t)-1)
		return (1);
	return (inleft < len || errno == E2BIG);
}

/*
 * Runs iconv over len bytes of s, appending to out and growing it as
 * needed.  With flush set, also writes whatever returns the target to its
 * initial shift state.  Returns 0, or the errno iconv stopped with; either
 * way *used is set to the bytes it consumed.
 */
static int
conv_iconv(struct conv *c, const char *s, size_t len, int flush,
    struct buf *out, size_t *used)
{
	char	*inp = (char *)s, *outp;
	size_t	 inleft = len, outleft, r;
	int	 saved;

	for (;;) {
		buf_reserve(out, inleft * 4 + 16);
		outp = out->data + out->len;
		outleft = out->cap - out->len - 1;

		r = iconv(c->cd, &inp, &inleft, &outp, &outleft);
		saved = errno;

		out->len = out->cap - 1 - outleft;
		out->data[out->len] = '\0';
		*used = len - inleft;

		if (r != (size_t)-1)
			break;
		if (saved != E2BIG)
			return (saved);
	}

	while (flush) {
		buf_reserve(out, 64);
		outp = out->data + out->len;
		outleft = out->cap - out->len - 1;

		r = iconv(c->cd, NULL, NULL, &outp, &outleft);
		saved = errno;

		out->len = out->cap - 1 - outleft;
		out->data[out->len] = '\0';

		if (r != (size_t)-1 || saved != E2BIG)
			break;
	}
	return (0);
}

/*
 * Converts len bytes of in, appending to out.  With more set, a character
 * cut at the end of in is kept and finished by the next call.  On failure
 * returns the reason with *bad at the offset in in of the first byte that
 * was not converted; if that character began in an earlier call, *bad is
 * 0.  A failure also resets the conversion, as conv_reset does.
 */
enum conv_status
conv_run(struct conv *c, const char *in, size_t len, int more,
    struct buf *out, size_t *bad)
{
	const char		*s = in;
	size_t			 n = len, carried, stop, used, at;
	enum conv_end		 end = CONV_END_WHOLE;
	enum conv_status	 status = CONV_OK;
	int			 e;

	if (s == NULL)
		s = "";

	carried = c->pend.len;
	if (carried > 0) {
		buf_add(&c->pend, in, len);
		s = c->pend.data;
		n = c->pend.len;
	}

	stop = n;
	if (c->from_utf8)
		end = conv_utf8_check((const unsigned char *)s, n, &stop);

	if (c->cd == (iconv_t)-1) {
		buf_add(out, s, stop);
		used = stop;
		e = 0;
	} else
		e = conv_iconv(c, s, stop, !more && end == CONV_END_WHOLE,
		    out, &used);

	if (e == EILSEQ) {
		if (conv_unmappable(c, s + used, stop - used))
			status = CONV_UNMAPPABLE;
		else
			status = CONV_INVALID;
	} else if (e == EINVAL) {
		if (more)
			end = CONV_END_CUT;
		else
			status = CONV_INCOMPLETE;
	} else if (e != 0)
		status = CONV_INVALID;
	else if (end == CONV_END_BAD)
		status = CONV_INVALID;
	else if (end == CONV_END_CUT && !more)
		status = CONV_INCOMPLETE;

	if (status != CONV_OK) {
		at = used;
		if (bad != NULL)
			*bad = at > carried ? at - carried : 0;
		conv_reset(c);
		return (status);
	}

	if (end == CONV_END_CUT) {
		at = used;
		if (carried > 0) {
			memmove(c->pend.data, c->pend.data + at, n - at);
			c->pend.len = n - at;
			c->pend.data[c->pend.len] = '\0';
		} else
			buf_add(&c->pend, s + at, n - at);
	} else
		buf_clear(&c->pend);
	return (CONV_OK);
}

/*
 * Converts the NUL-terminated string s from encoding from to encoding to.
 * Returns the result (caller frees), or NULL if either encoding is unknown
 * or s does not convert.
 */
char *
conv_string(const char *to, const char *from, const char *s)
{
	struct conv	*c;
	struct buf	 out = BUF_INIT;
	char		*why;

	c = conv_open(to, from, &why);
	if (c == NULL) {
		free(why);
		return (NULL);
	}

	if (conv_run(c, s, strlen(s), 0, &out, NULL) != CONV_OK) {
		buf_free(&out);
		conv_close(c);
		return (NULL);
	}

	conv_close(c);
	return (buf_take(&out));
}
