/*
 * test-conv.c: what conv promises about converting between encodings.
 *
 * Each case names the behaviour it proves: round trips through GB18030,
 * the message for an unknown encoding, the three kinds of failure with the
 * offset of the first bad byte, and characters cut between two calls.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "conv.h"

/* 𠮷 (U+20BB7), 䶮 (U+4DAE) and é, in UTF-8 and in GB18030. */
#define YOSHI_UTF8	"\xf0\xa0\xae\xb7"
#define YOSHI_GB	"\x95\x34\xb2\x35"
#define YAN_UTF8	"\xe4\xb6\xae"
#define YAN_GB		"\xfe\x9f"
#define EACUTE_UTF8	"\xc3\xa9"
#define EACUTE_GB	"\xa8\xa6"

static void
test_utf8_to_gb18030_and_back_round_trips(void **state)
{
	const char	*utf8 = "Co " YOSHI_UTF8 YAN_UTF8 " caf" EACUTE_UTF8;
	char		*gb, *back;

	(void)state;

	gb = conv_string("GB18030", "UTF-8", utf8);
	assert_non_null(gb);
	assert_string_equal(gb, "Co " YOSHI_GB YAN_GB " caf" EACUTE_GB);

	back = conv_string("UTF-8", "GB18030", gb);
	assert_non_null(back);
	assert_string_equal(back, utf8);

	free(gb);
	free(back);
}

static void
test_unknown_encoding_is_named_in_message(void **state)
{
	struct conv	*c;
	char		*why = NULL;

	(void)state;

	c = conv_open("UTF-8", "NO-SUCH-CODE", &why);
	assert_null(c);
	assert_string_equal(why, "unknown encoding \"NO-SUCH-CODE\"");
	free(why);

	why = NULL;
	c = conv_open("KLINGON-8", "UTF-8", &why);
	assert_null(c);
	assert_string_equal(why, "unknown encoding \"KLINGON-8\"");
	free(why);

	assert_null(conv_string("UTF-8", "NO-SUCH-CODE", "x"));
}

static void
test_euro_to_latin1_is_unmappable_at_its_offset(void **state)
{
	struct conv	*c;
	struct buf	 out = BUF_INIT;
	const char	*in = "caf" EACUTE_UTF8 " \xe2\x82\xac" "5";
	size_t		 bad = 99;
	char		*why;

	(void)state;

	c = conv_open("ISO-8859-1", "UTF-8", &why);
	assert_non_null(c);

	assert_int_equal(conv_run(c, in, strlen(in), 0, &out, &bad),
	    CONV_UNMAPPABLE);
	assert_int_equal(bad, 6);
	assert_string_equal(out.data, "caf\xe9 ");

	buf_free(&out);
	conv_close(c);
}

static void
test_gb18030_to_latin1_tells_unmappable_from_invalid(void **state)
{
	struct conv	*c;
	struct buf	 out = BUF_INIT;
	size_t		 bad = 99;
	char		*why;

	(void)state;

	c = conv_open("ISO-8859-1", "GB18030", &why);
	assert_non_null(c);

	assert_int_equal(conv_run(c, "ab\xd6\xd0", 4, 0, &out, &bad),
	    CONV_UNMAPPABLE);
	assert_int_equal(bad, 2);
	assert_string_equal(out.data, "ab");

	buf_clear(&out);
	assert_int_equal(conv_run(c, "abc\xff", 4, 0, &out, &bad),
	    CONV_INVALID);
	assert_int_equal(bad, 3);
	assert_string_equal(out.data, "abc");

	buf_free(&out);
	conv_close(c);
}

static void
test_surrogate_in_utf8_is_invalid(void **state)
{
	struct conv	*c;
	struct buf	 out = BUF_INIT;
	const char	*in = "ab\xed\xa0\x80" "cd";
	size_t		 bad = 99;
	char		*why;

	(void)state;

	c = conv_open("GB18030", "UTF-8", &why);
	assert_non_null(c);
	assert_int_equal(conv_run(c, in, strlen(in), 0, &out, &bad),
	    CONV_INVALID);
	assert_int_equal(bad, 2);
	assert_string_equal(out.data, "ab");
	conv_close(c);

	buf_clear(&out);
	bad = 99;
	c = conv_open("UTF-8", "UTF-8", &why);
	assert_non_null(c);
	assert_int_equal(conv_run(c, in, strlen(in), 0, &out, &bad),
	    CONV_INVALID);
	assert_int_equal(bad, 2);
	assert_string_equal(out.data, "ab");
	conv_close(c);

	buf_free(&out);
}

