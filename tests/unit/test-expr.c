/*
 * test-expr.c: what expr.c promises about computed fields: the order in
 * which operators bind, exact money arithmetic with one rounding at the
 * end, the decimals a division keeps, and the reasons it gives when an
 * expression cannot be read or worked out.
 *
 * The record, the settings and the grids an expression reads are the
 * small fixed tables below, served through the callbacks of expr_env.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "expr.h"

/* A name and its value, v / 10^scale. */
struct named {
	const char	*name;
	int64_t		 v;
	int		 scale;
};

/* An order line: 35 at 42.40 less 15%, as in Northwind order 10329. */
static const struct named line_fields[] = {
	{ "quantity", 35000, 3 },
	{ "price", 4240, 2 },
	{ "discount", 1500, 4 },
	{ "big", INT64_MAX, 0 }
};

static const struct named settings[] = {
	{ "tax_rate", 1900, 4 }
};

/* The sums of grid columns, named "GRID.COLUMN". */
static const struct named sums[] = {
	{ "lines.amount", 126140, 2 }
};

static int
find(const struct named *list, size_t n, const char *name,
    struct expr_value *out)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (strcmp(list[i].name, name) == 0) {
			out->v = list[i].v;
			out->scale = list[i].scale;
			return (0);
		}
	return (-1);
}

static int
field(void *arg, const char *name, struct expr_value *out)
{
	(void)arg;
	return (find(line_fields, sizeof line_fields / sizeof line_fields[0],
	    name, out));
}

static int
setting(void *arg, const char *name, struct expr_value *out)
{
	(void)arg;
	return (find(settings, sizeof settings / sizeof settings[0], name,
	    out));
}

static int
sum(void *arg, const char *grid, const char *name, struct expr_value *out)
{
	char	full[64];

	(void)arg;
	snprintf(full, sizeof full, "%s.%s", grid, name);
	return (find(sums, sizeof sums / sizeof sums[0], full, out));
}

static const struct expr_env env = { field, setting, sum, NULL };

/* Parses and works out text at scale, and expects the value want. */
static void
gives(const char *text, int scale, int64_t want)
{
	const char	*why = NULL;
	struct expr	*e = expr_parse(text, &why);
	int64_t		 v = 12345;

	if (e == NULL)
		fail_msg("\"%s\" refused: %s", text, why);
	if (expr_eval(e, &env, scale, &v, &why) != 0)
		fail_msg("\"%s\" not worked out: %s", text, why);
	assert_int_equal(v, want);
	expr_free(e);
}

/* Parses text and expects expr_eval to refuse with the reason want. */
static void
fails_with(const char *text, int scale, const char *want)
{
	const char	*why = NULL;
	struct expr	*e = expr_parse(text, &why);
	int64_t		 v = 12345;

	if (e == NULL)
		fail_msg("\"%s\" refused: %s", text, why);
	assert_int_equal(expr_eval(e, &env, scale, &v, &why), -1);
	assert_non_null(why);
	assert_string_equal(why, want);
	assert_int_equal(v, 12345);
	expr_free(e);
}

/* Expects expr_parse to refuse text with the reason want. */
static void
unreadable(const char *text, const char *want)
{
	const char	*why = NULL;

	assert_null(expr_parse(text, &why));
	assert_non_null(why);
	assert_string_equal(why, want);
}

static void
multiplication_binds_before_addition(void **state)
{
	(void)state;
	gives("2+3*4", 0, 14);
	gives("2*3+4", 0, 10);
	gives("10-4-3", 0, 3);
	gives("24/4/2", 0, 3);
	gives("2 + 3 * 4 - 6 / 2", 0, 11);
}

static void
parentheses_come_first(void **state)
{
	(void)state;
	gives("(2+3)*4", 0, 20);
	gives("2*(3+4)", 0, 14);
	gives("((1))", 0, 1);
	gives("10-(4-3)", 0, 9);
}

static void
unary_minus_negates_a_factor(void **state)
{
	(void)state;
	gives("-5", 0, -5);
	gives("-(2+3)*2", 0, -10);
	gives("3*-2", 0, -6);
	gives("--4", 0, 4);
	gives("2-(-3)", 0, 5);
}

static void
a_line_amount_is_exact_to_the_cent(void **state)
{
	(void)state;
	gives("35 * 42.40 * (1 - 0.15)", 2, 126140);
	gives("quantity*price*(1-discount)", 2, 126140);
}

