/*
 * document.c: documents, a master record with its detail rows, read,
 * saved and deleted in one transaction each (see document.h).
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "document.h"
#include "fixed.h"
#include "ledger.h"
#include "rules.h"

static int
doc_error(char **cause, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
doc_error(char **cause, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	*cause = xvasprintf(fmt, ap);
	va_end(ap);
	return (STORE_EUSER);
}

struct doc *
doc_new(const struct table_def *t)
{
	struct doc	*d;

	d = xcalloc(1, sizeof *d);
	d->master = record_new(t);
	d->stamp = -1;
	return (d);
}

void
doc_add_grid(struct doc *d, const struct table_def *t, const char *link,
    int readonly)
{
	struct doc_grid	*g;

	if (d->ngrids == DOC_MAXGRIDS)
		fatalx("%s: more than %d grids", __func__, DOC_MAXGRIDS);
	g = &d->grids[d->ngrids++];
	g->table = t;
	g->link = schema_field_index(t, link);
	g->readonly = readonly;
	if (g->link < 0)
		fatalx("%s: %s has no field %s", __func__, t->name, link);
}

void
doc_clear_rows(struct doc *d, int g)
{
	int	i;

	for (i = 0; i < d->grids[g].nrows; i++)
		record_free(d->grids[g].rows[i]);
	free(d->grids[g].rows);
	d->grids[g].rows = NULL;
	d->grids[g].nrows = 0;
}

void
doc_free(struct doc *d)
{
	int	g;

	if (d == NULL)
		return;
	for (g = 0; g < d->ngrids; g++)
		doc_clear_rows(d, g);
	record_free(d->master);
	free(d);
}

struct record *
doc_add_row(struct doc *d, int g)
{
	struct doc_grid	*grid = &d->grids[g];

	grid->rows = xreallocarray(grid->rows, (size_t)grid->nrows + 1,
	    sizeof *grid->rows);
	grid->rows[grid->nrows] = record_new(grid->table);
	return (grid->rows[grid->nrows++]);
}

void
doc_remove_row(struct doc *d, int g, int row)
{
	struct doc_grid	*grid = &d->grids[g];

	record_free(grid->rows[row]);
	memmove(&grid->rows[row], &grid->rows[row + 1],
	    (size_t)(grid->nrows - row - 1) * sizeof *grid->rows);
	grid->nrows--;
}

/* The master's key, as the first key fields of a grid's rows hold it. */
static void
master_key(const struct doc *d, struct buf *key)
{
	buf_clear(key);
	record_primary_key(d->master, key);
}

/* The rows of grid g stored under the master, into the grid. */
static int
load_rows(struct store *s, DB_TXN *txn, struct doc *d, int g)
{
	struct doc_grid		*grid = &d->grids[g];
	struct store_table	*t = store_table(s, grid->table->name);
	struct store_cursor	*c;
	struct record		*r = record_new(grid->table);
	struct buf		 prefix = BUF_INIT;
	const void		*k;
	size_t			 klen;
	int			 ret;

	doc_clear_rows(d, g);
	master_key(d, &prefix);
	c = store_cursor_open(t, NULL, txn);
	for (ret = store_cursor_seek(c, &prefix, r); ret == 0;
	    ret = store_cursor_next(c, r)) {
		k = store_cursor_key(c, &klen);
		if (klen < prefix.len || memcmp(k, prefix.data,
		    prefix.len) != 0)
			break;
		record_copy(doc_add_row(d, g), r);
	}
	store_cursor_close(c);
	record_free(r);
	buf_free(&prefix);
	return (ret == DB_NOTFOUND ? 0 : ret);
}

static int
load_txn(struct store *s, DB_TXN *txn, void *arg, char **cause)
{
	struct doc		*d = arg;
	struct store_table	*t = store_table(s, d->master->table->name);
	struct buf		 key = BUF_INIT;
	int			 ret, g, changed;

	(void)cause;
	master_key(d, &key);
	ret = store_get(t, txn, &key, d->master, 0);
	buf_free(&key);
	if (ret != 0)
		return (ret);
	changed = schema_field_index(d->master->table, "changed");
	d->stamp = changed >= 0 ? record_num(d->master, changed) : 0;
	for (g = 0; g < d->ngrids && ret == 0; g++)
		ret = load_rows(s, txn, d, g);
	return (ret);
}

