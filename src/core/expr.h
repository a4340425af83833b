/*
 * expr.h: small arithmetic expressions over fixed-point figures, for the
 * computed fields of forms: "quantity * price * (1 - discount)",
 * "sum(lines.amount)", "total * @tax_rate".
 *
 * Grammar:
 *	expr	= term { ("+" | "-") term }
 *	term	= factor { ("*" | "/") factor }
 *	factor	= NUMBER | NAME | "@" NAME | "sum(" NAME "." NAME ")"
 *		| "(" expr ")" | "-" factor
 * NAME is a field of the same record (or grid row); "@NAME" a company
 * setting; sum(GRID.NAME) the sum of a column over the rows of a grid.
 *
 * Values are exact: a figure is an integer with a scale (decimals), and
 * + - * keep every digit (in 128 bits); "/" keeps 9 decimals.  Rounding
 * happens once, half away from zero, when the result is stored at the
 * scale of its field.  No floating point.
 */
#ifndef KONTOR_EXPR_H
#define KONTOR_EXPR_H

#include <stdint.h>

struct expr;

/* A value: v / 10^scale. */
struct expr_value {
	__int128	v;
	int		scale;
};

/*
 * What an expression asks of the record it is computed for.  Each
 * callback returns 0 with *out set, or -1 if the name is unknown.
 */
struct expr_env {
	int	(*field)(void *arg, const char *name, struct expr_value *out);
	int	(*setting)(void *arg, const char *name,
		    struct expr_value *out);
	int	(*sum)(void *arg, const char *grid, const char *name,
		    struct expr_value *out);
	void	 *arg;
};

/*
 * Parses text.  Returns NULL with *why (static English text, such as
 * "expected a number, a name or \"(\" at \"*\"") on a syntax error.
 */
struct expr	*expr_parse(const char *text, const char **why);
void		 expr_free(struct expr *);

/*
 * Calls check(arg, kind, a, b) for every name the expression uses: kind
 * 'f' for a field (a), 's' for a setting (a), 'g' for a grid sum (grid
 * a, column b).  Stops at, and returns, the first non-zero result.
 */
int		 expr_names(const struct expr *,
		    int (*check)(void *, int, const char *, const char *),
		    void *arg);

/*
 * Computes e and gives the result at the given scale, rounded half away
 * from zero.  Returns 0, or -1 with *why set (static text: "unknown
 * name", "division by zero", "number too large").
 */
int		 expr_eval(const struct expr *, const struct expr_env *,
		    int scale, int64_t *out, const char **why);

#endif
