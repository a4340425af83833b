/*
 * expr.c: parsing and working out the expressions of computed fields
 * (grammar in expr.h).
 *
 * The parser is recursive descent over the text, one function per rule,
 * and builds a small tree that the form keeps for as long as it is open.
 * Evaluation walks the tree with figures held as a 128-bit integer and a
 * scale, so "35 * 42.40 * (1 - 0.15)" is worked out without losing a
 * digit; only "/" rounds, to 9 decimals, and the result rounds once more
 * to the scale its field asks for.  This file knows nothing of forms,
 * records or settings: names reach it through the callbacks of an
 * expr_env.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "expr.h"
#include "xalloc.h"

/* GCC and Clang take __int128 as an extension; say so for -Wpedantic. */
__extension__ typedef __int128 expr_wide;
__extension__ typedef unsigned __int128 expr_uwide;

/* Most decimals a figure keeps; a product with more is rounded here. */
#define EXPR_MAXSCALE	18
/* Decimals a quotient keeps. */
#define EXPR_DIVSCALE	9
/* Deepest nesting of parentheses and signs the parser follows. */
#define EXPR_MAXDEPTH	64

#define EXPR_WIDE_MAX	((expr_wide)(((expr_uwide)1 << 127) - 1))

enum expr_kind {
	EXPR_NUMBER,
	EXPR_FIELD,
	EXPR_SETTING,
	EXPR_SUM,
	EXPR_NEG,
	EXPR_ADD,
	EXPR_SUB,
	EXPR_MUL,
	EXPR_DIV
};

struct expr {
	enum expr_kind		 kind;
	struct expr_value	 number;	/* EXPR_NUMBER */
	char			*name;		/* field, setting or grid */
	char			*column;	/* EXPR_SUM: column of grid */
	struct expr		*left;		/* operand of "-", or left */
	struct expr		*right;		/* right operand */
};

/* Where the parser stands in the text, and why it stopped. */
struct expr_parser {
	const char	*p;
	const char	*why;
	int		 depth;
};

static struct expr	*expr_parse_expr(struct expr_parser *);

static int
expr_isdigit(int c)
{
	return (c >= '0' && c <= '9');
}

static int
expr_isnamestart(int c)
{
	return ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_');
}

static int
expr_isnamechar(int c)
{
	return (expr_isnamestart(c) || expr_isdigit(c));
}

/* Skips blanks and returns the next character, without taking it. */
static int
expr_peek(struct expr_parser *ps)
{
	while (*ps->p == ' ' || *ps->p == '\t')
		ps->p++;
	return ((unsigned char)*ps->p);
}

static struct expr *
expr_node(enum expr_kind kind)
{
	struct expr	*e = xcalloc(1, sizeof *e);

	e->kind = kind;
	return (e);
}

/* Why the parser stopped at c where a value had to start. */
static const char *
expr_why_value(int c)
{
	switch (c) {
	case '\0':
		return ("expected a number, a name or \"(\" at the end");
	case '+':
		return ("expected a number, a name or \"(\" at \"+\"");
	case '*':
		return ("expected a number, a name or \"(\" at \"*\"");
	case '/':
		return ("expected a number, a name or \"(\" at \"/\"");
	case ')':
		return ("expected a number, a name or \"(\" at \")\"");
	case '.':
		return ("expected a number, a name or \"(\" at \".\"");
	}
	return ("a character that has no place in an expression: use "
	    "numbers, names, @NAME, sum(GRID.COLUMN), + - * / and "
	    "parentheses");
}

/* Why the parser stopped at c where an operator or the end had to be. */
static const char *
expr_why_after(int c)
{
	if (c == ')')
		return ("\")\" without \"(\"");
	if (c == '.')
		return ("expected + - * or / at \".\"");
	if (expr_isnamechar(c) || c == '@' || c == '(')
		return ("expected + - * or / between two values");
	return (expr_why_value(c));
}

/* Reads a name at the parser's place; the caller has seen it start. */
static char *
expr_parse_name(struct expr_parser *ps)
{
	const char	*start = ps->p;

	while (expr_isnamechar((unsigned char)*ps->p))
		ps->p++;
	return (xstrndup(start, (size_t)(ps->p - start)));
}

/*
 * Reads digits with an optional fraction: "0.15" is 15 at scale 2.  A
 * point must be followed by a digit to belong to the number.
 */
