/*
 * test-fixed.c: what fixed.c promises about reading, writing and
 * multiplying money, quantities and rates.
 *
 * Each case names the rule it proves.  Figures from the Northwind sample
 * order lines are used where a real order shows the rule best.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <string.h>

#include "fixed.h"

/* Parses s at scale and expects success with the value want. */
static void
parses_to(const char *s, int scale, int64_t want)
{
	const char	*why = NULL;
	int64_t		 v = 12345;

	if (fixed_parse(s, scale, &v, &why) != 0)
		fail_msg("\"%s\" refused: %s", s, why);
	assert_int_equal(v, want);
}

/* Parses s at scale and expects refusal with the reason want. */
static void
refused_with(const char *s, int scale, const char *want)
{
	const char	*why = NULL;
	int64_t		 v = 12345;

	assert_int_equal(fixed_parse(s, scale, &v, &why), -1);
	assert_non_null(why);
	assert_string_equal(why, want);
	assert_int_equal(v, 12345);
}

/* Formats v and expects the exact text want. */
static void
formats_as(int64_t v, int scale, bool group, const char *want)
{
	char	buf[FIXED_BUFSIZE];

	memset(buf, 'x', sizeof buf);
	assert_ptr_equal(fixed_format(v, scale, group, buf), buf);
	assert_string_equal(buf, want);
}

static void
parse_reads_whole_numbers_at_scale(void **state)
{
	(void)state;
	parses_to("12", 2, 1200);
	parses_to("0", 2, 0);
	parses_to("7", 0, 7);
	parses_to("1", 4, 10000);
}

static void
parse_reads_signs(void **state)
{
	(void)state;
	parses_to("-3.5", 2, -350);
	parses_to("+0.15", 2, 15);
	parses_to("-0", 2, 0);
	parses_to("-0.05", 2, -5);
}

static void
parse_skips_leading_and_trailing_blanks(void **state)
{
	(void)state;
	parses_to("  14.00  ", 2, 1400);
	parses_to("\t-2.5\t", 1, -25);
}

static void
parse_reads_fraction_without_whole_part(void **state)
{
	(void)state;
	parses_to(".5", 2, 50);
	parses_to("-.25", 2, -25);
}

static void
parse_reads_point_without_fraction(void **state)
{
	(void)state;
	parses_to("5.", 2, 500);
}

static void
parse_accepts_extra_zero_decimals(void **state)
{
	(void)state;
	parses_to("14.000", 2, 1400);
	parses_to("14.10000000000000000000", 2, 1410);
}

static void
parse_refuses_too_many_decimals(void **state)
{
	(void)state;
	refused_with("14.005", 2, "too many decimals (at most 2)");
	refused_with("0.00001", 4, "too many decimals (at most 4)");
	refused_with("1.5", 0, "too many decimals (at most 0)");
}

static void
parse_refuses_text_that_is_not_a_number(void **state)
{
	(void)state;
	refused_with("abc", 2, "not a number");
	refused_with("", 2, "not a number");
	refused_with("   ", 2, "not a number");
	refused_with("1e5", 2, "not a number");
	refused_with("-", 2, "not a number");
	refused_with(".", 2, "not a number");
	refused_with("1.2.3", 2, "not a number");
	refused_with("- 5", 2, "not a number");
	refused_with("1 000", 2, "not a number");
	refused_with("12abc", 2, "not a number");
	refused_with("1,234", 2, "not a number");
}

static void
parse_refuses_numbers_outside_int64(void **state)
{
	(void)state;
	refused_with("9223372036854775808", 0, "number too large");
	refused_with("-9223372036854775809", 0, "number too large");
	refused_with("92233720368547758.08", 2, "number too large");
	refused_with("92233720368547759", 2, "number too large");
	refused_with("99999999999999999999999999", 2, "number too large");
}

static void
parse_reads_the_int64_limits(void **state)
{
	(void)state;
	parses_to("9223372036854775807", 0, INT64_MAX);
	parses_to("-9223372036854775808", 0, INT64_MIN);
	parses_to("92233720368547758.07", 2, INT64_MAX);
	parses_to("-92233720368547758.08", 2, INT64_MIN);
	parses_to("0000000000000000000000001.50", 2, 150);
}

