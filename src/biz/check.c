/*
 * check.c: kontor check (see check.h).  Reads everything once, holding
 * no more than one record of each table in memory.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fixed.h"
#include "ledger.h"
#include "rules.h"
#include "tables.h"

struct check_ctx {
	void	(*report)(void *, const char *);
	void	 *arg;
	long	  problems;
};

static void
problem(struct check_ctx *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
problem(struct check_ctx *c, const char *fmt, ...)
{
	va_list	 ap;
	char	*line;

	va_start(ap, fmt);
	line = xvasprintf(fmt, ap);
	va_end(ap);
	c->report(c->arg, line);
	free(line);
	c->problems++;
}

/* "order line 10248 1": the record's label and key, for messages. */
static char *
describe(const struct record *r)
{
	struct buf	b = BUF_INIT;
	int		i;

	buf_adds(&b, r->table->label);
	for (i = 0; i < r->table->nfields; i++) {
		if (!(r->table->fields[i].flags & F_KEY))
			continue;
		buf_addc(&b, ' ');
		record_format(r, i, &b);
	}
	return (buf_take(&b));
}

static int
ref_missing(struct store *s, const struct record *r, int i)
{
	struct store_table	*t = store_table(s, r->table->fields[i].ref);
	struct record		*k = record_new(t->def);
	struct buf		 key = BUF_INIT;
	int			 ret;

	if (field_is_number(&r->table->fields[i]))
		record_set_num(k, 0, record_num(r, i));
	else
		record_set_text(k, 0, record_text(r, i));
	record_primary_key(k, &key);
	ret = store_exists(t, NULL, &key);
	buf_free(&key);
	record_free(k);
	return (ret == DB_NOTFOUND);
}

static void
check_line_amount(struct check_ctx *c, const struct record *r)
{
	const struct table_def	*t = r->table;
	int64_t			 want;
	char			*who;

	if (biz_line_amount(record_num(r, schema_field_index(t, "quantity")),
	    record_num(r, schema_field_index(t, "price")),
	    record_num(r, schema_field_index(t, "discount")), &want) == 0 &&
	    want == record_num(r, schema_field_index(t, "amount")))
		return;
	who = describe(r);
	problem(c, "%s: the amount does not follow from quantity, price "
	    "and discount", who);
	free(who);
}

static void
check_table(struct store *s, struct check_ctx *c, struct store_table *t)
{
	struct store_cursor	*cur;
	struct record		*r = record_new(t->def);
	struct buf		 val = BUF_INIT;
	int			 i, ret, lines;
	char			*who, *why;

	lines = strcmp(t->def->name, "order_lines") == 0;
	cur = store_cursor_open(t, NULL, NULL);
	for (ret = store_cursor_seek(cur, NULL, r); ret == 0;
	    ret = store_cursor_next(cur, r)) {
		for (i = 0; i < t->def->nfields; i++) {
			const struct field_def *f = &t->def->fields[i];

			if (f->ref == NULL || record_is_empty(r, i) ||
			    !ref_missing(s, r, i))
				continue;
			who = describe(r);
			buf_clear(&val);
			problem(c, "%s: %s %s does not exist", who,
			    store_table(s, f->ref)->def->label,
			    record_format(r, i, &val));
			free(who);
		}
		if (lines)
			check_line_amount(c, r);
		if (biz_check_choices(r, &why) != 0) {
			who = describe(r);
			problem(c, "%s: %s", who, why);
			free(who);
			free(why);
		}
	}
	if (ret != DB_NOTFOUND)
		problem(c, "%s: cannot be read to the end: %s",
		    t->def->name, db_strerror(ret));
	store_cursor_close(cur);
	record_free(r);
	buf_free(&val);
}

/*
 * Stock on hand against the moves: each stock record must equal the sum
 * of the moves of its item and warehouse (read through the moves' index),
 * and every move must be counted in some stock record.
 */
