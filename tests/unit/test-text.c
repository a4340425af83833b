/*
 * test-text.c: what text.c promises about UTF-8 and display cells.
 *
 * The program runs in the "C" locale on purpose: text.c must measure
 * Chinese, Korean and accented text the same way whatever locale the
 * process has.  Expected results are exact byte strings, so a stray
 * space or a half character fails the case.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* 北京华夏: four wide characters, eight cells. */
static const char beijing_huaxia[] =
    "\xe5\x8c\x97\xe4\xba\xac\xe5\x8d\x8e\xe5\xa4\x8f";

/* Decodes the first len bytes of s and expects cp taking n bytes. */
static void
decodes_to(const char *s, size_t len, uint32_t want, int n)
{
	uint32_t	cp = 0xdeadbeef;

	assert_int_equal(utf8_decode(s, len, &cp), n);
	assert_int_equal(cp, want);
}

/* Expects the first len bytes of s to be refused. */
static void
refused(const char *s, size_t len)
{
	uint32_t	cp = 0xdeadbeef;

	assert_int_equal(utf8_decode(s, len, &cp), -1);
	assert_int_equal(cp, 0xdeadbeef);
}

/* Encodes cp and expects exactly the bytes want. */
static void
encodes_as(uint32_t cp, const char *want)
{
	char	out[4];
	int	n;

	n = utf8_encode(cp, out);
	assert_int_equal(n, strlen(want));
	assert_memory_equal(out, want, strlen(want));
}

/*
 * Pads s and expects exactly want, the clipped flag, and a result that
 * takes exactly cells cells.
 */
static void
pads_as(const char *s, int cells, enum text_align align, bool mark,
    const char *want, bool clipped)
{
	struct buf	b = BUF_INIT;

	assert_int_equal(text_pad(&b, s, cells, align, mark), clipped);
	assert_non_null(b.data);
	assert_string_equal(b.data, want);
	assert_int_equal(b.len, strlen(want));
	assert_int_equal(text_width(b.data), cells);
	buf_free(&b);
}

static void
decode_reads_one_byte_form(void **state)
{
	(void)state;
	decodes_to("A", 1, 0x41, 1);
	decodes_to("", 1, 0, 1);
	decodes_to("\x7f", 1, 0x7f, 1);
}

static void
decode_reads_two_byte_form(void **state)
{
	(void)state;
	decodes_to("\xc3\xa9", 2, 0xe9, 2);
	decodes_to("\xc2\x80", 2, 0x80, 2);
	decodes_to("\xdf\xbf", 2, 0x7ff, 2);
}

static void
decode_reads_three_byte_form(void **state)
{
	(void)state;
	decodes_to("\xe5\x8c\x97", 3, 0x5317, 3);
	decodes_to("\xe0\xa0\x80", 3, 0x800, 3);
	decodes_to("\xef\xbf\xbf", 3, 0xffff, 3);
	decodes_to("\xed\x9f\xbf", 3, 0xd7ff, 3);
	decodes_to("\xee\x80\x80", 3, 0xe000, 3);
}

static void
decode_reads_four_byte_form(void **state)
{
	(void)state;
	decodes_to("\xf0\xa0\xae\xb7", 4, 0x20bb7, 4);
	decodes_to("\xf0\x90\x80\x80", 4, 0x10000, 4);
	decodes_to("\xf4\x8f\xbf\xbf", 4, 0x10ffff, 4);
}

static void
decode_reads_only_the_first_character(void **state)
{
	(void)state;
	decodes_to("\xe5\x8c\x97\xe4\xba\xac", 6, 0x5317, 3);
	decodes_to("ab", 2, 0x61, 1);
}

static void
decode_refuses_overlong_forms(void **state)
{
	(void)state;
	refused("\xc0\x80", 2);
	refused("\xc1\xbf", 2);
	refused("\xe0\x80\x80", 3);
	refused("\xe0\x9f\xbf", 3);
	refused("\xf0\x80\x80\x80", 4);
	refused("\xf0\x8f\xbf\xbf", 4);
}

