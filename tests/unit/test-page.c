/*
 * test-page.c: what page.c promises about laying report lines out on
 * fixed-width pages: a header on each page whose first line says "Page N
 * of M" (or holds a marker while M is unknown), a footer at the foot of
 * each page, a form feed between pages, lines fitted to the width in
 * display cells.
 *
 * Every byte the layout emits is collected into one buffer, and the cases
 * read that buffer the way a printer would: '\f' starts a page, '\n' ends
 * a line.  The program runs in the "C" locale so that Chinese text is
 * measured by text.c alone.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

/* U+5317, a wide character: three bytes, two cells. */
#define NORTH	"\xe5\x8c\x97"

static void
collect(void *arg, const char *data, size_t len)
{
	buf_add(arg, data, len);
}

/*
 * Sets p up to print the sales report into out, on pages of the known
 * count pages (0: not known yet, the first header line is a marker).
 */
static void
page_start(struct page *p, struct buf *out, int width, int length,
    int pages)
{
	memset(p, 0, sizeof *p);
	p->width = width;
	p->length = length;
	p->pages = pages;
	p->company = "Northwind Traders";
	p->title = "Sales by customer";
	p->run = "Run 2026-12-03 19:40";
	p->headings = "Customer Company                     Net sales";
	p->rule = "-------- ---------------------------- ---------";
	p->emit = collect;
	p->arg = out;
}

/* Feeds n body lines "Line 1", "Line 2", ... to p. */
static void
feed(struct page *p, int n)
{
	char	line[32];
	int	i;

	for (i = 1; i <= n; i++) {
		snprintf(line, sizeof line, "Line %d", i);
		page_line(p, line);
	}
}

static size_t
count_bytes(const char *s, size_t len, char c)
{
	size_t	n = 0, i;

	for (i = 0; i < len; i++)
		if (s[i] == c)
			n++;
	return (n);
}

/*
 * Copies line number k (from 0) of the text in out, form feeds left out,
 * into line (size bytes).  Returns 0, or -1 if there is no such line.
 */
static int
nth_line(const struct buf *out, int k, char *line, size_t size)
{
	const char	*s = out->data, *end = s + out->len, *nl;
	size_t		 n = 0;

	for (; k > 0; k--) {
		nl = memchr(s, '\n', (size_t)(end - s));
		if (nl == NULL)
			return (-1);
		s = nl + 1;
	}
	if (s >= end)
		return (-1);
	for (; s < end && *s != '\n'; s++)
		if (*s != '\f' && n + 1 < size)
			line[n++] = *s;
	line[n] = '\0';
	return (0);
}

/*
 * Copies page n (from 1) of the text in out, without the form feeds
 * around it, into page (cleared first).  Returns 0, or -1 if there is no
 * such page.
 */
static int
nth_page(const struct buf *out, int n, struct buf *page)
{
	const char	*s = out->data, *end = s + out->len, *ff;

	buf_clear(page);
	for (; n > 1; n--) {
		ff = memchr(s, '\f', (size_t)(end - s));
		if (ff == NULL)
			return (-1);
		s = ff + 1;
	}
	ff = memchr(s, '\f', (size_t)(end - s));
	buf_add(page, s, (size_t)((ff != NULL ? ff : end) - s));
	return (0);
}

static int
ends_with(const char *s, const char *tail)
{
	size_t	ls = strlen(s), lt = strlen(tail);

	return (ls >= lt && strcmp(s + ls - lt, tail) == 0);
}

