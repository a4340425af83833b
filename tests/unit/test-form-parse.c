/*
 * test-form-parse.c: what form-parse.c promises about reading form files
 * (docs/forms.md): a good file gives the structures the runtime draws
 * from, and every mistake gives one line, "FILE:LINE: what is wrong",
 * with the exact words below.  There is a case for each message the
 * reader can give.
 *
 * Each case writes a small form file into a private folder made for the
 * run and reads it back with form_load.  The tables are the company's own
 * (src/biz/tables.c).
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
#include <unistd.h>

#include "form.h"
#include "tables.h"
#include "xalloc.h"

/* The first two lines of most cases: line 3 is the one under test. */
#define HEAD	"title \"Orders\"\ntable orders\n"
/* A grid of order lines, lines 3 and 4; line 5 is under test. */
#define LINES	HEAD "grid lines order_lines 8 12 \"Lines\" link=order\n" \
		"column item \"Item\" 8 code lookup=items:name:22\n"

static char	dir[4096];
static char	path[4096 + 16];

static int
make_dir(void **state)
{
	const char	*base = getenv("TMPDIR");
	int		 n;

	(void)state;
	if (base == NULL || *base == '\0')
		base = "/tmp";

	/* mkdtemp wants the name to end in six X characters. */
	n = snprintf(dir, sizeof dir, "%s/kontor-test-form-123456", base);
	if (n < 0 || (size_t)n >= sizeof dir)
		return (-1);
	memset(dir + n - 6, 'X', 6);

	if (mkdtemp(dir) == NULL)
		return (-1);
	snprintf(path, sizeof path, "%s/order.form", dir);
	return (0);
}

static int
remove_dir(void **state)
{
	(void)state;
	unlink(path);
	return (rmdir(dir));
}