static struct expr *
expr_parse_number(struct expr_parser *ps)
{
	expr_wide	 v = 0;
	int		 scale = 0, fraction = 0;
	struct expr	*e;

	for (;;) {
		if (*ps->p == '.' && !fraction &&
		    expr_isdigit((unsigned char)ps->p[1])) {
			fraction = 1;
			ps->p++;
		}
		if (!expr_isdigit((unsigned char)*ps->p))
			break;

		if (__builtin_mul_overflow(v, 10, &v) ||
		    __builtin_add_overflow(v, *ps->p - '0', &v)) {
			ps->why = "number too large";
			return (NULL);
		}
		if (fraction && ++scale > EXPR_MAXSCALE) {
			ps->why = "a number with more than 18 decimals";
			return (NULL);
		}
		ps->p++;
	}

	e = expr_node(EXPR_NUMBER);
	e->number.v = v;
	e->number.scale = scale;
	return (e);
}

/* Reads the "(GRID.COLUMN)" after "sum". */
static struct expr *
expr_parse_sum(struct expr_parser *ps)
{
	struct expr	*e = expr_node(EXPR_SUM);

	ps->p++;
	if (!expr_isnamestart(expr_peek(ps)))
		goto bad;
	e->name = expr_parse_name(ps);
	if (*ps->p != '.' || !expr_isnamestart((unsigned char)ps->p[1]))
		goto bad;
	ps->p++;
	e->column = expr_parse_name(ps);
	if (expr_peek(ps) != ')')
		goto bad;
	ps->p++;
	return (e);

bad:
	ps->why = "expected sum(GRID.COLUMN)";
	expr_free(e);
	return (NULL);
}

/*
 * factor = NUMBER | NAME | "@" NAME | "sum(" NAME "." NAME ")"
 *	  | "(" expr ")" | "-" factor
 */
static struct expr *
expr_parse_factor(struct expr_parser *ps)
{
	struct expr	*e, *inner;
	int		 c = expr_peek(ps);

	if (++ps->depth > EXPR_MAXDEPTH) {
		ps->why = "parentheses or signs nested too deeply";
		return (NULL);
	}

	if (expr_isdigit(c))
		e = expr_parse_number(ps);
	else if (expr_isnamestart(c)) {
		e = expr_node(EXPR_FIELD);
		e->name = expr_parse_name(ps);
		if (strcmp(e->name, "sum") == 0 && expr_peek(ps) == '(') {
			expr_free(e);
			e = expr_parse_sum(ps);
		}
	} else if (c == '@') {
		ps->p++;
		if (!expr_isnamestart((unsigned char)*ps->p)) {
			ps->why = "expected the name of a setting after \"@\"";
			return (NULL);
		}
		e = expr_node(EXPR_SETTING);
		e->name = expr_parse_name(ps);
	} else if (c == '(') {
		ps->p++;
		if ((e = expr_parse_expr(ps)) == NULL)
			return (NULL);
		c = expr_peek(ps);
		if (c != ')') {
			ps->why = c == '\0' ? "a \"(\" is not closed" :
			    expr_why_after(c);
			expr_free(e);
			return (NULL);
		}
		ps->p++;
	} else if (c == '-') {
		ps->p++;
		if ((inner = expr_parse_factor(ps)) == NULL)
			return (NULL);
		e = expr_node(EXPR_NEG);
		e->left = inner;
	} else {
		ps->why = expr_why_value(c);
		return (NULL);
	}

	ps->depth--;
	return (e);
}

static struct expr *
expr_binary(enum expr_kind kind, struct expr *left, struct expr *right)
{
	struct expr	*e = expr_node(kind);

	e->left = left;
	e->right = right;
	return (e);
}

/* term = factor { ("*" | "/") factor } */
static struct expr *
expr_parse_term(struct expr_parser *ps)
{
	struct expr	*left, *right;
	int		 c;

	if ((left = expr_parse_factor(ps)) == NULL)
		return (NULL);

	while ((c = expr_peek(ps)) == '*' || c == '/') {
		ps->p++;
		if ((right = expr_parse_factor(ps)) == NULL) {
			expr_free(left);
			return (NULL);
		}
		left = expr_binary(c == '*' ? EXPR_MUL : EXPR_DIV, left,
		    right);
	}
	return (left);
}