static void
decode_refuses_surrogates(void **state)
{
	(void)state;
	refused("\xed\xa0\x80", 3);
	refused("\xed\xb2\x80", 3);
	refused("\xed\xbf\xbf", 3);
}

static void
decode_refuses_values_past_10ffff(void **state)
{
	(void)state;
	refused("\xf4\x90\x80\x80", 4);
	refused("\xf5\x80\x80\x80", 4);
	refused("\xf7\xbf\xbf\xbf", 4);
	refused("\xf8\x88\x80\x80\x80", 5);
	refused("\xfe", 1);
	refused("\xff", 1);
}

static void
decode_refuses_truncated_characters(void **state)
{
	(void)state;
	refused("\xe5\x8c\x97", 2);
	refused("\xf0\xa0\xae\xb7", 3);
	refused("\xc3\xa9", 1);
	refused("A", 0);
	refused("\xe5\x8c" "A", 3);
	refused("\xf0\xa0\xae", 4);
}

static void
decode_refuses_a_stray_continuation_byte(void **state)
{
	(void)state;
	refused("\x80", 1);
	refused("\xbf" "A", 2);
}

static void
encode_writes_each_form(void **state)
{
	(void)state;
	encodes_as(0x41, "A");
	encodes_as(0x7f, "\x7f");
	encodes_as(0x80, "\xc2\x80");
	encodes_as(0xe9, "\xc3\xa9");
	encodes_as(0x7ff, "\xdf\xbf");
	encodes_as(0x800, "\xe0\xa0\x80");
	encodes_as(0x5317, "\xe5\x8c\x97");
	encodes_as(0xffff, "\xef\xbf\xbf");
	encodes_as(0x10000, "\xf0\x90\x80\x80");
	encodes_as(0x20bb7, "\xf0\xa0\xae\xb7");
	encodes_as(0x10ffff, "\xf4\x8f\xbf\xbf");
}

static void
encode_refuses_surrogates_and_values_past_10ffff(void **state)
{
	char	out[4];

	(void)state;
	assert_int_equal(utf8_encode(0xd800, out), -1);
	assert_int_equal(utf8_encode(0xdfff, out), -1);
	assert_int_equal(utf8_encode(0x110000, out), -1);
	assert_int_equal(utf8_encode(0xffffffff, out), -1);
}

static void
encode_and_decode_agree_on_every_scalar_value(void **state)
{
	char		out[4];
	uint32_t	cp, back;
	int		n;

	(void)state;
	for (cp = 0; cp <= 0x10ffff; cp++) {
		if (cp >= 0xd800 && cp <= 0xdfff)
			continue;
		n = utf8_encode(cp, out);
		assert_true(n >= 1 && n <= 4);
		assert_int_equal(utf8_decode(out, (size_t)n, &back), n);
		assert_int_equal(back, cp);
	}
}

static void
valid_accepts_mixed_text(void **state)
{
	const char	*s = "Caf\xc3\xa9 \xe5\x8c\x97\xe4\xba\xac"
	    " \xf0\xa0\xae\xb7";
	size_t		 bad = 99;

	(void)state;
	assert_true(utf8_valid(s, strlen(s), &bad));
	assert_int_equal(bad, 99);
	assert_true(utf8_valid("", 0, NULL));
}

static void
valid_reports_offset_of_first_bad_byte(void **state)
{
	size_t	bad = 99;

	(void)state;
	assert_false(utf8_valid("ab\xc3", 3, &bad));
	assert_int_equal(bad, 2);
	assert_false(utf8_valid("\xe5\x8c\x97\xff" "a\xff", 6, &bad));
	assert_int_equal(bad, 3);
	assert_false(utf8_valid("\xed\xa0\x80", 3, &bad));
	assert_int_equal(bad, 0);
	assert_false(utf8_valid("x\xc0\x80", 3, NULL));
}