static void
a_half_cent_rounds_away_from_zero_on_both_sides(void **state)
{
	(void)state;
	gives("0.125", 2, 13);
	gives("-0.125", 2, -13);
	gives("0.124", 2, 12);
	gives("-0.124", 2, -12);
	gives("2.5", 0, 3);
	gives("-2.5", 0, -3);
}

static void
rounding_happens_once_at_the_end(void **state)
{
	(void)state;
	/* 0.004 + 0.004 = 0.008: 0.01, not 0.00 + 0.00. */
	gives("0.004+0.004", 2, 1);
	gives("1.005*3", 2, 302);
}

static void
division_keeps_nine_decimals(void **state)
{
	(void)state;
	gives("1/3", 4, 3333);
	gives("2/3", 2, 67);
	gives("1/3", 9, 333333333);
	gives("-2/3", 2, -67);
	gives("1/3*3", 9, 999999999);
	gives("10/4", 1, 25);
	gives("0.000000001/2", 9, 1);
}

static void
a_result_is_given_at_any_scale(void **state)
{
	(void)state;
	gives("1.5", 0, 2);
	gives("1.5", 4, 15000);
	gives("7", 2, 700);
}

static void
division_by_zero_is_refused(void **state)
{
	(void)state;
	fails_with("1/0", 2, "division by zero");
	fails_with("1/(2-2)", 2, "division by zero");
	fails_with("1/0.00", 0, "division by zero");
}

static void
an_unknown_name_is_refused(void **state)
{
	(void)state;
	fails_with("quantity*prise", 2, "unknown name");
	fails_with("@vat", 2, "unknown name");
	fails_with("sum(lines.amt)", 2, "unknown name");
}

static void
a_missing_callback_is_an_unknown_name(void **state)
{
	const struct expr_env	 none = { NULL, NULL, NULL, NULL };
	const char		*why = NULL;
	struct expr		*e = expr_parse("price", &why);
	int64_t			 v;

	(void)state;
	assert_non_null(e);
	assert_int_equal(expr_eval(e, &none, 2, &v, &why), -1);
	assert_string_equal(why, "unknown name");
	expr_free(e);
}

static void
settings_and_grid_sums_come_through_the_callbacks(void **state)
{
	(void)state;
	gives("@tax_rate", 4, 1900);
	gives("sum(lines.amount)", 2, 126140);
	gives("sum(lines.amount)*@tax_rate", 2, 23967);
	gives("sum( lines.amount )", 2, 126140);
}

static void
too_large_a_result_is_refused(void **state)
{
	(void)state;
	fails_with("big+1", 0, "number too large");
	fails_with("big*10", 0, "number too large");
	fails_with("big", 2, "number too large");
	fails_with("-big-2", 0, "number too large");
	fails_with("big*big*big", 0, "number too large");
	fails_with("big*big/0.0000000001", 0, "number too large");
	gives("big*2/2", 0, INT64_MAX);
	gives("-big-1", 0, INT64_MIN);
}

static void
a_number_too_long_for_128_bits_is_refused(void **state)
{
	(void)state;
	unreadable("1000000000000000000000000000000000000000",
	    "number too large");
	unreadable("0.1234567890123456789", "a number with more than 18 "
	    "decimals");
}

static void
products_keep_at_most_eighteen_decimals(void **state)
{
	(void)state;
	/* 10^-27 is 0 at 18 decimals, so the product is 0. */
	gives("0.000000001*0.000000001*0.000000001*1000000000000000000000"
	    "000000", 0, 0);
	/* 5 x 10^-19 rounds to 10^-18. */
	gives("0.0000000005*0.000000001*1000000000000000000", 0, 1);
}

static void
syntax_errors_say_where_the_expression_broke(void **state)
{
	(void)state;
	unreadable("2**3",
	    "expected a number, a name or \"(\" at \"*\"");
	unreadable("2+", "expected a number, a name or \"(\" at the end");
	unreadable("+2", "expected a number, a name or \"(\" at \"+\"");
	unreadable("4//2", "expected a number, a name or \"(\" at \"/\"");
	unreadable("()", "expected a number, a name or \"(\" at \")\"");
	unreadable(".5", "expected a number, a name or \"(\" at \".\"");
	unreadable("", "the expression is empty");
	unreadable("   ", "the expression is empty");
	unreadable("(1+2", "a \"(\" is not closed");
	unreadable("1+2)", "\")\" without \"(\"");
	unreadable("quantity price",
	    "expected + - * or / between two values");
	unreadable("2(3)", "expected + - * or / between two values");
	unreadable("item.price", "expected + - * or / at \".\"");
	unreadable("(1 2)", "expected + - * or / between two values");
	unreadable("@", "expected the name of a setting after \"@\"");
	unreadable("@ tax", "expected the name of a setting after \"@\"");
	unreadable("sum(lines)", "expected sum(GRID.COLUMN)");
	unreadable("sum(lines.amount", "expected sum(GRID.COLUMN)");
	unreadable("sum(.amount)", "expected sum(GRID.COLUMN)");
	unreadable("2%3", "a character that has no place in an expression: "
	    "use numbers, names, @NAME, sum(GRID.COLUMN), + - * / and "
	    "parentheses");
}

