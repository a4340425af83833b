/*
 * run.c: the report engine: records from a cursor, through filters,
 * groups and sums, onto pages or into CSV, out to a file, stdout or a
 * printer (see report.h).
 *
 * A report is made in two passes over its own output, never over the
 * data twice: the first pass reads the records once and writes the pages
 * in UTF-8 to a temporary file, with a marker where each page's first
 * line goes, since "Page N of M" needs M; the second pass copies that
 * file to where it goes, putting in the page lines and converting to the
 * encoding asked for.  Memory holds one line at a time.
 */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "conv.h"
#include "csv.h"
#include "date.h"
#include "fixed.h"
#include "ledger.h"
#include "outfile.h"
#include "pdf.h"
#include "report.h"
#include "rules.h"
#include "store.h"
#include "tables.h"

extern char **environ;

/* A column made ready to print: field numbers and running figures. */
struct run_column {
	const struct report_column	*def;
	const struct field_def		*f;	/* what it shows */
	int				 i;	/* field in source or lines */
	int				 scale;	/* of its figures */
	struct store_table		*target; /* COL_LOOKUP */
	int				 ti;	/* field in target */
	struct record			*cached; /* last looked-up record */
	int64_t				 value;	/* this row's figure */
	int64_t				 group;	/* the group's sum */
	int64_t				 total;
	struct buf			 last;	/* for suppress */
};

/* A filter made ready: the field, and its parameter as a value. */
struct run_filter {
	int		 i;
	char		 op;
	int		 active;	/* its parameter has a value */
	struct record	*bound;		/* the value, in field i */
};

struct run_ctx {
	struct store			*s;
	const struct report_def		*d;
	const struct report_out		*o;
	struct store_table		*source;
	struct store_table		*lines;
	int				 group;		/* field, or -1 */
	struct run_column		*cols;
	struct run_filter		*filters;
	struct record			*first;		/* of the group */
	struct record			*line;		/* scratch */
	long				 group_rows;
	long				 rows;
	struct page			 page;
	FILE				*f;		/* pass one */
	char				*error;
	char				*balance_of;	/* account */
	int64_t				 balance[4];	/* its figures */
};