static void
cp_width_counts_printable_ascii_as_one(void **state)
{
	uint32_t	cp;

	(void)state;
	for (cp = 0x20; cp < 0x7f; cp++)
		assert_int_equal(text_cp_width(cp), 1);
}

static void
cp_width_counts_control_characters_as_zero(void **state)
{
	(void)state;
	assert_int_equal(text_cp_width(0), 0);
	assert_int_equal(text_cp_width('\t'), 0);
	assert_int_equal(text_cp_width('\n'), 0);
	assert_int_equal(text_cp_width(0x7f), 0);
	assert_int_equal(text_cp_width(0x85), 0);
	assert_int_equal(text_cp_width(0x9f), 0);
}

static void
cp_width_counts_latin_letters_as_one(void **state)
{
	(void)state;
	assert_int_equal(text_cp_width(0xe9), 1);
	assert_int_equal(text_cp_width(0xdf), 1);
	assert_int_equal(text_cp_width(0x20ac), 1);
}

static void
width_counts_cjk_as_two_cells(void **state)
{
	(void)state;
	assert_int_equal(text_cp_width(0x5317), 2);
	assert_int_equal(text_width("\xe5\x8c\x97\xe4\xba\xac"), 4);
	assert_int_equal(text_width("\xe5\x8c\x97\xe4\xba\xac"
	    "\xe5\x8d\x8e\xe5\xa4\x8f"), 8);
}

static void
width_of_extension_b_character_is_two(void **state)
{
	(void)state;
	assert_int_equal(text_cp_width(0x20bb7), 2);
	assert_int_equal(text_width("\xf0\xa0\xae\xb7"), 2);
	assert_int_equal(text_width("\xf0\xa0\xae\xb7" "A"), 3);
}

static void
width_counts_hangul_and_fullwidth_forms_as_two(void **state)
{
	(void)state;
	assert_int_equal(text_cp_width(0xd55c), 2);
	assert_int_equal(text_cp_width(0xff21), 2);
	assert_int_equal(text_width("\xed\x95\x9c\xea\xb8\x80"), 4);
}

static void
width_counts_combining_marks_as_zero(void **state)
{
	(void)state;
	assert_int_equal(text_cp_width(0x301), 0);
	assert_int_equal(text_width("e\xcc\x81"), 1);
	assert_int_equal(text_width("\xcc\x81"), 0);
}

static void
width_of_mixed_latin_cjk_and_combining(void **state)
{
	(void)state;

	/* "Café 北京 é" with the last é as e and U+0301: 4+1+4+1+1. */
	assert_int_equal(text_width("Caf\xc3\xa9 \xe5\x8c\x97\xe4\xba\xac"
	    " e\xcc\x81"), 11);
	assert_int_equal(text_width(""), 0);
}

static void
width_counts_a_bad_byte_as_one(void **state)
{
	(void)state;
	assert_int_equal(text_width("a\xff" "b"), 3);
	assert_int_equal(text_width("\xe5\x8c"), 2);
	assert_int_equal(text_width("\xc0\x80" "x"), 3);
	assert_int_equal(text_width("\xe5\x8c\xe4\xba\xac"), 4);
}

static void
width_leaves_the_process_locale_as_it_was(void **state)
{
	(void)state;
	assert_string_equal(setlocale(LC_CTYPE, NULL), "C");
	assert_int_equal(MB_CUR_MAX, 1);

	assert_int_equal(text_cp_width(0x5317), 2);

	assert_string_equal(setlocale(LC_CTYPE, NULL), "C");
	assert_int_equal(MB_CUR_MAX, 1);
}

static void
clip_never_splits_a_wide_character(void **state)
{
	const char	*s = "\xe5\x8c\x97\xe4\xba\xac";
	int		 used = -1;

	(void)state;
	assert_int_equal(text_clip(s, 3, &used), 3);
	assert_int_equal(used, 2);
	assert_int_equal(text_clip(s, 1, &used), 0);
	assert_int_equal(used, 0);
	assert_int_equal(text_clip(s, 4, &used), 6);
	assert_int_equal(used, 4);
	assert_int_equal(text_clip("\xf0\xa0\xae\xb7", 1, &used), 0);
	assert_int_equal(used, 0);
}

