/*
 * post.c: journal entries from CSV (see post.h).
 */
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "document.h"
#include "fixed.h"
#include "ledger.h"
#include "post.h"
#include "tables.h"

enum post_column {
	PC_ENTRY,
	PC_DATE,
	PC_REFERENCE,
	PC_DESCRIPTION,
	PC_ACCOUNT,
	PC_DEBIT,
	PC_CREDIT,
	PC_MEMO,
	PC_CURRENCY,
	PC_AMOUNT,
	PC_RATE,
	PC_N
};

static const char *post_names[PC_N] = {
	"entry", "date", "reference", "description", "account", "debit",
	"credit", "memo", "currency", "amount", "rate"
};

struct post_ctx {
	const char	*file;
	const char	*user;
	struct csv	*csv;
	int		 col[PC_N];
	long		 entries;
	struct ledger_batch *batch;	/* this try's */
};

static int
post_error(struct post_ctx *c, long line, char **cause, const char *what)
{
	*cause = xasprintf("%s:%ld: %s", c->file, line, what);
	return (STORE_EUSER);
}

static const char *
cell(struct post_ctx *c, const struct csv_row *row, int which)
{
	int	i = c->col[which];

	return (i >= 0 && i < row->nfields ? row->fields[i] : "");
}

/* Sets field name of r from text; the reason goes to *why. */
static int
set(struct record *r, const char *name, const char *text, const char **why)
{
	return (record_parse(r, schema_field_index(r->table, name), text,
	    why));
}

/*
 * A line in a foreign currency: its amount (debit positive) and, unless
 * the line gives its debit or credit in the company's currency, that
 * worked out at rate (company currency per unit), rounded to the cent.
 */
static int
foreign(struct record *l, const char *currency, const char *amount,
    const char *rate, const char **why)
{
	const struct table_def	*lt = l->table;
	int64_t			 a, r, worth;

	if (*currency == '\0') {
		if (*amount != '\0' || *rate != '\0') {
			*why = "an amount or rate needs a currency";
			return (-1);
		}
		return (0);
	}
	if (fixed_parse(amount, AMOUNT_SCALE, &a, why) != 0)
		return (-1);
	if (a == 0) {
		*why = "a line in a foreign currency needs its amount";
		return (-1);
	}
	record_set_text(l, schema_field_index(lt, "currency"), currency);
	record_set_num(l, schema_field_index(lt, "amount"), a);
	if (*rate == '\0')
		return (0);
	if (fixed_parse(rate, AMOUNT_SCALE, &r, why) != 0)
		return (-1);
	if (r <= 0) {
		*why = "a rate must be above zero";
		return (-1);
	}
	if (!record_is_empty(l, schema_field_index(lt, "debit")) ||
	    !record_is_empty(l, schema_field_index(lt, "credit"))) {
		*why = "give a rate or the debit or credit, not both";
		return (-1);
	}
	if (fixed_muldiv(a < 0 ? -a : a, r, fixed_pow10(2 * AMOUNT_SCALE -
	    MONEY_SCALE), &worth) != 0) {
		*why = "the amount at this rate is too large";
		return (-1);
	}
	record_set_num(l, schema_field_index(lt, a > 0 ? "debit" : "credit"),
	    worth);
	return (0);
}

/* Posts the entry held in d, which began on line. */
static int
post_entry(struct store *s, DB_TXN *txn, struct post_ctx *c,
    struct doc *d, long line, char **cause)
{
	char	*why;
	int	 ret;

	d->batch = c->batch;
	ret = doc_save_in(s, txn, d, c->user, &why);
	if (ret == STORE_EUSER) {
		post_error(c, line, cause, why);
		free(why);
	}
	if (ret == 0)
		c->entries++;
	return (ret);
}