int
doc_load(struct store *s, struct doc *d, char **cause)
{
	int	ret;

	ret = store_run(s, load_txn, d, cause);
	if (ret == DB_NOTFOUND)
		free(*cause);
	return (ret == 0 || ret == DB_NOTFOUND ? ret : -1);
}

/* The master's label and key, for messages: "customer ALFKI". */
static char *
describe(const struct record *r)
{
	struct buf	b = BUF_INIT;
	int		i;

	buf_adds(&b, r->table->label);
	for (i = 0; i < r->table->nfields; i++)
		if (r->table->fields[i].flags & F_KEY) {
			buf_addc(&b, ' ');
			record_format(r, i, &b);
		}
	return (buf_take(&b));
}

/* Deletes the stored rows of grid g under the master. */
static int
delete_rows(struct store *s, DB_TXN *txn, struct doc *d, int g)
{
	struct store_table	*t = store_table(s, d->grids[g].table->name);
	struct store_cursor	*c;
	struct buf		 prefix = BUF_INIT;
	const void		*k;
	size_t			 klen;
	int			 ret;

	master_key(d, &prefix);
	c = store_cursor_open(t, NULL, txn);
	for (ret = store_cursor_seek(c, &prefix, NULL); ret == 0;
	    ret = store_cursor_next(c, NULL)) {
		k = store_cursor_key(c, &klen);
		if (klen < prefix.len || memcmp(k, prefix.data,
		    prefix.len) != 0)
			break;
		if ((ret = store_cursor_del(c)) != 0)
			break;
	}
	store_cursor_close(c);
	buf_free(&prefix);
	return (ret == DB_NOTFOUND ? 0 : ret);
}

/*
 * Reads the stored master with a write lock and compares its stamp with
 * the one the clerk's screen read.
 */
static int
check_stamp(struct store *s, DB_TXN *txn, struct doc *d, char **cause)
{
	struct store_table	*t = store_table(s, d->master->table->name);
	struct record		*now = record_new(d->master->table);
	struct buf		 key = BUF_INIT;
	char			*who;
	int			 ret, changed, by;

	master_key(d, &key);
	ret = store_get(t, txn, &key, now, DB_RMW);
	buf_free(&key);
	changed = schema_field_index(now->table, "changed");
	by = schema_field_index(now->table, "changed_by");
	who = describe(d->master);
	if (ret == DB_NOTFOUND)
		ret = doc_error(cause, "not saved: %s was deleted by another "
		    "clerk meanwhile", who);
	else if (ret == 0 && changed >= 0 &&
	    record_num(now, changed) != d->stamp)
		ret = doc_error(cause, "not saved: %s was changed by %s",
		    who, by >= 0 && !record_is_empty(now, by) ?
		    record_text(now, by) : "another clerk");
	free(who);
	record_free(now);
	return (ret);
}

/*
 * A journal line carries its entry's date, so that an account's lines
 * can be read in date order (the index by-account-date) for its ledger.
 */
static void
copy_date(const struct record *entry, struct record *line)
{
	int	from = schema_field_index(entry->table, "date");
	int	to = schema_field_index(line->table, "date");

	if (from >= 0 && to >= 0)
		record_set_num(line, to, record_num(entry, from));
}

struct save_ctx {
	struct doc	*d;
	const char	*user;
	int		 numbered;	/* the master's number is given here */
};

/*
 * Gives the row's key the master's, and its line number seq: the rows
 * stored under the master were deleted first, so the lines are numbered
 * 1, 2, ... in the order of the grid.
 */
static void
link_row(struct doc *d, int g, struct record *r, int64_t seq)
{
	const struct table_def	*t = r->table;
	int			 link = d->grids[g].link, i;
	int			 from = 0;

	for (i = 0; i < d->master->table->nfields; i++)
		if (d->master->table->fields[i].flags & F_KEY) {
			from = i;
			break;
		}
	if (field_is_number(&t->fields[link]))
		record_set_num(r, link, record_num(d->master, from));
	else
		record_set_text(r, link, record_text(d->master, from));
	for (i = 0; i < t->nfields; i++)
		if (t->fields[i].flags & F_SEQ)
			record_set_num(r, i, seq);
}