static void
parse_names_junk_before_size(void **state)
{
	(void)state;
	refused_with("99999999999999999999999x", 2, "not a number");
}

static void
format_writes_exactly_scale_decimals(void **state)
{
	(void)state;
	formats_as(123450, 2, false, "1234.50");
	formats_as(1500, 3, false, "1.500");
	formats_as(0, 2, false, "0.00");
	formats_as(7, 4, false, "0.0007");
}

static void
format_writes_small_negative_values_with_zero(void **state)
{
	(void)state;
	formats_as(-5, 2, false, "-0.05");
	formats_as(-50, 2, false, "-0.50");
	formats_as(-1, 9, false, "-0.000000001");
}

static void
format_groups_thousands(void **state)
{
	(void)state;
	formats_as(123456789, 2, true, "1,234,567.89");
	formats_as(123450, 2, true, "1,234.50");
	formats_as(99999, 2, true, "999.99");
	formats_as(100000, 2, true, "1,000.00");
	formats_as(-123456789, 2, true, "-1,234,567.89");
	formats_as(-100000, 2, true, "-1,000.00");
	formats_as(0, 2, true, "0.00");
}

static void
format_at_scale_zero_has_no_point(void **state)
{
	(void)state;
	formats_as(0, 0, false, "0");
	formats_as(42, 0, false, "42");
	formats_as(-42, 0, false, "-42");
	formats_as(1234567, 0, true, "1,234,567");
	formats_as(123, 0, true, "123");
}

static void
format_writes_the_int64_limits(void **state)
{
	(void)state;
	formats_as(INT64_MAX, 0, false, "9223372036854775807");
	formats_as(INT64_MIN, 0, false, "-9223372036854775808");
	formats_as(INT64_MIN, 0, true, "-9,223,372,036,854,775,808");
	formats_as(INT64_MAX, 2, true, "92,233,720,368,547,758.07");
	formats_as(INT64_MIN, 9, true, "-9,223,372,036.854775808");
	formats_as(INT64_MIN, 2, false, "-92233720368547758.08");
}

static void
format_and_parse_agree(void **state)
{
	static const int64_t	 values[] = {
		0, 1, -1, 5, -5, 99, 100, 123456789, -123456789,
		INT64_MAX, INT64_MIN
	};
	char			 buf[FIXED_BUFSIZE];
	size_t			 i;
	int			 scale;

	(void)state;
	for (i = 0; i < sizeof values / sizeof values[0]; i++) {
		for (scale = 0; scale <= FIXED_MAXSCALE; scale++) {
			fixed_format(values[i], scale, false, buf);
			parses_to(buf, scale, values[i]);
		}
	}
}

static void
muldiv_prices_a_northwind_line_without_discount(void **state)
{
	int64_t	v = 0;

	(void)state;

	/* 14.00 x 12 x (1 - 0): price in cents, discount in 10^-4. */
	assert_int_equal(fixed_muldiv(1400 * 12, 10000 - 0, 10000, &v), 0);
	assert_int_equal(v, 16800);
}

static void
muldiv_prices_a_northwind_line_with_discount(void **state)
{
	int64_t	v = 0;

	(void)state;

	/* 18.00 x 20 x (1 - 0.15) = 306.00. */
	assert_int_equal(fixed_muldiv(1800 * 20, 10000 - 1500, 10000, &v),
	    0);
	assert_int_equal(v, 30600);
}

static void
muldiv_rounds_half_up_for_positives(void **state)
{
	int64_t	v = 0;

	(void)state;
	assert_int_equal(fixed_muldiv(5, 1, 10, &v), 0);
	assert_int_equal(v, 1);
	assert_int_equal(fixed_muldiv(15, 1, 10, &v), 0);
	assert_int_equal(v, 2);
	assert_int_equal(fixed_muldiv(25, 1, 10, &v), 0);
	assert_int_equal(v, 3);
	assert_int_equal(fixed_muldiv(1, 1, 2, &v), 0);
	assert_int_equal(v, 1);
}

