/*
 * test-csv.c: what the CSV reader and writer promise.
 *
 * Each case writes a small file into a temporary directory, reads it back
 * with csv_next and checks the fields and the line each row or error is
 * on.  The GB18030 case reads the customer files kept with the shared test
 * data, found through KONTOR_TEST_DATA (a folder holding the two files),
 * KONTOR_TEST_SHARED_DATA (the shared data folder) or ../shared/data; if
 * none has them, that case is skipped.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csv.h"
#include "xalloc.h"

#define CHUNK		(64 * 1024)
#define MAX_FILES	64

#define YOSHI_UTF8	"\xf0\xa0\xae\xb7"
#define YOSHI_GB	"\x95\x34\xb2\x35"
#define YAN_UTF8	"\xe4\xb6\xae"
#define ZHONG_UTF8	"\xe4\xb8\xad"
#define ZHONG_GB	"\xd6\xd0"

static char	 tmpdir[4096];
static char	*files[MAX_FILES];
static int	 nfiles;

/* Makes the directory the cases write into, under $TMPDIR or /tmp. */
static int
group_setup(void **state)
{
	const char	*base;
	int		 n;

	(void)state;
	base = getenv("TMPDIR");
	if (base == NULL || *base == '\0')
		base = "/tmp";

	/* mkdtemp wants the name to end in six X characters. */
	n = snprintf(tmpdir, sizeof tmpdir, "%s/kontor-test-csv-123456",
	    base);
	if (n < 0 || (size_t)n >= sizeof tmpdir)
		return (-1);
	memset(tmpdir + n - 6, 'X', 6);

	if (mkdtemp(tmpdir) == NULL)
		return (-1);
	return (0);
}

static int
group_teardown(void **state)
{
	int	i;

	(void)state;
	for (i = 0; i < nfiles; i++) {
		unlink(files[i]);
		free(files[i]);
	}
	rmdir(tmpdir);
	return (0);
}

/* Writes len bytes to a new file named name in tmpdir; returns its path. */
static const char *
write_bytes(const char *name, const char *data, size_t len)
{
	char	*path;
	FILE	*f;

	assert_true(nfiles < MAX_FILES);
	path = xasprintf("%s/%s", tmpdir, name);
	files[nfiles++] = path;

	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
	return (path);
}

static const char *
write_text(const char *name, const char *text)
{
	return (write_bytes(name, text, strlen(text)));
}

static struct csv *
open_or_fail(const char *path, const char *encoding)
{
	struct csv	*cs;
	char		*why = NULL;

	cs = csv_open(path, encoding, &why);
	if (cs == NULL)
		fail_msg("%s", why);
	return (cs);
}

/* Reads the next row and checks its line and its n fields. */
static void
expect_row(struct csv *cs, long line, int n, ...)
{
	struct csv_row	 row;
	va_list		 ap;
	int		 i, r;

	r = csv_next(cs, &row);
	if (r == -1)
		fail_msg("line %ld: %s", csv_error_line(cs), csv_error(cs));
	assert_int_equal(r, 1);
	assert_int_equal(row.line, line);
	assert_int_equal(row.nfields, n);

	va_start(ap, n);
	for (i = 0; i < n; i++)
		assert_string_equal(row.fields[i], va_arg(ap, const char *));
	va_end(ap);
}

static void
expect_end(struct csv *cs)
{
	struct csv_row	row;

	assert_int_equal(csv_next(cs, &row), 0);
}

static void
expect_error(struct csv *cs, long line, const char *message)
{
	struct csv_row	row;

	assert_int_equal(csv_next(cs, &row), -1);
	assert_string_equal(csv_error(cs), message);
	assert_int_equal(csv_error_line(cs), line);
}

static void
test_quoted_comma_stays_in_field(void **state)
{
	struct csv	*cs;

	(void)state;
	cs = open_or_fail(write_text("comma.csv",
	    "a,\"b,c\",d\n\"x,\",y\n"), NULL);
	expect_row(cs, 1, 3, "a", "b,c", "d");
	expect_row(cs, 2, 2, "x,", "y");
	expect_end(cs);
	csv_close(cs);
}

static void
test_doubled_quotes_become_one(void **state)
{
	struct csv	*cs;

	(void)state;
	cs = open_or_fail(write_text("quotes.csv",
	    "\"say \"\"hi\"\"\",\"\"\"\",\"\"\n"), NULL);
	expect_row(cs, 1, 3, "say \"hi\"", "\"", "");
	expect_end(cs);
	csv_close(cs);
}

