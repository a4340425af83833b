/*
 * figures.c: an account's figures for the financial statements (see
 * figures.h), on its normal side, from the ledger's balance table.
 *
 * The one thing besides ledger_sums that is read is the year-end close
 * entry: it brings revenue and expense to zero on the 31st of December,
 * so a statement of a closed year's movements adds its lines back.  It
 * is found through the journals' date index (entries of kind "close"
 * dated the year's last day) and its lines by its number, a handful of
 * records per year.
 */
#include <stdlib.h>
#include <string.h>

#include "figures.h"
#include "fixed.h"
#include "ledger.h"
#include "rules.h"
#include "tables.h"

/* The index of a field this file relies on being there. */
#define field(t, name)	schema_field_needed(t, name)

/* Whether a posting on account lies in the figure of code. */
static int
figures_covers(const char *code, const char *account)
{
	return (strcmp(code, account) == 0 ||
	    biz_account_under(code, account));
}

/*
 * Adds to *debit and *credit the lines on code (and its sub-accounts) of
 * the year-end close entries of year.  Returns 0 or a database error.
 */
static int
figures_close_lines(struct store *s, int year, const char *code,
    int64_t *debit, int64_t *credit)
{
	struct store_table	*jt = store_table(s, "journals");
	struct store_table	*lt = store_table(s, "journal_lines");
	struct store_cursor	*jc, *lc;
	struct record		*e = record_new(jt->def);
	struct record		*l = record_new(lt->def);
	struct buf		 key = BUF_INIT, lkey = BUF_INIT;
	int64_t			 day = (int64_t)year * 10000 + 1231;
	int			 fd = field(jt->def, "date");
	int			 fk = field(jt->def, "kind");
	int			 fa = field(lt->def, "account");
	int			 fj = 0, ret, lret;

	record_set_num(e, fd, day);
	record_key(e, &fd, 1, 0, &key);
	jc = store_cursor_open(jt, store_index(jt, "by-date"), NULL);
	for (ret = store_cursor_seek(jc, &key, e); ret == 0 &&
	    record_num(e, fd) == day; ret = store_cursor_next(jc, e)) {
		if (strcmp(record_text(e, fk), "close") != 0)
			continue;

		/* The entry's lines follow its number in key order. */
		record_clear(l);
		record_set_num(l, 0, record_num(e, 0));
		buf_clear(&lkey);
		record_key(l, &fj, 1, 0, &lkey);
		lc = store_cursor_open(lt, NULL, NULL);
		for (lret = store_cursor_seek(lc, &lkey, l); lret == 0 &&
		    record_num(l, 0) == record_num(e, 0);
		    lret = store_cursor_next(lc, l)) {
			if (!figures_covers(code, record_text(l, fa)))
				continue;
			*debit += record_num(l, field(lt->def, "debit"));
			*credit += record_num(l, field(lt->def, "credit"));
		}
		store_cursor_close(lc);
		if (lret != 0 && lret != DB_NOTFOUND) {
			ret = lret;
			break;
		}
	}
	store_cursor_close(jc);
	record_free(e);
	record_free(l);
	buf_free(&key);
	buf_free(&lkey);
	return (ret == DB_NOTFOUND || ret == 0 ? 0 : ret);
}

/* The figure of one account whose record (and so normal side) is a. */
static int
figures_of(struct store *s, const struct record *a, int64_t first,
    int64_t last, int without_close, int64_t *amount, char **cause)
{
	const char	*code = record_text(a, 0);
	int64_t		 debit, credit;
	int		 ret, year;

	ret = ledger_sums(s, NULL, code, first, last, &debit, &credit);
	for (year = first > 0 ? (int)(first / 100) : 0; ret == 0 &&
	    without_close && first > 0 && year <= last / 100; year++)
		if ((int64_t)year * 100 + 12 >= first &&
		    (int64_t)year * 100 + 12 <= last) {
			int64_t cd = 0, cc = 0;

			/* Left out: swapped back onto the other side. */
			ret = figures_close_lines(s, year, code, &cd, &cc);
			debit -= cd;
			credit -= cc;
		}
	if (ret != 0) {
		*cause = store_strerror(s, ret);
		return (-1);
	}
	if (strcmp(record_text(a, field(a->table, "normal")), "C") == 0)
		*amount = credit - debit;
	else
		*amount = debit - credit;
	return (0);
}

int
figures_account(struct store *s, const char *code, int64_t first,
    int64_t last, int without_close, int64_t *amount, char **cause)
{
	struct store_table	*t = store_table(s, "accounts");
	struct record		*a = record_new(t->def);
	struct buf		 key = BUF_INIT;
	int			 ret;

	record_set_text(a, 0, code);
	record_primary_key(a, &key);
	ret = store_get(t, NULL, &key, a, 0);
	if (ret == DB_NOTFOUND)
		*cause = xasprintf("there is no account %s", code);
	else if (ret != 0)
		*cause = store_strerror(s, ret);
	else
		ret = figures_of(s, a, first, last, without_close, amount,
		    cause);
	record_free(a);
	buf_free(&key);
	return (ret == 0 ? 0 : -1);
}

/* Whether code lies from from to to, to's sub-accounts included. */
static int
figures_in_range(const char *from, const char *to, const char *code)
{
	return (strcmp(code, from) >= 0 && (strcmp(code, to) <= 0 ||
	    figures_covers(to, code)));
}

int
figures_range(struct store *s, const char *from, const char *to,
    int64_t first, int64_t last, int without_close, int64_t *amount,
    char **cause)
{
	struct store_table	*t = store_table(s, "accounts");
	struct store_cursor	*c = store_cursor_open(t, NULL, NULL);
	struct record		*a = record_new(t->def);
	struct buf		 key = BUF_INIT;
	int64_t			 v;
	int			 ret, bad = 0, fp = field(t->def, "parent");

	*amount = 0;
	buf_add(&key, from, strlen(from));
	for (ret = store_cursor_seek(c, &key, a); ret == 0 &&
	    figures_in_range(from, to, record_text(a, 0));
	    ret = store_cursor_next(c, a)) {
		if (!record_is_empty(a, fp) &&
		    figures_in_range(from, to, record_text(a, fp)))
			continue;	/* in its parent's figure */
		if (figures_of(s, a, first, last, without_close, &v,
		    cause) != 0)
			bad = 1;
		else if (fixed_add(*amount, v, amount) != 0) {
			*cause = xasprintf("the sum of accounts %s to %s is "
			    "too large", from, to);
			bad = 1;
		}
		if (bad)
			break;
	}
	store_cursor_close(c);
	record_free(a);
	buf_free(&key);
	if (!bad && ret != 0 && ret != DB_NOTFOUND) {
		*cause = store_strerror(s, ret);
		bad = 1;
	}
	return (bad ? -1 : 0);
}