static void
write_form(const char *text)
{
	FILE	*f = fopen(path, "w");

	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

/* Writes text as a form and expects it to load. */
static struct form_def *
loads(const char *text)
{
	struct form_def	*form;
	char		*cause = NULL;

	write_form(text);
	form = form_load(path, &cause);
	if (form == NULL)
		fail_msg("refused: %s", cause);
	assert_null(cause);
	return (form);
}

/* Writes text as a form and expects the message want at line. */
static void
refused(const char *text, int line, const char *want)
{
	char	*cause = NULL, *full;

	write_form(text);
	assert_null(form_load(path, &cause));
	assert_non_null(cause);
	full = xasprintf("%s:%d: %s", path, line, want);
	assert_string_equal(cause, full);
	free(full);
	free(cause);
}

static void
a_whole_order_form_loads_with_its_fields_grid_and_options(void **state)
{
	struct form_def		*form;
	struct form_field	*f;
	struct form_grid	*g;

	(void)state;
	form = loads(
	    "# Order entry\n"
	    "title   \"Order entry\"\n"
	    "table   orders\n"
	    "labels  10\n"
	    "field   number    \"Order\"    2  2  8 integer readonly\n"
	    "field   customer  \"Customer\" 3  2  8 code required upper "
	    "lookup=customers:name:30\n"
	    "field   order_date \"Date\"    4  2 10 date default=today\n"
	    "field   currency  \"Currency\" 5  2  3 choice list=EUR,USD,CNY\n"
	    "field   freight   \"Freight\"  6  2 12 money range=0..9999.99\n"
	    "\n"
	    "grid    lines order_lines 8 12 \"Lines\" link=order\n"
	    "column  item      \"Item\"      8 code required upper "
	    "lookup=items:name:22\n"
	    "column  quantity  \"Quantity\" 10 quantity required "
	    "range=0.001..999999\n"
	    "column  price     \"Price\"    10 money from=item.price\n"
	    "column  discount  \"Disc.\"     6 rate range=0..1\n"
	    "column  amount    \"Amount\"   12 money readonly "
	    "compute=quantity*price*(1-discount)\n"
	    "field   total     \"Total\"   20 50 14 money "
	    "compute=sum(lines.amount)+freight\n"
	    "field   tax       \"Tax\"     21 50 14 money "
	    "compute=total*@tax_rate   # a comment\n"
	    "balance lines.amount lines.price\n");

	assert_string_equal(form->name, "order");
	assert_string_equal(form->title, "Order entry");
	assert_string_equal(form->table, "orders");
	assert_string_equal(form->balance[0], "lines.amount");
	assert_string_equal(form->balance[1], "lines.price");
	assert_int_equal(form->nfields, 7);

	f = &form->fields[0];
	assert_string_equal(f->name, "number");
	assert_string_equal(f->label, "Order");
	assert_int_equal(f->row, 2);
	assert_int_equal(f->label_col, 2);
	assert_int_equal(f->col, 12);
	assert_int_equal(f->width, 8);
	assert_int_equal(f->type, FORM_INTEGER);
	assert_int_equal(f->flags, FF_READONLY);
	assert_true(f->stored);
	assert_int_equal(f->index, 0);
	assert_null(f->compute);

	f = &form->fields[1];
	assert_int_equal(f->type, FORM_CODE);
	assert_int_equal(f->flags, FF_REQUIRED | FF_UPPER);
	assert_string_equal(f->lookup, "customers");
	assert_string_equal(f->shows, "name");
	assert_int_equal(f->shows_width, 30);
	assert_int_equal(f->index, 1);

	f = &form->fields[2];
	assert_int_equal(f->type, FORM_DATE);
	assert_string_equal(f->def, "today");

	f = &form->fields[3];
	assert_int_equal(f->type, FORM_CHOICE);
	assert_int_equal(f->nchoices, 3);
	assert_string_equal(f->choices[0], "EUR");
	assert_string_equal(f->choices[1], "USD");
	assert_string_equal(f->choices[2], "CNY");

	f = &form->fields[4];
	assert_int_equal(f->type, FORM_MONEY);
	assert_int_equal(f->scale, 2);
	assert_true(f->has_range);
	assert_int_equal(f->min, 0);
	assert_int_equal(f->max, 999999);

	f = &form->fields[5];
	assert_string_equal(f->name, "total");
	assert_false(f->stored);
	assert_int_equal(f->index, -1);
	assert_int_equal(f->scale, MONEY_SCALE);
	assert_int_equal(f->label_col, 50);
	assert_int_equal(f->col, 60);
	assert_non_null(f->compute);
	assert_non_null(form->fields[6].compute);

	assert_int_equal(form->ngrids, 1);
	g = &form->grids[0];
	assert_string_equal(g->name, "lines");
	assert_string_equal(g->table, "order_lines");
	assert_string_equal(g->link, "order");
	assert_string_equal(g->title, "Lines");
	assert_int_equal(g->row, 8);
	assert_int_equal(g->height, 12);
	assert_false(g->readonly);
	assert_int_equal(g->ncols, 5);

	assert_string_equal(g->cols[0].name, "item");
	assert_int_equal(g->cols[0].col, 0);
	assert_int_equal(g->cols[0].label_col, 0);
	assert_int_equal(g->cols[0].row, 0);
	assert_string_equal(g->cols[0].lookup, "items");
	assert_string_equal(g->cols[0].shows, "name");
	assert_int_equal(g->cols[0].shows_width, 22);
	assert_int_equal(g->cols[1].col, 9);
	assert_int_equal(g->cols[1].scale, QTY_SCALE);
	assert_int_equal(g->cols[1].min, 1);
	assert_int_equal(g->cols[1].max, 999999000);
	assert_int_equal(g->cols[2].col, 20);
	assert_string_equal(g->cols[2].from_code, "item");
	assert_string_equal(g->cols[2].from_field, "price");
	assert_int_equal(g->cols[3].col, 31);
	assert_int_equal(g->cols[3].type, FORM_RATE);
	assert_int_equal(g->cols[3].max, 10000);
	assert_int_equal(g->cols[4].col, 38);
	assert_int_equal(g->cols[4].width, 12);
	assert_int_equal(g->cols[4].index, 6);
	assert_true(g->cols[4].stored);
	assert_non_null(g->cols[4].compute);

	form_free(form);
}

static void
the_example_in_the_docs_loads_with_labels_of_twelve(void **state)
{
	struct form_def	*form;

	(void)state;
	form = loads(
	    "title   \"Order entry\"\n"
	    "table   orders\n"
	    "field   number    \"Order\"     2  2  8 integer readonly\n"
	    "field   customer  \"Customer\"  3  2  8 code required upper "
	    "lookup=customers:name:30\n"
	    "grid    lines order_lines 8 12 \"Lines\" link=order\n"
	    "column  item      \"Item\"      8 code required upper "
	    "lookup=items:name:22\n"
	    "column  quantity  \"Quantity\" 10 quantity required "
	    "range=0.001..999999\n"
	    "column  price     \"Price\"    10 money from=item.price\n"
	    "column  amount    \"Amount\"   12 money readonly "
	    "compute=quantity*price*(1-discount)\n"
	    "field   total     \"Total\"    20 50 14 money "
	    "compute=sum(lines.amount)\n");

	assert_int_equal(form->nfields, 3);
	assert_int_equal(form->fields[0].col, 14);
	assert_int_equal(form->fields[2].col, 62);
	assert_int_equal(form->grids[0].cols[3].col, 31);
	form_free(form);
}

static void
labels_changes_only_the_fields_after_it(void **state)
{
	struct form_def	*form;

	(void)state;
	form = loads(HEAD
	    "field number \"Order\" 2 2 8 integer\n"
	    "labels 20\n"
	    "field customer \"Customer\" 3 2 8 code\n");
	assert_int_equal(form->fields[0].col, 14);
	assert_int_equal(form->fields[1].col, 22);
	form_free(form);
}

static void
a_quoted_label_keeps_its_blanks_and_doubled_quotes(void **state)
{
	struct form_def	*form;

	(void)state;
	form = loads(HEAD "field customer \"The \"\"buyer\"\"\" 3 2 8 code\n");
	assert_string_equal(form->fields[0].label, "The \"buyer\"");
	form_free(form);
}

static void
compute_may_name_a_computed_field_declared_further_down(void **state)
{
	struct form_def	*form;

	(void)state;
	form = loads(HEAD
	    "field tax \"Tax\" 4 2 10 money compute=net*@tax_rate\n"
	    "field net \"Net\" 3 2 10 money compute=freight*2\n");
	form_free(form);
}

static void
a_grid_and_a_field_fill_the_screen_to_its_last_cell(void **state)
{
	struct form_def	*form;

	(void)state;
	form = loads(HEAD
	    "field ship_name \"Ship to\" 21 0 68 text\n"
	    "grid lines order_lines 2 20 \"Lines\" link=order readonly\n"
	    "column item \"Item\" 39 code\n"
	    "column price \"Price\" 40 money\n");
	assert_int_equal(form->grids[0].cols[1].col, 40);
	assert_true(form->grids[0].readonly);
	form_free(form);
}

static void
an_unreadable_file_is_named_with_the_reason(void **state)
{
	char	*cause = NULL, *want;

	(void)state;
	unlink(path);
	assert_null(form_load(path, &cause));
	want = xasprintf("%s: No such file or directory", path);
	assert_string_equal(cause, want);
	free(want);
	free(cause);
}

static void
a_quote_left_open_is_named_with_its_line(void **state)
{
	(void)state;
	refused("title \"Orders\ntable orders\n", 1,
	    "a quote is not closed");
}

static void
a_closing_quote_must_be_followed_by_a_blank(void **state)
{
	(void)state;
	refused("title \"Orders\"x\n", 1,
	    "a blank must follow a closing quote");
}

static void
an_unknown_statement_lists_the_known_ones(void **state)
{
	(void)state;
	refused(HEAD "feild customer \"Customer\" 3 2 8 code\n", 3,
	    "unknown statement \"feild\" (expected title, table, labels, "
	    "field, grid, column or balance)");
}

static void
title_with_the_wrong_words_shows_how_it_is_written(void **state)
{
	(void)state;
	refused("title Order entry\n", 1, "expected title \"Title\"");
}

static void
table_with_the_wrong_words_shows_how_it_is_written(void **state)
{
	(void)state;
	refused("title \"Orders\"\ntable\n", 2, "expected table TABLE");
}

static void
labels_with_the_wrong_words_shows_how_it_is_written(void **state)
{
	(void)state;
	refused(HEAD "labels\n", 3, "expected labels N");
}

static void
field_with_too_few_words_shows_how_it_is_written(void **state)
{
	(void)state;
	refused(HEAD "field customer \"Customer\" 3 2 8\n", 3,
	    "expected field NAME \"Label\" ROW COL WIDTH TYPE [options]");
}

static void
grid_with_too_few_words_shows_how_it_is_written(void **state)
{
	(void)state;
	refused(HEAD "grid lines order_lines 8 12\n", 3,
	    "expected grid NAME TABLE ROW HEIGHT \"Title\" link=FIELD "
	    "[readonly]");
}

static void
column_with_too_few_words_shows_how_it_is_written(void **state)
{
	(void)state;
	refused(LINES "column price \"Price\" 10\n", 5,
	    "expected column NAME \"Heading\" WIDTH TYPE [options]");
}

static void
balance_without_grid_and_column_shows_how_it_is_written(void **state)
{
	(void)state;
	refused(LINES "balance lines.item amount\n", 5,
	    "expected balance GRID.COLUMN GRID.COLUMN");
}

static void
a_second_title_is_refused(void **state)
{
	(void)state;
	refused(HEAD "title \"Again\"\n", 3, "title is given twice");
}

static void
a_second_table_is_refused(void **state)
{
	(void)state;
	refused(HEAD "table customers\n", 3, "table is given twice");
}

static void
a_second_balance_is_refused(void **state)
{
	(void)state;
	refused(LINES "balance lines.item lines.item\n"
	    "balance lines.item lines.item\n", 6, "balance is given twice");
}

static void
a_misspelt_table_is_named(void **state)
{
	(void)state;
	refused("title \"Orders\"\ntable ordrs\n", 2,
	    "there is no table \"ordrs\"");
}

static void
labels_must_leave_room_for_a_value(void **state)
{
	(void)state;
	refused(HEAD "labels 80\n", 3,
	    "\"labels\" must be a number from 1 to 79");
}

static void
a_field_needs_the_table_first(void **state)
{
	(void)state;
	refused("title \"Orders\"\nfield customer \"Customer\" 3 2 8 code\n",
	    2, "field before table");
}

static void
a_grid_needs_the_table_first(void **state)
{
	(void)state;
	refused("grid lines order_lines 8 12 \"Lines\" link=order\n", 1,
	    "grid before table");
}

static void
a_field_on_the_status_line_is_refused(void **state)
{
	(void)state;
	refused(HEAD "field customer \"Customer\" 22 2 8 code\n", 3,
	    "\"row\" must be a number from 1 to 21");
}

static void
a_label_too_far_right_for_its_value_is_refused(void **state)
{
	(void)state;
	refused(HEAD "field customer \"Customer\" 3 68 1 code\n", 3,
	    "\"col\" must be a number from 0 to 67 to fit in 80 columns");
}

static void
a_value_past_the_right_edge_is_refused(void **state)
{
	(void)state;
	refused(HEAD "field customer \"Customer\" 3 2 67 code\n", 3,
	    "\"width\" must be a number from 1 to 66 to fit in 80 columns");
}

static void
unknown_field_type_is_named_with_its_line(void **state)
{
	(void)state;
	refused(HEAD "field freight \"Freight\" 3 2 12 monye\n", 3,
	    "unknown field type \"monye\"; expected text, code, integer, "
	    "quantity, money, rate, date or choice");
}

static void
a_field_name_must_be_a_name(void **state)
{
	(void)state;
	refused(HEAD "field to-tal \"Total\" 3 2 12 money compute=1\n", 3,
	    "\"to-tal\" is not a name: use letters, digits and _");
}

static void
a_field_twice_is_refused(void **state)
{
	(void)state;
	refused(HEAD "field customer \"Customer\" 3 2 8 code\n"
	    "field customer \"Customer\" 4 2 8 code\n", 4,
	    "field customer appears twice");
}

static void
a_column_twice_is_refused(void **state)
{
	(void)state;
	refused(LINES "column item \"Item\" 8 code\n", 5,
	    "column item appears twice");
}

static void
a_grid_twice_is_refused(void **state)
{
	(void)state;
	refused(LINES "grid lines order_lines 14 4 \"More\" link=order\n", 5,
	    "grid lines appears twice");
}

static void
a_type_that_does_not_suit_the_table_names_both(void **state)
{
	(void)state;
	refused(LINES "column price \"Price\" 10 text\n", 5,
	    "field price is money in order_lines, not text");
}

static void
a_quantity_field_is_not_a_rate(void **state)
{
	(void)state;
	refused(LINES "column quantity \"Quantity\" 10 rate\n", 5,
	    "field quantity is quantity in order_lines, not rate");
}

static void
a_field_not_in_the_table_needs_compute(void **state)
{
	(void)state;
	refused(HEAD "field total \"Total\" 20 50 14 money\n", 3,
	    "total is not a field of orders (only computed fields may be)");
}

static void
an_unknown_option_is_named(void **state)
{
	(void)state;
	refused(HEAD "field customer \"Customer\" 3 2 8 code requird\n", 3,
	    "unknown option \"requird\"");
}

static void
an_unknown_option_with_a_value_is_named_whole(void **state)
{
	(void)state;
	refused(HEAD "field customer \"Customer\" 3 2 8 code colour=red\n",
	    3, "unknown option \"colour=red\"");
}

static void
an_option_without_its_value_is_refused(void **state)
{
	(void)state;
	refused(HEAD "field customer \"Customer\" 3 2 8 code default=\n", 3,
	    "default= needs a value");
}

static void
an_option_given_twice_is_refused(void **state)
{
	(void)state;
	refused(HEAD "field freight \"Freight\" 3 2 8 money compute=1 "
	    "compute=2\n", 3, "compute= is given twice");
}

static void
lookup_is_only_for_codes(void **state)
{
	(void)state;
	refused(HEAD "field ship_name \"Ship to\" 3 2 8 text "
	    "lookup=customers:name:30\n", 3,
	    "lookup= is only for code fields");
}

static void
lookup_needs_three_parts(void **state)
{
	(void)state;
	refused(HEAD "field customer \"Customer\" 3 2 8 code "
	    "lookup=customers:name\n", 3,
	    "lookup=customers:name: expected TABLE:FIELD:WIDTH");
}

static void
lookup_of_an_unknown_table_is_named(void **state)
{
	(void)state;
	refused(HEAD "field customer \"Customer\" 3 2 8 code "
	    "lookup=custmers:name:30\n", 3,
	    "lookup=custmers:name:30: there is no table \"custmers\"");
}

static void
lookup_of_an_unknown_field_is_named(void **state)
{
	(void)state;
	refused(HEAD "field customer \"Customer\" 3 2 8 code "
	    "lookup=customers:nmae:30\n", 3,
	    "lookup=customers:nmae:30: customers has no field \"nmae\"");
}

static void
lookup_width_must_fit_the_screen(void **state)
{
	(void)state;
	refused(HEAD "field customer \"Customer\" 3 2 8 code "
	    "lookup=customers:name:80\n", 3,
	    "lookup=customers:name:80: the width must be a number from 1 "
	    "to 79");
}

static void
lookup_must_be_the_table_the_field_refers_to(void **state)
{
	(void)state;
	refused(HEAD "field customer \"Customer\" 3 2 8 code "
	    "lookup=suppliers:name:30\n", 3,
	    "lookup=suppliers:name:30: customer refers to customers, not "
	    "suppliers");
}

static void
from_needs_a_code_and_a_field(void **state)
{
	(void)state;
	refused(LINES "column price \"Price\" 10 money from=itemprice\n", 5,
	    "from=itemprice: expected CODE.FIELD");
}

static void
from_names_a_column_of_its_own_grid(void **state)
{
	(void)state;
	refused(LINES "column price \"Price\" 10 money from=itm.price\n", 5,
	    "from=itm.price: itm is not a column of grid lines");
}

static void
from_names_a_field_of_its_own_form(void **state)
{
	(void)state;
	refused(HEAD "field ship_name \"Ship to\" 3 2 20 text "
	    "from=customer.name\n", 3,
	    "from=customer.name: customer is not a field of this form");
}

static void
from_a_code_without_lookup_is_refused(void **state)
{
	(void)state;
	refused(HEAD "grid lines order_lines 8 12 \"Lines\" link=order\n"
	    "column item \"Item\" 8 code\n"
	    "column price \"Price\" 10 money from=item.price\n", 5,
	    "from=item.price: item has no lookup");
}

static void
from_a_field_the_looked_up_table_lacks_is_refused(void **state)
{
	(void)state;
	refused(LINES "column price \"Price\" 10 money from=item.prise\n", 5,
	    "from=item.prise: items has no field \"prise\"");
}

static void
from_a_field_of_another_type_is_refused(void **state)
{
	(void)state;
	refused(LINES "column price \"Price\" 10 money from=item.name\n", 5,
	    "from=item.name: name is text in items, not money");
}

static void
from_may_name_a_code_declared_after_it(void **state)
{
	struct form_def	*form;

	(void)state;
	form = loads(HEAD
	    "grid lines order_lines 8 12 \"Lines\" link=order\n"
	    "column price \"Price\" 10 money from=item.price\n"
	    "column item \"Item\" 8 code lookup=items:name:22\n");
	form_free(form);
}

static void
range_is_only_for_numbers(void **state)
{
	(void)state;
	refused(HEAD "field ship_name \"Ship to\" 3 2 20 text range=1..2\n",
	    3, "range= is only for integer, quantity, money and rate fields");
}

static void
range_needs_two_bounds(void **state)
{
	(void)state;
	refused(HEAD "field freight \"Freight\" 3 2 12 money range=5\n", 3,
	    "range=5: expected MIN..MAX");
}

static void
range_bounds_must_be_numbers(void **state)
{
	(void)state;
	refused(HEAD "field freight \"Freight\" 3 2 12 money range=a..1\n",
	    3, "range=a..1: \"a\": not a number");
}

static void
range_bounds_keep_to_the_fields_decimals(void **state)
{
	(void)state;
	refused(HEAD "field freight \"Freight\" 3 2 12 money "
	    "range=0..0.001\n", 3,
	    "range=0..0.001: \"0.001\": too many decimals (at most 2)");
}

static void
range_with_bounds_the_wrong_way_round_is_refused(void **state)
{
	(void)state;
	refused(HEAD "field freight \"Freight\" 3 2 12 money range=5..1\n",
	    3, "range=5..1: the lower bound is above the upper");
}

static void
a_list_with_an_empty_choice_is_refused(void **state)
{
	(void)state;
	refused(HEAD "field currency \"Currency\" 3 2 3 choice "
	    "list=EUR,,USD\n", 3, "list=EUR,,USD: a choice is empty");
}

static void
a_choice_needs_its_list(void **state)
{
	(void)state;
	refused(HEAD "field currency \"Currency\" 3 2 3 choice\n", 3,
	    "choice needs list=A,B,...");
}

static void
compute_that_cannot_be_read_says_where(void **state)
{
	(void)state;
	refused(HEAD "field total \"Total\" 20 50 14 money "
	    "compute=freight**2\n", 3,
	    "compute: expected a number, a name or \"(\" at \"*\"");
}

static void
a_computed_field_must_be_a_number(void **state)
{
	(void)state;
	refused(HEAD "field note \"Note\" 20 2 14 text compute=1\n", 3,
	    "a computed field must be integer, quantity, money or rate, "
	    "not text");
}

static void
compute_names_only_fields_of_its_own_table(void **state)
{
	(void)state;
	refused(HEAD "field total \"Total\" 20 50 14 money "
	    "compute=quantity*2\n", 3,
	    "compute: quantity is not a field of orders");
}

static void
compute_in_a_grid_may_not_name_a_field_of_the_form(void **state)
{
	(void)state;
	refused(LINES "field total \"Total\" 20 50 14 money compute=1\n"
	    "column extra \"Extra\" 10 money compute=total*2\n", 6,
	    "compute: total is not a field of order_lines");
}

static void
compute_sums_only_a_grid_of_the_form(void **state)
{
	(void)state;
	refused(LINES "field total \"Total\" 20 50 14 money "
	    "compute=sum(lnes.amount)\n", 5,
	    "compute: there is no grid \"lnes\"");
}

static void
compute_sums_only_a_column_of_the_grid(void **state)
{
	(void)state;
	refused(LINES "field total \"Total\" 20 50 14 money "
	    "compute=sum(lines.amount)\n", 5,
	    "compute: grid lines has no column \"amount\"");
}

static void
a_grid_of_an_unknown_table_is_named(void **state)
{
	(void)state;
	refused(HEAD "grid lines ordr_lines 8 12 \"Lines\" link=order\n", 3,
	    "grid lines: there is no table \"ordr_lines\"");
}

static void
a_grid_below_the_last_row_is_refused(void **state)
{
	(void)state;
	refused(HEAD "grid lines order_lines 8 15 \"Lines\" link=order\n", 3,
	    "\"height\" must be a number from 2 to 14 to fit in rows 1 to "
	    "21");
}

static void
a_grid_needs_its_link(void **state)
{
	(void)state;
	refused(HEAD "grid lines order_lines 8 12 \"Lines\" readonly\n", 3,
	    "grid lines needs link=FIELD");
}

static void
a_grid_link_given_twice_is_refused(void **state)
{
	(void)state;
	refused(HEAD "grid lines order_lines 8 12 \"Lines\" link=order "
	    "link=order\n", 3, "link= is given twice");
}

static void
a_grid_with_an_unknown_option_names_it(void **state)
{
	(void)state;
	refused(HEAD "grid lines order_lines 8 12 \"Lines\" link=order "
	    "redonly\n", 3, "unknown option \"redonly\"");
}

static void
a_grid_link_must_be_a_field_of_its_table(void **state)
{
	(void)state;
	refused(HEAD "grid lines order_lines 8 12 \"Lines\" link=ordr\n", 3,
	    "grid lines: order_lines has no field \"ordr\"");
}

static void
a_grid_link_must_refer_to_the_forms_table(void **state)
{
	(void)state;
	refused(HEAD "grid lines order_lines 8 12 \"Lines\" link=item\n", 3,
	    "grid lines: link field item does not refer to orders");
}

static void
column_outside_a_grid_is_refused(void **state)
{
	(void)state;
	refused(HEAD "column item \"Item\" 8 code\n", 3,
	    "column outside a grid");
}

static void
a_column_past_the_right_edge_is_refused(void **state)
{
	(void)state;
	refused(LINES "column price \"Price\" 72 money\n", 5,
	    "\"width\" must be a number from 1 to 71 to fit in 80 columns");
}

static void
a_column_after_a_full_grid_is_refused(void **state)
{
	(void)state;
	refused(LINES "column extra \"Extra\" 71 money compute=1\n"
	    "column price \"Price\" 10 money\n", 6,
	    "column price does not fit: the grid's columns already fill 80 "
	    "columns");
}

static void
balance_names_a_grid_of_the_form(void **state)
{
	(void)state;
	refused(LINES "balance lnes.item lines.item\n", 5,
	    "balance: there is no grid \"lnes\"");
}

static void
balance_names_a_column_of_the_grid(void **state)
{
	(void)state;
	refused(LINES "balance lines.item lines.amount\n", 5,
	    "balance: grid lines has no column \"amount\"");
}

static void
a_form_without_a_table_is_refused_at_its_last_line(void **state)
{
	(void)state;
	refused("title \"Orders\"\n# no table\n", 2,
	    "a form needs a title and a table");
}

static void
an_empty_form_is_refused_at_line_one(void **state)
{
	(void)state;
	refused("", 1, "a form needs a title and a table");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    a_whole_order_form_loads_with_its_fields_grid_and_options),
		cmocka_unit_test(
		    the_example_in_the_docs_loads_with_labels_of_twelve),
		cmocka_unit_test(labels_changes_only_the_fields_after_it),
		cmocka_unit_test(
		    a_quoted_label_keeps_its_blanks_and_doubled_quotes),
		cmocka_unit_test(
		    compute_may_name_a_computed_field_declared_further_down),
		cmocka_unit_test(
		    a_grid_and_a_field_fill_the_screen_to_its_last_cell),
		cmocka_unit_test(an_unreadable_file_is_named_with_the_reason),
		cmocka_unit_test(a_quote_left_open_is_named_with_its_line),
		cmocka_unit_test(a_closing_quote_must_be_followed_by_a_blank),
		cmocka_unit_test(an_unknown_statement_lists_the_known_ones),
		cmocka_unit_test(
		    title_with_the_wrong_words_shows_how_it_is_written),
		cmocka_unit_test(
		    table_with_the_wrong_words_shows_how_it_is_written),
		cmocka_unit_test(
		    labels_with_the_wrong_words_shows_how_it_is_written),
		cmocka_unit_test(
		    field_with_too_few_words_shows_how_it_is_written),
		cmocka_unit_test(
		    grid_with_too_few_words_shows_how_it_is_written),
		cmocka_unit_test(
		    column_with_too_few_words_shows_how_it_is_written),
		cmocka_unit_test(
		    balance_without_grid_and_column_shows_how_it_is_written),
		cmocka_unit_test(a_second_title_is_refused),
		cmocka_unit_test(a_second_table_is_refused),
		cmocka_unit_test(a_second_balance_is_refused),
		cmocka_unit_test(a_misspelt_table_is_named),
		cmocka_unit_test(labels_must_leave_room_for_a_value),
		cmocka_unit_test(a_field_needs_the_table_first),
		cmocka_unit_test(a_grid_needs_the_table_first),
		cmocka_unit_test(a_field_on_the_status_line_is_refused),
		cmocka_unit_test(
		    a_label_too_far_right_for_its_value_is_refused),
		cmocka_unit_test(a_value_past_the_right_edge_is_refused),
		cmocka_unit_test(unknown_field_type_is_named_with_its_line),
		cmocka_unit_test(a_field_name_must_be_a_name),
		cmocka_unit_test(a_field_twice_is_refused),
		cmocka_unit_test(a_column_twice_is_refused),
		cmocka_unit_test(a_grid_twice_is_refused),
		cmocka_unit_test(
		    a_type_that_does_not_suit_the_table_names_both),
		cmocka_unit_test(a_quantity_field_is_not_a_rate),
		cmocka_unit_test(a_field_not_in_the_table_needs_compute),
		cmocka_unit_test(an_unknown_option_is_named),
		cmocka_unit_test(
		    an_unknown_option_with_a_value_is_named_whole),
		cmocka_unit_test(an_option_without_its_value_is_refused),
		cmocka_unit_test(an_option_given_twice_is_refused),
		cmocka_unit_test(lookup_is_only_for_codes),
		cmocka_unit_test(lookup_needs_three_parts),
		cmocka_unit_test(lookup_of_an_unknown_table_is_named),
		cmocka_unit_test(lookup_of_an_unknown_field_is_named),
		cmocka_unit_test(lookup_width_must_fit_the_screen),
		cmocka_unit_test(
		    lookup_must_be_the_table_the_field_refers_to),
		cmocka_unit_test(from_needs_a_code_and_a_field),
		cmocka_unit_test(from_names_a_column_of_its_own_grid),
		cmocka_unit_test(from_names_a_field_of_its_own_form),
		cmocka_unit_test(from_a_code_without_lookup_is_refused),
		cmocka_unit_test(
		    from_a_field_the_looked_up_table_lacks_is_refused),
		cmocka_unit_test(from_a_field_of_another_type_is_refused),
		cmocka_unit_test(from_may_name_a_code_declared_after_it),
		cmocka_unit_test(range_is_only_for_numbers),
		cmocka_unit_test(range_needs_two_bounds),
		cmocka_unit_test(range_bounds_must_be_numbers),
		cmocka_unit_test(range_bounds_keep_to_the_fields_decimals),
		cmocka_unit_test(
		    range_with_bounds_the_wrong_way_round_is_refused),
		cmocka_unit_test(a_list_with_an_empty_choice_is_refused),
		cmocka_unit_test(a_choice_needs_its_list),
		cmocka_unit_test(compute_that_cannot_be_read_says_where),
		cmocka_unit_test(a_computed_field_must_be_a_number),
		cmocka_unit_test(compute_names_only_fields_of_its_own_table),
		cmocka_unit_test(
		    compute_in_a_grid_may_not_name_a_field_of_the_form),
		cmocka_unit_test(compute_sums_only_a_grid_of_the_form),
		cmocka_unit_test(compute_sums_only_a_column_of_the_grid),
		cmocka_unit_test(a_grid_of_an_unknown_table_is_named),
		cmocka_unit_test(a_grid_below_the_last_row_is_refused),
		cmocka_unit_test(a_grid_needs_its_link),
		cmocka_unit_test(a_grid_link_given_twice_is_refused),
		cmocka_unit_test(a_grid_with_an_unknown_option_names_it),
		cmocka_unit_test(a_grid_link_must_be_a_field_of_its_table),
		cmocka_unit_test(a_grid_link_must_refer_to_the_forms_table),
		cmocka_unit_test(column_outside_a_grid_is_refused),
		cmocka_unit_test(a_column_past_the_right_edge_is_refused),
		cmocka_unit_test(a_column_after_a_full_grid_is_refused),
		cmocka_unit_test(balance_names_a_grid_of_the_form),
		cmocka_unit_test(balance_names_a_column_of_the_grid),
		cmocka_unit_test(
		    a_form_without_a_table_is_refused_at_its_last_line),
		cmocka_unit_test(an_empty_form_is_refused_at_line_one)
	};

	setlocale(LC_ALL, "C");
	return (cmocka_run_group_tests(tests, make_dir, remove_dir));
}