static void
test_newline_in_quoted_field_keeps_line_numbers(void **state)
{
	struct csv	*cs;

	(void)state;
	cs = open_or_fail(write_text("multiline.csv",
	    "id,note\n1,\"two\nlines\"\n2,\"three\r\nmore\nlines\"\n3,x\n"),
	    NULL);
	expect_row(cs, 1, 2, "id", "note");
	expect_row(cs, 2, 2, "1", "two\nlines");
	expect_row(cs, 4, 2, "2", "three\r\nmore\nlines");
	expect_row(cs, 7, 2, "3", "x");
	expect_end(cs);
	csv_close(cs);
}

static void
test_crlf_ends_lines(void **state)
{
	struct csv	*cs;

	(void)state;
	cs = open_or_fail(write_text("crlf.csv",
	    "a,b\r\n\"c\",d\r\ne,\"f\"\r\n"), NULL);
	expect_row(cs, 1, 2, "a", "b");
	expect_row(cs, 2, 2, "c", "d");
	expect_row(cs, 3, 2, "e", "f");
	expect_end(cs);
	csv_close(cs);
}

static void
test_lone_cr_is_part_of_field(void **state)
{
	struct csv	*cs;

	(void)state;
	cs = open_or_fail(write_text("cr.csv", "a\rb,c\n"), NULL);
	expect_row(cs, 1, 2, "a\rb", "c");
	expect_end(cs);
	csv_close(cs);
}

static void
test_missing_final_newline_keeps_last_row(void **state)
{
	struct csv	*cs;

	(void)state;
	cs = open_or_fail(write_text("nofinal.csv", "a,b\nc,\"d\""), NULL);
	expect_row(cs, 1, 2, "a", "b");
	expect_row(cs, 2, 2, "c", "d");
	expect_end(cs);
	expect_end(cs);
	csv_close(cs);
}

static void
test_bom_skipped_only_at_start(void **state)
{
	struct csv	*cs;

	(void)state;
	cs = open_or_fail(write_text("bom.csv",
	    "\xef\xbb\xbf" "code,name\n1,\xef\xbb\xbfx\n"), NULL);
	expect_row(cs, 1, 2, "code", "name");
	expect_row(cs, 2, 2, "1", "\xef\xbb\xbfx");
	expect_end(cs);
	csv_close(cs);
}

static void
test_empty_fields(void **state)
{
	struct csv	*cs;

	(void)state;
	cs = open_or_fail(write_text("empty.csv",
	    ",,\na,,b\n\"\",x,\n"), NULL);
	expect_row(cs, 1, 3, "", "", "");
	expect_row(cs, 2, 3, "a", "", "b");
	expect_row(cs, 3, 3, "", "x", "");
	expect_end(cs);
	csv_close(cs);
}

static void
test_blank_line_in_middle_is_row_of_one_empty_field(void **state)
{
	struct csv	*cs;

	(void)state;
	cs = open_or_fail(write_text("blank.csv",
	    "a,b\n\n\r\nc,d\n"), NULL);
	expect_row(cs, 1, 2, "a", "b");
	expect_row(cs, 2, 1, "");
	expect_row(cs, 3, 1, "");
	expect_row(cs, 4, 2, "c", "d");
	expect_end(cs);
	csv_close(cs);
}

static void
test_blank_lines_at_end_are_not_rows(void **state)
{
	struct csv	*cs;

	(void)state;
	cs = open_or_fail(write_text("blankend.csv", "a,b\n\n\r\n\n"), NULL);
	expect_row(cs, 1, 2, "a", "b");
	expect_end(cs);
	csv_close(cs);

	cs = open_or_fail(write_text("onlyblank.csv", "\n"), NULL);
	expect_end(cs);
	csv_close(cs);

	cs = open_or_fail(write_text("nothing.csv", ""), NULL);
	expect_end(cs);
	csv_close(cs);
}

static void
test_unclosed_quote_gives_its_starting_line(void **state)
{
	struct csv	*cs;

	(void)state;
	cs = open_or_fail(write_text("unclosed.csv",
	    "a,b\nc,d\ne,\"open\nmore\nstill more\n"), NULL);
	expect_row(cs, 1, 2, "a", "b");
	expect_row(cs, 2, 2, "c", "d");
	expect_error(cs, 3,
	    "unclosed quote (the quoted field starts on line 3)");
	expect_error(cs, 3,
	    "unclosed quote (the quoted field starts on line 3)");
	csv_close(cs);
}