static void
muldiv_rounds_down_just_below_half(void **state)
{
	int64_t	v = 99;

	(void)state;
	assert_int_equal(fixed_muldiv(4999, 1, 10000, &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(fixed_muldiv(14, 1, 10, &v), 0);
	assert_int_equal(v, 1);
	assert_int_equal(fixed_muldiv(1, 1, 3, &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(fixed_muldiv(2, 1, 3, &v), 0);
	assert_int_equal(v, 1);
	assert_int_equal(fixed_muldiv(5001, 1, 10000, &v), 0);
	assert_int_equal(v, 1);
}

static void
muldiv_rounds_half_away_from_zero_for_negatives(void **state)
{
	int64_t	v = 0;

	(void)state;
	assert_int_equal(fixed_muldiv(-5, 1, 10, &v), 0);
	assert_int_equal(v, -1);
	assert_int_equal(fixed_muldiv(-15, 1, 10, &v), 0);
	assert_int_equal(v, -2);
	assert_int_equal(fixed_muldiv(5, -1, 10, &v), 0);
	assert_int_equal(v, -1);
	assert_int_equal(fixed_muldiv(5, 1, -10, &v), 0);
	assert_int_equal(v, -1);
	assert_int_equal(fixed_muldiv(-5, -1, 10, &v), 0);
	assert_int_equal(v, 1);
	assert_int_equal(fixed_muldiv(-14, 1, 10, &v), 0);
	assert_int_equal(v, -1);
	assert_int_equal(fixed_muldiv(-4999, 1, 10000, &v), 0);
	assert_int_equal(v, 0);
}

static void
muldiv_keeps_full_precision_of_large_products(void **state)
{
	int64_t	v = 0;

	(void)state;

	/* The product passes int64 but the quotient does not. */
	assert_int_equal(fixed_muldiv(INT64_MAX, 10, 10, &v), 0);
	assert_int_equal(v, INT64_MAX);
	assert_int_equal(fixed_muldiv(INT64_MIN, 3, 3, &v), 0);
	assert_int_equal(v, INT64_MIN);
	assert_int_equal(fixed_muldiv(INT64_MAX, INT64_MAX, INT64_MAX, &v),
	    0);
	assert_int_equal(v, INT64_MAX);
	assert_int_equal(fixed_muldiv(INT64_MIN, INT64_MIN, INT64_MIN, &v),
	    0);
	assert_int_equal(v, INT64_MIN);
}

static void
muldiv_reports_overflow_and_leaves_out_alone(void **state)
{
	int64_t	v = 77;

	(void)state;
	assert_int_equal(fixed_muldiv(INT64_MAX, 2, 1, &v), -1);
	assert_int_equal(fixed_muldiv(INT64_MIN, -1, 1, &v), -1);
	assert_int_equal(fixed_muldiv(INT64_MIN, 1, -1, &v), -1);
	assert_int_equal(fixed_muldiv(INT64_MIN, INT64_MIN, 1, &v), -1);
	assert_int_equal(v, 77);

	/*
	 * (2^64 - 1) / 2 is INT64_MAX + 0.5: rounding away from zero
	 * carries it past INT64_MAX, while its negative rounds to exactly
	 * INT64_MIN, which fits.
	 */
	assert_int_equal(fixed_muldiv(6148914691236517205, 3, 2, &v), -1);
	assert_int_equal(v, 77);
	assert_int_equal(fixed_muldiv(-6148914691236517205, 3, 2, &v), 0);
	assert_int_equal(v, INT64_MIN);
}

static void
rescale_to_larger_scale_multiplies(void **state)
{
	int64_t	v = 0;

	(void)state;
	assert_int_equal(fixed_rescale(1234, 2, 4, &v), 0);
	assert_int_equal(v, 123400);
	assert_int_equal(fixed_rescale(-7, 0, 9, &v), 0);
	assert_int_equal(v, -7000000000);
	assert_int_equal(fixed_rescale(55, 3, 3, &v), 0);
	assert_int_equal(v, 55);
}

static void
rescale_to_smaller_scale_rounds_half_away_from_zero(void **state)
{
	int64_t	v = 0;

	(void)state;
	assert_int_equal(fixed_rescale(12345, 4, 2, &v), 0);
	assert_int_equal(v, 123);
	assert_int_equal(fixed_rescale(12350, 4, 2, &v), 0);
	assert_int_equal(v, 124);
	assert_int_equal(fixed_rescale(-12350, 4, 2, &v), 0);
	assert_int_equal(v, -124);
	assert_int_equal(fixed_rescale(-12349, 4, 2, &v), 0);
	assert_int_equal(v, -123);
}

static void
rescale_reports_overflow(void **state)
{
	int64_t	v = 77;

	(void)state;
	assert_int_equal(fixed_rescale(INT64_MAX / 10 + 1, 0, 1, &v), -1);
	assert_int_equal(fixed_rescale(INT64_MIN, 2, 9, &v), -1);
	assert_int_equal(v, 77);
}

static void
add_reports_overflow_and_leaves_out_alone(void **state)
{
	int64_t	v = 77;

	(void)state;
	assert_int_equal(fixed_add(INT64_MAX, 1, &v), -1);
	assert_int_equal(fixed_add(INT64_MIN, -1, &v), -1);
	assert_int_equal(v, 77);
	assert_int_equal(fixed_add(INT64_MAX, INT64_MIN, &v), 0);
	assert_int_equal(v, -1);
	assert_int_equal(fixed_add(-1400, 350, &v), 0);
	assert_int_equal(v, -1050);
}

static void
pow10_gives_every_power_to_eighteen(void **state)
{
	int64_t	p = 1;
	int	n;

	(void)state;
	for (n = 0; n <= 18; n++) {
		assert_int_equal(fixed_pow10(n), p);
		if (n < 18)
			p *= 10;
	}
	assert_int_equal(fixed_pow10(18), 1000000000000000000);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse_reads_whole_numbers_at_scale),
		cmocka_unit_test(parse_reads_signs),
		cmocka_unit_test(parse_skips_leading_and_trailing_blanks),
		cmocka_unit_test(parse_reads_fraction_without_whole_part),
		cmocka_unit_test(parse_reads_point_without_fraction),
		cmocka_unit_test(parse_accepts_extra_zero_decimals),
		cmocka_unit_test(parse_refuses_too_many_decimals),
		cmocka_unit_test(parse_refuses_text_that_is_not_a_number),
		cmocka_unit_test(parse_refuses_numbers_outside_int64),
		cmocka_unit_test(parse_reads_the_int64_limits),
		cmocka_unit_test(parse_names_junk_before_size),
		cmocka_unit_test(format_writes_exactly_scale_decimals),
		cmocka_unit_test(format_writes_small_negative_values_with_zero),
		cmocka_unit_test(format_groups_thousands),
		cmocka_unit_test(format_at_scale_zero_has_no_point),
		cmocka_unit_test(format_writes_the_int64_limits),
		cmocka_unit_test(format_and_parse_agree),
		cmocka_unit_test(
		    muldiv_prices_a_northwind_line_without_discount),
		cmocka_unit_test(muldiv_prices_a_northwind_line_with_discount),
		cmocka_unit_test(muldiv_rounds_half_up_for_positives),
		cmocka_unit_test(muldiv_rounds_down_just_below_half),
		cmocka_unit_test(
		    muldiv_rounds_half_away_from_zero_for_negatives),
		cmocka_unit_test(muldiv_keeps_full_precision_of_large_products),
		cmocka_unit_test(muldiv_reports_overflow_and_leaves_out_alone),
		cmocka_unit_test(rescale_to_larger_scale_multiplies),
		cmocka_unit_test(
		    rescale_to_smaller_scale_rounds_half_away_from_zero),
		cmocka_unit_test(rescale_reports_overflow),
		cmocka_unit_test(add_reports_overflow_and_leaves_out_alone),
		cmocka_unit_test(pow10_gives_every_power_to_eighteen)
	};

	setlocale(LC_ALL, "C");
	return (cmocka_run_group_tests(tests, NULL, NULL));
}