static int
save_txn(struct store *s, DB_TXN *txn, void *arg, char **cause)
{
	struct save_ctx		*c = arg;
	struct doc		*d = c->d;
	const struct table_def	*t = d->master->table;
	struct store_table	*st = store_table(s, t->name);
	char			 when[32], *by;
	time_t			 now = time(NULL);
	struct tm		 tm;
	int			 ret, g, i, changed, who;

	/* A retried save numbers a new master afresh. */
	for (i = 0; c->numbered && i < t->nfields; i++)
		if (t->fields[i].flags & F_SEQ)
			record_set_num(d->master, i, 0);

	if (d->stamp >= 0 && (ret = check_stamp(s, txn, d, cause)) != 0)
		return (ret);
	if (strcmp(t->name, "journals") == 0) {
		if (d->stamp >= 0)
			return (doc_error(cause, "journal entry %lld is posted "
			    "and cannot be changed; post a reversing entry "
			    "instead", (long long)record_num(d->master, 0)));
		if ((ret = ledger_check(s, txn, d->batch, d->master,
		    d->grids[0].rows, d->grids[0].nrows, cause)) != 0)
			return (ret);
	}
	if (strcmp(t->name, "orders") == 0 && d->ngrids > 0 &&
	    d->grids[0].nrows == 0)
		return (doc_error(cause, "an order needs at least one line"));

	changed = schema_field_index(t, "changed");
	who = schema_field_index(t, "changed_by");
	if (changed >= 0)
		record_set_num(d->master, changed, d->stamp + 1 > 0 ?
		    d->stamp + 1 : 1);
	if (who >= 0) {
		/* localtime_r: localtime would read the zone file again
		 * for each entry of a large import. */
		strftime(when, sizeof when, "%Y-%m-%d %H:%M",
		    localtime_r(&now, &tm));
		by = xasprintf("%s at %s", c->user, when);
		record_set_text(d->master, who, by);
		if (strcmp(t->name, "journals") == 0)
			record_set_text(d->master, schema_field_index(t,
			    "posted_by"), by);
		free(by);
	}

	if (d->stamp < 0)
		ret = biz_insert(s, txn, d->master, cause);
	else if ((ret = biz_check(s, txn, d->master, cause)) == 0 &&
	    (ret = biz_derive(s, txn, d->master, cause)) == 0)
		ret = store_put(st, txn, d->master, 0);
	if (ret != 0)
		return (ret);

	for (g = 0; g < d->ngrids; g++) {
		if (d->grids[g].readonly)
			continue;
		/* A new master, just inserted, has no rows stored. */
		if (d->stamp >= 0 && (ret = delete_rows(s, txn, d, g)) != 0)
			return (ret);
		for (i = 0; i < d->grids[g].nrows; i++) {
			link_row(d, g, d->grids[g].rows[i], i + 1);
			if (strcmp(t->name, "journals") == 0)
				copy_date(d->master, d->grids[g].rows[i]);
			ret = biz_insert(s, txn, d->grids[g].rows[i], cause);
			if (ret == STORE_EUSER) {
				char *why = *cause;

				*cause = xasprintf("line %d: %s", i + 1, why);
				free(why);
			}
			if (ret != 0)
				return (ret);
		}
	}
	if (strcmp(t->name, "journals") == 0)
		return (ledger_apply(s, txn, d->batch, d->master,
		    d->grids[0].rows, d->grids[0].nrows, cause));
	return (0);
}

int
doc_save(struct store *s, struct doc *d, const char *user, char **cause)
{
	struct save_ctx	c = { d, user, 0 };
	int		i, changed, ret;

	for (i = 0; d->stamp < 0 && i < d->master->table->nfields; i++)
		if ((d->master->table->fields[i].flags & F_SEQ) &&
		    record_is_empty(d->master, i))
			c.numbered = 1;
	ret = store_run(s, save_txn, &c, cause);
	if (ret != 0) {
		/* The screen keeps what the clerk typed and the old stamp. */
		changed = schema_field_index(d->master->table, "changed");
		if (changed >= 0)
			record_set_num(d->master, changed,
			    d->stamp > 0 ? d->stamp : 0);
		for (i = 0; c.numbered && i < d->master->table->nfields; i++)
			if (d->master->table->fields[i].flags & F_SEQ)
				record_set_num(d->master, i, 0);
		return (-1);
	}
	changed = schema_field_index(d->master->table, "changed");
	d->stamp = changed >= 0 ? record_num(d->master, changed) : 0;
	return (0);
}