static void
test_text_after_closing_quote_is_an_error(void **state)
{
	struct csv	*cs;

	(void)state;
	cs = open_or_fail(write_text("after.csv",
	    "a,b\n\"two\nlines\"x,y\n"), NULL);
	expect_row(cs, 1, 2, "a", "b");
	expect_error(cs, 3, "text after a closing quote");
	csv_close(cs);
}

/* Finds the two customer files; returns 0 if neither place has them. */
static int
find_customer_files(char **gb, char **utf8)
{
	const char	*dir;
	char		*dirs[2];
	int		 i, n = 0;

	dir = getenv("KONTOR_TEST_DATA");
	if (dir != NULL)
		dirs[n++] = xstrdup(dir);
	dir = getenv("KONTOR_TEST_SHARED_DATA");
	if (dir == NULL)
		dir = "../shared/data";
	dirs[n++] = xasprintf("%s/encodings", dir);

	*gb = *utf8 = NULL;
	for (i = 0; i < n; i++) {
		if (*gb == NULL) {
			*gb = xasprintf("%s/customers-zh.gb18030.csv",
			    dirs[i]);
			*utf8 = xasprintf("%s/customers-zh.utf8.csv",
			    dirs[i]);
			if (access(*gb, R_OK) != 0 ||
			    access(*utf8, R_OK) != 0) {
				free(*gb);
				free(*utf8);
				*gb = *utf8 = NULL;
			}
		}
		free(dirs[i]);
	}
	return (*gb != NULL);
}

static void
test_gb18030_file_decodes_to_the_utf8_file(void **state)
{
	struct csv	*gbcs, *utfcs;
	struct csv_row	 gbrow, utfrow;
	char		*gb, *utf8;
	int		 i, r, rows = 0, yoshi = 0, yan = 0;

	(void)state;
	if (!find_customer_files(&gb, &utf8)) {
		print_message("customer files not found: set "
		    "KONTOR_TEST_DATA or KONTOR_TEST_SHARED_DATA\n");
		skip();
	}

	gbcs = open_or_fail(gb, "GB18030");
	utfcs = open_or_fail(utf8, NULL);
	for (;;) {
		r = csv_next(utfcs, &utfrow);
		assert_int_not_equal(r, -1);
		assert_int_equal(csv_next(gbcs, &gbrow), r);
		if (r == 0)
			break;
		rows++;

		assert_int_equal(gbrow.line, utfrow.line);
		assert_int_equal(gbrow.nfields, utfrow.nfields);
		for (i = 0; i < utfrow.nfields; i++) {
			assert_string_equal(gbrow.fields[i],
			    utfrow.fields[i]);
			if (strstr(gbrow.fields[i], YOSHI_UTF8) != NULL)
				yoshi++;
			if (strstr(gbrow.fields[i], YAN_UTF8) != NULL)
				yan++;
		}
		assert_int_equal(gbrow.nfields, 8);
	}
	assert_int_equal(rows, 13);
	assert_true(yoshi > 0);
	assert_true(yan > 0);

	csv_close(gbcs);
	csv_close(utfcs);
	free(gb);
	free(utf8);
}

static void
test_invalid_gb18030_bytes_report_their_line(void **state)
{
	struct csv	*cs;

	(void)state;
	cs = open_or_fail(write_text("badgb.csv",
	    "code,name\nA1," ZHONG_GB "\nA2,\"two\nlines\"\nA3,x\xffy\n"
	    "A4,z\n"), "GB18030");
	expect_row(cs, 1, 2, "code", "name");
	expect_row(cs, 2, 2, "A1", ZHONG_UTF8);
	expect_row(cs, 3, 2, "A2", "two\nlines");
	expect_error(cs, 5, "bytes not valid in GB18030");
	csv_close(cs);
}

static void
test_invalid_utf8_reports_its_line(void **state)
{
	struct csv	*cs;

	(void)state;
	cs = open_or_fail(write_text("badutf8.csv",
	    "a,b\n\"x\ny\",\"one\ntwo \xed\xa0\x80\"\nc,d\n"), NULL);
	expect_row(cs, 1, 2, "a", "b");
	expect_error(cs, 4, "bytes not valid in UTF-8");
	csv_close(cs);
}

static void
test_character_cut_at_end_of_file(void **state)
{
	struct csv	*cs;

	(void)state;
	cs = open_or_fail(write_text("cut.csv", "a,b\nc,\xe4\xb8"), NULL);
	expect_row(cs, 1, 2, "a", "b");
	expect_error(cs, 2, "character cut short at the end of the file");
	csv_close(cs);
}

