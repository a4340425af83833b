/*
 * test-record.c: what record.c promises about a record's encoding on
 * disk, its sortable keys, and the text form of each field type.
 *
 * The tables are defined here, not taken from the business layer, so that
 * a case can show two versions of one table side by side: "v1" as an
 * older program knows it, "v2" with two fields added later.  Encodings are
 * checked as exact bytes where the layout in record.h is the point.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "record.h"

enum { V_CODE, V_NAME, V_CITY, V_BALANCE };

static const struct field_def v1_fields[] = {
	{ 1, "code", FT_CODE, 0, F_KEY, NULL, "Code" },
	{ 2, "name", FT_TEXT, 0, 0, NULL, "Name" }
};
static const struct table_def v1 = {
	"customers", "customer", v1_fields, 2, NULL, 0
};

static const struct field_def v2_fields[] = {
	{ 1, "code", FT_CODE, 0, F_KEY, NULL, "Code" },
	{ 2, "name", FT_TEXT, 0, 0, NULL, "Name" },
	{ 3, "city", FT_TEXT, 0, 0, NULL, "City" },
	{ 4, "balance", FT_MONEY, 2, 0, NULL, "Balance" }
};
static const struct table_def v2 = {
	"customers", "customer", v2_fields, 4, NULL, 0
};

/* v2 without field 3: a program that knows the fields around a new one. */
static const struct field_def gap_fields[] = {
	{ 1, "code", FT_CODE, 0, F_KEY, NULL, "Code" },
	{ 2, "name", FT_TEXT, 0, 0, NULL, "Name" },
	{ 4, "balance", FT_MONEY, 2, 0, NULL, "Balance" }
};
static const struct table_def gap = {
	"customers", "customer", gap_fields, 3, NULL, 0
};

/* v2 listed out of id order, as a table may be laid out for a form. */
static const struct field_def shuffled_fields[] = {
	{ 4, "balance", FT_MONEY, 2, 0, NULL, "Balance" },
	{ 2, "name", FT_TEXT, 0, 0, NULL, "Name" },
	{ 1, "code", FT_CODE, 0, F_KEY, NULL, "Code" },
	{ 3, "city", FT_TEXT, 0, 0, NULL, "City" }
};
static const struct table_def shuffled = {
	"customers", "customer", shuffled_fields, 4, NULL, 0
};

/* Field 2 is a number here, where v1 holds text under the same id. */
static const struct field_def clash_fields[] = {
	{ 1, "code", FT_CODE, 0, F_KEY, NULL, "Code" },
	{ 2, "name", FT_INT, 0, 0, NULL, "Name" }
};
static const struct table_def clash = {
	"customers", "customer", clash_fields, 2, NULL, 0
};

/* One field of each kind record_parse and record_format know. */
enum { K_CODE, K_NAME, K_PRICE, K_SINCE, K_COUNT };

static const struct field_def kinds_fields[] = {
	{ 1, "code", FT_CODE, 0, F_KEY | F_UPPER, NULL, "Code" },
	{ 2, "name", FT_TEXT, 0, 0, NULL, "Name" },
	{ 3, "price", FT_MONEY, 2, 0, NULL, "Price" },
	{ 4, "since", FT_DATE, 0, 0, NULL, "Since" },
	{ 5, "count", FT_INT, 0, 0, NULL, "Count" }
};
static const struct table_def kinds = {
	"kinds", "kind", kinds_fields, 5, NULL, 0
};

/* Expects b to hold exactly the len bytes of want. */
static void
holds_bytes(const struct buf *b, const void *want, size_t len)
{
	assert_int_equal(b->len, len);
	assert_memory_equal(b->data, want, len);
}

/* Encodes r, decodes the bytes as table t, and returns the new record. */
static struct record *
reread_as(const struct record *r, const struct table_def *t)
{
	struct buf	 b = BUF_INIT;
	struct record	*back = record_new(t);

	record_encode(r, &b);
	assert_int_equal(record_decode(back, b.data, b.len), 0);
	buf_free(&b);
	return (back);
}

static struct record *
alfki(const struct table_def *t)
{
	struct record	*r = record_new(t);

	record_set_text(r, V_CODE, "ALFKI");
	record_set_text(r, V_NAME, "Alfreds Futterkiste");
	return (r);
}