static void
clip_of_mixed_text_stops_at_cell_boundary(void **state)
{
	/* "a北b京": cells 1, 2, 1, 2. */
	const char	*s = "a\xe5\x8c\x97" "b\xe4\xba\xac";
	int		 used = -1;

	(void)state;
	assert_int_equal(text_clip(s, 1, &used), 1);
	assert_int_equal(used, 1);
	assert_int_equal(text_clip(s, 2, &used), 1);
	assert_int_equal(used, 1);
	assert_int_equal(text_clip(s, 3, &used), 4);
	assert_int_equal(used, 3);
	assert_int_equal(text_clip(s, 4, &used), 5);
	assert_int_equal(used, 4);
	assert_int_equal(text_clip(s, 5, &used), 5);
	assert_int_equal(used, 4);
	assert_int_equal(text_clip(s, 99, &used), 8);
	assert_int_equal(used, 6);
}

static void
clip_keeps_combining_marks_with_their_letter(void **state)
{
	int	used = -1;

	(void)state;
	assert_int_equal(text_clip("e\xcc\x81x", 1, &used), 3);
	assert_int_equal(used, 1);
	assert_int_equal(text_clip("e\xcc\x81\xcc\xa7x", 1, &used), 5);
	assert_int_equal(used, 1);
}

static void
clip_to_zero_cells_takes_nothing(void **state)
{
	int	used = -1;

	(void)state;
	assert_int_equal(text_clip("abc", 0, &used), 0);
	assert_int_equal(used, 0);
	assert_int_equal(text_clip("abc", -3, &used), 0);
	assert_int_equal(used, 0);
	assert_int_equal(text_clip("", 5, &used), 0);
	assert_int_equal(used, 0);
}

static void
clip_counts_a_bad_byte_as_one_cell(void **state)
{
	int	used = -1;

	(void)state;
	assert_int_equal(text_clip("a\xff" "bc", 2, &used), 2);
	assert_int_equal(used, 2);
	assert_int_equal(text_clip("\xe5\x8c" "A", 1, &used), 1);
	assert_int_equal(used, 1);
}

static void
clip_accepts_no_place_for_used(void **state)
{
	(void)state;
	assert_int_equal(text_clip("abcdef", 4, NULL), 4);
}

static void
pad_left_aligns_mixed_text(void **state)
{
	(void)state;
	pads_as("\xe5\x8c\x97" "a", 6, TEXT_LEFT, true,
	    "\xe5\x8c\x97" "a   ", false);
	pads_as("e\xcc\x81t\xc3\xa9", 5, TEXT_LEFT, false,
	    "e\xcc\x81t\xc3\xa9  ", false);
}

static void
pad_right_aligns_mixed_text(void **state)
{
	(void)state;
	pads_as("\xe5\x8c\x97" "a", 6, TEXT_RIGHT, true,
	    "   \xe5\x8c\x97" "a", false);
	pads_as("1,234.50", 10, TEXT_RIGHT, false, "  1,234.50", false);
}

static void
pad_centres_with_the_odd_space_on_the_right(void **state)
{
	(void)state;
	pads_as("\xe5\x8c\x97" "a", 6, TEXT_CENTRE, true,
	    " \xe5\x8c\x97" "a  ", false);
	pads_as("\xe5\x8c\x97" "a", 7, TEXT_CENTRE, true,
	    "  \xe5\x8c\x97" "a  ", false);
	pads_as("ab", 3, TEXT_CENTRE, false, "ab ", false);
}

static void
pad_of_text_that_fills_the_cells_adds_nothing(void **state)
{
	(void)state;
	pads_as("\xe5\x8c\x97\xe4\xba\xac", 4, TEXT_LEFT, true,
	    "\xe5\x8c\x97\xe4\xba\xac", false);
	pads_as("abcd", 4, TEXT_RIGHT, true, "abcd", false);
	pads_as("abcd", 4, TEXT_CENTRE, true, "abcd", false);
	pads_as("", 0, TEXT_LEFT, true, "", false);
}