/*
 * Builds a file in which a run of count characters ch (of chlen bytes)
 * crosses the first chunk boundary with the boundary inside one of them:
 * a header, filler rows, then a row "k,<run>" and a row "end,<ch>".
 * Returns the file's length and sets *kline to the line of the "k" row.
 */
static size_t
build_straddle(struct buf *b, const char *ch, size_t chlen, int count,
    long *kline)
{
	size_t	run, pad;
	long	line = 1;
	int	i;

	run = CHUNK - chlen * (count / 2) - 1;
	buf_adds(b, "code,name\n");
	line++;
	while (b->len + 64 + 8 < run - 2) {
		buf_printf(b, "f%05ld,%056d\n", line, 0);
		line++;
	}
	pad = run - 2 - b->len;
	buf_adds(b, "f,");
	for (i = 0; i < (int)pad - 3; i++)
		buf_addc(b, 'x');
	buf_addc(b, '\n');
	line++;

	assert_int_equal(b->len + 2, run);
	assert_true((CHUNK - run) % chlen != 0);

	*kline = line;
	buf_adds(b, "k,");
	for (i = 0; i < count; i++)
		buf_add(b, ch, chlen);
	buf_adds(b, "\nend,");
	buf_add(b, ch, chlen);
	buf_adds(b, "\n");
	return (b->len);
}

/* Reads the file build_straddle made and checks the rows after fillers. */
static void
check_straddle(struct csv *cs, const char *ch_utf8, int count, long kline)
{
	struct buf	 want = BUF_INIT;
	struct csv_row	 row;
	long		 line;
	int		 i;

	for (line = 1; line < kline; line++) {
		assert_int_equal(csv_next(cs, &row), 1);
		assert_int_equal(row.line, line);
		assert_int_equal(row.nfields, 2);
	}

	for (i = 0; i < count; i++)
		buf_adds(&want, ch_utf8);
	expect_row(cs, kline, 2, "k", want.data);
	expect_row(cs, kline + 1, 2, "end", ch_utf8);
	expect_end(cs);
	buf_free(&want);
}

static void
test_gb18030_character_straddling_chunk_boundary(void **state)
{
	struct buf	 b = BUF_INIT;
	struct csv	*cs;
	long		 kline;

	(void)state;
	build_straddle(&b, YOSHI_GB, 4, 20, &kline);
	cs = open_or_fail(write_bytes("straddle-gb.csv", b.data, b.len),
	    "GB18030");
	check_straddle(cs, YOSHI_UTF8, 20, kline);
	csv_close(cs);
	buf_free(&b);
}

static void
test_utf8_character_straddling_chunk_boundary(void **state)
{
	struct buf	 b = BUF_INIT;
	struct csv	*cs;
	long		 kline;

	(void)state;
	build_straddle(&b, ZHONG_UTF8, 3, 20, &kline);
	cs = open_or_fail(write_bytes("straddle-utf8.csv", b.data, b.len),
	    NULL);
	check_straddle(cs, ZHONG_UTF8, 20, kline);
	csv_close(cs);
	buf_free(&b);
}

static void
test_rewind_gives_the_same_rows_again(void **state)
{
	struct csv	*cs;
	int		 pass;

	(void)state;
	cs = open_or_fail(write_text("rewind.csv",
	    "\x84\x31\x95\x33" "a,b\n\"c\nd\",e\n\nf," ZHONG_GB "\n"),
	    "GB18030");
	for (pass = 0; pass < 2; pass++) {
		expect_row(cs, 1, 2, "a", "b");
		expect_row(cs, 2, 2, "c\nd", "e");
		expect_row(cs, 4, 1, "");
		expect_row(cs, 5, 2, "f", ZHONG_UTF8);
		expect_end(cs);
		assert_int_equal(csv_rewind(cs), 0);
	}
	csv_close(cs);
}

static void
test_rewind_after_an_error_reads_again(void **state)
{
	struct csv	*cs;

	(void)state;
	cs = open_or_fail(write_text("rewinderr.csv", "a\n\"b\n"), NULL);
	expect_row(cs, 1, 1, "a");
	expect_error(cs, 2,
	    "unclosed quote (the quoted field starts on line 2)");
	assert_int_equal(csv_rewind(cs), 0);
	assert_null(csv_error(cs));
	expect_row(cs, 1, 1, "a");
	csv_close(cs);
}