static void
test_overlong_and_too_large_utf8_are_invalid(void **state)
{
	struct conv	*c;
	struct buf	 out = BUF_INIT;
	size_t		 bad = 99;
	char		*why;

	(void)state;

	c = conv_open("UTF-16LE", "UTF-8", &why);
	assert_non_null(c);

	assert_int_equal(conv_run(c, "x\xc0\xaf", 3, 0, &out, &bad),
	    CONV_INVALID);
	assert_int_equal(bad, 1);

	assert_int_equal(conv_run(c, "xy\xf4\x90\x80\x80", 6, 0, &out, &bad),
	    CONV_INVALID);
	assert_int_equal(bad, 2);

	buf_free(&out);
	conv_close(c);
}

static void
test_gb18030_character_cut_between_two_calls(void **state)
{
	struct conv	*c;
	struct buf	 out = BUF_INIT;
	size_t		 bad = 99;
	char		*why;

	(void)state;

	c = conv_open("UTF-8", "GB18030", &why);
	assert_non_null(c);

	assert_int_equal(conv_run(c, "a\x95\x34", 3, 1, &out, &bad), CONV_OK);
	assert_string_equal(out.data, "a");
	assert_int_equal(conv_run(c, "\xb2\x35" "b", 3, 1, &out, &bad),
	    CONV_OK);
	assert_int_equal(conv_run(c, YAN_GB, 1, 1, &out, &bad), CONV_OK);
	assert_int_equal(conv_run(c, YAN_GB + 1, 1, 0, &out, &bad), CONV_OK);
	assert_string_equal(out.data, "a" YOSHI_UTF8 "b" YAN_UTF8);

	buf_free(&out);
	conv_close(c);
}

static void
test_utf8_character_cut_between_two_calls(void **state)
{
	struct conv	*c;
	struct buf	 out = BUF_INIT;
	size_t		 bad = 99;
	char		*why;

	(void)state;

	c = conv_open("GB18030", "UTF-8", &why);
	assert_non_null(c);

	assert_int_equal(conv_run(c, "a\xf0", 2, 1, &out, &bad), CONV_OK);
	assert_int_equal(conv_run(c, "\xa0\xae", 2, 1, &out, &bad), CONV_OK);
	assert_string_equal(out.data, "a");
	assert_int_equal(conv_run(c, "\xb7" "b", 2, 0, &out, &bad), CONV_OK);
	assert_string_equal(out.data, "a" YOSHI_GB "b");

	buf_free(&out);
	conv_close(c);
}

static void
test_character_cut_at_the_end_is_incomplete(void **state)
{
	struct conv	*c;
	struct buf	 out = BUF_INIT;
	size_t		 bad = 99;
	char		*why;

	(void)state;

	c = conv_open("UTF-8", "GB18030", &why);
	assert_non_null(c);
	assert_int_equal(conv_run(c, "ab\x95\x34", 4, 0, &out, &bad),
	    CONV_INCOMPLETE);
	assert_int_equal(bad, 2);
	assert_string_equal(out.data, "ab");
	conv_close(c);

	c = conv_open("UTF-8", "UTF-8", &why);
	assert_non_null(c);
	assert_int_equal(conv_run(c, "x\xe4", 2, 1, &out, &bad), CONV_OK);
	assert_int_equal(conv_run(c, NULL, 0, 0, &out, &bad),
	    CONV_INCOMPLETE);
	assert_int_equal(bad, 0);
	conv_close(c);

	buf_free(&out);
}

static void
test_reset_forgets_a_cut_character(void **state)
{
	struct conv	*c;
	struct buf	 out = BUF_INIT;
	size_t		 bad = 99;
	char		*why;

	(void)state;

	c = conv_open("UTF-8", "GB18030", &why);
	assert_non_null(c);
	assert_int_equal(conv_run(c, "a\x95", 2, 1, &out, &bad), CONV_OK);
	conv_reset(c);
	assert_int_equal(conv_run(c, "bc", 2, 0, &out, &bad), CONV_OK);
	assert_string_equal(out.data, "abc");

	buf_free(&out);
	conv_close(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_to_gb18030_and_back_round_trips),
		cmocka_unit_test(test_unknown_encoding_is_named_in_message),
		cmocka_unit_test(
		    test_euro_to_latin1_is_unmappable_at_its_offset),
		cmocka_unit_test(
		    test_gb18030_to_latin1_tells_unmappable_from_invalid),
		cmocka_unit_test(test_surrogate_in_utf8_is_invalid),
		cmocka_unit_test(test_overlong_and_too_large_utf8_are_invalid),
		cmocka_unit_test(test_gb18030_character_cut_between_two_calls),
		cmocka_unit_test(test_utf8_character_cut_between_two_calls),
		cmocka_unit_test(test_character_cut_at_the_end_is_incomplete),
		cmocka_unit_test(test_reset_forgets_a_cut_character),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