static void
a_record_older_than_a_field_reads_it_as_empty(void **state)
{
	struct record	*old = alfki(&v1), *now;

	(void)state;
	now = reread_as(old, &v2);

	assert_string_equal(record_text(now, V_CODE), "ALFKI");
	assert_string_equal(record_text(now, V_NAME), "Alfreds Futterkiste");
	assert_string_equal(record_text(now, V_CITY), "");
	assert_true(record_is_empty(now, V_CITY));
	assert_int_equal(record_num(now, V_BALANCE), 0);
	assert_true(record_is_empty(now, V_BALANCE));
	assert_int_equal(now->unknown.len, 0);

	record_free(old);
	record_free(now);
}

static void
fields_unknown_to_an_older_program_survive_its_rewrite(void **state)
{
	struct record	*newer = alfki(&v2), *older, *after;

	(void)state;
	record_set_text(newer, V_CITY, "Berlin");
	record_set_num(newer, V_BALANCE, -123450);

	older = reread_as(newer, &v1);
	assert_string_equal(record_text(older, V_NAME),
	    "Alfreds Futterkiste");
	assert_int_not_equal(older->unknown.len, 0);
	record_set_text(older, V_NAME, "Alfreds Futterkiste GmbH");

	after = reread_as(older, &v2);
	assert_string_equal(record_text(after, V_CODE), "ALFKI");
	assert_string_equal(record_text(after, V_NAME),
	    "Alfreds Futterkiste GmbH");
	assert_string_equal(record_text(after, V_CITY), "Berlin");
	assert_int_equal(record_num(after, V_BALANCE), -123450);
	assert_int_equal(after->unknown.len, 0);

	record_free(newer);
	record_free(older);
	record_free(after);
}

static void
a_kept_field_goes_back_in_id_order_between_known_ones(void **state)
{
	struct record	*newer = alfki(&v2), *older;
	struct buf	 first = BUF_INIT, again = BUF_INIT;

	(void)state;
	record_set_text(newer, V_CITY, "Berlin");
	record_set_num(newer, V_BALANCE, 81450);
	record_encode(newer, &first);

	older = record_new(&gap);
	assert_int_equal(record_decode(older, first.data, first.len), 0);
	assert_int_equal(record_num(older, 2), 81450);
	record_encode(older, &again);
	holds_bytes(&again, first.data, first.len);

	record_free(newer);
	record_free(older);
	buf_free(&first);
	buf_free(&again);
}

static void
fields_go_out_in_id_order_whatever_the_table_order(void **state)
{
	struct record	*r = record_new(&shuffled);
	struct buf	 b = BUF_INIT;
	static const unsigned char want[] = {
		0x01,
		0x03, 0x01, 'A',	/* 1 code */
		0x05, 0x01, 'B',	/* 2 name */
		0x07, 0x01, 'C',	/* 3 city */
		0x08, 0x02		/* 4 balance 1 */
	};

	(void)state;
	record_set_num(r, 0, 1);
	record_set_text(r, 1, "B");
	record_set_text(r, 2, "A");
	record_set_text(r, 3, "C");
	record_encode(r, &b);
	holds_bytes(&b, want, sizeof want);

	record_free(r);
	buf_free(&b);
}

static void
empty_fields_are_not_written(void **state)
{
	struct record	*r = record_new(&v2);
	struct buf	 b = BUF_INIT;
	static const unsigned char nothing[] = { 0x01 };
	static const unsigned char want[] = {
		0x01,			/* version */
		0x03, 0x02, 'A', 'B',	/* id 1 text, 2 bytes */
		0x08, 0xd8, 0x04	/* id 4 number, zigzag 300 = 600 */
	};

	(void)state;
	record_encode(r, &b);
	holds_bytes(&b, nothing, sizeof nothing);

	buf_clear(&b);
	record_set_text(r, V_CODE, "AB");
	record_set_text(r, V_NAME, "");
	record_set_num(r, V_BALANCE, 300);
	record_encode(r, &b);
	holds_bytes(&b, want, sizeof want);

	record_free(r);
	buf_free(&b);
}

static void
encode_appends_to_what_the_buffer_holds(void **state)
{
	struct record	*r = record_new(&v1);
	struct buf	 b = BUF_INIT;

	(void)state;
	buf_adds(&b, "key");
	record_encode(r, &b);
	holds_bytes(&b, "key\001", 4);

	record_free(r);
	buf_free(&b);
}