static void
a_long_report_is_split_into_pages_of_the_set_length(void **state)
{
	struct buf	 out = BUF_INIT;
	struct page	 p;
	const char	*s, *end, *ff;
	char		 first[256], want[32];
	int		 pageno = 0, body = 0;
	size_t		 lines;

	(void)state;
	page_start(&p, &out, 80, 66, 3);
	feed(&p, 130);
	assert_int_equal(count_bytes(out.data, out.len, '\f'), 2);
	assert_int_equal(p.pageno, 3);

	s = out.data;
	end = out.data + out.len;
	while (s < end) {
		struct buf page = BUF_INIT;

		ff = memchr(s, '\f', (size_t)(end - s));
		if (ff == NULL)
			ff = end;
		buf_add(&page, s, (size_t)(ff - s));
		pageno++;

		/* Full pages hold exactly the length; none holds more. */
		lines = count_bytes(page.data, page.len, '\n');
		assert_true(lines <= 66);
		if (pageno < 3)
			assert_int_equal(lines, 66);
		body += (int)lines - page_header_lines();

		assert_int_equal(nth_line(&page, 0, first, sizeof first), 0);
		snprintf(want, sizeof want, " Page %d of 3", pageno);
		assert_true(ends_with(first, want));
		assert_int_equal(text_width(first), 80);
		assert_true(strncmp(first, "Northwind Traders", 17) == 0);

		buf_free(&page);
		s = ff < end ? ff + 1 : end;
	}
	assert_int_equal(pageno, 3);
	assert_int_equal(body, 130);

	buf_free(&out);
}

static void
the_body_continues_on_the_next_page_in_order(void **state)
{
	struct buf	out = BUF_INIT;
	struct page	p;
	char		line[256];
	int		per_page = 20 - page_header_lines();

	(void)state;
	page_start(&p, &out, 80, 20, 2);
	feed(&p, per_page + 1);

	assert_int_equal(nth_line(&out, 19, line, sizeof line), 0);
	assert_string_equal(line, "Line 15");
	assert_int_equal(nth_line(&out, 20, line, sizeof line), 0);
	assert_true(ends_with(line, " Page 2 of 2"));
	assert_int_equal(nth_line(&out, 20 + page_header_lines(), line,
	    sizeof line), 0);
	assert_string_equal(line, "Line 16");
	assert_int_equal(nth_line(&out, 21 + page_header_lines(), line,
	    sizeof line), -1);

	buf_free(&out);
}

static void
the_header_puts_company_left_title_centred_and_page_right(void **state)
{
	struct buf	out = BUF_INIT;
	struct page	p;
	char		line[256];

	(void)state;
	page_start(&p, &out, 80, 66, 1);
	page_line(&p, "ALFKI    Alfreds Futterkiste");

	assert_int_equal(nth_line(&out, 0, line, sizeof line), 0);
	assert_string_equal(line,
	    "Northwind Traders              "	/* 31 cells */
	    "Sales by customer "		/* 18 cells */
	    "                    Page 1 of 1");	/* 31 cells */
	assert_int_equal(strlen(line), 80);

	assert_int_equal(nth_line(&out, 1, line, sizeof line), 0);
	assert_string_equal(line, "Run 2026-12-03 19:40");
	assert_int_equal(nth_line(&out, 2, line, sizeof line), 0);
	assert_string_equal(line, "");
	assert_int_equal(nth_line(&out, 3, line, sizeof line), 0);
	assert_string_equal(line,
	    "Customer Company                     Net sales");
	assert_int_equal(nth_line(&out, 4, line, sizeof line), 0);
	assert_string_equal(line,
	    "-------- ---------------------------- ---------");
	assert_int_equal(page_header_lines(), 5);
	assert_int_equal(nth_line(&out, 5, line, sizeof line), 0);
	assert_string_equal(line, "ALFKI    Alfreds Futterkiste");

	buf_free(&out);
}

/*
 * A title nearly as wide as the page leaves little room at each side; the
 * page number is what a reader of a dropped stack of paper needs, so it
 * must stay whole, and the title give way.
 */
