/*
 * fixed.c: parsing, formatting and arithmetic of fixed-point decimals.
 *
 * A value is an int64_t count of 10^-scale units; see fixed.h.  Every
 * step here is integer arithmetic, and products are taken in 128 bits so
 * that a price times a quantity times a rate loses nothing before the one
 * rounding at the end.  This file does not know which scale a field has;
 * callers pass it in.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fixed.h"
#include "xalloc.h"

/*
 * GCC and Clang accept __int128 as an extension; marking it so keeps
 * -Wpedantic quiet.
 */
__extension__ typedef __int128 fixed_wide;
__extension__ typedef unsigned __int128 fixed_uwide;

/* Magnitude of INT64_MIN, the largest a negative value may have. */
#define FIXED_NEGLIMIT	((uint64_t)INT64_MAX + 1)

static const char *fixed_decimals_why[FIXED_MAXSCALE + 1] = {
	"too many decimals (at most 0)",
	"too many decimals (at most 1)",
	"too many decimals (at most 2)",
	"too many decimals (at most 3)",
	"too many decimals (at most 4)",
	"too many decimals (at most 5)",
	"too many decimals (at most 6)",
	"too many decimals (at most 7)",
	"too many decimals (at most 8)",
	"too many decimals (at most 9)"
};

static void
fixed_check_scale(const char *fn, int scale)
{
	if (scale < 0 || scale > FIXED_MAXSCALE)
		fatalx("%s: scale %d out of range", fn, scale);
}

static int
fixed_isblank(char c)
{
	return (c == ' ' || c == '\t');
}

static int
fixed_isdigit(char c)
{
	return (c >= '0' && c <= '9');
}

/*
 * Appends one decimal digit to the magnitude *m, refusing to pass limit.
 * Returns 0, or -1 if the result would be larger than limit.
 */
static int
fixed_push_digit(uint64_t *m, int digit, uint64_t limit)
{
	if (*m > (limit - (uint64_t)digit) / 10)
		return (-1);
	*m = *m * 10 + (uint64_t)digit;
	return (0);
}

/*
 * Parses s at the given scale.  The text is an optional sign, digits with
 * at most one '.', and blanks on either side; at least one digit is
 * needed.  The whole text is read before any error is given, so junk is
 * called junk even when its digits would also overflow.  The magnitude is
 * gathered unsigned and checked against the limit of its sign, so
 * INT64_MIN itself can be read.  See fixed.h.
 */
int
fixed_parse(const char *s, int scale, int64_t *out, const char **why)
{
	const char	*p = s;
	uint64_t	 m = 0, limit;
	bool		 neg = false, digits = false, nonzero = false;
	bool		 big = false;
	int		 decimals = 0;

	fixed_check_scale(__func__, scale);

	while (fixed_isblank(*p))
		p++;
	if (*p == '+' || *p == '-') {
		neg = (*p == '-');
		p++;
	}
	limit = neg ? FIXED_NEGLIMIT : (uint64_t)INT64_MAX;

	for (; fixed_isdigit(*p); p++) {
		digits = true;
		if (!big && fixed_push_digit(&m, *p - '0', limit) != 0)
			big = true;
	}

	if (*p == '.') {
		p++;
		for (; fixed_isdigit(*p); p++) {
			digits = true;
			if (decimals == scale) {
				if (*p != '0')
					nonzero = true;
				continue;
			}
			if (!big && fixed_push_digit(&m, *p - '0', limit) != 0)
				big = true;
			decimals++;
		}
	}

	while (fixed_isblank(*p))
		p++;
	if (!digits || *p != '\0') {
		*why = "not a number";
		return (-1);
	}
	if (nonzero) {
		*why = fixed_decimals_why[scale];
		return (-1);
	}

	for (; !big && decimals < scale; decimals++) {
		if (fixed_push_digit(&m, 0, limit) != 0)
			big = true;
	}
	if (big) {
		*why = "number too large";
		return (-1);
	}

	if (neg)
		*out = (int64_t)(0 - m);
	else
		*out = (int64_t)m;
	return (0);
}

/*
 * Writes v into buf, building the text from its last character back to
 * its first: the decimals, the point, the whole part in groups of three,
 * then the sign.  The magnitude is taken unsigned so that INT64_MIN has
 * one.  See fixed.h.
 */
char *
fixed_format(int64_t v, int scale, bool group, char *buf)
{
	char		 tmp[FIXED_BUFSIZE];
	char		*p = tmp + sizeof tmp;
	uint64_t	 m;
	int		 i, n;

	fixed_check_scale(__func__, scale);

	m = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;

	*--p = '\0';
	for (i = 0; i < scale; i++) {
		*--p = (char)('0' + m % 10);
		m /= 10;
	}
	if (scale > 0)
		*--p = '.';

	n = 0;
	do {
		if (group && n > 0 && n % 3 == 0)
			*--p = ',';
		*--p = (char)('0' + m % 10);
		m /= 10;
		n++;
	} while (m != 0);

	if (v < 0)
		*--p = '-';

	for (i = 0; p[i] != '\0'; i++)
		buf[i] = p[i];
	buf[i] = '\0';
	return (buf);
}

/*
 * Computes a * b / d in 128 bits.  The product of two int64 values always
 * fits, so nothing is lost before the division.  Rounding works on the
 * magnitudes: the quotient goes up by one when twice the remainder is at
 * least the divisor, and the sign is put back afterwards, which rounds a
 * half away from zero on both sides.  See fixed.h.
 */
int
fixed_muldiv(int64_t a, int64_t b, int64_t d, int64_t *out)
{
	fixed_wide	 n;
	fixed_uwide	 un, ud, q, r;
	bool		 neg;

	if (d == 0)
		fatalx("%s: division by zero", __func__);

	n = (fixed_wide)a * b;
	neg = (n < 0) != (d < 0);
	un = n < 0 ? 0 - (fixed_uwide)n : (fixed_uwide)n;
	ud = d < 0 ? 0 - (fixed_uwide)d : (fixed_uwide)d;

	q = un / ud;
	r = un % ud;
	if (r >= ud - r)
		q++;

	if (q > (neg ? FIXED_NEGLIMIT : (uint64_t)INT64_MAX))
		return (-1);
	if (neg)
		*out = (int64_t)(0 - (uint64_t)q);
	else
		*out = (int64_t)q;
	return (0);
}

/*
 * Moves v from one scale to another: a larger scale multiplies (and may
 * overflow), a smaller one divides and rounds.  Returns 0, or -1 if the
 * result does not fit (*out is then untouched).  Both scales must lie in
 * 0 to FIXED_MAXSCALE.
 */
int
fixed_rescale(int64_t v, int from, int to, int64_t *out)
{
	fixed_check_scale(__func__, from);
	fixed_check_scale(__func__, to);

	if (to >= from)
		return (fixed_muldiv(v, fixed_pow10(to - from), 1, out));
	return (fixed_muldiv(v, 1, fixed_pow10(from - to), out));
}

/* See fixed.h. */
int
fixed_add(int64_t a, int64_t b, int64_t *out)
{
	if (b > 0 && a > INT64_MAX - b)
		return (-1);
	if (b < 0 && a < INT64_MIN - b)
		return (-1);
	*out = a + b;
	return (0);
}

/* Returns 10^n; n outside 0 to 18 is a broken invariant. */
int64_t
fixed_pow10(int n)
{
	int64_t	p = 1;

	if (n < 0 || n > 18)
		fatalx("%s: exponent %d out of range", __func__, n);
	while (n-- > 0)
		p *= 10;
	return (p);
}