static void
negative_and_large_numbers_round_trip(void **state)
{
	static const int64_t	 values[] = {
		-1, 1, -64, 64, INT64_MIN, INT64_MIN + 1, INT64_MAX
	};
	struct record		*r = record_new(&v2), *back;
	struct buf		 b = BUF_INIT;
	size_t			 k;
	static const unsigned char minus_one[] = { 0x01, 0x08, 0x01 };

	(void)state;
	for (k = 0; k < sizeof values / sizeof values[0]; k++) {
		record_set_num(r, V_BALANCE, values[k]);
		back = reread_as(r, &v2);
		assert_int_equal(record_num(back, V_BALANCE), values[k]);
		record_free(back);
	}

	/* Zigzag keeps small negatives small: -1 takes one byte. */
	record_set_num(r, V_BALANCE, -1);
	record_encode(r, &b);
	holds_bytes(&b, minus_one, sizeof minus_one);

	/* The widest value takes the widest varint, ten bytes. */
	buf_clear(&b);
	record_set_num(r, V_BALANCE, INT64_MIN);
	record_encode(r, &b);
	assert_int_equal(b.len, 1 + 1 + 10);

	record_free(r);
	buf_free(&b);
}

static void
text_round_trips_byte_for_byte(void **state)
{
	struct record	*r = record_new(&v2), *back;

	(void)state;
	record_set_text(r, V_NAME, "Lehmanns Marktstand \xc3\x84 \xe5\x8c\x97");
	record_set_text(r, V_CITY, "Frankfurt a.M.");
	back = reread_as(r, &v2);
	assert_string_equal(record_text(back, V_NAME),
	    "Lehmanns Marktstand \xc3\x84 \xe5\x8c\x97");
	assert_string_equal(record_text(back, V_CITY), "Frankfurt a.M.");

	record_free(r);
	record_free(back);
}

static void
decode_refuses_an_unknown_version(void **state)
{
	struct record		*r = alfki(&v1);
	static const unsigned char two[] = { 0x02, 0x03, 0x01, 'A' };
	static const unsigned char zero[] = { 0x00, 0x03, 0x01, 'A' };

	(void)state;
	assert_int_equal(record_decode(r, two, sizeof two), -1);
	assert_int_equal(record_decode(r, zero, sizeof zero), -1);

	/* What the record held before is gone, not half kept. */
	assert_string_equal(record_text(r, V_CODE), "");
	assert_string_equal(record_text(r, V_NAME), "");

	record_free(r);
}

static void
decode_refuses_truncated_input(void **state)
{
	struct record		*r = record_new(&v2);
	static const unsigned char text_cut[] = { 0x01, 0x03, 0x05, 'A', 'B' };
	static const unsigned char length_missing[] = { 0x01, 0x03 };
	static const unsigned char value_missing[] = { 0x01, 0x08 };
	static const unsigned char varint_cut[] = { 0x01, 0x08, 0xd8 };
	static const unsigned char tag_cut[] = { 0x01, 0x83 };
	static const unsigned char whole[] = {
		0x01, 0x03, 0x02, 'A', 'B', 0x08, 0xd8, 0x04
	};
	size_t			 n;

	(void)state;
	assert_int_equal(record_decode(r, "", 0), -1);
	assert_int_equal(record_decode(r, text_cut, sizeof text_cut), -1);
	assert_int_equal(record_decode(r, length_missing,
	    sizeof length_missing), -1);
	assert_int_equal(record_decode(r, value_missing,
	    sizeof value_missing), -1);
	assert_int_equal(record_decode(r, varint_cut, sizeof varint_cut), -1);
	assert_int_equal(record_decode(r, tag_cut, sizeof tag_cut), -1);

	/* Every cut inside a field is refused; a cut between fields is not. */
	for (n = 0; n <= sizeof whole; n++) {
		int want = (n == 1 || n == 5 || n == sizeof whole) ? 0 : -1;

		assert_int_equal(record_decode(r, whole, n), want);
	}

	record_free(r);
}

static void
a_field_of_unexpected_kind_is_kept_not_misread(void **state)
{
	struct record	*r = alfki(&v1), *back;
	struct buf	 first = BUF_INIT, again = BUF_INIT;

	(void)state;
	record_encode(r, &first);
	back = record_new(&clash);
	assert_int_equal(record_decode(back, first.data, first.len), 0);
	assert_string_equal(record_text(back, V_CODE), "ALFKI");
	assert_int_equal(record_num(back, V_NAME), 0);

	record_encode(back, &again);
	holds_bytes(&again, first.data, first.len);

	record_free(r);
	record_free(back);
	buf_free(&first);
	buf_free(&again);
}