static void
test_write_field_quoting_round_trips(void **state)
{
	static const char *fields[] = {
		"plain", "a,b", "say \"hi\"", "two\nlines", "cr\r\nlf",
		" lead", "trail\t", "", ZHONG_UTF8 YOSHI_UTF8, "end"
	};
	const char	*written = "plain,\"a,b\",\"say \"\"hi\"\"\","
	    "\"two\nlines\",\"cr\r\nlf\",\" lead\",\"trail\t\",,"
	    ZHONG_UTF8 YOSHI_UTF8 ",end\r\n";
	const int	 n = sizeof fields / sizeof fields[0];
	struct csv	*cs;
	struct csv_row	 row;
	char		*path, text[256];
	FILE		*f;
	size_t		 len;
	int		 i, r;

	(void)state;
	path = xasprintf("%s/written.csv", tmpdir);
	files[nfiles++] = path;

	f = fopen(path, "wb");
	assert_non_null(f);
	for (r = 0; r < 2; r++) {
		for (i = 0; i < n; i++)
			csv_write_field(f, fields[i], i == 0);
		csv_write_end(f);
	}
	assert_int_equal(fclose(f), 0);

	f = fopen(path, "rb");
	assert_non_null(f);
	len = fread(text, 1, sizeof text - 1, f);
	text[len] = '\0';
	fclose(f);
	assert_int_equal(len, 2 * strlen(written));
	assert_memory_equal(text, written, len / 2);
	assert_memory_equal(text + len / 2, written, len / 2);

	cs = open_or_fail(path, NULL);
	for (r = 0; r < 2; r++) {
		assert_int_equal(csv_next(cs, &row), 1);
		assert_int_equal(row.nfields, n);
		for (i = 0; i < n; i++)
			assert_string_equal(row.fields[i], fields[i]);
	}
	expect_end(cs);
	csv_close(cs);
}

static void
test_open_failures_say_why(void **state)
{
	struct csv	*cs;
	char		*why = NULL, *absent, *want;
	const char	*path;

	(void)state;
	absent = xasprintf("%s/absent.csv", tmpdir);
	cs = csv_open(absent, NULL, &why);
	assert_null(cs);
	want = xasprintf("cannot open %s: No such file or directory", absent);
	assert_string_equal(why, want);
	free(want);
	free(absent);
	free(why);

	why = NULL;
	path = write_text("any.csv", "a\n");
	cs = csv_open(path, "NO-SUCH-CODE", &why);
	assert_null(cs);
	assert_string_equal(why, "unknown encoding \"NO-SUCH-CODE\"");
	free(why);

	cs = open_or_fail(path, NULL);
	assert_string_equal(csv_path(cs), path);
	csv_close(cs);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quoted_comma_stays_in_field),
		cmocka_unit_test(test_doubled_quotes_become_one),
		cmocka_unit_test(
		    test_newline_in_quoted_field_keeps_line_numbers),
		cmocka_unit_test(test_crlf_ends_lines),
		cmocka_unit_test(test_lone_cr_is_part_of_field),
		cmocka_unit_test(test_missing_final_newline_keeps_last_row),
		cmocka_unit_test(test_bom_skipped_only_at_start),
		cmocka_unit_test(test_empty_fields),
		cmocka_unit_test(
		    test_blank_line_in_middle_is_row_of_one_empty_field),
		cmocka_unit_test(test_blank_lines_at_end_are_not_rows),
		cmocka_unit_test(test_unclosed_quote_gives_its_starting_line),
		cmocka_unit_test(test_text_after_closing_quote_is_an_error),
		cmocka_unit_test(test_gb18030_file_decodes_to_the_utf8_file),
		cmocka_unit_test(test_invalid_gb18030_bytes_report_their_line),
		cmocka_unit_test(test_invalid_utf8_reports_its_line),
		cmocka_unit_test(test_character_cut_at_end_of_file),
		cmocka_unit_test(
		    test_gb18030_character_straddling_chunk_boundary),
		cmocka_unit_test(
		    test_utf8_character_straddling_chunk_boundary),
		cmocka_unit_test(test_rewind_gives_the_same_rows_again),
		cmocka_unit_test(test_rewind_after_an_error_reads_again),
		cmocka_unit_test(test_write_field_quoting_round_trips),
		cmocka_unit_test(test_open_failures_say_why),
	};

	return (cmocka_run_group_tests(tests, group_setup, group_teardown));
}