static void
deep_nesting_is_refused_not_followed(void **state)
{
	char	text[200];

	(void)state;
	memset(text, '(', 100);
	text[100] = '1';
	memset(text + 101, ')', 98);
	text[199] = '\0';
	unreadable(text, "parentheses or signs nested too deeply");
	memset(text, '-', 100);
	text[100] = '1';
	text[101] = '\0';
	unreadable(text, "parentheses or signs nested too deeply");
}

static void
blanks_between_words_are_allowed(void **state)
{
	(void)state;
	gives(" quantity * price ", 2, 148400);
	gives("\t1 +\t2", 0, 3);
}

/* Records each name expr_names reports, as "f:a", "s:a" or "g:a.b". */
struct seen {
	char	text[200];
	int	stop_at;
	int	count;
};

static int
note(void *arg, int kind, const char *a, const char *b)
{
	struct seen	*s = arg;
	size_t		 len = strlen(s->text);

	snprintf(s->text + len, sizeof s->text - len, "%s%c:%s%s%s",
	    len > 0 ? " " : "", kind, a, b != NULL ? "." : "",
	    b != NULL ? b : "");
	if (++s->count == s->stop_at)
		return (7);
	return (0);
}

static void
names_are_reported_left_to_right_with_their_kind(void **state)
{
	const char	*why;
	struct expr	*e;
	struct seen	 s = { "", 0, 0 };

	(void)state;
	e = expr_parse("(quantity*price-sum(lines.amount))*@tax_rate+2", &why);
	assert_non_null(e);
	assert_int_equal(expr_names(e, note, &s), 0);
	assert_string_equal(s.text,
	    "f:quantity f:price g:lines.amount s:tax_rate");
	expr_free(e);
}

static void
names_stop_at_the_first_complaint(void **state)
{
	const char	*why;
	struct expr	*e;
	struct seen	 s = { "", 2, 0 };

	(void)state;
	e = expr_parse("a+b+c", &why);
	assert_non_null(e);
	assert_int_equal(expr_names(e, note, &s), 7);
	assert_string_equal(s.text, "f:a f:b");
	expr_free(e);
}

static void
a_name_called_sum_without_parentheses_is_a_field(void **state)
{
	const char	*why;
	struct expr	*e;
	struct seen	 s = { "", 0, 0 };

	(void)state;
	e = expr_parse("sum+1", &why);
	assert_non_null(e);
	expr_names(e, note, &s);
	assert_string_equal(s.text, "f:sum");
	expr_free(e);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(multiplication_binds_before_addition),
		cmocka_unit_test(parentheses_come_first),
		cmocka_unit_test(unary_minus_negates_a_factor),
		cmocka_unit_test(a_line_amount_is_exact_to_the_cent),
		cmocka_unit_test(
		    a_half_cent_rounds_away_from_zero_on_both_sides),
		cmocka_unit_test(rounding_happens_once_at_the_end),
		cmocka_unit_test(division_keeps_nine_decimals),
		cmocka_unit_test(a_result_is_given_at_any_scale),
		cmocka_unit_test(division_by_zero_is_refused),
		cmocka_unit_test(an_unknown_name_is_refused),
		cmocka_unit_test(a_missing_callback_is_an_unknown_name),
		cmocka_unit_test(
		    settings_and_grid_sums_come_through_the_callbacks),
		cmocka_unit_test(too_large_a_result_is_refused),
		cmocka_unit_test(a_number_too_long_for_128_bits_is_refused),
		cmocka_unit_test(products_keep_at_most_eighteen_decimals),
		cmocka_unit_test(syntax_errors_say_where_the_expression_broke),
		cmocka_unit_test(deep_nesting_is_refused_not_followed),
		cmocka_unit_test(blanks_between_words_are_allowed),
		cmocka_unit_test(
		    names_are_reported_left_to_right_with_their_kind),
		cmocka_unit_test(names_stop_at_the_first_complaint),
		cmocka_unit_test(
		    a_name_called_sum_without_parentheses_is_a_field)
	};

	setlocale(LC_ALL, "C");
	return (cmocka_run_group_tests(tests, NULL, NULL));
}