static int
post_txn(struct store *s, DB_TXN *txn, void *arg, char **cause)
{
	struct post_ctx		*c = arg;
	const struct table_def	*jt = biz_table("journals");
	const struct table_def	*lt = biz_table("journal_lines");
	struct csv_row		 row;
	struct doc		*d = NULL;
	struct record		*l;
	const char		*why;
	char			*label = NULL, *first_date = NULL;
	long			 first = 0;
	int			 more, ret = 0, k, header = 1;

	csv_rewind(c->csv);
	c->entries = 0;
	c->batch = ledger_batch_new();
	while (ret == 0 && (more = csv_next(c->csv, &row)) == 1) {
		if (header) {
			for (k = 0; k < PC_N; k++) {
				int j;

				c->col[k] = -1;
				for (j = 0; j < row.nfields; j++)
					if (strcmp(row.fields[j],
					    post_names[k]) == 0)
						c->col[k] = j;
			}
			for (k = 0; ret == 0 && k < row.nfields; k++) {
				int j;

				for (j = 0; j < PC_N; j++)
					if (strcmp(row.fields[k],
					    post_names[j]) == 0)
						break;
				if (j == PC_N) {
					char *what = xasprintf("column "
					    "\"%s\" is none of entry, date, "
					    "reference, description, account, "
					    "debit, credit, memo, currency, "
					    "amount, rate", row.fields[k]);

					ret = post_error(c, row.line, cause,
					    what);
					free(what);
				}
			}
			if (ret == 0 && (c->col[PC_ENTRY] < 0 ||
			    c->col[PC_DATE] < 0 || c->col[PC_ACCOUNT] < 0 ||
			    (c->col[PC_DEBIT] < 0 && c->col[PC_CREDIT] < 0)))
				ret = post_error(c, row.line, cause, "the "
				    "header needs the columns entry, date, "
				    "account and debit or credit");
			header = 0;
			continue;
		}
		if (row.nfields == 1 && row.fields[0][0] == '\0')
			continue;

		/* A new label: post the entry so far, start the next. */
		if (label == NULL || strcmp(label, cell(c, &row,
		    PC_ENTRY)) != 0) {
			if (d != NULL && (ret = post_entry(s, txn, c, d,
			    first, cause)) != 0)
				break;
			doc_free(d);
			free(label);
			label = xstrdup(cell(c, &row, PC_ENTRY));
			free(first_date);
			first_date = xstrdup(cell(c, &row, PC_DATE));
			first = row.line;
			d = doc_new(jt);
			doc_add_grid(d, lt, "journal", 0);
			if (set(d->master, "date", cell(c, &row, PC_DATE),
			    &why) != 0 || set(d->master, "reference",
			    cell(c, &row, PC_REFERENCE), &why) != 0 ||
			    set(d->master, "description", cell(c, &row,
			    PC_DESCRIPTION), &why) != 0) {
				ret = post_error(c, row.line, cause, why);
				break;
			}
		}
		if (*cell(c, &row, PC_DATE) != '\0' && strcmp(cell(c, &row,
		    PC_DATE), first_date) != 0) {
			ret = post_error(c, row.line, cause, "a line of an "
			    "entry with another date; give each entry its own "
			    "label");
			break;
		}
		l = doc_add_row(d, 0);
		if (set(l, "account", cell(c, &row, PC_ACCOUNT), &why) != 0 ||
		    set(l, "debit", cell(c, &row, PC_DEBIT), &why) != 0 ||
		    set(l, "credit", cell(c, &row, PC_CREDIT), &why) != 0 ||
		    set(l, "memo", cell(c, &row, PC_MEMO), &why) != 0 ||
		    foreign(l, cell(c, &row, PC_CURRENCY), cell(c, &row,
		    PC_AMOUNT), cell(c, &row, PC_RATE), &why) != 0)
			ret = post_error(c, row.line, cause, why);
	}
	if (ret == 0 && more < 0)
		ret = post_error(c, csv_error_line(c->csv), cause,
		    csv_error(c->csv));
	if (ret == 0 && d != NULL)
		ret = post_entry(s, txn, c, d, first, cause);
	if (ret == 0)
		ret = ledger_batch_flush(s, txn, c->batch, cause);
	ledger_batch_free(c->batch);
	c->batch = NULL;
	doc_free(d);
	free(label);
	free(first_date);
	return (ret);
}

int
post_file(struct store *s, const char *file, const char *encoding,
    const char *user, long *entries, char **cause)
{
	struct post_ctx	c;
	int		ret;

	memset(&c, 0, sizeof c);
	c.file = file;
	c.user = user;
	if ((c.csv = csv_open(file, encoding, cause)) == NULL)
		return (-1);
	ret = store_run(s, post_txn, &c, cause);
	csv_close(c.csv);
	if (ret == 0)
		*entries = c.entries;
	return (ret == 0 ? 0 : -1);
}