static void
pad_of_empty_text_is_all_spaces(void **state)
{
	(void)state;
	pads_as("", 3, TEXT_LEFT, true, "   ", false);
	pads_as("", 3, TEXT_CENTRE, true, "   ", false);
}

static void
pad_marks_clipped_text(void **state)
{
	(void)state;
	pads_as("ABCDEFG", 4, TEXT_LEFT, true, "ABC>", true);
	pads_as("ABCDE", 4, TEXT_LEFT, true, "ABC>", true);
}

static void
pad_marks_clipped_wide_text_in_the_cell_left_free(void **state)
{
	const char	*s = beijing_huaxia;

	(void)state;

	/* 北京华夏 in 5 cells: 北京 then the free cell shows '>'. */
	pads_as(s, 5, TEXT_LEFT, true, "\xe5\x8c\x97\xe4\xba\xac>", true);

	/* In 4 cells 京 must give way to the mark: 北, '>', a space. */
	pads_as(s, 4, TEXT_LEFT, true, "\xe5\x8c\x97> ", true);
}

static void
pad_marks_clipped_mixed_text(void **state)
{
	/* "a北b京c": cells 1, 2, 1, 2, 1. */
	const char	*s = "a\xe5\x8c\x97" "b\xe4\xba\xac" "c";

	(void)state;
	pads_as(s, 6, TEXT_LEFT, true, "a\xe5\x8c\x97" "b> ", true);
	pads_as(s, 5, TEXT_LEFT, true, "a\xe5\x8c\x97" "b>", true);
	pads_as(s, 3, TEXT_LEFT, true, "a> ", true);
	pads_as(s, 2, TEXT_LEFT, true, "a>", true);
}

static void
pad_keeps_combining_marks_before_the_clip_mark(void **state)
{
	(void)state;
	pads_as("e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 2, TEXT_LEFT, true,
	    "e\xcc\x81>", true);
}

static void
pad_in_one_cell_shows_only_the_mark(void **state)
{
	(void)state;
	pads_as("AB", 1, TEXT_LEFT, true, ">", true);
	pads_as("\xe5\x8c\x97", 1, TEXT_LEFT, true, ">", true);
}

static void
pad_clips_without_mark_and_fills_the_cell_left_free(void **state)
{
	const char	*s = beijing_huaxia;

	(void)state;
	pads_as("ABCDEFG", 4, TEXT_LEFT, false, "ABCD", true);
	pads_as(s, 5, TEXT_LEFT, false, "\xe5\x8c\x97\xe4\xba\xac ", true);
	pads_as(s, 4, TEXT_LEFT, false, "\xe5\x8c\x97\xe4\xba\xac", true);
	pads_as(s, 1, TEXT_LEFT, false, " ", true);
}

static void
pad_ignores_alignment_when_clipped(void **state)
{
	const char	*s = beijing_huaxia;

	(void)state;
	pads_as("ABCDEFG", 4, TEXT_RIGHT, true, "ABC>", true);
	pads_as("ABCDEFG", 4, TEXT_CENTRE, true, "ABC>", true);
	pads_as(s, 4, TEXT_RIGHT, true, "\xe5\x8c\x97> ", true);
	pads_as(s, 4, TEXT_CENTRE, true, "\xe5\x8c\x97> ", true);
	pads_as(s, 5, TEXT_RIGHT, false, "\xe5\x8c\x97\xe4\xba\xac ", true);
	pads_as(s, 5, TEXT_CENTRE, false, "\xe5\x8c\x97\xe4\xba\xac ", true);
}

static void
pad_to_zero_cells_writes_nothing(void **state)
{
	(void)state;
	pads_as("abc", 0, TEXT_LEFT, true, "", true);
	pads_as("abc", 0, TEXT_RIGHT, false, "", true);
}