static int
run_error(struct run_ctx *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
run_error(struct run_ctx *c, const char *fmt, ...)
{
	va_list	ap;

	if (c->error != NULL)
		return (-1);
	va_start(ap, fmt);
	c->error = xvasprintf(fmt, ap);
	va_end(ap);
	return (-1);
}

static void
emit_file(void *arg, const char *s, size_t len)
{
	fwrite(s, 1, len, arg);
}

/* A figure as text: with its decimals, dates as YYYY-MM-DD. */
static void
format_number(const struct run_column *col, int64_t v, int plain,
    struct buf *b)
{
	char	tmp[FIXED_BUFSIZE];

	if (col->f != NULL && col->f->type == FT_DATE) {
		int y = (int)(v / 10000), m = (int)(v / 100 % 100);
		int d = (int)(v % 100);

		if (v == 0)
			return;
		if (col->def->flags & RC_DMY)
			buf_printf(b, "%02d.%02d.%04d", d, m, y);
		else if (col->def->flags & RC_MDY)
			buf_printf(b, "%02d/%02d/%04d", m, d, y);
		else
			buf_printf(b, "%04d-%02d-%02d", y, m, d);
		return;
	}
	buf_adds(b, fixed_format(v, col->scale, !plain &&
	    !(col->def->flags & RC_PLAIN), tmp));
}

static int
expr_field(void *arg, const char *name, struct expr_value *out)
{
	struct record	*r = arg;
	int		 i = schema_field_index(r->table, name);

	if (i < 0)
		return (-1);
	out->v = record_num(r, i);
	out->scale = r->table->fields[i].type == FT_INT ? 0 :
	    r->table->fields[i].scale;
	return (0);
}

/*
 * The day (YYYYMMDD) that the report's date parameter name was given,
 * or def.  Parameters are checked as dates when they are given.
 */
static int64_t
param_day(const struct run_ctx *c, const char *name, int64_t def)
{
	const struct report_param	*p;
	int				 k;

	for (k = 0; k < c->d->nparams; k++) {
		p = &c->d->params[k];
		if (p->value != NULL && p->type == FT_DATE &&
		    strcmp(p->name, name) == 0)
			return (atoll(p->value) * 10000 +
			    atoll(p->value + 5) * 100 + atoll(p->value + 8));
	}
	return (def);
}

/*
 * An account's figure for the days from the report's from to its to
 * parameter, read through the ledger's balance table; an account's
 * figures include its sub-accounts'.  The four columns of one account
 * come from one reading, kept for the row.
 */
static int
balance_value(struct run_ctx *c, const struct record *r,
    struct run_column *col)
{
	int64_t	first = param_day(c, "from", 0);
	int64_t	last = param_day(c, "to", 99991231);
	int64_t	before[2], within[2];
	int	ret = 0;

	if (c->balance_of == NULL || strcmp(c->balance_of,
	    record_text(r, 0)) != 0) {
		free(c->balance_of);
		c->balance_of = xstrdup(record_text(r, 0));
		ret = ledger_span_sums(c->s, NULL, c->balance_of, first, last,
		    before, within);
		c->balance[0] = before[0] - before[1];
		c->balance[1] = within[0];
		c->balance[2] = within[1];
		c->balance[3] = c->balance[0] + c->balance[1] - c->balance[2];
	}
	if (ret != 0) {
		free(c->balance_of);
		c->balance_of = NULL;
		return (run_error(c, "%s", db_strerror(ret)));
	}
	col->value = c->balance[col->def->which];
	return (0);
}

/* The figures of one source record: its fields, its lines' sums. */
static int
row_values(struct run_ctx *c, const struct record *r)
{
	struct store_cursor	*cur;
	struct buf		 prefix = BUF_INIT;
	struct expr_env		 env = { expr_field, NULL, NULL, NULL };
	const void		*k;
	const char		*why;
	size_t			 klen;
	int			 n, ret = 0, any_lines = 0;

	for (n = 0; n < c->d->ncolumns; n++) {
		struct run_column *col = &c->cols[n];

		col->value = 0;
		switch (col->def->kind) {
		case COL_SUM:
			if (col->def->of_lines) {
				any_lines = 1;
				break;
			}
			/* FALLTHROUGH */
		case COL_FIELD:
			if (field_is_number(col->f))
				col->value = record_num(r, col->i);
			break;
		case COL_EXPR:
			env.arg = (void *)r;
			if (expr_eval(col->def->expr, &env, col->scale,
			    &col->value, &why) != 0)
				return (run_error(c, "%s: %s",
				    col->def->field, why));
			break;
		case COL_BALANCE:
			if ((ret = balance_value(c, r, col)) != 0)
				return (ret);
			break;
		case COL_LOOKUP:
		case COL_STATEMENT:
			break;
		}
	}
	if (!any_lines)
		return (0);

	record_primary_key(r, &prefix);
	cur = store_cursor_open(c->lines, NULL, NULL);
	for (ret = store_cursor_seek(cur, &prefix, c->line); ret == 0;
	    ret = store_cursor_next(cur, c->line)) {
		k = store_cursor_key(cur, &klen);
		if (klen < prefix.len || memcmp(k, prefix.data,
		    prefix.len) != 0)
			break;
		for (n = 0; n < c->d->ncolumns; n++) {
			struct run_column *col = &c->cols[n];

			if (col->def->kind != COL_SUM || !col->def->of_lines)
				continue;
			if (fixed_add(col->value, record_num(c->line, col->i),
			    &col->value) != 0) {
				ret = run_error(c, "a sum of %s is too large",
				    col->def->field);
				break;
			}
		}
	}
	store_cursor_close(cur);
	buf_free(&prefix);
	return (ret == DB_NOTFOUND ? 0 : ret);
}

/* The text of column col for record r (figures as row_values left). */
static void
column_text(struct run_column *col, const struct record *r, int plain,
    struct buf *b)
{
	struct buf	key = BUF_INIT;

	switch (col->def->kind) {
	case COL_SUM:
	case COL_EXPR:
	case COL_BALANCE:
		if (!(col->def->flags & RC_BLANK) || col->value != 0)
			format_number(col, col->value, plain, b);
		return;
	case COL_FIELD:
		/* A figure shows 0.00, not a blank, unless the column asks
		 * for blanks; a date or number of 0 is one not given. */
		if ((col->def->flags & RC_BLANK) && field_is_number(col->f) &&
		    record_num(r, col->i) == 0)
			return;
		if (col->f->type == FT_MONEY || col->f->type == FT_QTY ||
		    col->f->type == FT_RATE || (col->f->type == FT_DATE &&
		    !plain))
			format_number(col, record_num(r, col->i), plain, b);
		else
			record_format(r, col->i, b);
		return;
	case COL_LOOKUP:
		break;
	case COL_STATEMENT:
		return;		/* statement.c prints its own lines */
	}

	/* Look the code up, unless the last row had the same one. */
	if (record_is_empty(r, col->i))
		return;
	if (col->cached == NULL || (field_is_number(col->f) ?
	    record_num(col->cached, 0) != record_num(r, col->i) :
	    strcmp(record_text(col->cached, 0), record_text(r, col->i)) !=
	    0)) {
		if (col->cached == NULL)
			col->cached = record_new(col->target->def);
		record_clear(col->cached);
		if (field_is_number(col->f))
			record_set_num(col->cached, 0, record_num(r, col->i));
		else
			record_set_text(col->cached, 0, record_text(r, col->i));
		record_primary_key(col->cached, &key);
		if (store_get(col->target, NULL, &key, col->cached, 0) != 0)
			record_clear(col->cached);
		buf_free(&key);
	}
	record_format(col->cached, col->ti, b);
}

/*
 * A stored text may hold a line break or a tab (an address); on a page
 * each becomes a blank, so that a value never breaks a line, ejects a
 * page or passes for a page marker.
 */
static void
flatten(struct buf *b)
{
	size_t	i;

	for (i = 0; i < b->len; i++)
		if ((unsigned char)b->data[i] < 0x20 || b->data[i] == 0x7f)
			b->data[i] = ' ';
}

/* One CSV row of the report's columns. */
static void
csv_row(struct run_ctx *c, const struct record *r, int headings)
{
	struct buf	line = BUF_INIT, val = BUF_INIT;
	int		k;

	/* Grouped lines carry their group, which CSV has no heading for. */
	if (c->group >= 0 && !c->d->group_summary) {
		if (headings)
			buf_adds(&val, c->d->group_label);
		else
			record_format(r, c->group, &val);
		csv_quote(&line, val.data != NULL ? val.data : "", 1);
	}
	for (k = 0; k < c->d->ncolumns; k++) {
		buf_clear(&val);
		if (headings)
			buf_adds(&val, c->d->columns[k].heading);
		else if (c->cols[k].def->flags & RC_RUNNING)
			format_number(&c->cols[k], c->cols[k].group, 1, &val);
		else
			column_text(&c->cols[k], r, 1, &val);
		csv_quote(&line, val.data != NULL ? val.data : "",
		    k == 0 && line.len == 0);
	}
	buf_adds(&line, "\r\n");
	fwrite(line.data, 1, line.len, c->f);
	buf_free(&line);
	buf_free(&val);
}

/* A printed row of values for record r. */
static void
print_row(struct run_ctx *c, const struct record *r)
{
	struct buf	line = BUF_INIT, val = BUF_INIT;
	int		k;

	if (c->o->csv) {
		csv_row(c, r, 0);
		return;
	}
	for (k = 0; k < c->d->ncolumns; k++) {
		struct run_column *col = &c->cols[k];

		buf_clear(&val);
		if (col->def->flags & RC_RUNNING)
			format_number(col, col->group, 0, &val);
		else
			column_text(col, r, 0, &val);
		if (val.data == NULL)
			buf_reserve(&val, 0);
		flatten(&val);
		if (col->def->flags & RC_SUPPRESS) {
			if (col->last.data != NULL &&
			    strcmp(col->last.data, val.data) == 0)
				buf_clear(&val);
			else {
				buf_clear(&col->last);
				buf_adds(&col->last, val.data);
			}
		}
		if (k > 0)
			buf_addc(&line, ' ');
		text_pad(&line, val.data != NULL ? val.data : "",
		    col->def->width, col->def->align, true);
	}
	page_line(&c->page, line.data);
	buf_free(&line);
	buf_free(&val);
}

/*
 * A total row: label over the columns before the first total column,
 * then the group's (grand 0) or the report's (1) sums under the total
 * columns, or (2) the group's running figures alone.
 */
static void
print_total(struct run_ctx *c, const char *label, int grand)
{
	struct buf	line = BUF_INIT, val = BUF_INIT;
	int		k = 0, width = -1;

	if (c->o->csv)
		return;
	for (; k < c->d->ncolumns && !(c->cols[k].def->flags & RC_TOTAL);
	    k++)
		width += c->cols[k].def->width + 1;
	if (width > 0)
		text_pad(&line, label, width, TEXT_LEFT, true);
	for (; k < c->d->ncolumns; k++) {
		struct run_column *col = &c->cols[k];

		buf_clear(&val);
		if ((col->def->flags & RC_TOTAL) && (grand != 2 ||
		    (col->def->flags & RC_RUNNING)))
			format_number(col, grand == 1 ? col->total :
			    col->group, 0, &val);
		if (k > 0)
			buf_addc(&line, ' ');
		text_pad(&line, val.data != NULL ? val.data : "",
		    col->def->width, col->def->align, true);
	}
	page_line(&c->page, line.data);
	buf_free(&line);
	buf_free(&val);
}

static int
any_totals(const struct run_ctx *c)
{
	int	k;

	for (k = 0; k < c->d->ncolumns; k++)
		if (c->cols[k].def->flags & RC_TOTAL)
			return (1);
	return (0);
}

/*
 * Adds this row's figures to the group's sums.  An account's balance
 * includes its sub-accounts', so only accounts without a parent count
 * towards a total of balances.
 */
static int
add_to_group(struct run_ctx *c, const struct record *r)
{
	int	k, sub;

	sub = strcmp(r->table->name, "accounts") == 0 &&
	    !record_is_empty(r, schema_field_index(r->table, "parent"));
	for (k = 0; k < c->d->ncolumns; k++) {
		struct run_column *col = &c->cols[k];

		if (col->def->kind == COL_BALANCE && sub)
			continue;
		if ((col->def->flags & RC_TOTAL) &&
		    fixed_add(col->group, col->value, &col->group) != 0)
			return (run_error(c, "a total of %s is too large",
			    col->def->field));
	}
	c->group_rows++;
	return (0);
}

/*
 * After a group's code, what it refers to: its name, or, for a record
 * without one (a journal entry), its date and description.
 */
static void
group_name(struct run_ctx *c, const struct record *r, struct buf *out)
{
	const struct field_def	*f = &r->table->fields[c->group];
	struct store_table	*t;
	struct record		*target;
	struct buf		 key = BUF_INIT;
	int			 name, date, text, zh, en;

	if (f->ref == NULL || record_is_empty(r, c->group))
		return;
	t = store_table(c->s, f->ref);
	name = schema_field_index(t->def, "name");
	date = schema_field_index(t->def, "date");
	text = schema_field_index(t->def, "description");
	zh = schema_field_index(t->def, "name_zh");
	en = schema_field_index(t->def, "name_en");
	if (name < 0 && text < 0 && zh < 0)
		return;
	target = record_new(t->def);
	if (field_is_number(f))
		record_set_num(target, 0, record_num(r, c->group));
	else
		record_set_text(target, 0, record_text(r, c->group));
	record_primary_key(target, &key);
	if (store_get(t, NULL, &key, target, 0) == 0) {
		if (name >= 0)
			buf_printf(out, " %s", record_text(target, name));
		else if (zh >= 0) {
			/* An account: its Chinese and English names. */
			if (!record_is_empty(target, zh))
				buf_printf(out, " %s", record_text(target, zh));
			if (!record_is_empty(target, en))
				buf_printf(out, " %s", record_text(target, en));
		} else {
			if (date >= 0) {
				buf_addc(out, ' ');
				record_format(target, date, out);
			}
			buf_printf(out, " %s", record_text(target, text));
		}
	}
	record_free(target);
	buf_free(&key);
}

/*
 * The balance of account before the from date, debit positive (see
 * ledger_day_sums).  Without a from date the report reads every
 * posting, so it opens at zero.
 */
static int
opening_balance(struct run_ctx *c, const char *account, int64_t *balance)
{
	int64_t	first = param_day(c, "from", 0), debit, credit;
	int	ret;

	*balance = 0;
	if (first == 0)
		return (0);
	if ((ret = ledger_day_sums(c->s, NULL, account, 0,
	    date_prev_day(first), &debit, &credit)) != 0)
		return (run_error(c, "%s", db_strerror(ret)));
	*balance = debit - credit;
	return (0);
}

/*
 * A group's opening or closing balance line: the label, then the
 * running columns' figures.  In CSV, a row with the label in the first
 * column.
 */
static void
print_balance(struct run_ctx *c, const struct record *r, const char *label)
{
	struct buf	line = BUF_INIT, val = BUF_INIT;
	int		k;

	if (!c->o->csv) {
		print_total(c, label, 2);
		return;
	}
	record_format(r, c->group, &val);
	csv_quote(&line, val.data != NULL ? val.data : "", 1);
	for (k = 0; k < c->d->ncolumns; k++) {
		struct run_column *col = &c->cols[k];

		buf_clear(&val);
		if (k == 0)
			buf_adds(&val, label);
		else if (col->def->flags & RC_RUNNING)
			format_number(col, col->group, 1, &val);
		csv_quote(&line, val.data != NULL ? val.data : "", 0);
	}
	buf_adds(&line, "\r\n");
	fwrite(line.data, 1, line.len, c->f);
	buf_free(&line);
	buf_free(&val);
}

/* Ends a group: its line (summary) or its subtotal, then the totals. */
static int
end_group(struct run_ctx *c)
{
	struct buf	label = BUF_INIT;
	int		k;

	if (c->d->closing != NULL && !c->d->group_summary)
		print_balance(c, c->first, c->d->closing);
	if (c->d->group_summary) {
		/* The group's line shows its sums; the row just read (the
		 * next group's first) keeps its own figures. */
		for (k = 0; k < c->d->ncolumns; k++) {
			int64_t v = c->cols[k].value;

			c->cols[k].value = c->cols[k].group;
			c->cols[k].group = v;
		}
		print_row(c, c->first);
		for (k = 0; k < c->d->ncolumns; k++) {
			int64_t v = c->cols[k].value;

			c->cols[k].value = c->cols[k].group;
			c->cols[k].group = v;
		}
	} else if (c->group >= 0 && !c->o->csv) {
		/* The count before the name, which may be clipped. */
		buf_adds(&label, "Total ");
		record_format(c->first, c->group, &label);
		buf_printf(&label, " (%ld)", c->group_rows);
		group_name(c, c->first, &label);
		print_total(c, label.data, 0);
		page_line(&c->page, "");
	}
	for (k = 0; k < c->d->ncolumns; k++) {
		struct run_column *col = &c->cols[k];

		if (fixed_add(col->total, col->group, &col->total) != 0)
			return (run_error(c, "the total of %s is too large",
			    col->def->field));
		col->group = 0;
	}
	c->rows += c->d->group_summary ? 1 : c->group_rows;
	c->group_rows = 0;
	buf_free(&label);
	return (0);
}

static int
begin_group(struct run_ctx *c, const struct record *r, int first)
{
	struct buf	head = BUF_INIT;
	int64_t		opening = 0;
	int		k;

	record_copy(c->first, r);
	if (c->d->opening != NULL && opening_balance(c,
	    record_text(r, c->group), &opening) != 0)
		return (-1);
	for (k = 0; k < c->d->ncolumns; k++)
		if (c->cols[k].def->flags & RC_RUNNING)
			c->cols[k].group = opening;
	if (c->d->opening != NULL && c->o->csv)
		print_balance(c, r, c->d->opening);
	if (c->d->group_summary || c->group < 0 || c->o->csv)
		return (0);
	if (c->d->group_page && !first)
		page_break(&c->page);
	page_need(&c->page, 2);	/* a heading never ends a page */
	buf_printf(&head, "%s: ", c->d->group_label);
	record_format(r, c->group, &head);
	group_name(c, r, &head);
	flatten(&head);
	page_line(&c->page, head.data);
	for (k = 0; k < c->d->ncolumns; k++)
		buf_clear(&c->cols[k].last);
	buf_free(&head);
	if (c->d->opening != NULL)
		print_balance(c, r, c->d->opening);
	return (0);
}

static int
same_group(struct run_ctx *c, const struct record *a,
    const struct record *b)
{
	if (field_is_number(&a->table->fields[c->group]))
		return (record_num(a, c->group) == record_num(b, c->group));
	return (strcmp(record_text(a, c->group),
	    record_text(b, c->group)) == 0);
}

/* Whether every figure of the row just read is zero. */
static int
all_zero(const struct run_ctx *c)
{
	int	k;

	for (k = 0; k < c->d->ncolumns; k++)
		if ((c->cols[k].def->flags & RC_TOTAL) &&
		    c->cols[k].value != 0)
			return (0);
	return (1);
}

/* -1, 0 or 1 as field i of a is below, equal to or above that of b. */
static int
compare_field(const struct record *a, const struct record *b, int i)
{
	if (field_is_number(&a->table->fields[i])) {
		int64_t x = record_num(a, i), y = record_num(b, i);

		return (x < y ? -1 : x > y);
	}
	return (strcmp(record_text(a, i), record_text(b, i)));
}

/*
 * Whether r passes the filters; *past is set when r lies beyond an
 * upper bound on the field the records come in order of, so that
 * nothing after it can pass either.
 */
static int
passes(struct run_ctx *c, const struct record *r, int lead, int *past)
{
	int	k, cmp;

	*past = 0;
	for (k = 0; k < c->d->nfilters; k++) {
		struct run_filter *f = &c->filters[k];

		if (!f->active)
			continue;
		cmp = compare_field(r, f->bound, f->i);
		if ((f->op == '=' && cmp != 0) || (f->op == '>' && cmp < 0))
			return (0);
		if (f->op == '<' && cmp > 0) {
			*past = f->i == lead;
			return (0);
		}
	}
	return (1);
}


/* Where to start: at the lower bound on the leading field, if any. */
static void
start_key(struct run_ctx *c, struct store_index *ix, int lead,
    struct buf *key)
{
	int	k;

	for (k = 0; k < c->d->nfilters; k++) {
		struct run_filter *f = &c->filters[k];

		if (f->active && f->i == lead && (f->op == '>' ||
		    f->op == '=')) {
			record_key(f->bound, &lead, 1, ix != NULL &&
			    (ix->def->flags & IX_FOLD), key);
			if (!field_is_number(&f->bound->table->fields[lead]))
				key->len--;	/* a prefix: no NUL */
			return;
		}
	}
}

/* Whether account code has sub-accounts (postings are on those). */
static int
has_sub_accounts(struct run_ctx *c, const char *code)
{
	struct store_table	*t = store_table(c->s, "accounts");
	struct store_cursor	*cur = store_cursor_open(t, NULL, NULL);
	struct record		*a = record_new(t->def);
	struct buf		 key = BUF_INIT;
	int			 ret, found = 0;

	buf_add(&key, code, strlen(code));
	for (ret = store_cursor_seek(cur, &key, a); ret == 0 && !found &&
	    strncmp(record_text(a, 0), code, strlen(code)) == 0;
	    ret = store_cursor_next(cur, a))
		found = biz_account_under(code, record_text(a, 0));
	store_cursor_close(cur);
	record_free(a);
	buf_free(&key);
	return (found);
}

/*
 * A report with opening balances on one account (filter account =
 * PARAM) that has no postings in the range still shows the account's
 * opening and closing balance: its group begins from the filter's value.
 */
static int
empty_account(struct run_ctx *c, int *have)
{
	int	k;

	for (k = 0; c->d->opening != NULL && k < c->d->nfilters; k++) {
		struct run_filter *f = &c->filters[k];

		if (f->active && f->op == '=' && f->i == c->group) {
			if (has_sub_accounts(c, record_text(f->bound, f->i)))
				return (run_error(c, "account %s has "
				    "sub-accounts; ask for one of them",
				    record_text(f->bound, f->i)));
			if (begin_group(c, f->bound, 1) != 0)
				return (-1);
			*have = 1;
			return (0);
		}
	}
	return (0);
}

static int
run_rows(struct run_ctx *c)
{
	struct store_index	*ix = NULL;
	struct store_cursor	*cur;
	struct record		*r = record_new(c->source->def);
	struct buf		 key = BUF_INIT;
	int			 ret, have = 0, lead, past;

	if (c->d->index != NULL)
		ix = store_index(c->source, c->d->index);
	lead = ix != NULL ? ix->which[0] : 0;	/* what the order is by */
	start_key(c, ix, lead, &key);
	cur = store_cursor_open(c->source, ix, NULL);
	for (ret = store_cursor_seek(cur, &key, r); ret == 0;
	    ret = store_cursor_next(cur, r)) {
		if (!passes(c, r, lead, &past)) {
			if (past)
				break;
			continue;
		}
		if ((ret = row_values(c, r)) != 0)
			break;
		if (c->d->hide_zero && all_zero(c))
			continue;
		if (have && (c->group < 0 || !same_group(c, c->first, r))) {
			if ((ret = end_group(c)) != 0)
				break;
			have = 0;
		}
		if (!have) {
			if ((ret = begin_group(c, r, c->rows == 0)) != 0)
				break;
			have = 1;
		}
		if ((ret = add_to_group(c, r)) != 0)
			break;
		if (!c->d->group_summary)
			print_row(c, r);
	}
	store_cursor_close(cur);
	record_free(r);
	buf_free(&key);
	if ((ret == DB_NOTFOUND || ret == 0) && !have && c->rows == 0)
		ret = empty_account(c, &have);
	if ((ret == DB_NOTFOUND || ret == 0) && have)
		ret = end_group(c);
	if (ret == DB_NOTFOUND)
		ret = 0;
	if (ret != 0 && c->error == NULL)
		run_error(c, "%s", db_strerror(ret));
	return (ret);
}

static void
print_end(struct run_ctx *c)
{
	struct buf	rule = BUF_INIT, label = BUF_INIT;
	int		n, k;

	if (c->o->csv)
		return;
	if (c->d->total != NULL && any_totals(c)) {
		for (n = 0; n < c->d->ncolumns; n++) {
			for (k = 0; k < c->d->columns[n].width; k++)
				buf_addc(&rule, c->d->columns[n].flags &
				    RC_TOTAL ? '=' : ' ');
			buf_addc(&rule, ' ');
		}
		page_line(&c->page, rule.data);
		buf_adds(&label, c->d->total);
		if (c->group >= 0 && !c->d->group_summary)
			buf_printf(&label, " (%ld)", c->rows);
		print_total(c, label.data, 1);
	} else if (c->d->total != NULL) {
		buf_printf(&label, "%s: %ld", c->d->total, c->rows);
		if (c->group < 0 || c->d->group_summary)
			page_line(&c->page, "");
		page_line(&c->page, label.data);
	}
	if (c->d->note != NULL) {
		page_line(&c->page, "");
		page_line(&c->page, c->d->note);
	}
	if (c->page.pageno == 0)
		page_line(&c->page, "(nothing to report)");
	page_end(&c->page);
	buf_free(&rule);
	buf_free(&label);
}

static void
prepare(struct run_ctx *c, struct buf *headings, struct buf *rule)
{
	const struct report_def	*d = c->d;
	const char		*why;
	int			 n, k;

	c->group = -1;
	c->cols = xcalloc((size_t)d->ncolumns, sizeof *c->cols);
	c->filters = xcalloc((size_t)d->nfilters + 1, sizeof *c->filters);
	if (!d->statement) {
		c->source = store_table(c->s, d->source);
		c->lines = d->lines != NULL ? store_table(c->s, d->lines) :
		    NULL;
		c->group = d->group != NULL ?
		    schema_field_index(c->source->def, d->group) : -1;
		c->first = record_new(c->source->def);
		if (c->lines != NULL)
			c->line = record_new(c->lines->def);
	}

	/* Each filter's parameter, read as a value of its field. */
	for (k = 0; k < d->nfilters; k++) {
		const char *value = NULL;

		for (n = 0; n < d->nparams; n++)
			if (strcmp(d->params[n].name, d->filters[k].param) ==
			    0)
				value = d->params[n].value;
		c->filters[k].i = schema_field_index(c->source->def,
		    d->filters[k].field);
		c->filters[k].op = d->filters[k].op;
		c->filters[k].bound = record_new(c->source->def);
		c->filters[k].active = value != NULL && *value != '\0' &&
		    record_parse(c->filters[k].bound, c->filters[k].i, value,
		    &why) == 0;
	}

	for (n = 0; n < d->ncolumns; n++) {
		struct run_column		*col = &c->cols[n];
		const struct report_column	*def = &d->columns[n];
		const struct table_def		*t;

		col->def = def;
		if (def->kind == COL_STATEMENT) {
			col->f = NULL;
			col->scale = MONEY_SCALE;
		} else if (def->kind == COL_EXPR) {
			col->f = NULL;
			col->scale = def->decimals;
		} else if (def->kind == COL_BALANCE) {
			col->f = schema_field(biz_table("balances"), "debit");
			col->scale = col->f->scale;
		} else {
			t = def->kind == COL_SUM && def->of_lines ?
			    c->lines->def : c->source->def;
			col->i = schema_field_index(t, def->field);
			col->f = &t->fields[col->i];
			col->scale = col->f->type == FT_INT ||
			    col->f->type == FT_DATE ? 0 : col->f->scale;
		}
		if (def->kind == COL_LOOKUP) {
			col->target = store_table(c->s, col->f->ref);
			col->ti = schema_field_index(col->target->def,
			    def->lookup);
		}

		if (n > 0) {
			buf_addc(headings, ' ');
			buf_addc(rule, ' ');
		}
		text_pad(headings, def->heading, def->width, def->align, true);
		for (k = 0; k < def->width; k++)
			buf_addc(rule, '-');
	}

	/* A statement in two halves has the columns on either side. */
	if (d->beside != 0) {
		char *h = xstrdup(headings->data), *r = xstrdup(rule->data);

		buf_printf(headings, " | %s", h);
		buf_printf(rule, "-+-%s", r);
		free(h);
		free(r);
	}
}

static void
cleanup(struct run_ctx *c)
{
	int	n;

	for (n = 0; c->cols != NULL && n < c->d->ncolumns; n++) {
		record_free(c->cols[n].cached);
		buf_free(&c->cols[n].last);
	}
	free(c->cols);
	for (n = 0; c->filters != NULL && n < c->d->nfilters; n++)
		record_free(c->filters[n].bound);
	free(c->filters);
	record_free(c->first);
	free(c->balance_of);
	record_free(c->line);
}

/*
 * Hands a finished file to lp, with a fixed argument list.  CUPS' text
 * filter sets 10 characters and 6 lines to the inch unless told, which
 * wraps 132 columns and spills 66 lines over two sheets: the pitch is
 * chosen from the report's width so that one page is one sheet.
 */
int
report_print_file(const char *path, const struct report_out *o,
    const char *title, char **cause)
{
	char	 copies[16], cpi[16];
	char	*argv[] = { "lp", "-s", "-d", (char *)o->queue, "-n", copies,
		    "-o", cpi, "-o", "lpi=8", "-t", (char *)title, "--",
		    (char *)path, NULL };
	posix_spawn_file_actions_t	 fa;
	FILE				*errf;
	char				 said[256] = "";
	pid_t				 pid;
	int				 status, err;

	snprintf(cpi, sizeof cpi, "cpi=%d", o->width > 132 ? 20 :
	    o->width > 80 ? 17 : 12);
	snprintf(copies, sizeof copies, "%d", o->copies > 0 ? o->copies : 1);

	/* What lp says goes to a file, not over a screen in curses. */
	if ((errf = tmpfile()) == NULL) {
		*cause = xasprintf("cannot make a file for lp's messages: %s",
		    strerror(errno));
		return (-1);
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null",
	    O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null",
	    O_WRONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, fileno(errf), STDERR_FILENO);
	err = posix_spawnp(&pid, "lp", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (err != 0) {
		fclose(errf);
		*cause = xasprintf("cannot run lp to print: %s (is "
		    "cups-client installed?)", strerror(err));
		return (-1);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			fclose(errf);
			*cause = xasprintf("waiting for lp: %s",
			    strerror(errno));
			return (-1);
		}
	rewind(errf);
	if (fgets(said, sizeof said, errf) != NULL)
		said[strcspn(said, "\r\n")] = '\0';
	fclose(errf);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		*cause = xasprintf("lp could not queue the report on %s "
		    "(exit status %d)%s%s", o->queue, WIFEXITED(status) ?
		    WEXITSTATUS(status) : -1, said[0] != '\0' ? ": " : "",
		    said);
		return (-1);
	}
	return (0);
}

/*
 * Pass two: the pages from tmp to out, each page's first line made now
 * that the count is known, converted to the encoding asked for.  A
 * character the encoding cannot hold stops it with its page and line.
 */
static int
copy_pages(struct run_ctx *c, FILE *tmp, FILE *out, char **cause)
{
	struct conv	*conv = NULL;
	struct buf	 title = BUF_INIT, conv_buf = BUF_INIT;
	char		*line = NULL;
	size_t		 cap = 0, bad;
	ssize_t		 len;
	const char	*s;
	char		*why;
	uint32_t	 cp;
	int		 ret = 0, page = 0, lineno = 0, n, top = !c->o->csv;

	if (c->o->encoding != NULL &&
	    (conv = conv_open(c->o->encoding, "UTF-8", cause)) == NULL)
		return (-1);
	rewind(tmp);
	while (ret == 0 && (len = getline(&line, &cap, tmp)) > 0) {
		s = line;
		if (line[0] == '\f' && !c->o->csv) {
			fputc('\f', out);
			s++;
			len--;
			top = 1;
		}
		/* A marker is only ever a page's first line. */
		if (top && strncmp(s, PAGE_MARK, strlen(PAGE_MARK)) == 0) {
			page = atoi(s + strlen(PAGE_MARK));
			lineno = 0;
			page_title_line(&c->page, page, c->page.pageno,
			    &title);
			while (title.len > 0 && title.data[title.len - 1] ==
			    ' ')
				title.len--;
			buf_addc(&title, '\n');
			s = title.data;
			len = (ssize_t)title.len;
		}
		top = 0;
		lineno++;
		if (conv == NULL) {
			fwrite(s, 1, (size_t)len, out);
			continue;
		}
		buf_clear(&conv_buf);
		if (conv_run(conv, s, (size_t)len, 0, &conv_buf, &bad) ==
		    CONV_OK) {
			fwrite(conv_buf.data, 1, conv_buf.len, out);
			continue;
		}
		n = utf8_decode(s + bad, (size_t)len - bad, &cp);
		if (c->o->csv)
			*cause = xasprintf("line %d: ", lineno);
		else
			*cause = xasprintf("page %d, line %d: ", page, lineno);
		why = *cause;
		*cause = xasprintf("%s\"%.*s\" (U+%04X) cannot be written in "
		    "%s", why, n > 0 ? n : 1, s + bad, n > 0 ? (unsigned)cp :
		    0xFFFD, c->o->encoding);
		free(why);
		ret = -1;
	}
	free(line);
	buf_free(&title);
	buf_free(&conv_buf);
	if (conv != NULL)
		conv_close(conv);
	return (ret);
}

/* A temporary file in TMPDIR, named (for lp and the PDF converter). */
static FILE *
temp_file(char **path, char **cause)
{
	FILE	*f;
	int	 fd;

	*path = xasprintf("%s/kontor-report-XXXXXX",
	    getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp");
	if ((fd = mkstemp(*path)) < 0 || (f = fdopen(fd, "w+")) == NULL) {
		*cause = xasprintf("cannot make a temporary file %s: %s",
		    *path, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(*path);
		}
		free(*path);
		*path = NULL;
		return (NULL);
	}
	return (f);
}

/* Pass two and delivery: to the file, stdout, printer or PDF. */
static int
deliver(struct run_ctx *c, FILE *pages, char **cause)
{
	const struct report_out	*o = c->o;
	struct report_out	 lp = *o;
	struct outfile		 out;
	FILE			*f;
	char			*spool = NULL, *why;
	int			 ret;

	lp.width = c->d->width;
	if (o->queue != NULL || o->pdf) {
		/* lp and the converter take a named file. */
		if ((f = temp_file(&spool, cause)) == NULL)
			return (-1);
		ret = copy_pages(c, pages, f, cause);
		if (fclose(f) != 0 && ret == 0) {
			*cause = xasprintf("cannot write %s: %s", spool,
			    strerror(errno));
			ret = -1;
		}
		if (ret == 0 && o->pdf)
			ret = pdf_convert(spool, o->file, c->d->width,
			    c->d->title, cause);
		else if (ret == 0 && report_print_file(spool, &lp, c->d->title,
		    &why) != 0) {
			*cause = why;
			ret = -1;
		}
		unlink(spool);
		free(spool);
		return (ret);
	}
	if (outfile_open(&out, o->file, cause) != 0)
		return (-1);
	if (copy_pages(c, pages, out.f, cause) != 0) {
		outfile_abort(&out);
		return (-1);
	}
	return (outfile_commit(&out, cause));
}

/*
 * Parameters that would print a report looking like an answer to
 * another question are refused before a page is made: a date range
 * whose first day lies after its last, and a code that names nothing
 * (the account statement of an account that does not exist).  Returns
 * 0, or -1 with *cause.
 */
static int
check_params(struct store *s, const struct report_def *d, char **cause)
{
	const struct report_param	*from = report_find_param(d, "from");
	const struct report_param	*to = report_find_param(d, "to");
	const struct report_param	*p;
	const struct table_def		*t = biz_table(d->source);
	struct store_table		*rt;
	struct record			*r;
	struct buf			 key = BUF_INIT;
	const char			*why;
	int				 i, f, ret;

	/* Dates are kept as YYYY-MM-DD, which sort as text. */
	if (from != NULL && to != NULL && from->type == FT_DATE &&
	    to->type == FT_DATE && from->value != NULL && to->value != NULL &&
	    strcmp(from->value, to->value) > 0) {
		*cause = xasprintf("%s %s lies after %s %s", from->prompt,
		    from->value, to->prompt, to->value);
		return (-1);
	}

	for (i = 0; t != NULL && i < d->nfilters; i++) {
		p = report_find_param(d, d->filters[i].param);
		f = schema_field_index(t, d->filters[i].field);
		if (d->filters[i].op != '=' || p == NULL || p->value == NULL ||
		    f < 0 || t->fields[f].ref == NULL)
			continue;
		rt = store_table(s, t->fields[f].ref);
		r = record_new(rt->def);
		ret = record_parse(r, 0, p->value, &why);
		if (ret == 0) {
			buf_clear(&key);
			record_primary_key(r, &key);
			ret = store_exists(rt, NULL, &key);
		}
		record_free(r);
		if (ret != 0) {
			*cause = xasprintf("%s %s does not exist",
			    rt->def->label, p->value);
			buf_free(&key);
			return (-1);
		}
	}
	buf_free(&key);
	return (0);
}

int
report_run(struct store *s, const struct report_def *d,
    const struct report_out *o, char **cause)
{
	struct run_ctx	 c;
	struct buf	 headings = BUF_INIT, rule = BUF_INIT;
	char		 when[32], *company, *params, *run, *path;
	time_t		 t = (time_t)o->run_time;
	int		 ret;

	memset(&c, 0, sizeof c);
	c.s = s;
	c.d = d;
	c.o = o;
	*cause = NULL;
	if (o->pdf && o->file == NULL) {
		*cause = xstrdup("a PDF needs a file: -o FILE.pdf");
		return (-1);
	}
	if (check_params(s, d, cause) != 0)
		return (-1);
	if ((c.f = temp_file(&path, cause)) == NULL)
		return (-1);
	unlink(path);	/* pass one's file needs no name */
	free(path);

	prepare(&c, &headings, &rule);
	company = biz_setting(s, NULL, "name", "");
	params = report_params_text(d);
	strftime(when, sizeof when, "%Y-%m-%d %H:%M", localtime(&t));
	run = xasprintf("Run %s%s%s", when, *params != '\0' ? "  " : "",
	    params);
	c.page.width = d->width;
	c.page.length = d->length;
	c.page.company = company;
	c.page.title = d->title;
	c.page.run = run;
	c.page.headings = headings.data;
	c.page.rule = rule.data;
	c.page.footer = d->footer;
	c.page.emit = emit_file;
	c.page.arg = c.f;

	if (o->csv)
		csv_row(&c, NULL, 1);
	if (d->statement)
		ret = statement_run(s, d, &c.page, o->csv ? c.f : NULL,
		    o->run_time, &c.error);
	else
		ret = run_rows(&c);
	if (ret == 0)
		print_end(&c);
	if (ret == 0 && (fflush(c.f) != 0 || ferror(c.f)))
		ret = run_error(&c, "cannot write a temporary file: %s",
		    strerror(errno));
	if (ret != 0)
		*cause = xasprintf("report %s: %s", d->name, c.error);
	else if (o->csv) {
		struct outfile out;

		/* CSV has no pages: pass one's file is the output. */
		c.page.pageno = 0;
		if ((ret = outfile_open(&out, o->file, cause)) == 0) {
			if (copy_pages(&c, c.f, out.f, cause) != 0) {
				outfile_abort(&out);
				ret = -1;
			} else
				ret = outfile_commit(&out, cause);
		}
	} else
		ret = deliver(&c, c.f, cause);

	fclose(c.f);
	free(c.error);
	free(company);
	free(params);
	free(run);
	buf_free(&headings);
	buf_free(&rule);
	cleanup(&c);
	return (ret == 0 ? 0 : -1);
}