/* The key of a v2 record whose balance is v. */
static void
balance_key(int64_t v, struct buf *out)
{
	struct record	*r = record_new(&v2);
	int		 which = V_BALANCE;

	record_set_num(r, V_BALANCE, v);
	record_key(r, &which, 1, 0, out);
	record_free(r);
}

/* The key of a v1 record with code and name, folded or not. */
static int
code_name_key(const char *code, const char *name, int fold, struct buf *out)
{
	struct record	*r = record_new(&v1);
	int		 which[] = { V_CODE, V_NAME }, rc;

	record_set_text(r, V_CODE, code);
	record_set_text(r, V_NAME, name);
	rc = record_key(r, which, 2, fold, out);
	record_free(r);
	return (rc);
}

/* memcmp order of two keys, as -1, 0 or 1, shorter key first on a tie. */
static int
key_order(const struct buf *a, const struct buf *b)
{
	size_t	n = a->len < b->len ? a->len : b->len;
	int	c = memcmp(a->data, b->data, n);

	if (c == 0)
		c = (a->len > b->len) - (a->len < b->len);
	return ((c > 0) - (c < 0));
}

static void
keys_sort_in_value_order(void **state)
{
	static const int64_t	 ascending[] = {
		INT64_MIN, -300, -5, -1, 0, 1, 300, INT64_MAX
	};
	struct buf		 a = BUF_INIT, b = BUF_INIT;
	static const unsigned char zero[8] = { 0x80 };
	size_t			 k;

	(void)state;
	for (k = 0; k + 1 < sizeof ascending / sizeof ascending[0]; k++) {
		buf_clear(&a);
		buf_clear(&b);
		balance_key(ascending[k], &a);
		balance_key(ascending[k + 1], &b);
		assert_int_equal(a.len, 8);
		assert_int_equal(b.len, 8);
		assert_int_equal(key_order(&a, &b), -1);
	}

	buf_clear(&a);
	balance_key(0, &a);
	holds_bytes(&a, zero, sizeof zero);

	/* The NUL after each text ends it before a longer one begins. */
	buf_clear(&a);
	buf_clear(&b);
	assert_int_equal(code_name_key("AB", "C", 0, &a), 0);
	assert_int_equal(code_name_key("ABC", "", 0, &b), 0);
	holds_bytes(&a, "AB\0C\0", 5);
	holds_bytes(&b, "ABC\0\0", 5);
	assert_int_equal(key_order(&a, &b), -1);

	buf_clear(&a);
	buf_clear(&b);
	code_name_key("AB", "", 0, &a);
	code_name_key("AB", "A", 0, &b);
	assert_int_equal(key_order(&a, &b), -1);

	buf_free(&a);
	buf_free(&b);
}

static void
folded_keys_lower_case_ascii_only(void **state)
{
	struct buf	a = BUF_INIT, b = BUF_INIT;

	(void)state;
	code_name_key("ALFKI", "Caf\xc3\x89 M\xc3\xbcller", 1, &a);
	holds_bytes(&a, "alfki\0caf\xc3\x89 m\xc3\xbcller\0", 20);

	code_name_key("alfki", "x", 1, &b);
	buf_clear(&a);
	code_name_key("ALFKI", "X", 1, &a);
	assert_int_equal(key_order(&a, &b), 0);

	/* Without fold, case is kept and upper case sorts first. */
	buf_clear(&a);
	buf_clear(&b);
	code_name_key("ALFKI", "", 0, &a);
	code_name_key("alfki", "", 0, &b);
	holds_bytes(&a, "ALFKI\0\0", 7);
	assert_int_equal(key_order(&a, &b), -1);

	buf_free(&a);
	buf_free(&b);
}

static void
a_key_of_only_empty_fields_is_refused(void **state)
{
	struct buf	b = BUF_INIT;

	(void)state;
	assert_int_equal(code_name_key("", "", 0, &b), -1);
	buf_clear(&b);
	assert_int_equal(code_name_key("", "Anna", 0, &b), 0);

	buf_free(&b);
}