static void
the_page_number_is_kept_whole_beside_a_long_title(void **state)
{
	struct buf	out = BUF_INIT;
	struct page	p;
	char		line[256];

	(void)state;
	page_start(&p, &out, 80, 66, 120);
	p.title = "Sales by customer and product for the year, all regions "
	    "and all staff";
	page_line(&p, "ALFKI");

	assert_int_equal(nth_line(&out, 0, line, sizeof line), 0);
	buf_free(&out);
	assert_true(text_width(line) <= 80);
	if (!ends_with(line, " Page 1 of 120"))
		fail_msg("header \"%s\" lost its page number", line);
}

static void
lines_are_padded_or_clipped_to_the_width_in_display_cells(void **state)
{
	struct buf	 out = BUF_INIT, wide = BUF_INIT, fits = BUF_INIT;
	struct page	 p;
	const char	*s, *end, *nl;
	char		 line[512];
	int		 i;

	(void)state;
	for (i = 0; i < 45; i++)
		buf_adds(&wide, NORTH);
	for (i = 0; i < 39; i++)
		buf_adds(&fits, NORTH);

	/* 90 cells into 79: 39 whole characters, never half of the 40th. */
	page_start(&p, &out, 79, 66, 1);
	p.company = NORTH NORTH NORTH NORTH;
	page_line(&p, wide.data);
	page_line(&p, "A" NORTH NORTH NORTH);
	page_line(&p, "ALFKI    Alfreds Futterkiste");

	assert_int_equal(nth_line(&out, 5, line, sizeof line), 0);
	assert_string_equal(line, fits.data);
	assert_int_equal(text_width(line), 78);
	assert_true(utf8_valid(line, strlen(line), NULL));
	assert_int_equal(nth_line(&out, 6, line, sizeof line), 0);
	assert_string_equal(line, "A" NORTH NORTH NORTH);
	assert_int_equal(nth_line(&out, 7, line, sizeof line), 0);
	assert_string_equal(line, "ALFKI    Alfreds Futterkiste");

	/* An odd cell left over by a wide character gives an even line. */
	buf_clear(&out);
	page_start(&p, &out, 80, 66, 1);
	buf_clear(&wide);
	buf_addc(&wide, '#');
	for (i = 0; i < 45; i++)
		buf_adds(&wide, NORTH);
	page_line(&p, wide.data);
	assert_int_equal(nth_line(&out, 5, line, sizeof line), 0);
	assert_int_equal(text_width(line), 79);
	assert_true(utf8_valid(line, strlen(line), NULL));

	/* No line, header, body or footer, is wider than the page. */
	buf_clear(&out);
	page_start(&p, &out, 79, 66, 1);
	p.footer = NORTH NORTH NORTH NORTH NORTH NORTH NORTH NORTH NORTH
	    NORTH NORTH NORTH NORTH NORTH NORTH NORTH NORTH NORTH NORTH NORTH
	    NORTH NORTH NORTH NORTH NORTH NORTH NORTH NORTH NORTH NORTH NORTH
	    NORTH NORTH NORTH NORTH NORTH NORTH NORTH NORTH NORTH NORTH NORTH;
	p.title = NORTH NORTH NORTH NORTH NORTH NORTH NORTH NORTH NORTH;
	page_line(&p, wide.data);
	page_end(&p);
	s = out.data;
	end = out.data + out.len;
	for (; s < end; s = nl + 1) {
		nl = memchr(s, '\n', (size_t)(end - s));
		assert_non_null(nl);
		if (*s == '\f')
			s++;
		assert_true((size_t)(nl - s) < sizeof line);
		memcpy(line, s, (size_t)(nl - s));
		line[nl - s] = '\0';
		assert_true(utf8_valid(line, strlen(line), NULL));
		assert_true(text_width(line) <= 79);
	}

	buf_free(&out);
	buf_free(&wide);
	buf_free(&fits);
}

