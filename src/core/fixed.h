/*
 * fixed.h: fixed-point decimal numbers for money, quantities and rates.
 *
 * A figure is a 64-bit integer count of 10^-scale units: 1234.50 dollars
 * is 123450 with scale 2, 1.5 kg is 1500 with scale 3, a 15% discount is
 * 1500 with scale 4.  No floating point is used anywhere.  Rounding is
 * half away from zero, the rule accountants expect.
 *
 * These routines know no business words; which scale a money or quantity
 * field has is the schema's business.
 */
#ifndef KONTOR_FIXED_H
#define KONTOR_FIXED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FIXED_MAXSCALE	9
/* Longest text fixed_format can produce, with its NUL. */
#define FIXED_BUFSIZE	32

/*
 * Parses decimal text such as "12", "-3.5", "+0.15", ".5" into *out at the
 * given scale.  Leading and trailing blanks are allowed.  More fraction
 * digits than scale are refused unless they are all zero ("14.000" at
 * scale 2 is fine; "14.005" is not), as are empty text, other characters,
 * and values outside int64.  Returns 0, or -1 with *why pointing at a
 * static English phrase ("not a number", "too many decimals (at most 2)",
 * "number too large").
 */
int	 fixed_parse(const char *s, int scale, int64_t *out, const char **why);

/*
 * Writes v at the given scale into buf (FIXED_BUFSIZE bytes) with exactly
 * scale decimals and '.' as the decimal point: 123450,2 -> "1234.50",
 * -5,2 -> "-0.05".  With group, thousands are separated by ','
 * ("1,234.50").  Returns buf.
 */
char	*fixed_format(int64_t v, int scale, bool group, char *buf);

/*
 * Returns a * b / d rounded half away from zero, computed without loss in
 * 128 bits.  d must not be 0.  Returns 0, or -1 if the result does not fit
 * in int64 (*out is then untouched).
 */
int	 fixed_muldiv(int64_t a, int64_t b, int64_t d, int64_t *out);

/* Changes v from scale from to scale to, rounding half away from zero. */
int	 fixed_rescale(int64_t v, int from, int to, int64_t *out);

/* Adds with an overflow check: 0, or -1 on overflow (*out untouched). */
int	 fixed_add(int64_t a, int64_t b, int64_t *out);

/* 10^n for 0 <= n <= 18. */
int64_t	 fixed_pow10(int n);

#endif