static void
the_primary_key_is_the_key_fields_in_order(void **state)
{
	struct record	*r = alfki(&v2);
	struct buf	 b = BUF_INIT;

	(void)state;
	record_primary_key(r, &b);
	holds_bytes(&b, "ALFKI\0", 6);

	record_free(r);
	buf_free(&b);
}

/* Parses text into field i of r and expects success. */
static void
accepts(struct record *r, int i, const char *text)
{
	const char	*why = NULL;

	if (record_parse(r, i, text, &why) != 0)
		fail_msg("\"%s\" refused: %s", text, why);
}

/* Parses text into field i of r and expects refusal with the reason want. */
static void
refuses(struct record *r, int i, const char *text, const char *want)
{
	const char	*why = NULL;

	assert_int_equal(record_parse(r, i, text, &why), -1);
	assert_non_null(why);
	assert_string_equal(why, want);
}

/* Expects field i of r to format as want. */
static void
formats_as(const struct record *r, int i, const char *want)
{
	struct buf	b = BUF_INIT;

	assert_string_equal(record_format(r, i, &b), want);
	buf_free(&b);
}

static void
parse_checks_each_type(void **state)
{
	struct record	*r = record_new(&kinds);

	(void)state;
	accepts(r, K_PRICE, "12.34");
	assert_int_equal(record_num(r, K_PRICE), 1234);
	refuses(r, K_PRICE, "12.345", "too many decimals (at most 2)");
	refuses(r, K_PRICE, "twelve", "not a number");
	assert_int_equal(record_num(r, K_PRICE), 1234);

	accepts(r, K_SINCE, "1996-07-04 00:00:00.000");
	assert_int_equal(record_num(r, K_SINCE), 19960704);
	accepts(r, K_SINCE, "1996-07-05 00:00:00");
	assert_int_equal(record_num(r, K_SINCE), 19960705);
	accepts(r, K_SINCE, "1996-07-06T00:00:00");
	assert_int_equal(record_num(r, K_SINCE), 19960706);
	accepts(r, K_SINCE, "1996-02-29");
	assert_int_equal(record_num(r, K_SINCE), 19960229);
	refuses(r, K_SINCE, "1996-02-30", "no such day");
	refuses(r, K_SINCE, "1900-02-29", "no such day");
	refuses(r, K_SINCE, "1996-13-01", "no such day");
	refuses(r, K_SINCE, "1996-07-04 10:00:00",
	    "a time of day other than midnight is not kept");
	refuses(r, K_SINCE, "1996-7-4", "not a date (YYYY-MM-DD)");
	refuses(r, K_SINCE, "04.07.1996", "not a date (YYYY-MM-DD)");
	assert_int_equal(record_num(r, K_SINCE), 19960229);

	accepts(r, K_COUNT, "42");
	assert_int_equal(record_num(r, K_COUNT), 42);
	refuses(r, K_COUNT, "4.2", "too many decimals (at most 0)");

	accepts(r, K_CODE, "alfki");
	assert_string_equal(record_text(r, K_CODE), "ALFKI");
	refuses(r, K_CODE, "AL FKI", "a code may not hold blanks");
	refuses(r, K_CODE, "AL\tFKI", "a code may not hold blanks");
	assert_string_equal(record_text(r, K_CODE), "ALFKI");

	accepts(r, K_NAME, "  Ana Trujillo Emparedados y helados");
	assert_string_equal(record_text(r, K_NAME),
	    "Ana Trujillo Emparedados y helados");

	record_free(r);
}

static void
parse_of_empty_text_empties_the_field(void **state)
{
	struct record	*r = record_new(&kinds);

	(void)state;
	accepts(r, K_PRICE, "5");
	accepts(r, K_NAME, "Anna");
	accepts(r, K_PRICE, "");
	accepts(r, K_NAME, "   ");
	assert_true(record_is_empty(r, K_PRICE));
	assert_true(record_is_empty(r, K_NAME));

	record_free(r);
}

