/*
 * ledger.c: the general ledger's rules (see ledger.h): postings checked
 * and applied to the balance table, reversals, period and year closes,
 * and the recomputation of balances for kontor check.
 */
#include <search.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "fixed.h"
#include "ledger.h"
#include "rules.h"
#include "tables.h"

/* The accounts the year-end close carries into (the Chinese chart's). */
#define PROFIT_ACCOUNT		"4103"
#define RETAINED_ACCOUNT	"4104"

static int
ledger_error(char **cause, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
ledger_error(char **cause, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	*cause = xvasprintf(fmt, ap);
	va_end(ap);
	return (STORE_EUSER);
}

/* The index of a field this file relies on being there. */
#define fi(t, name)	schema_field_needed(t, name)

/* The figures of a balance, as the balance table names them. */
static const char *const sum_fields[4] = {
	"debit", "credit", "amount_debit", "amount_credit"
};

/* What the checks found of an account. */
enum account_state {
	ACCOUNT_OK,
	ACCOUNT_MISSING,
	ACCOUNT_BLOCKED,
	ACCOUNT_PARENT		/* has sub-accounts */
};

/* One balance's figures added up in a batch, and one account's state. */
struct batch_sum {
	char		*account;
	char		*currency;
	int64_t		 period;
	int64_t		 figure[4];	/* as sum_fields */
};

struct batch_account {
	char			*code;
	enum account_state	 state;
};

/*
 * The sums and accounts are found through search trees (tsearch, which
 * keeps a pointer to each) and owned by the arrays, which flush and free
 * walk.
 */
struct ledger_batch {
	void			 *sum_tree;
	struct batch_sum	**sums;
	size_t			  nsums;
	void			 *account_tree;
	struct batch_account	**accounts;
	size_t			  naccounts;
	int64_t			 *open;		/* months found open */
	size_t			  nopen;
	char			 *company;	/* its currency, once read */
};

/* Reads the record of table with the one-field key code (text). */
static int
get_by_code(struct store *s, DB_TXN *txn, const char *table,
    const char *code, struct record *r, u_int32_t flags)
{
	struct store_table	*t = store_table(s, table);
	struct buf		 key = BUF_INIT;
	int			 ret;

	record_clear(r);
	record_set_text(r, 0, code);
	record_primary_key(r, &key);
	ret = store_get(t, txn, &key, r, flags);
	buf_free(&key);
	return (ret);
}

/* Whether some account lies under code (biz_account_under). */
static int
has_children(struct store *s, DB_TXN *txn, const char *code)
{
	struct store_table	*t = store_table(s, "accounts");
	struct store_cursor	*c = store_cursor_open(t, NULL, txn);
	struct record		*r = record_new(t->def);
	struct buf		 key = BUF_INIT;
	size_t			 len = strlen(code);
	int			 ret, found = 0;

	buf_add(&key, code, len);
	for (ret = store_cursor_seek(c, &key, r); ret == 0 && !found &&
	    strncmp(record_text(r, 0), code, len) == 0;
	    ret = store_cursor_next(c, r))
		found = biz_account_under(code, record_text(r, 0));
	store_cursor_close(c);
	record_free(r);
	buf_free(&key);
	if (ret != 0 && ret != DB_NOTFOUND)
		return (ret);
	return (found);
}

/* Whether month period is closed: 1, 0, or a database error. */
static int
period_closed(struct store *s, DB_TXN *txn, int64_t period)
{
	struct store_table	*t = store_table(s, "periods");
	struct record		*r = record_new(t->def);
	struct buf		 key = BUF_INIT;
	int			 ret;

	record_set_num(r, 0, period);
	record_primary_key(r, &key);
	ret = store_get(t, txn, &key, r, 0);
	if (ret == 0)
		ret = record_num(r, fi(t->def, "closed")) != 0;
	else if (ret == DB_NOTFOUND)
		ret = 0;
	buf_free(&key);
	record_free(r);
	return (ret);
}

/*
 * What an entry must balance: for each commodity, the sum of its lines'
 * worth in it.  A line in the company's currency, or in another
 * commodity at a price in the company's currency, counts its debit less
 * its credit in the company's currency (""); a line at a price in a third
 * commodity counts its cost there; a line in a commodity without a price
 * counts its own amount.  All figures at AMOUNT_SCALE.
 */
struct commodity_sum {
	const char	*currency;
	int64_t		 sum;
};

static int
add_to_commodity(struct commodity_sum *sums, int *n, const char *currency,
    int64_t v)
{
	int	i;

	if (sums == NULL)
		return (0);
	for (i = 0; i < *n && strcmp(sums[i].currency, currency) != 0; i++)
		continue;
	if (i == *n) {
		sums[i].currency = currency;
		sums[i].sum = 0;
		(*n)++;
	}
	return (fixed_add(sums[i].sum, v, &sums[i].sum));
}

/* Checks one line's figures and adds what it is worth to sums (unless
 * sums is NULL). */
static int
check_line_figures(const struct record *l, int i, const char *company,
    struct commodity_sum *sums, int *nsums, char **cause)
{
	const struct table_def	*lt = l->table;
	const char		*cur = record_text(l, fi(lt, "currency"));
	const char		*vcur;
	int64_t			 d = record_num(l, fi(lt, "debit"));
	int64_t			 c = record_num(l, fi(lt, "credit"));

	vcur = record_text(l, fi(lt, "value_currency"));
	int64_t			 amount = record_num(l, fi(lt, "amount"));
	int64_t			 value = record_num(l, fi(lt, "value"));
	int64_t			 worth;
	int			 priced = d != 0 || c != 0;

	if (d < 0 || c < 0)
		return (ledger_error(cause, "line %d: an amount below zero "
		    "belongs on the other side", i));
	if (d != 0 && c != 0)
		return (ledger_error(cause, "line %d has both a debit and a "
		    "credit", i));
	if (*cur != '\0' && strcmp(cur, company) == 0)
		return (ledger_error(cause, "line %d: %s is the company's "
		    "currency; write its amount as a debit or credit", i,
		    cur));
	if (*cur == '\0') {
		if (!priced)
			return (ledger_error(cause, "line %d has neither a "
			    "debit nor a credit", i));
		if (amount != 0 || value != 0 || *vcur != '\0')
			return (ledger_error(cause, "line %d: an amount or "
			    "cost needs a currency", i));
		worth = d - c;
	} else if (amount == 0)
		return (ledger_error(cause, "line %d: the amount in %s is "
		    "missing", i, cur));
	else if (*vcur != '\0') {
		if (priced || value == 0)
			return (ledger_error(cause, "line %d: a cost in %s is "
			    "a cost, not a debit or credit", i, vcur));
		if ((value > 0) != (amount > 0))
			return (ledger_error(cause, "line %d: the cost and the "
			    "amount must have the same sign", i));
		return (add_to_commodity(sums, nsums, vcur, value) == 0 ? 0 :
		    ledger_error(cause, "the entry's amounts are too large"));
	} else if (!priced)
		return (add_to_commodity(sums, nsums, cur, amount) == 0 ? 0 :
		    ledger_error(cause, "the entry's amounts are too large"));
	else if ((d != 0) != (amount > 0))
		return (ledger_error(cause, "line %d: an amount of %s bought "
		    "is a debit, one sold a credit", i, cur));
	else
		worth = d - c;
	if (fixed_rescale(worth, MONEY_SCALE, AMOUNT_SCALE, &worth) != 0 ||
	    add_to_commodity(sums, nsums, "", worth) != 0)
		return (ledger_error(cause, "the entry's amounts are too "
		    "large"));
	return (0);
}

static int
account_cmp(const void *a, const void *b)
{
	const struct batch_account	*x = a, *y = b;

	return (strcmp(x->code, y->code));
}

/*
 * What account code is: found in batch when it was looked up before in
 * this transaction, else read from the chart (and kept in batch).
 * Returns 0 with *state, or a database error.
 */
static int
account_state(struct store *s, DB_TXN *txn, struct ledger_batch *batch,
    const char *code, enum account_state *state)
{
	struct batch_account	 want = { (char *)code, ACCOUNT_OK };
	struct batch_account	*a, **found;
	struct record		*r;
	int			 ret;

	if (batch != NULL && (found = tfind(&want, &batch->account_tree,
	    account_cmp)) != NULL) {
		*state = (*found)->state;
		return (0);
	}

	r = record_new(biz_table("accounts"));
	ret = get_by_code(s, txn, "accounts", code, r, 0);
	if (ret == DB_NOTFOUND) {
		*state = ACCOUNT_MISSING;
		ret = 0;
	} else if (ret == 0 && record_num(r, fi(r->table, "blocked")) != 0)
		*state = ACCOUNT_BLOCKED;
	else if (ret == 0 && (ret = has_children(s, txn, code)) == 0)
		*state = ACCOUNT_OK;
	else if (ret == 1) {
		*state = ACCOUNT_PARENT;
		ret = 0;
	}
	record_free(r);
	if (ret != 0 || batch == NULL)
		return (ret);

	a = xmalloc(sizeof *a);
	a->code = xstrdup(code);
	a->state = *state;
	batch->accounts = xreallocarray(batch->accounts,
	    batch->naccounts + 1, sizeof *batch->accounts);
	batch->accounts[batch->naccounts++] = a;
	if (tsearch(a, &batch->account_tree, account_cmp) == NULL)
		fatalx("%s: out of memory", __func__);
	return (0);
}

/* Whether month period is closed, as period_closed, kept in batch. */
static int
batch_period_closed(struct store *s, DB_TXN *txn, struct ledger_batch *batch,
    int64_t period)
{
	size_t	i;
	int	ret;

	for (i = 0; batch != NULL && i < batch->nopen; i++)
		if (batch->open[i] == period)
			return (0);
	if ((ret = period_closed(s, txn, period)) != 0 || batch == NULL)
		return (ret);
	batch->open = xreallocarray(batch->open, batch->nopen + 1,
	    sizeof *batch->open);
	batch->open[batch->nopen++] = period;
	return (0);
}

/*
 * Whether entry number has a reversal already: 1, 0, or a database
 * error.  The by-reverses index finds it.
 */
static int
reversed_already(struct store *s, DB_TXN *txn, int64_t number)
{
	struct store_table	*st = store_table(s, "journals");
	struct store_index	*ix = store_index(st, "by-reverses");
	struct store_cursor	*c;
	struct record		*r = record_new(st->def);
	struct buf		 key = BUF_INIT;
	const void		*k;
	size_t			 klen;
	int			 ret, rf = ix->which[0];

	record_set_num(r, rf, number);
	record_key(r, &rf, 1, 0, &key);
	c = store_cursor_open(st, ix, txn);
	ret = store_cursor_seek(c, &key, NULL);
	if (ret == 0) {
		k = store_cursor_key(c, &klen);
		ret = klen == key.len && memcmp(k, key.data, klen) == 0;
	}
	store_cursor_close(c);
	record_free(r);
	buf_free(&key);
	return (ret == DB_NOTFOUND ? 0 : ret);
}

int
ledger_check(struct store *s, DB_TXN *txn, struct ledger_batch *batch,
    const struct record *entry, struct record **lines, int n, char **cause)
{
	const struct table_def	*lt = biz_table("journal_lines");
	struct commodity_sum	*sums;
	enum account_state	 state;
	char			 dr[FIXED_BUFSIZE], cr[FIXED_BUFSIZE];
	char			*company;
	int64_t			 debit = 0, credit = 0, date, reverses;
	int			 i, k, nsums = 0, ret = 0;
	int			 fd = fi(lt, "debit"), fc = fi(lt, "credit");
	int			 fa = fi(lt, "account"), fv = fi(lt, "virtual");
	int			 outside;

	date = record_num(entry, fi(entry->table, "date"));
	if (date == 0)
		return (ledger_error(cause, "an entry needs a date"));
	if ((ret = batch_period_closed(s, txn, batch, date / 100)) != 0)
		return (ret < 0 ? ret : ledger_error(cause, "period %04d-%02d "
		    "is closed; nothing was posted", (int)(date / 10000),
		    (int)(date / 100 % 100)));
	if (n < 2)
		return (ledger_error(cause, "an entry needs at least two "
		    "lines"));
	reverses = record_num(entry, fi(entry->table, "reverses"));
	if (reverses != 0 && (ret = reversed_already(s, txn, reverses)) != 0)
		return (ret != 1 ? ret : ledger_error(cause, "journal entry "
		    "%lld is reversed already", (long long)reverses));
	if (batch == NULL)
		company = biz_setting(s, txn, "currency", "");
	else {
		if (batch->company == NULL)
			batch->company = biz_setting(s, txn, "currency", "");
		company = batch->company;
	}
	sums = xcalloc((size_t)n + 1, sizeof *sums);
	for (i = 0; i < n && ret == 0; i++) {
		const char *code = record_text(lines[i], fa);

		/* An unbalanced virtual line (from a plain-text journal)
		 * stands outside double entry: its account checked, its
		 * figures not summed. */
		outside = record_num(lines[i], fv) == LINE_UNBALANCED;
		if ((ret = check_line_figures(lines[i], i + 1, company,
		    outside ? NULL : sums, &nsums, cause)) != 0)
			break;
		if (!outside && (fixed_add(debit, record_num(lines[i], fd),
		    &debit) != 0 ||
		    fixed_add(credit, record_num(lines[i], fc), &credit) != 0))
			ret = ledger_error(cause, "the entry's amounts are "
			    "too large");
		else if ((ret = account_state(s, txn, batch, code,
		    &state)) != 0)
			break;
		else if (state == ACCOUNT_MISSING)
			ret = ledger_error(cause, "line %d: account %s does "
			    "not exist", i + 1, code);
		else if (state == ACCOUNT_BLOCKED)
			ret = ledger_error(cause, "account %s is blocked and "
			    "takes no postings", code);
		else if (state == ACCOUNT_PARENT)
			ret = ledger_error(cause, "account %s has "
			    "sub-accounts; post to one of them", code);
	}
	if (ret == 0 && debit != credit)
		ret = ledger_error(cause, "the entry does not balance: "
		    "debits %s, credits %s", fixed_format(debit, 2, true, dr),
		    fixed_format(credit, 2, true, cr));
	for (k = 0; k < nsums && ret == 0; k++)
		if (sums[k].sum != 0)
			ret = ledger_error(cause, "the entry does not balance "
			    "in %s: its lines add up to %s, not zero",
			    sums[k].currency, fixed_format(sums[k].sum,
			    AMOUNT_SCALE, true, dr));
	free(sums);
	if (batch == NULL)
		free(company);
	return (ret);
}

/*
 * Adds figure (as sum_fields) to the balance of account in currency and
 * month period, in the balance table.  Returns 0, STORE_EUSER with
 * *cause, or a database error.
 */
static int
add_balance(struct store *s, DB_TXN *txn, const char *account,
    const char *currency, int64_t period, const int64_t figure[4],
    char **cause)
{
	struct store_table	*t = store_table(s, "balances");
	const struct table_def	*bt = t->def;
	struct record		*b = record_new(bt);
	struct buf		 key = BUF_INIT;
	int64_t			 sum;
	int			 k, ret;

	record_set_text(b, fi(bt, "account"), account);
	record_set_text(b, fi(bt, "currency"), currency);
	record_set_num(b, fi(bt, "period"), period);
	record_primary_key(b, &key);
	ret = store_get(t, txn, &key, b, DB_RMW);
	if (ret == DB_NOTFOUND) {
		record_set_text(b, fi(bt, "account"), account);
		record_set_text(b, fi(bt, "currency"), currency);
		record_set_num(b, fi(bt, "period"), period);
		ret = 0;
	}
	for (k = 0; k < 4 && ret == 0; k++) {
		if (fixed_add(record_num(b, fi(bt, sum_fields[k])), figure[k],
		    &sum) != 0)
			ret = ledger_error(cause, "the balance of account %s "
			    "is too large", account);
		else
			record_set_num(b, fi(bt, sum_fields[k]), sum);
	}
	if (ret == 0)
		ret = store_put(t, txn, b, 0);
	record_free(b);
	buf_free(&key);
	return (ret);
}

static int
sum_cmp(const void *a, const void *b)
{
	const struct batch_sum	*x = a, *y = b;
	int			 c;

	if ((c = strcmp(x->account, y->account)) != 0 ||
	    (c = strcmp(x->currency, y->currency)) != 0)
		return (c);
	return (x->period < y->period ? -1 : x->period > y->period);
}

/* Adds figure to the batch's sum for account, currency and period. */
static int
batch_add(struct ledger_batch *batch, const char *account,
    const char *currency, int64_t period, const int64_t figure[4],
    char **cause)
{
	struct batch_sum	 want = { (char *)account, (char *)currency,
				    period, { 0 } };
	struct batch_sum	*b, **found;
	int			 k;

	if ((found = tfind(&want, &batch->sum_tree, sum_cmp)) != NULL)
		b = *found;
	else {
		b = xcalloc(1, sizeof *b);
		b->account = xstrdup(account);
		b->currency = xstrdup(currency);
		b->period = period;
		batch->sums = xreallocarray(batch->sums, batch->nsums + 1,
		    sizeof *batch->sums);
		batch->sums[batch->nsums++] = b;
		if (tsearch(b, &batch->sum_tree, sum_cmp) == NULL)
			fatalx("%s: out of memory", __func__);
	}
	for (k = 0; k < 4; k++)
		if (fixed_add(b->figure[k], figure[k], &b->figure[k]) != 0)
			return (ledger_error(cause, "the balance of account "
			    "%s is too large", account));
	return (0);
}

int
ledger_apply(struct store *s, DB_TXN *txn, struct ledger_batch *batch,
    const struct record *entry, struct record **lines, int n, char **cause)
{
	const struct table_def	*lt = biz_table("journal_lines");
	const char		*account, *cur;
	int64_t			 period, amount, figure[4];
	int			 i, ret = 0;

	period = record_num(entry, fi(entry->table, "date")) / 100;
	for (i = 0; i < n && ret == 0; i++) {
		account = record_text(lines[i], fi(lt, "account"));
		cur = record_text(lines[i], fi(lt, "currency"));
		amount = record_num(lines[i], fi(lt, "amount"));
		figure[0] = record_num(lines[i], fi(lt, "debit"));
		figure[1] = record_num(lines[i], fi(lt, "credit"));
		figure[2] = amount > 0 ? amount : 0;
		figure[3] = amount < 0 ? -amount : 0;
		if (batch != NULL)
			ret = batch_add(batch, account, cur, period, figure,
			    cause);
		else
			ret = add_balance(s, txn, account, cur, period, figure,
			    cause);
	}
	return (ret);
}

struct ledger_batch *
ledger_batch_new(void)
{
	return (xcalloc(1, sizeof (struct ledger_batch)));
}

static void
batch_drop_sums(struct ledger_batch *batch)
{
	size_t	i;

	for (i = 0; i < batch->nsums; i++) {
		tdelete(batch->sums[i], &batch->sum_tree, sum_cmp);
		free(batch->sums[i]->account);
		free(batch->sums[i]->currency);
		free(batch->sums[i]);
	}
	batch->nsums = 0;
}

/* The sums in the order of the balance table's keys. */
static int
sum_ptr_cmp(const void *a, const void *b)
{
	return (sum_cmp(*(struct batch_sum *const *)a,
	    *(struct batch_sum *const *)b));
}

int
ledger_batch_flush(struct store *s, DB_TXN *txn, struct ledger_batch *batch,
    char **cause)
{
	size_t	i;
	int	ret = 0;

	/* In key order, each page of the balance table is visited once. */
	qsort(batch->sums, batch->nsums, sizeof *batch->sums,
	    sum_ptr_cmp);
	for (i = 0; i < batch->nsums && ret == 0; i++)
		ret = add_balance(s, txn, batch->sums[i]->account,
		    batch->sums[i]->currency, batch->sums[i]->period,
		    batch->sums[i]->figure, cause);
	batch_drop_sums(batch);
	return (ret);
}

void
ledger_batch_free(struct ledger_batch *batch)
{
	size_t	i;

	if (batch == NULL)
		return;
	batch_drop_sums(batch);
	for (i = 0; i < batch->naccounts; i++) {
		tdelete(batch->accounts[i], &batch->account_tree,
		    account_cmp);
		free(batch->accounts[i]->code);
		free(batch->accounts[i]);
	}
	free(batch->sums);
	free(batch->accounts);
	free(batch->open);
	free(batch->company);
	free(batch);
}

int
ledger_has_postings(struct store *s, DB_TXN *txn, const char *account)
{
	struct store_table	*t = store_table(s, "balances");
	struct store_cursor	*c = store_cursor_open(t, NULL, txn);
	struct record		*b = record_new(t->def);
	struct buf		 key = BUF_INIT;
	int			 ret, found = 0;

	/* A posting makes a balance row; a row is never taken away. */
	buf_adds(&key, account);
	for (ret = store_cursor_seek(c, &key, b); ret == 0 && !found &&
	    strncmp(record_text(b, 0), account, key.len) == 0;
	    ret = store_cursor_next(c, b))
		found = strcmp(record_text(b, 0), account) == 0;
	store_cursor_close(c);
	record_free(b);
	buf_free(&key);
	if (ret != 0 && ret != DB_NOTFOUND)
		return (ret);
	return (found);
}

int
ledger_sums(struct store *s, DB_TXN *txn, const char *account,
    int64_t first, int64_t last, int64_t *debit, int64_t *credit)
{
	struct store_table	*t = store_table(s, "balances");
	struct store_cursor	*c = store_cursor_open(t, NULL, txn);
	struct record		*b = record_new(t->def);
	struct buf		 key = BUF_INIT;
	size_t			 len = strlen(account);
	int64_t			 p;
	int			 ret, fp = fi(t->def, "period");
	int			 fd = fi(t->def, "debit");
	int			 fc = fi(t->def, "credit");

	*debit = *credit = 0;
	buf_add(&key, account, len);	/* every account it begins */
	for (ret = store_cursor_seek(c, &key, b); ret == 0;
	    ret = store_cursor_next(c, b)) {
		if (strncmp(record_text(b, 0), account, len) != 0)
			break;
		/* Assets:Bankfees begins with Assets:Bank, but is not
		 * under it. */
		p = record_num(b, fp);
		if (p < first || p > last || (record_text(b, 0)[len] != '\0' &&
		    !biz_account_under(account, record_text(b, 0))))
			continue;
		*debit += record_num(b, fd);
		*credit += record_num(b, fc);
	}
	store_cursor_close(c);
	record_free(b);
	buf_free(&key);
	return (ret == DB_NOTFOUND ? 0 : ret);
}

/* An account and a month whose postings a span reads one by one. */
struct span_month {
	char	*code;
	int64_t	 month;
};

/*
 * Adds to before and within the lines of code dated in month: those
 * before first to before, those from first to last to within.
 */
static int
span_lines(struct store *s, DB_TXN *txn, const struct span_month *sm,
    int64_t first, int64_t last, int64_t before[2], int64_t within[2])
{
	struct store_table	*lt = store_table(s, "journal_lines");
	struct store_index	*ix = store_index(lt, "by-account-date");
	struct store_cursor	*c;
	struct record		*l = record_new(lt->def);
	struct buf		 key = BUF_INIT;
	int64_t			*to, end = date_month_end(sm->month), day;
	int			 ret, fa = ix->which[0], fd = ix->which[1];
	int			 fdr = fi(lt->def, "debit");
	int			 fcr = fi(lt->def, "credit");

	record_set_text(l, fa, sm->code);
	record_set_num(l, fd, sm->month * 100 + 1);
	record_key(l, ix->which, 2, 0, &key);
	c = store_cursor_open(lt, ix, txn);
	for (ret = store_cursor_seek(c, &key, l); ret == 0 &&
	    strcmp(record_text(l, fa), sm->code) == 0 &&
	    (day = record_num(l, fd)) <= end; ret = store_cursor_next(c, l)) {
		if (day > last)
			break;
		to = day < first ? before : within;
		to[0] += record_num(l, fdr);
		to[1] += record_num(l, fcr);
	}
	store_cursor_close(c);
	record_free(l);
	buf_free(&key);
	return (ret == DB_NOTFOUND ? 0 : ret);
}

int
ledger_span_sums(struct store *s, DB_TXN *txn, const char *account,
    int64_t first, int64_t last, int64_t before[2], int64_t within[2])
{
	struct store_table	*t = store_table(s, "balances");
	struct store_cursor	*c = store_cursor_open(t, NULL, txn);
	struct record		*b = record_new(t->def);
	struct span_month	*part = NULL;
	struct buf		 key = BUF_INIT;
	size_t			 len = strlen(account);
	const char		*code;
	int64_t			 fm = first / 100, lm = last / 100, p, *to;
	int			 ret, n = 0, k, from = 0, found;
	int			 fp = fi(t->def, "period");
	int			 partly_first, partly_last;

	before[0] = before[1] = within[0] = within[1] = 0;
	partly_first = first % 100 > 1;
	partly_last = last < date_month_end(lm);

	/* Key order is account, currency, month. */
	buf_add(&key, account, len);
	for (ret = store_cursor_seek(c, &key, b); ret == 0;
	    ret = store_cursor_next(c, b)) {
		code = record_text(b, 0);
		if (strncmp(code, account, len) != 0)
			break;
		/* Assets:Bankfees begins with Assets:Bank, but is not
		 * under it. */
		if (code[len] != '\0' && !biz_account_under(account, code))
			continue;
		p = record_num(b, fp);
		if (p > lm)
			continue;
		if ((p == fm && partly_first) || (p == lm && partly_last)) {
			/* Read its lines, once for each account and month. */
			if (n == 0 || strcmp(part[n - 1].code, code) != 0)
				from = n;
			for (k = from, found = 0; k < n; k++)
				found |= part[k].month == p;
			if (!found) {
				part = xreallocarray(part, (size_t)n + 1,
				    sizeof *part);
				part[n].code = xstrdup(code);
				part[n++].month = p;
			}
			continue;
		}
		to = p < fm ? before : within;
		to[0] += record_num(b, fi(t->def, "debit"));
		to[1] += record_num(b, fi(t->def, "credit"));
	}
	store_cursor_close(c);
	record_free(b);
	buf_free(&key);
	if (ret == DB_NOTFOUND)
		ret = 0;
	for (k = 0; k < n; k++) {
		if (ret == 0)
			ret = span_lines(s, txn, &part[k], first, last, before,
			    within);
		free(part[k].code);
	}
	free(part);
	return (ret);
}

int
ledger_day_sums(struct store *s, DB_TXN *txn, const char *account,
    int64_t first, int64_t last, int64_t *debit, int64_t *credit)
{
	int64_t	before[2], within[2];
	int	ret;

	ret = ledger_span_sums(s, txn, account, first, last, before, within);
	*debit = within[0];
	*credit = within[1];
	return (ret);
}

int
ledger_commodity_sums(struct store *s, DB_TXN *txn, int64_t first,
    int64_t last, int (*each)(void *, const char *, const char *, int64_t),
    void *arg)
{
	struct store_table	*t = store_table(s, "balances");
	struct store_cursor	*c = store_cursor_open(t, NULL, txn);
	struct record		*b = record_new(t->def);
	char			*account = NULL, *cur = NULL;
	int64_t			 sum = 0, v, p;
	int			 ret, stop = 0, fp = fi(t->def, "period");
	int			 fcur = fi(t->def, "currency");

	/* Key order is account, currency, month: one run per pair. */
	for (ret = store_cursor_seek(c, NULL, b); ; ret = store_cursor_next(c,
	    b)) {
		if (account != NULL && (ret != 0 ||
		    strcmp(account, record_text(b, 0)) != 0 ||
		    strcmp(cur, record_text(b, fcur)) != 0)) {
			if (sum != 0)
				stop = each(arg, account, cur, sum);
			free(account);
			free(cur);
			account = cur = NULL;
		}
		if (ret != 0 || stop)
			break;
		if (account == NULL) {
			account = xstrdup(record_text(b, 0));
			cur = xstrdup(record_text(b, fcur));
			sum = 0;
		}
		p = record_num(b, fp);
		if (p < first || p > last)
			continue;
		if (*cur == '\0')
			fixed_rescale(record_num(b, fi(t->def, "debit")) -
			    record_num(b, fi(t->def, "credit")), MONEY_SCALE,
			    AMOUNT_SCALE, &v);
		else
			v = record_num(b, fi(t->def, "amount_debit")) -
			    record_num(b, fi(t->def, "amount_credit"));
		sum += v;
	}
	store_cursor_close(c);
	record_free(b);
	return (ret == DB_NOTFOUND ? 0 : ret);
}

/* A new journal-entry document with the entry's own lines grid. */
static struct doc *
new_entry(int64_t date, const char *kind, const char *description)
{
	const struct table_def	*jt = biz_table("journals");
	struct doc		*d = doc_new(jt);

	doc_add_grid(d, biz_table("journal_lines"), "journal", 0);
	record_set_num(d->master, fi(jt, "date"), date);
	record_set_text(d->master, fi(jt, "kind"), kind);
	record_set_text(d->master, fi(jt, "description"), description);
	return (d);
}

static void
add_line(struct doc *d, const char *account, int64_t debit,
    int64_t credit, const char *memo)
{
	const struct table_def	*lt = biz_table("journal_lines");
	struct record		*r = doc_add_row(d, 0);

	record_set_text(r, fi(lt, "account"), account);
	record_set_num(r, fi(lt, "debit"), debit);
	record_set_num(r, fi(lt, "credit"), credit);
	record_set_text(r, fi(lt, "memo"), memo);
}

int
ledger_reverse(struct store *s, int64_t number, int64_t date,
    const char *user, int64_t *reversal, char **cause)
{
	const struct table_def	*jt = biz_table("journals");
	const struct table_def	*lt = biz_table("journal_lines");
	struct doc		*old, *d;
	char			*what;
	int			 i, ret;

	old = doc_new(jt);
	doc_add_grid(old, lt, "journal", 0);
	record_set_num(old->master, 0, number);
	if ((ret = doc_load(s, old, cause)) != 0) {
		if (ret == DB_NOTFOUND)
			*cause = xasprintf("there is no journal entry %lld",
			    (long long)number);
		doc_free(old);
		return (-1);
	}

	/* Asked here to fail early; ledger_check asks again when the
	 * reversal is saved, inside its transaction. */
	if (reversed_already(s, NULL, number) == 1) {
		*cause = xasprintf("journal entry %lld is reversed already",
		    (long long)number);
		doc_free(old);
		return (-1);
	}

	if (date != 0 && date < record_num(old->master, fi(jt, "date"))) {
		*cause = xasprintf("a reversal cannot be dated before entry "
		    "%lld itself", (long long)number);
		doc_free(old);
		return (-1);
	}
	if (strcmp(record_text(old->master, fi(jt, "kind")), "reversal") ==
	    0) {
		*cause = xasprintf("entry %lld is itself a reversal; post the "
		    "entry again instead", (long long)number);
		doc_free(old);
		return (-1);
	}

	what = xasprintf("Reversal of entry %lld", (long long)number);
	d = new_entry(date != 0 ? date : record_num(old->master,
	    fi(jt, "date")), "reversal", what);
	free(what);
	record_set_num(d->master, fi(jt, "reverses"), number);
	record_set_text(d->master, fi(jt, "reference"),
	    record_text(old->master, fi(jt, "reference")));
	for (i = 0; i < old->grids[0].nrows; i++) {
		struct record *r = old->grids[0].rows[i];

		struct record *l;

		add_line(d, record_text(r, fi(lt, "account")),
		    record_num(r, fi(lt, "credit")),
		    record_num(r, fi(lt, "debit")),
		    record_text(r, fi(lt, "memo")));
		l = d->grids[0].rows[i];
		record_set_text(l, fi(lt, "currency"),
		    record_text(r, fi(lt, "currency")));
		record_set_num(l, fi(lt, "amount"),
		    -record_num(r, fi(lt, "amount")));
		record_set_text(l, fi(lt, "value_currency"),
		    record_text(r, fi(lt, "value_currency")));
		record_set_num(l, fi(lt, "value"),
		    -record_num(r, fi(lt, "value")));
		record_set_num(l, fi(lt, "virtual"),
		    record_num(r, fi(lt, "virtual")));
	}
	ret = doc_save(s, d, user, cause);
	if (ret == 0)
		*reversal = record_num(d->master, 0);
	doc_free(d);
	doc_free(old);
	return (ret);
}

struct close_ctx {
	int64_t		 period;
	const char	*user;
};

static int
close_txn(struct store *s, DB_TXN *txn, void *arg, char **cause)
{
	struct close_ctx	*cc = arg;
	struct store_table	*t = store_table(s, "periods");
	struct record		*r = record_new(t->def);
	int			 ret;

	(void)cause;
	record_set_num(r, 0, cc->period);
	record_set_num(r, fi(t->def, "closed"), 1);
	record_set_text(r, fi(t->def, "closed_by"), cc->user);
	ret = store_put(t, txn, r, 0);
	record_free(r);
	return (ret);
}

int
ledger_close_period(struct store *s, int64_t period, const char *user,
    char **cause)
{
	struct close_ctx	cc = { period, user };

	if (period % 100 < 1 || period % 100 > 12 || period < 100001 ||
	    period > 999912) {
		*cause = xasprintf("%04lld-%02lld is not a month",
		    (long long)(period / 100), (long long)(period % 100));
		return (-1);
	}
	return (store_run(s, close_txn, &cc, cause) == 0 ? 0 : -1);
}

/* 1 if a month after period is closed, 0 if not, or a database error. */
static int
later_closed(struct store *s, DB_TXN *txn, int64_t period)
{
	struct store_table	*t = store_table(s, "periods");
	struct store_cursor	*c = store_cursor_open(t, NULL, txn);
	struct record		*r = record_new(t->def);
	struct buf		 key = BUF_INIT;
	int			 ret, found = 0;

	record_set_num(r, 0, period + 1);
	record_primary_key(r, &key);
	for (ret = store_cursor_seek(c, &key, r); ret == 0 && !found;
	    ret = store_cursor_next(c, r))
		found = record_num(r, fi(t->def, "closed")) != 0;
	store_cursor_close(c);
	record_free(r);
	buf_free(&key);
	if (ret != 0 && ret != DB_NOTFOUND)
		return (ret);
	return (found);
}

/* 1 if some journal entry is dated in year, 0 if none, or an error. */
static int
year_has_entries(struct store *s, DB_TXN *txn, int year)
{
	struct store_table	*t = store_table(s, "journals");
	struct store_index	*ix = store_index(t, "by-date");
	struct store_cursor	*c = store_cursor_open(t, ix, txn);
	struct record		*r = record_new(t->def);
	struct buf		 key = BUF_INIT;
	int			 ret;

	record_set_num(r, ix->which[0], (int64_t)year * 10000 + 101);
	record_key(r, ix->which, 1, 0, &key);
	ret = store_cursor_seek(c, &key, r);
	if (ret == 0)
		ret = record_num(r, ix->which[0]) <= (int64_t)year * 10000 +
		    1231;
	store_cursor_close(c);
	record_free(r);
	buf_free(&key);
	return (ret == DB_NOTFOUND ? 0 : ret);
}

struct close_year_ctx {
	int		 year;
	const char	*user;
	int64_t		 entry;		/* the closing entry, or 0 */
};

/*
 * The year-end close as one transaction: the entry that carries revenue
 * and expense into profit, and the close of the year's twelve months.
 * December may have been closed already, as a month among others: the
 * close reopens it inside this transaction to post its own entry there,
 * and closes it again before it commits, so that no other posting can
 * come in between.
 */
static int
close_year_txn(struct store *s, DB_TXN *txn, void *arg, char **cause)
{
	struct close_year_ctx	*cy = arg;
	const struct table_def	*at = biz_table("accounts");
	struct store_table	*st = store_table(s, "accounts");
	struct store_table	*pt = store_table(s, "periods");
	struct store_cursor	*c;
	struct record		*a, *p;
	struct close_ctx	 cc = { 0, cy->user };
	struct buf		 key = BUF_INIT;
	struct doc		*d;
	char			*what;
	int64_t			 debit, credit, net, profit = 0;
	int64_t			 december = (int64_t)cy->year * 100 + 12;
	int			 ret, m, closed;

	cy->entry = 0;
	if ((ret = later_closed(s, txn, december)) != 0)
		return (ret == 1 ? ledger_error(cause, "a month after %d is "
		    "closed already; years are closed in order", cy->year) :
		    ret);
	if ((ret = period_closed(s, txn, december - 100)) == 0 &&
	    (ret = year_has_entries(s, txn, cy->year - 1)) == 1)
		return (ledger_error(cause, "%d has postings and is not "
		    "closed; years are closed in order", cy->year - 1));
	if (ret != 0 && ret != 1)
		return (ret);
	for (m = 1, closed = 0; m <= 12; m++) {
		if ((ret = period_closed(s, txn, december - 12 + m)) < 0 ||
		    ret > 1)
			return (ret);
		closed += ret;
	}

	p = record_new(pt->def);
	record_set_num(p, 0, december);
	record_primary_key(p, &key);
	record_free(p);
	ret = store_del(pt, txn, &key);
	buf_free(&key);
	if (ret != 0 && ret != DB_NOTFOUND)
		return (ret);

	what = xasprintf("Year-end close %d", cy->year);
	d = new_entry((int64_t)cy->year * 10000 + 1231, "close", what);
	free(what);

	/*
	 * Each revenue and expense account that has a balance.  Cost
	 * accounts (5001 生产成本 and the others of 成本类) are work in
	 * progress, which the balance sheet counts in inventory: under the
	 * Chinese standard they stay open, and cost of sales (6401, an
	 * expense) is what closes.
	 */
	a = record_new(at);
	c = store_cursor_open(st, NULL, txn);
	for (ret = store_cursor_seek(c, NULL, a); ret == 0;
	    ret = store_cursor_next(c, a)) {
		const char *type = record_text(a, fi(at, "type"));
		const char *code = record_text(a, 0);

		if (strcmp(type, "revenue") != 0 && strcmp(type, "expense") !=
		    0)
			continue;
		if ((ret = has_children(s, txn, code)) == 1)
			continue;	/* its sub-accounts are closed */
		if (ret != 0)
			break;
		ret = ledger_sums(s, txn, code, (int64_t)cy->year * 100 + 1,
		    december, &debit, &credit);
		if (ret != 0)
			break;
		net = debit - credit;
		if (net == 0)
			continue;
		add_line(d, code, net < 0 ? -net : 0, net > 0 ? net : 0,
		    "to profit for the year");
		profit -= net;
	}
	store_cursor_close(c);
	record_free(a);
	if (ret != 0 && ret != DB_NOTFOUND) {
		doc_free(d);
		return (ret);
	}
	if (d->grids[0].nrows == 0 && closed == 12) {
		doc_free(d);
		return (ledger_error(cause, "%d is closed already", cy->year));
	}

	ret = 0;
	if (d->grids[0].nrows > 0) {
		/* Profit (or loss) passes through 4103 into 4104. */
		add_line(d, PROFIT_ACCOUNT, profit < 0 ? -profit : 0,
		    profit > 0 ? profit : 0, "profit for the year");
		add_line(d, PROFIT_ACCOUNT, profit > 0 ? profit : 0,
		    profit < 0 ? -profit : 0, "to retained earnings");
		add_line(d, RETAINED_ACCOUNT, profit < 0 ? -profit : 0,
		    profit > 0 ? profit : 0, "profit for the year");
		if ((ret = doc_save_in(s, txn, d, cy->user, cause)) == 0)
			cy->entry = record_num(d->master, 0);
	}
	doc_free(d);
	for (m = 1; ret == 0 && m <= 12; m++) {
		cc.period = (int64_t)cy->year * 100 + m;
		ret = close_txn(s, txn, &cc, cause);
	}
	return (ret);
}

int
ledger_close_year(struct store *s, int year, const char *user,
    int64_t *entry, char **cause)
{
	struct close_year_ctx	cy = { year, user, 0 };

	*entry = 0;
	if (store_run(s, close_year_txn, &cy, cause) != 0)
		return (-1);
	*entry = cy.entry;
	return (0);
}

/* One account's recomputed sums per month and commodity. */
struct month_sum {
	int64_t	 period;
	char	*currency;
	int64_t	 figure[4];	/* debit, credit, amount_debit, amount_credit */
};

static void
balance_problem(const char *account, const char *currency, int64_t period,
    void (*report)(void *, const char *), void *arg, long *problems)
{
	char	*line;

	line = xasprintf("balance of account %s%s%s in %04lld-%02lld does "
	    "not agree with its postings", account, *currency != '\0' ?
	    " in " : "", currency, (long long)(period / 100),
	    (long long)(period % 100));
	report(arg, line);
	free(line);
	(*problems)++;
}

/*
 * Compares an account's stored balances with the sums of its lines: every
 * month and commodity in m must be stored with the same figures, and every
 * stored one with figures must be in m.
 */
static void
compare_account(struct store *s, const char *account, struct month_sum *m,
    int nm, void (*report)(void *, const char *), void *arg, long *problems)
{
	struct store_table	*t = store_table(s, "balances");
	struct store_cursor	*c = store_cursor_open(t, NULL, NULL);
	struct record		*b = record_new(t->def);
	struct buf		 key = BUF_INIT;
	int			*seen = xcalloc((size_t)nm + 1, sizeof *seen);
	int			 i, k, ret, differ;
	int			 fp = fi(t->def, "period");
	int			 fcur = fi(t->def, "currency");

	buf_adds(&key, account);
	buf_addc(&key, '\0');
	for (ret = store_cursor_seek(c, &key, b); ret == 0 &&
	    strcmp(record_text(b, 0), account) == 0;
	    ret = store_cursor_next(c, b)) {
		for (i = 0; i < nm && (m[i].period != record_num(b, fp) ||
		    strcmp(m[i].currency, record_text(b, fcur)) != 0); i++)
			;
		if (i < nm)
			seen[i] = 1;
		for (k = 0, differ = 0; k < 4; k++)
			differ |= record_num(b, fi(t->def, sum_fields[k])) !=
			    (i < nm ? m[i].figure[k] : 0);
		if (differ)
			balance_problem(account, record_text(b, fcur),
			    record_num(b, fp), report, arg, problems);
	}
	for (i = 0; i < nm; i++)
		if (!seen[i])
			balance_problem(account, m[i].currency, m[i].period,
			    report, arg, problems);
	store_cursor_close(c);
	record_free(b);
	buf_free(&key);
	free(seen);
}

/* The month of journal entry number, or 0 if there is none. */
static int64_t
entry_month(struct store_table *jt, struct record *e, int64_t number)
{
	struct buf	key = BUF_INIT;
	int64_t		period = 0;

	record_clear(e);
	record_set_num(e, 0, number);
	record_primary_key(e, &key);
	if (store_get(jt, NULL, &key, e, 0) == 0)
		period = record_num(e, fi(jt->def, "date")) / 100;
	buf_free(&key);
	return (period);
}

static void
free_sums(struct month_sum *m, int nm)
{
	int	i;

	for (i = 0; i < nm; i++)
		free(m[i].currency);
}

long
ledger_check_balances(struct store *s,
    void (*report)(void *, const char *), void *arg)
{
	struct store_table	*lt = store_table(s, "journal_lines");
	struct store_table	*jt = store_table(s, "journals");
	struct store_table	*bt = store_table(s, "balances");
	struct store_index	*ix = store_index(lt, "by-account-date");
	struct store_cursor	*c;
	struct record		*r = record_new(lt->def);
	struct record		*e = record_new(jt->def);
	struct record		*b = record_new(bt->def);
	struct month_sum	*m = NULL;
	struct buf		 key = BUF_INIT;
	char			*account = NULL;
	const char		*cur;
	long			 problems = 0;
	int			 nm = 0, i, ret, fa = fi(lt->def, "account");
	int			 fcur = fi(lt->def, "currency");
	int			 bp = fi(bt->def, "period");
	int			 bcur = fi(bt->def, "currency");
	int64_t			 period, amount;

	/* The lines in account order: each account's months summed. */
	c = store_cursor_open(lt, ix, NULL);
	for (ret = store_cursor_seek(c, NULL, r); ;
	    ret = store_cursor_next(c, r)) {
		if (ret != 0 || account == NULL ||
		    strcmp(account, record_text(r, fa)) != 0) {
			if (account != NULL)
				compare_account(s, account, m, nm, report,
				    arg, &problems);
			free(account);
			account = NULL;
			free_sums(m, nm);
			nm = 0;
			if (ret != 0)
				break;
			account = xstrdup(record_text(r, fa));
		}
		period = entry_month(jt, e, record_num(r, 0));
		cur = record_text(r, fcur);
		for (i = 0; i < nm && (m[i].period != period ||
		    strcmp(m[i].currency, cur) != 0); i++)
			;
		if (i == nm) {
			m = xreallocarray(m, (size_t)nm + 1, sizeof *m);
			memset(&m[nm], 0, sizeof m[nm]);
			m[nm].period = period;
			m[nm].currency = xstrdup(cur);
			nm++;
		}
		amount = record_num(r, fi(lt->def, "amount"));
		m[i].figure[0] += record_num(r, fi(lt->def, "debit"));
		m[i].figure[1] += record_num(r, fi(lt->def, "credit"));
		m[i].figure[amount > 0 ? 2 : 3] += amount > 0 ? amount :
		    -amount;
	}
	store_cursor_close(c);

	/* A balance with figures on an account that has no lines at all. */
	c = store_cursor_open(bt, NULL, NULL);
	for (ret = store_cursor_seek(c, NULL, b); ret == 0;
	    ret = store_cursor_next(c, b)) {
		struct store_cursor *lc;
		const void *k;
		size_t klen;
		int blank = 1;
		int64_t month;

		for (i = 0; i < 4; i++)
			blank &= record_num(b, fi(bt->def, sum_fields[i])) == 0;
		if (blank)
			continue;
		month = record_num(b, bp) % 100;
		if (month < 1 || month > 12) {
			balance_problem(record_text(b, 0), record_text(b, bcur),
			    record_num(b, bp), report, arg, &problems);
			continue;
		}
		buf_clear(&key);
		buf_adds(&key, record_text(b, 0));
		buf_addc(&key, '\0');
		lc = store_cursor_open(lt, ix, NULL);
		ret = store_cursor_seek(lc, &key, NULL);
		if (ret == 0) {
			k = store_cursor_key(lc, &klen);
			ret = klen >= key.len && memcmp(k, key.data,
			    key.len) == 0 ? 0 : DB_NOTFOUND;
		}
		store_cursor_close(lc);
		if (ret == DB_NOTFOUND)
			balance_problem(record_text(b, 0), record_text(b, bcur),
			    record_num(b, bp), report, arg, &problems);
		ret = 0;
	}
	store_cursor_close(c);
	free(m);
	free(account);
	record_free(r);
	record_free(e);
	record_free(b);
	buf_free(&key);
	return (problems);
}