static void
check_stock(struct store *s, struct check_ctx *c)
{
	struct store_table	*st = store_table(s, "stock");
	struct store_table	*mt = store_table(s, "stock_moves");
	struct store_index	*ix = store_index(mt, "by-item");
	struct store_cursor	*sc, *mc;
	struct record		*stock = record_new(st->def);
	struct record		*move = record_new(mt->def);
	struct buf		 prefix = BUF_INIT;
	int			 which[2], ret, mret;
	int			 qty = schema_field_index(mt->def, "quantity");
	int			 on_hand = schema_field_index(st->def,
				    "on_hand");
	long			 counted = 0, moves = 0;
	int64_t			 sum;
	const void		*k;
	size_t			 klen;

	which[0] = schema_field_index(st->def, "item");
	which[1] = schema_field_index(st->def, "warehouse");
	sc = store_cursor_open(st, NULL, NULL);
	for (ret = store_cursor_seek(sc, NULL, stock); ret == 0;
	    ret = store_cursor_next(sc, stock)) {
		buf_clear(&prefix);
		record_key(stock, which, 2, 0, &prefix);
		sum = 0;
		mc = store_cursor_open(mt, ix, NULL);
		for (mret = store_cursor_seek(mc, &prefix, move); mret == 0;
		    mret = store_cursor_next(mc, move)) {
			k = store_cursor_key(mc, &klen);
			if (klen != prefix.len ||
			    memcmp(k, prefix.data, klen) != 0)
				break;
			sum += record_num(move, qty);
			counted++;
		}
		store_cursor_close(mc);
		if (sum != record_num(stock, on_hand)) {
			char	want[FIXED_BUFSIZE];

			problem(c, "stock of item %s in warehouse %s: on hand "
			    "%s, but its moves add up to %s",
			    record_text(stock, which[0]),
			    record_text(stock, which[1]),
			    record_format(stock, on_hand, &prefix),
			    fixed_format(sum, QTY_SCALE, false, want));
		}
	}
	store_cursor_close(sc);

	mc = store_cursor_open(mt, NULL, NULL);
	for (ret = store_cursor_seek(mc, NULL, NULL); ret == 0;
	    ret = store_cursor_next(mc, NULL))
		moves++;
	store_cursor_close(mc);
	if (moves != counted)
		problem(c, "stock: %ld stock moves have no stock on hand "
		    "record", moves - counted);

	record_free(stock);
	record_free(move);
	buf_free(&prefix);
}

/* Reports entry if its debits and credits differ. */
static void
check_entry_sums(struct check_ctx *c, int64_t entry, int64_t debit,
    int64_t credit)
{
	char	dr[FIXED_BUFSIZE], cr[FIXED_BUFSIZE];

	if (debit == credit)
		return;
	problem(c, "journal entry %lld does not balance: debits %s, "
	    "credits %s", (long long)entry, fixed_format(debit, MONEY_SCALE,
	    true, dr), fixed_format(credit, MONEY_SCALE, true, cr));
}

/*
 * Every journal entry balances in the company's currency: its lines'
 * debits equal its credits.  An unbalanced virtual line of a plain-text
 * journal stands outside, as when it was posted.  The lines are read in
 * key order, which is entry by entry.
 */
static void
check_entries(struct store *s, struct check_ctx *c)
{
	struct store_table	*lt = store_table(s, "journal_lines");
	struct store_cursor	*cur = store_cursor_open(lt, NULL, NULL);
	struct record		*l = record_new(lt->def);
	int			 fj = schema_field_index(lt->def, "journal");
	int			 fd = schema_field_index(lt->def, "debit");
	int			 fc = schema_field_index(lt->def, "credit");
	int			 fv = schema_field_index(lt->def, "virtual");
	int64_t			 entry = 0, debit = 0, credit = 0;
	int			 ret;

	for (ret = store_cursor_seek(cur, NULL, l); ret == 0;
	    ret = store_cursor_next(cur, l)) {
		if (record_num(l, fj) != entry) {
			check_entry_sums(c, entry, debit, credit);
			entry = record_num(l, fj);
			debit = credit = 0;
		}
		if (record_num(l, fv) == LINE_UNBALANCED)
			continue;
		debit += record_num(l, fd);
		credit += record_num(l, fc);
	}
	check_entry_sums(c, entry, debit, credit);
	store_cursor_close(cur);
	record_free(l);
}

long
check_company(struct store *s, void (*report)(void *, const char *),
    void *arg)
{
	struct check_ctx	c = { report, arg, 0 };
	int			i;

	c.problems = store_verify(s, report, arg);
	if (c.problems > 0) {
		report(arg, "the company's own invariants were not checked, "
		    "since reading damaged files could mislead them");
		return (c.problems);
	}
	for (i = 0; i < store_ntables(s); i++)
		check_table(s, &c, store_table_at(s, i));
	check_stock(s, &c);
	check_entries(s, &c);
	c.problems += ledger_check_balances(s, report, arg);
	return (c.problems);
}