static void
no_line_ends_in_blanks(void **state)
{
	struct buf	 out = BUF_INIT;
	struct page	 p;
	const char	*s;
	char		 line[256];

	(void)state;
	page_start(&p, &out, 80, 12, 0);
	p.footer = "Northwind Traders - sales   ";
	p.company = "Northwind Traders   ";
	p.headings = "Customer Company        ";
	p.rule = "-------- -------        ";
	page_line(&p, "ALFKI    Alfreds Futterkiste     ");
	page_line(&p, "        ");
	page_line(&p, "");
	feed(&p, 10);
	page_end(&p);

	for (s = out.data; s < out.data + out.len; s++)
		if (*s == '\n' && s > out.data)
			assert_int_not_equal(s[-1], ' ');

	/* Blanks inside a line stay. */
	assert_int_equal(nth_line(&out, 5, line, sizeof line), 0);
	assert_string_equal(line, "ALFKI    Alfreds Futterkiste");
	assert_int_equal(nth_line(&out, 6, line, sizeof line), 0);
	assert_string_equal(line, "");
	assert_int_equal(nth_line(&out, 3, line, sizeof line), 0);
	assert_string_equal(line, "Customer Company");

	buf_free(&out);
}

static void
a_page_break_is_a_form_feed_at_the_start_of_the_next_page(void **state)
{
	struct buf	 out = BUF_INIT;
	struct page	 p;
	const char	*s;
	size_t		 breaks = 0;

	(void)state;
	page_start(&p, &out, 80, 10, 6);
	feed(&p, 5 * (10 - page_header_lines()) + 1);

	assert_true(out.len > 0);
	assert_int_not_equal(out.data[0], '\f');
	assert_int_equal(out.data[out.len - 1], '\n');
	for (s = out.data; s < out.data + out.len; s++) {
		if (*s != '\f')
			continue;
		breaks++;
		assert_true(s > out.data);
		assert_int_equal(s[-1], '\n');
		assert_true(strncmp(s + 1, "Northwind Traders", 17) == 0);
	}
	assert_int_equal(breaks, 5);

	buf_free(&out);
}

static void
a_report_filling_its_last_page_ends_without_a_form_feed(void **state)
{
	struct buf	out = BUF_INIT;
	struct page	p;

	(void)state;
	page_start(&p, &out, 80, 10, 2);
	feed(&p, 2 * (10 - page_header_lines()));
	page_end(&p);	/* without a footer, adds nothing */

	assert_int_equal(p.pageno, 2);
	assert_int_equal(count_bytes(out.data, out.len, '\f'), 1);
	assert_int_equal(count_bytes(out.data, out.len, '\n'), 20);
	assert_int_equal(out.data[out.len - 1], '\n');

	buf_free(&out);
}

/*
 * While the report is made its page count is not known, so each page's
 * first line is PAGE_MARK and the page number; the rest of the header is
 * already there.  Put back with page_title_line for the real count, the
 * pages are those a layout that knew the count would have made.
 */