static void
pad_appends_to_what_the_buffer_holds(void **state)
{
	struct buf	b = BUF_INIT;

	(void)state;
	buf_adds(&b, "x|");
	assert_false(text_pad(&b, "ab", 4, TEXT_RIGHT, true));
	buf_adds(&b, "|");
	assert_true(text_pad(&b, "abcdef", 3, TEXT_LEFT, true));
	buf_adds(&b, "|");
	assert_string_equal(b.data, "x|  ab|ab>|");
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(decode_reads_one_byte_form),
		cmocka_unit_test(decode_reads_two_byte_form),
		cmocka_unit_test(decode_reads_three_byte_form),
		cmocka_unit_test(decode_reads_four_byte_form),
		cmocka_unit_test(decode_reads_only_the_first_character),
		cmocka_unit_test(decode_refuses_overlong_forms),
		cmocka_unit_test(decode_refuses_surrogates),
		cmocka_unit_test(decode_refuses_values_past_10ffff),
		cmocka_unit_test(decode_refuses_truncated_characters),
		cmocka_unit_test(decode_refuses_a_stray_continuation_byte),
		cmocka_unit_test(encode_writes_each_form),
		cmocka_unit_test(
		    encode_refuses_surrogates_and_values_past_10ffff),
		cmocka_unit_test(encode_and_decode_agree_on_every_scalar_value),
		cmocka_unit_test(valid_accepts_mixed_text),
		cmocka_unit_test(valid_reports_offset_of_first_bad_byte),
		cmocka_unit_test(cp_width_counts_printable_ascii_as_one),
		cmocka_unit_test(cp_width_counts_control_characters_as_zero),
		cmocka_unit_test(cp_width_counts_latin_letters_as_one),
		cmocka_unit_test(width_counts_cjk_as_two_cells),
		cmocka_unit_test(width_of_extension_b_character_is_two),
		cmocka_unit_test(
		    width_counts_hangul_and_fullwidth_forms_as_two),
		cmocka_unit_test(width_counts_combining_marks_as_zero),
		cmocka_unit_test(width_of_mixed_latin_cjk_and_combining),
		cmocka_unit_test(width_counts_a_bad_byte_as_one),
		cmocka_unit_test(width_leaves_the_process_locale_as_it_was),
		cmocka_unit_test(clip_never_splits_a_wide_character),
		cmocka_unit_test(clip_of_mixed_text_stops_at_cell_boundary),
		cmocka_unit_test(clip_keeps_combining_marks_with_their_letter),
		cmocka_unit_test(clip_to_zero_cells_takes_nothing),
		cmocka_unit_test(clip_counts_a_bad_byte_as_one_cell),
		cmocka_unit_test(clip_accepts_no_place_for_used),
		cmocka_unit_test(pad_left_aligns_mixed_text),
		cmocka_unit_test(pad_right_aligns_mixed_text),
		cmocka_unit_test(pad_centres_with_the_odd_space_on_the_right),
		cmocka_unit_test(pad_of_text_that_fills_the_cells_adds_nothing),
		cmocka_unit_test(pad_of_empty_text_is_all_spaces),
		cmocka_unit_test(pad_marks_clipped_text),
		cmocka_unit_test(
		    pad_marks_clipped_wide_text_in_the_cell_left_free),
		cmocka_unit_test(pad_marks_clipped_mixed_text),
		cmocka_unit_test(
		    pad_keeps_combining_marks_before_the_clip_mark),
		cmocka_unit_test(pad_in_one_cell_shows_only_the_mark),
		cmocka_unit_test(
		    pad_clips_without_mark_and_fills_the_cell_left_free),
		cmocka_unit_test(pad_ignores_alignment_when_clipped),
		cmocka_unit_test(pad_to_zero_cells_writes_nothing),
		cmocka_unit_test(pad_appends_to_what_the_buffer_holds)
	};

	setlocale(LC_ALL, "C");
	return (cmocka_run_group_tests(tests, NULL, NULL));
}
