/*
 * rules.c: the business rules that apply when a record is stored
 * (see rules.h).  No curses, no file formats here.
 */
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixed.h"
#include "rules.h"
#include "tables.h"

static int
user_error(char **cause, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The index of a field this file relies on being there. */
#define field(t, name)	schema_field_needed(t, name)

static int
user_error(char **cause, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	*cause = xvasprintf(fmt, ap);
	va_end(ap);
	return (STORE_EUSER);
}

int
biz_line_amount(int64_t quantity, int64_t price, int64_t discount,
    int64_t *amount)
{
	__int128	exact, d, q, rem;

	/*
	 * cents x thousandths x (10000 - discount) over 1000 x 10000, in
	 * 128 bits (at most about 2^63 x 2^63 x 2^14 would not fit, far past
	 * any real order), then one rounding, half away from zero.
	 */
	if (discount < 0 || discount > fixed_pow10(RATE_SCALE))
		return (-1);
	exact = (__int128)price * quantity *
	    (fixed_pow10(RATE_SCALE) - discount);
	d = (__int128)fixed_pow10(QTY_SCALE) * fixed_pow10(RATE_SCALE);
	q = exact / d;
	rem = exact % d;
	if (rem < 0)
		rem = -rem;
	if (rem * 2 >= d)
		q += exact < 0 ? -1 : 1;
	if (q > INT64_MAX || q < INT64_MIN)
		return (-1);
	*amount = (int64_t)q;
	return (0);
}

char *
biz_setting(struct store *s, DB_TXN *txn, const char *name, const char *def)
{
	struct store_table	*t = store_table(s, "settings");
	struct record		*r = record_new(t->def);
	struct buf		 key = BUF_INIT;
	char			*value;

	int			 v = field(t->def, "value");

	record_set_text(r, field(t->def, "name"), name);
	record_primary_key(r, &key);
	if (store_get(t, txn, &key, r, 0) == 0 && !record_is_empty(r, v))
		value = xstrdup(record_text(r, v));
	else
		value = xstrdup(def);
	buf_free(&key);
	record_free(r);
	return (value);
}

/* Index of the F_SEQ field of a table, or -1. */
static int
seq_field(const struct table_def *t)
{
	int	i;

	for (i = 0; i < t->nfields; i++)
		if (t->fields[i].flags & F_SEQ)
			return (i);
	return (-1);
}

/*
 * A document number (an order's, a journal entry's) is never given twice,
 * even after the last one was deleted: the highest number given is kept
 * in the setting "last.TABLE", raised in the same transaction.
 */
static int
never_reuse(struct store *s, DB_TXN *txn, const struct table_def *t,
    int64_t *next)
{
	struct store_table	*st = store_table(s, "settings");
	struct record		*r = record_new(st->def);
	struct buf		 key = BUF_INIT;
	char			*name = xasprintf("last.%s", t->name);
	char			 text[32];
	const char		*why;
	int64_t			 given;
	int			 ret, v = field(st->def, "value");

	record_set_text(r, field(st->def, "name"), name);
	record_primary_key(r, &key);
	ret = store_get(st, txn, &key, r, DB_RMW);
	if (ret == 0 && fixed_parse(record_text(r, v), 0, &given, &why) == 0 &&
	    given >= *next)
		*next = given + 1;
	if (ret == 0 || ret == DB_NOTFOUND) {
		record_set_text(r, field(st->def, "name"), name);
		snprintf(text, sizeof text, "%lld", (long long)*next);
		record_set_text(r, v, text);
		ret = store_put(st, txn, r, 0);
	}
	free(name);
	buf_free(&key);
	record_free(r);
	return (ret);
}

/*
 * Gives field i (the last key field, a number) the next free number
 * under the key fields before it: the highest in use plus one.  The
 * cursor's read lock on the last entry keeps two clerks from taking the
 * same number; the second one waits, or deadlocks and is retried.
 */
static int
assign_seq(struct store_table *t, DB_TXN *txn, struct record *r, int i)
{
	struct store_cursor	*c;
	struct record		*last;
	struct buf		 prefix = BUF_INIT, bound = BUF_INIT;
	size_t			 klen;
	const void		*k;
	int			 which[8], n = 0, f, ret;
	int64_t			 next = 1;

	for (f = 0; f < i; f++)
		if (t->def->fields[f].flags & F_KEY)
			which[n++] = f;
	if (n > 0)
		record_key(r, which, n, 0, &prefix);

	/* Past every key under the prefix: the prefix then 0xff x 8. */
	buf_add(&bound, prefix.data, prefix.len);
	buf_add(&bound, "\xff\xff\xff\xff\xff\xff\xff\xff", 8);

	last = record_new(t->def);
	c = store_cursor_open(t, NULL, txn);
	ret = store_cursor_seek(c, &bound, NULL);
	if (ret == 0)
		ret = store_cursor_prev(c, last);
	else if (ret == DB_NOTFOUND)
		ret = store_cursor_last(c, last);
	if (ret == 0) {
		k = store_cursor_key(c, &klen);
		if (klen >= prefix.len &&
		    memcmp(k, prefix.data, prefix.len) == 0)
			next = record_num(last, i) + 1;
	}
	store_cursor_close(c);
	record_free(last);
	buf_free(&prefix);
	buf_free(&bound);
	if (ret != 0 && ret != DB_NOTFOUND)
		return (ret);
	if (n == 0 && (ret = never_reuse(t->store, txn, t->def, &next)) != 0)
		return (ret);

	record_set_num(r, i, next);
	return (0);
}

/* A one-field key of the table called name, holding code. */
static int
ref_exists(struct store *s, DB_TXN *txn, const char *table,
    const struct record *from, int i)
{
	struct store_table	*t = store_table(s, table);
	struct record		*r = record_new(t->def);
	struct buf		 key = BUF_INIT;
	int			 ret;

	if (field_is_number(&from->table->fields[i]))
		record_set_num(r, 0, record_num(from, i));
	else
		record_set_text(r, 0, record_text(from, i));
	record_primary_key(r, &key);
	ret = store_exists(t, txn, &key);
	buf_free(&key);
	record_free(r);
	return (ret);
}

/*
 * Fields that take one of a few values.  A short list here rather than a
 * column of the table description, as only the chart of accounts has
 * such fields so far.
 */
static const struct {
	const char	*table;
	const char	*field;
	const char	*values[8];
} choices[] = {
	{ "accounts", "type", { "asset", "liability", "equity", "cost",
	    "revenue", "expense", NULL } },
	{ "accounts", "normal", { "D", "C", NULL } },
};

/*
 * Figures that must lie within limits, whoever stores them: a load, an
 * import or a screen (whose form may narrow them further).  In stored
 * units: a quantity of 1 is 0.001, a discount of 10000 is 100%.
 */
static const struct {
	const char	*table;
	const char	*field;
	int64_t		 min;
	int64_t		 max;		/* INT64_MAX: no upper limit */
	const char	*rule;
} limits[] = {
	{ "customers", "credit_limit", 0, INT64_MAX, "cannot be negative" },
	{ "items", "price", 0, INT64_MAX, "cannot be negative" },
	{ "items", "cost", 0, INT64_MAX, "cannot be negative" },
	{ "items", "reorder_level", 0, INT64_MAX, "cannot be negative" },
	{ "orders", "freight", 0, INT64_MAX, "cannot be negative" },
	{ "order_lines", "quantity", 1, INT64_MAX, "must be more than 0" },
	{ "order_lines", "price", 0, INT64_MAX, "cannot be negative" },
	{ "order_lines", "discount", 0, 10000, "must be from 0 to 1" },
};

int
biz_check_choices(const struct record *r, char **cause)
{
	struct buf	val = BUF_INIT;
	size_t		k;
	int		i, v, ok;

	for (k = 0; k < sizeof limits / sizeof limits[0]; k++) {
		if (strcmp(r->table->name, limits[k].table) != 0)
			continue;
		i = field(r->table, limits[k].field);
		if (record_num(r, i) >= limits[k].min &&
		    record_num(r, i) <= limits[k].max)
			continue;
		user_error(cause, "%s: %s %s %s", r->table->label,
		    limits[k].field, record_format(r, i, &val),
		    limits[k].rule);
		buf_free(&val);
		return (STORE_EUSER);
	}

	for (k = 0; k < sizeof choices / sizeof choices[0]; k++) {
		if (strcmp(r->table->name, choices[k].table) != 0)
			continue;
		i = field(r->table, choices[k].field);
		for (ok = 0, v = 0; choices[k].values[v] != NULL; v++)
			ok |= strcmp(record_text(r, i),
			    choices[k].values[v]) == 0;
		if (!ok) {
			struct buf list = BUF_INIT;

			for (v = 0; choices[k].values[v] != NULL; v++)
				buf_printf(&list, "%s%s", v > 0 ? ", " : "",
				    choices[k].values[v]);
			user_error(cause, "%s: %s \"%s\" is not one of %s",
			    r->table->label, choices[k].field,
			    record_text(r, i), list.data);
			buf_free(&list);
			return (STORE_EUSER);
		}
	}
	return (0);
}

int
biz_check(struct store *s, DB_TXN *txn, const struct record *r,
    char **cause)
{
	const struct table_def	*t = r->table;
	struct buf		 val = BUF_INIT;
	int			 i, ret;

	if ((ret = biz_check_choices(r, cause)) != 0)
		return (ret);
	for (i = 0; i < t->nfields; i++) {
		const struct field_def *f = &t->fields[i];

		/* A number of 0 may be meant; a date of 0 was not given. */
		if ((f->flags & F_REQUIRED) && record_is_empty(r, i) &&
		    (!field_is_number(f) || f->type == FT_DATE))
			return (user_error(cause, "%s: %s is required",
			    t->label, f->name));
		if (f->ref == NULL || record_is_empty(r, i))
			continue;
		if (strcmp(f->ref, t->name) == 0 && i == 0)
			continue;	/* the key itself */

		ret = ref_exists(s, txn, f->ref, r, i);
		if (ret == DB_NOTFOUND) {
			ret = user_error(cause, "%s: %s %s does not exist",
			    t->label, store_table(s, f->ref)->def->label,
			    record_format(r, i, &val));
			buf_free(&val);
		}
		if (ret != 0)
			return (ret);
	}
	return (0);
}

/*
 * Whether an account code is a parent of another by its shape: a name
 * ("Assets:Bank") is the parent of the names below it ("Assets:Bank:
 * Checking") and a number ("2221") of longer numbers ("222101").
 */
int
biz_account_under(const char *parent, const char *code)
{
	size_t	len = strlen(parent);

	if (strlen(code) <= len || strncmp(parent, code, len) != 0)
		return (0);
	return (strchr(code, ':') == NULL || code[len] == ':');
}

/* An account's parent: the longest existing code that begins it. */
static int
account_parent(struct store *s, DB_TXN *txn, struct record *r)
{
	struct store_table	*t = store_table(s, "accounts");
	struct record		*p = record_new(t->def);
	struct buf		 key = BUF_INIT;
	char			*code = xstrdup(record_text(r, 0));
	const char		*full = record_text(r, 0);
	size_t			 len;
	int			 ret = DB_NOTFOUND;

	for (len = strlen(code); len-- > 1; ) {
		code[len] = '\0';
		if (!biz_account_under(code, full))
			continue;
		record_set_text(p, 0, code);
		buf_clear(&key);
		record_primary_key(p, &key);
		ret = store_exists(t, txn, &key);
		if (ret != DB_NOTFOUND)
			break;
	}
	if (ret == 0)
		record_set_text(r, field(r->table, "parent"), code);
	free(code);
	buf_free(&key);
	record_free(p);
	return (ret == DB_NOTFOUND ? 0 : ret);
}

/* Adds a move's quantity to stock on hand for its item and warehouse. */
static int
stock_apply(struct store *s, DB_TXN *txn, const struct record *move,
    char **cause)
{
	struct store_table	*t = store_table(s, "stock");
	struct record		*r = record_new(t->def);
	struct buf		 key = BUF_INIT;
	int64_t			 qty;
	int			 ret;

	const char		*item, *wh;
	int			 on_hand = field(t->def, "on_hand");

	item = record_text(move, field(move->table, "item"));
	wh = record_text(move, field(move->table, "warehouse"));
	record_set_text(r, field(t->def, "item"), item);
	record_set_text(r, field(t->def, "warehouse"), wh);
	record_primary_key(r, &key);
	ret = store_get(t, txn, &key, r, DB_RMW);
	if (ret == DB_NOTFOUND) {
		record_set_text(r, field(t->def, "item"), item);
		record_set_text(r, field(t->def, "warehouse"), wh);
		ret = 0;
	}
	if (ret == 0) {
		if (fixed_add(record_num(r, on_hand),
		    record_num(move, field(move->table, "quantity")),
		    &qty) != 0)
			ret = user_error(cause, "stock of item %s would "
			    "overflow", item);
		else {
			record_set_num(r, on_hand, qty);
			ret = store_put(t, txn, r, 0);
		}
	}
	buf_free(&key);
	record_free(r);
	return (ret);
}

int
biz_insert(struct store *s, DB_TXN *txn, struct record *r, char **cause)
{
	const struct table_def	*t = r->table;
	struct store_table	*st = store_table(s, t->name);
	int			 i, ret;

	if (strcmp(t->name, "stock") == 0)
		return (user_error(cause, "stock on hand follows from stock "
		    "moves; enter a stock move instead"));

	i = seq_field(t);
	if (i >= 0 && record_is_empty(r, i) &&
	    (ret = assign_seq(st, txn, r, i)) != 0)
		return (ret);
	if ((ret = biz_check(s, txn, r, cause)) != 0)
		return (ret);
	if ((ret = biz_derive(s, txn, r, cause)) != 0)
		return (ret);

	ret = store_put(st, txn, r, DB_NOOVERWRITE);
	if (ret == DB_KEYEXIST) {
		struct buf v = BUF_INIT;

		for (i = 0; i < t->nfields; i++) {
			if (!(t->fields[i].flags & F_KEY))
				continue;
			if (v.len > 0)
				buf_adds(&v, " ");
			record_format(r, i, &v);
		}
		ret = user_error(cause, "%s %s already exists", t->label,
		    v.data);
		buf_free(&v);
	}
	if (ret == 0 && strcmp(t->name, "stock_moves") == 0)
		ret = stock_apply(s, txn, r, cause);
	return (ret);
}

int
biz_derive(struct store *s, DB_TXN *txn, struct record *r, char **cause)
{
	const struct table_def	*t = r->table;
	int			 ret;

	if (strcmp(t->name, "order_lines") == 0) {
		int64_t	amount, given = record_num(r, field(t, "amount"));
		char	a[FIXED_BUFSIZE], b[FIXED_BUFSIZE];

		if (biz_line_amount(record_num(r, field(t, "quantity")),
		    record_num(r, field(t, "price")),
		    record_num(r, field(t, "discount")), &amount) != 0)
			return (user_error(cause, "order line: the amount "
			    "is out of range (discount must be 0 to 1)"));
		if (given != 0 && given != amount)
			return (user_error(cause, "order line: amount %s does "
			    "not follow from quantity, price and discount "
			    "(%s); leave it out to have it worked out",
			    fixed_format(given, MONEY_SCALE, false, a),
			    fixed_format(amount, MONEY_SCALE, false, b)));
		record_set_num(r, field(t, "amount"), amount);
	} else if (strcmp(t->name, "orders") == 0 &&
	    record_is_empty(r, field(t, "currency"))) {
		char *cur = biz_setting(s, txn, "currency", "");

		record_set_text(r, field(t, "currency"), cur);
		free(cur);
	} else if (strcmp(t->name, "accounts") == 0) {
		if ((ret = account_parent(s, txn, r)) != 0)
			return (ret);
	}
	return (0);
}

const char *
biz_user(void)
{
	static char	 name[64];
	struct passwd	*pw;
	const char	*env = getenv("KONTOR_USER");

	if (name[0] != '\0')
		return (name);
	if (env != NULL && *env != '\0')
		snprintf(name, sizeof name, "%s", env);
	else if ((pw = getpwuid(getuid())) != NULL)
		snprintf(name, sizeof name, "%s", pw->pw_name);
	else
		snprintf(name, sizeof name, "uid %ld", (long)getuid());
	return (name);
}