static void
the_page_count_is_a_marker_until_it_is_known(void **state)
{
	struct buf	 marked = BUF_INIT, known = BUF_INIT, fixed = BUF_INIT;
	struct buf	 title = BUF_INIT;
	struct page	 p;
	const char	*s, *end, *nl;
	char		 line[256];
	int		 per_page = 20 - page_header_lines();

	(void)state;
	page_start(&p, &marked, 80, 20, 0);
	feed(&p, per_page + 1);
	assert_int_equal(p.pageno, 2);

	assert_int_equal(nth_line(&marked, 0, line, sizeof line), 0);
	assert_string_equal(line, PAGE_MARK "1");
	assert_int_equal(nth_line(&marked, 1, line, sizeof line), 0);
	assert_string_equal(line, "Run 2026-12-03 19:40");
	assert_int_equal(nth_line(&marked, 20, line, sizeof line), 0);
	assert_string_equal(line, PAGE_MARK "2");
	assert_int_equal(nth_line(&marked, 20 + page_header_lines(), line,
	    sizeof line), 0);
	assert_string_equal(line, "Line 16");

	page_start(&p, &known, 80, 20, 2);
	feed(&p, per_page + 1);

	/* Each marker line becomes page N of 2, blanks at its end cut. */
	s = marked.data;
	end = marked.data + marked.len;
	for (; s < end; s = nl + 1) {
		nl = memchr(s, '\n', (size_t)(end - s));
		assert_non_null(nl);
		if (*s == '\f')
			buf_addc(&fixed, *s++);
		if (strncmp(s, PAGE_MARK, strlen(PAGE_MARK)) != 0) {
			buf_add(&fixed, s, (size_t)(nl + 1 - s));
			continue;
		}
		page_title_line(&p, atoi(s + strlen(PAGE_MARK)), 2, &title);
		while (title.len > 0 && title.data[title.len - 1] == ' ')
			title.len--;
		buf_add(&fixed, title.data, title.len);
		buf_addc(&fixed, '\n');
	}
	assert_int_equal(fixed.len, known.len);
	assert_memory_equal(fixed.data, known.data, known.len);

	buf_free(&marked);
	buf_free(&known);
	buf_free(&fixed);
	buf_free(&title);
}

static void
a_footer_sits_on_the_last_line_of_every_page(void **state)
{
	struct buf	 out = BUF_INIT, page = BUF_INIT;
	struct page	 p;
	char		 line[256], want[256];
	int		 n;

	(void)state;
	page_start(&p, &out, 80, 20, 3);
	p.footer = "Northwind Traders - orders";	/* 26 cells */
	feed(&p, 30);	/* 13 body lines a page: 13, 13 and 4 */
	page_end(&p);
	assert_int_equal(p.pageno, 3);
	assert_int_equal(count_bytes(out.data, out.len, '\f'), 2);
	assert_int_equal(out.data[out.len - 1], '\n');

	snprintf(want, sizeof want, "%27s%s", "",
	    "Northwind Traders - orders");
	for (n = 1; n <= 3; n++) {
		assert_int_equal(nth_page(&out, n, &page), 0);
		assert_int_equal(count_bytes(page.data, page.len, '\n'), 20);
		assert_int_equal(nth_line(&page, 19, line, sizeof line), 0);
		assert_string_equal(line, want);
		assert_int_equal(nth_line(&page, 18, line, sizeof line), 0);
		assert_string_equal(line, "");
	}

	/* The body stops short of the footer; the last page is filled. */
	assert_int_equal(nth_page(&out, 1, &page), 0);
	assert_int_equal(nth_line(&page, 17, line, sizeof line), 0);
	assert_string_equal(line, "Line 13");
	assert_int_equal(nth_page(&out, 2, &page), 0);
	assert_int_equal(nth_line(&page, 5, line, sizeof line), 0);
	assert_string_equal(line, "Line 14");
	assert_int_equal(nth_page(&out, 3, &page), 0);
	assert_int_equal(nth_line(&page, 8, line, sizeof line), 0);
	assert_string_equal(line, "Line 30");
	assert_int_equal(nth_line(&page, 9, line, sizeof line), 0);
	assert_string_equal(line, "");

	buf_free(&out);
	buf_free(&page);
}