/* expr = term { ("+" | "-") term } */
static struct expr *
expr_parse_expr(struct expr_parser *ps)
{
	struct expr	*left, *right;
	int		 c;

	if ((left = expr_parse_term(ps)) == NULL)
		return (NULL);

	while ((c = expr_peek(ps)) == '+' || c == '-') {
		ps->p++;
		if ((right = expr_parse_term(ps)) == NULL) {
			expr_free(left);
			return (NULL);
		}
		left = expr_binary(c == '+' ? EXPR_ADD : EXPR_SUB, left,
		    right);
	}
	return (left);
}

/*
 * Parses the whole of text: an expression, then nothing but blanks.
 * See expr.h.
 */
struct expr *
expr_parse(const char *text, const char **why)
{
	struct expr_parser	 ps = { text, NULL, 0 };
	struct expr		*e;
	int			 c;

	if (expr_peek(&ps) == '\0') {
		*why = "the expression is empty";
		return (NULL);
	}

	if ((e = expr_parse_expr(&ps)) == NULL) {
		*why = ps.why;
		return (NULL);
	}

	if ((c = expr_peek(&ps)) != '\0') {
		*why = expr_why_after(c);
		expr_free(e);
		return (NULL);
	}
	return (e);
}

/* Frees e and everything below it; NULL is fine. */
void
expr_free(struct expr *e)
{
	if (e == NULL)
		return;
	expr_free(e->left);
	expr_free(e->right);
	free(e->name);
	free(e->column);
	free(e);
}

/* Visits names left to right.  See expr.h. */
int
expr_names(const struct expr *e,
    int (*check)(void *, int, const char *, const char *), void *arg)
{
	int	rc;

	switch (e->kind) {
	case EXPR_NUMBER:
		return (0);
	case EXPR_FIELD:
		return (check(arg, 'f', e->name, NULL));
	case EXPR_SETTING:
		return (check(arg, 's', e->name, NULL));
	case EXPR_SUM:
		return (check(arg, 'g', e->name, e->column));
	default:
		break;
	}

	if ((rc = expr_names(e->left, check, arg)) != 0)
		return (rc);
	if (e->right != NULL)
		return (expr_names(e->right, check, arg));
	return (0);
}

/* 10^n in 128 bits, for 0 <= n <= 38. */
static expr_wide
expr_pow10(int n)
{
	expr_wide	p = 1;

	if (n < 0 || n > 38)
		fatalx("%s: exponent %d out of range", __func__, n);
	while (n-- > 0)
		p *= 10;
	return (p);
}

/*
 * Divides n by d (not 0) and rounds half away from zero: on the
 * magnitudes, the quotient goes up by one when the remainder is at least
 * half the divisor, and the sign goes back on after.  Returns 0, or -1 if
 * the quotient does not fit (only INT128_MIN / -1 can do that).
 */
static int
expr_divround(expr_wide n, expr_wide d, expr_wide *out)
{
	expr_uwide	un, ud, q, r;
	bool		neg = (n < 0) != (d < 0);

	un = n < 0 ? 0 - (expr_uwide)n : (expr_uwide)n;
	ud = d < 0 ? 0 - (expr_uwide)d : (expr_uwide)d;

	q = un / ud;
	r = un % ud;
	if (r >= ud - r)
		q++;

	if (q > (expr_uwide)EXPR_WIDE_MAX + (neg ? 1 : 0))
		return (-1);
	*out = neg ? (expr_wide)(0 - q) : (expr_wide)q;
	return (0);
}

/*
 * Brings x to scale to: up by multiplying (which may overflow), down by
 * dividing with rounding.  Returns 0, or -1 on overflow.
 */
static int
expr_rescale(struct expr_value *x, int to)
{
	if (to >= x->scale) {
		if (__builtin_mul_overflow(x->v, expr_pow10(to - x->scale),
		    &x->v))
			return (-1);
	} else if (expr_divround(x->v, expr_pow10(x->scale - to),
	    &x->v) != 0)
		return (-1);
	x->scale = to;
	return (0);
}

/*
 * Asks the caller's callbacks for the value of a name.  Returns 0, or -1
 * if there is no callback or it does not know the name.  A scale outside
 * 0 to 18 is the caller's broken promise.
 */