static void
format_gives_back_the_text_parse_read(void **state)
{
	struct record	*r = record_new(&kinds);
	struct buf	 b = BUF_INIT;

	(void)state;
	accepts(r, K_PRICE, "1234.50");
	formats_as(r, K_PRICE, "1234.50");
	accepts(r, K_PRICE, "-0.05");
	formats_as(r, K_PRICE, "-0.05");
	accepts(r, K_SINCE, "1996-07-04");
	formats_as(r, K_SINCE, "1996-07-04");
	accepts(r, K_COUNT, "-17");
	formats_as(r, K_COUNT, "-17");
	accepts(r, K_CODE, "vinet");
	formats_as(r, K_CODE, "VINET");

	/* The text is appended, and the pointer is to where it begins. */
	buf_adds(&b, "since ");
	assert_string_equal(record_format(r, K_SINCE, &b), "1996-07-04");
	assert_string_equal(b.data, "since 1996-07-04");

	record_free(r);
	buf_free(&b);
}

static void
format_of_empty_fields_is_empty_text(void **state)
{
	struct record	*r = record_new(&kinds);
	struct buf	 b = BUF_INIT;

	(void)state;
	buf_adds(&b, "x");
	assert_string_equal(record_format(r, K_PRICE, &b), "");
	assert_string_equal(record_format(r, K_SINCE, &b), "");
	assert_string_equal(record_format(r, K_COUNT, &b), "");
	assert_string_equal(record_format(r, K_CODE, &b), "");
	assert_string_equal(b.data, "x");

	record_free(r);
	buf_free(&b);
}

/*
 * A buffer that has never held anything has no storage yet, so formatting
 * an empty number into it is what must allocate and terminate it.  The
 * storage freed just before is dirtied so that an unterminated result
 * shows as junk, not as a lucky zero byte.
 */
static void
an_empty_price_formats_as_an_empty_string_in_a_new_buffer(void **state)
{
	struct record	*r = record_new(&kinds);
	struct buf	 b = BUF_INIT;
	const char	*text;
	char		*dirt;
	int		 empty;

	(void)state;
	dirt = xmalloc(64);
	memset(dirt, 'x', 64);
	free(dirt);

	text = record_format(r, K_PRICE, &b);
	empty = b.len == 0 && text == b.data && text[0] == '\0';
	record_free(r);
	buf_free(&b);
	if (!empty)
		fail_msg("an empty price formats as unterminated text");
}

static void
copy_takes_values_and_kept_fields(void **state)
{
	struct record	*newer = alfki(&v2), *older, *copy, *after;

	(void)state;
	record_set_text(newer, V_CITY, "Berlin");
	older = reread_as(newer, &v1);
	copy = alfki(&v1);
	record_set_text(copy, V_NAME, "something else");
	record_copy(copy, older);

	after = reread_as(copy, &v2);
	assert_string_equal(record_text(after, V_NAME),
	    "Alfreds Futterkiste");
	assert_string_equal(record_text(after, V_CITY), "Berlin");

	record_free(newer);
	record_free(older);
	record_free(copy);
	record_free(after);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_record_older_than_a_field_reads_it_as_empty),
		cmocka_unit_test(
		    fields_unknown_to_an_older_program_survive_its_rewrite),
		cmocka_unit_test(
		    a_kept_field_goes_back_in_id_order_between_known_ones),
		cmocka_unit_test(
		    fields_go_out_in_id_order_whatever_the_table_order),
		cmocka_unit_test(empty_fields_are_not_written),
		cmocka_unit_test(encode_appends_to_what_the_buffer_holds),
		cmocka_unit_test(negative_and_large_numbers_round_trip),
		cmocka_unit_test(text_round_trips_byte_for_byte),
		cmocka_unit_test(decode_refuses_an_unknown_version),
		cmocka_unit_test(decode_refuses_truncated_input),
		cmocka_unit_test(
		    a_field_of_unexpected_kind_is_kept_not_misread),
		cmocka_unit_test(keys_sort_in_value_order),
		cmocka_unit_test(folded_keys_lower_case_ascii_only),
		cmocka_unit_test(a_key_of_only_empty_fields_is_refused),
		cmocka_unit_test(the_primary_key_is_the_key_fields_in_order),
		cmocka_unit_test(parse_checks_each_type),
		cmocka_unit_test(parse_of_empty_text_empties_the_field),
		cmocka_unit_test(format_gives_back_the_text_parse_read),
		cmocka_unit_test(format_of_empty_fields_is_empty_text),
		cmocka_unit_test(
		    an_empty_price_formats_as_an_empty_string_in_a_new_buffer),
		cmocka_unit_test(copy_takes_values_and_kept_fields)
	};

	setlocale(LC_ALL, "C");
	return (cmocka_run_group_tests(tests, NULL, NULL));
}