static void
a_page_break_starts_the_next_line_on_a_new_page(void **state)
{
	struct buf	 out = BUF_INIT, page = BUF_INIT;
	struct page	 p;
	char		 line[256];

	(void)state;
	page_start(&p, &out, 80, 66, 2);
	page_break(&p);		/* before any line: no empty page */
	feed(&p, 3);
	page_break(&p);
	assert_int_equal(p.pageno, 1);	/* nothing yet for page 2 */
	page_break(&p);		/* twice is once */
	page_line(&p, "ALFKI");
	page_break(&p);		/* at the end: no empty page */
	page_end(&p);

	assert_int_equal(p.pageno, 2);
	assert_int_equal(count_bytes(out.data, out.len, '\f'), 1);
	assert_int_equal(nth_page(&out, 1, &page), 0);
	assert_int_equal(count_bytes(page.data, page.len, '\n'),
	    page_header_lines() + 3);
	assert_int_equal(nth_page(&out, 2, &page), 0);
	assert_int_equal(nth_line(&page, 0, line, sizeof line), 0);
	assert_true(ends_with(line, " Page 2 of 2"));
	assert_int_equal(nth_line(&page, page_header_lines(), line,
	    sizeof line), 0);
	assert_string_equal(line, "ALFKI");
	assert_int_equal(count_bytes(page.data, page.len, '\n'),
	    page_header_lines() + 1);

	/* With a footer, the broken page is filled down to its footer. */
	buf_clear(&out);
	page_start(&p, &out, 80, 20, 2);
	p.footer = "Northwind Traders - stock";
	feed(&p, 2);
	page_break(&p);
	page_line(&p, "ALFKI");
	page_end(&p);
	assert_int_equal(nth_page(&out, 1, &page), 0);
	assert_int_equal(count_bytes(page.data, page.len, '\n'), 20);
	assert_int_equal(nth_line(&page, 19, line, sizeof line), 0);
	assert_true(ends_with(line, "Northwind Traders - stock"));
	assert_int_equal(nth_page(&out, 2, &page), 0);
	assert_int_equal(count_bytes(page.data, page.len, '\n'), 20);
	assert_int_equal(nth_line(&page, page_header_lines(), line,
	    sizeof line), 0);
	assert_string_equal(line, "ALFKI");

	buf_free(&out);
	buf_free(&page);
}

static void
page_title_line_says_page_n_of_m(void **state)
{
	struct buf	 out = BUF_INIT, title = BUF_INIT;
	struct page	 p;

	(void)state;
	page_start(&p, &out, 80, 66, 0);
	buf_adds(&title, "left over");	/* cleared first */
	page_title_line(&p, 3, 12, &title);

	assert_int_equal(text_width(title.data), 80);
	assert_string_equal(title.data,
	    "Northwind Traders              "	/* 31 cells */
	    "Sales by customer "		/* 18 cells */
	    "                   Page 3 of 12");	/* 31 cells */

	/* The same line the layout writes when it knows the count. */
	page_start(&p, &out, 80, 66, 12);
	page_line(&p, "ALFKI");
	assert_true(out.len > title.len);
	assert_memory_equal(out.data, "Northwind Traders", 17);
	page_title_line(&p, 1, 12, &title);
	assert_memory_equal(out.data, title.data, title.len);
	assert_int_equal(out.data[title.len], '\n');

	buf_free(&out);
	buf_free(&title);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    a_long_report_is_split_into_pages_of_the_set_length),
		cmocka_unit_test(the_body_continues_on_the_next_page_in_order),
		cmocka_unit_test(
		    the_header_puts_company_left_title_centred_and_page_right),
		cmocka_unit_test(
		    the_page_number_is_kept_whole_beside_a_long_title),
		cmocka_unit_test(
		    lines_are_padded_or_clipped_to_the_width_in_display_cells),
		cmocka_unit_test(no_line_ends_in_blanks),
		cmocka_unit_test(
		    a_page_break_is_a_form_feed_at_the_start_of_the_next_page),
		cmocka_unit_test(
		    a_report_filling_its_last_page_ends_without_a_form_feed),
		cmocka_unit_test(the_page_count_is_a_marker_until_it_is_known),
		cmocka_unit_test(a_footer_sits_on_the_last_line_of_every_page),
		cmocka_unit_test(
		    a_page_break_starts_the_next_line_on_a_new_page),
		cmocka_unit_test(page_title_line_says_page_n_of_m)
	};

	setlocale(LC_ALL, "C");
	return (cmocka_run_group_tests(tests, NULL, NULL));
}