static int
expr_lookup(const struct expr *e, const struct expr_env *env,
    struct expr_value *out)
{
	int	rc = -1;

	switch (e->kind) {
	case EXPR_FIELD:
		if (env->field != NULL)
			rc = env->field(env->arg, e->name, out);
		break;
	case EXPR_SETTING:
		if (env->setting != NULL)
			rc = env->setting(env->arg, e->name, out);
		break;
	case EXPR_SUM:
		if (env->sum != NULL)
			rc = env->sum(env->arg, e->name, e->column, out);
		break;
	default:
		fatalx("%s: node of kind %d", __func__, (int)e->kind);
	}

	if (rc == 0 && (out->scale < 0 || out->scale > EXPR_MAXSCALE))
		fatalx("%s: %s has scale %d", __func__, e->name, out->scale);
	return (rc == 0 ? 0 : -1);
}

static int
expr_divide(struct expr_value a, struct expr_value b,
    struct expr_value *out, const char **why)
{
	int	shift = EXPR_DIVSCALE + b.scale - a.scale;

	if (b.v == 0) {
		*why = "division by zero";
		return (-1);
	}

	if (shift >= 0) {
		if (__builtin_mul_overflow(a.v, expr_pow10(shift), &a.v))
			goto big;
	} else if (__builtin_mul_overflow(b.v, expr_pow10(-shift), &b.v))
		goto big;

	if (expr_divround(a.v, b.v, &out->v) != 0)
		goto big;
	out->scale = EXPR_DIVSCALE;
	return (0);

big:
	*why = "number too large";
	return (-1);
}

/* Works out e into *out at whatever scale it has (at most 18). */
static int
expr_value_of(const struct expr *e, const struct expr_env *env,
    struct expr_value *out, const char **why)
{
	struct expr_value	a, b;
	int			top;

	switch (e->kind) {
	case EXPR_NUMBER:
		*out = e->number;
		return (0);
	case EXPR_FIELD:
	case EXPR_SETTING:
	case EXPR_SUM:
		if (expr_lookup(e, env, out) != 0) {
			*why = "unknown name";
			return (-1);
		}
		return (0);
	default:
		break;
	}

	if (expr_value_of(e->left, env, &a, why) != 0)
		return (-1);
	if (e->kind == EXPR_NEG) {
		if (__builtin_sub_overflow((expr_wide)0, a.v, &out->v))
			goto big;
		out->scale = a.scale;
		return (0);
	}
	if (expr_value_of(e->right, env, &b, why) != 0)
		return (-1);

	switch (e->kind) {
	case EXPR_ADD:
	case EXPR_SUB:
		top = a.scale > b.scale ? a.scale : b.scale;
		if (expr_rescale(&a, top) != 0 || expr_rescale(&b, top) != 0)
			goto big;
		out->scale = top;
		if (e->kind == EXPR_ADD ?
		    __builtin_add_overflow(a.v, b.v, &out->v) :
		    __builtin_sub_overflow(a.v, b.v, &out->v))
			goto big;
		return (0);
	case EXPR_MUL:
		if (__builtin_mul_overflow(a.v, b.v, &out->v))
			goto big;
		out->scale = a.scale + b.scale;
		if (out->scale > EXPR_MAXSCALE &&
		    expr_rescale(out, EXPR_MAXSCALE) != 0)
			goto big;
		return (0);
	case EXPR_DIV:
		return (expr_divide(a, b, out, why));
	default:
		fatalx("%s: node of kind %d", __func__, (int)e->kind);
	}

big:
	*why = "number too large";
	return (-1);
}

/*
 * Works out e exactly, then rounds once to scale and checks that the
 * result fits in 64 bits.  A scale outside 0 to 18 is a broken
 * invariant.  See expr.h.
 */
int
expr_eval(const struct expr *e, const struct expr_env *env, int scale,
    int64_t *out, const char **why)
{
	struct expr_value	x;

	if (scale < 0 || scale > EXPR_MAXSCALE)
		fatalx("%s: scale %d out of range", __func__, scale);

	if (expr_value_of(e, env, &x, why) != 0)
		return (-1);

	if (expr_rescale(&x, scale) != 0 || x.v > INT64_MAX ||
	    x.v < INT64_MIN) {
		*why = "number too large";
		return (-1);
	}
	*out = (int64_t)x.v;
	return (0);
}