/*
 * Whether some record of table t (other than the grids of d, which go
 * with it) holds the master's code in field f: through an index that
 * starts with f if there is one, else by reading the table.
 */
static int
referenced_by(DB_TXN *txn, struct doc *d, struct store_table *t, int f)
{
	struct store_index	*ix = NULL;
	struct store_cursor	*c;
	struct record		*r = record_new(t->def);
	struct buf		 key = BUF_INIT;
	int			 i, ret, from = 0;

	for (i = 0; i < d->master->table->nfields; i++)
		if (d->master->table->fields[i].flags & F_KEY) {
			from = i;
			break;
		}
	for (i = 0; i < t->def->nindexes && ix == NULL; i++)
		if (strcmp(t->def->indexes[i].fields[0],
		    t->def->fields[f].name) == 0 &&
		    !(t->def->indexes[i].flags & IX_FOLD))
			ix = &t->indexes[i];
	if (f == 0 || ix != NULL) {
		/* The code leads the key: a seek finds it. */
		if (field_is_number(&t->def->fields[f]))
			record_set_num(r, f, record_num(d->master, from));
		else
			record_set_text(r, f, record_text(d->master, from));
		record_key(r, &f, 1, 0, &key);
		c = store_cursor_open(t, ix, txn);
		ret = store_cursor_seek(c, &key, r);
		if (ret == 0) {
			const void	*k;
			size_t		 klen;

			k = store_cursor_key(c, &klen);
			if (klen < key.len || memcmp(k, key.data, key.len))
				ret = DB_NOTFOUND;
			else
				ret = 1;
		}
	} else {
		c = store_cursor_open(t, NULL, txn);
		for (ret = store_cursor_seek(c, NULL, r); ret == 0;
		    ret = store_cursor_next(c, r))
			if (field_is_number(&t->def->fields[f]) ?
			    record_num(r, f) == record_num(d->master, from) :
			    strcmp(record_text(r, f),
			    record_text(d->master, from)) == 0) {
				ret = 1;
				break;
			}
	}
	store_cursor_close(c);
	record_free(r);
	buf_free(&key);
	return (ret == DB_NOTFOUND ? 0 : ret);
}

static int
delete_txn(struct store *s, DB_TXN *txn, void *arg, char **cause)
{
	struct doc		*d = arg;
	const struct table_def	*t = d->master->table;
	struct buf		 key = BUF_INIT;
	char			*who;
	int			 ret, i, f, g, own;

	if ((ret = check_stamp(s, txn, d, cause)) != 0)
		return (ret);
	if (strcmp(t->name, "journals") == 0)
		return (doc_error(cause, "a posted journal entry cannot be "
		    "deleted; post a reversing entry instead"));

	for (i = 0; i < store_ntables(s); i++) {
		struct store_table *rt = store_table_at(s, i);

		for (own = 0, g = 0; g < d->ngrids; g++)
			if (d->grids[g].table == rt->def &&
			    !d->grids[g].readonly)
				own = 1;
		for (f = 0; !own && f < rt->def->nfields; f++) {
			if (rt->def->fields[f].ref == NULL ||
			    strcmp(rt->def->fields[f].ref, t->name) != 0 ||
			    (rt->def == t && f == 0))
				continue;
			ret = referenced_by(txn, d, rt, f);
			if (ret == 1) {
				who = describe(d->master);
				ret = doc_error(cause, "%s is used by %s "
				    "records (%s); it cannot be deleted",
				    who, rt->def->label,
				    rt->def->fields[f].name);
				free(who);
			}
			if (ret != 0)
				return (ret);
		}
	}
	for (g = 0; g < d->ngrids; g++)
		if (!d->grids[g].readonly &&
		    (ret = delete_rows(s, txn, d, g)) != 0)
			return (ret);
	master_key(d, &key);
	ret = store_del(store_table(s, t->name), txn, &key);
	buf_free(&key);
	return (ret);
}

int
doc_save_in(struct store *s, DB_TXN *txn, struct doc *d, const char *user,
    char **cause)
{
	struct save_ctx	c = { d, user, 1 };

	if (d->stamp >= 0)
		fatalx("%s: only new documents", __func__);
	return (save_txn(s, txn, &c, cause));
}

int
doc_delete(struct store *s, struct doc *d, char **cause)
{
	return (store_run(s, delete_txn, d, cause) == 0 ? 0 : -1);
}
