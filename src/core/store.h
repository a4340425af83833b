/*
 * store.h: a company's tables in one transactional Berkeley DB
 * environment.
 *
 * A company is a directory.  It holds the environment (region files
 * __db.*, log files log.*), a DB_CONFIG with the sizes below, and one
 * B-tree file per table and per secondary index:
 *
 *	file			keyed by			data
 *	TABLE.db		the F_KEY fields (record_key)	a record
 *	TABLE-INDEX.db		the index fields, folded or not	primary key
 *				(sorted duplicates)
 *
 * Secondary indices are Berkeley DB's own (DB->associate): they change in
 * the same transaction as their table, and are never written by hand.
 *
 * Every process opens the environment with DB_REGISTER | DB_RECOVER: if
 * an earlier process died inside a transaction, the next one to open the
 * company runs recovery by itself before going on.  Deadlocks are
 * detected on each lock conflict; store_run retries the transaction.
 *
 * This layer knows tables only as table_def data.
 */
#ifndef KONTOR_STORE_H
#define KONTOR_STORE_H

#include <db.h>

#include "record.h"
#include "schema.h"
#include "xalloc.h"

/* A user error, with its reason in the cause out-parameter. */
#define STORE_EUSER	(-20000)

struct store;

struct store_index {
	const struct table_def	*table;
	const struct index_def	*def;
	DB			*db;
	int			 which[4];	/* field numbers */
	int			 n;
	struct record		*scratch;	/* for the key callback */
};

struct store_table {
	struct store		*store;
	const struct table_def	*def;
	DB			*db;
	struct store_index	*indexes;	/* def->nindexes of them */
};

/*
 * Opens the company in dir, creating the directory and its files if
 * create is set, and recovering it first if a process died in it.
 * tables lists every table (count n).  Returns NULL with *cause set
 * (allocated) on failure: "DIR is not a kontor company", or the
 * database's own reason.
 */
struct store	*store_open(const char *dir, const struct table_def *tables,
		    int n, int create, char **cause);

/*
 * Opens the company again if another process's recovery has left this
 * one's handles unusable (DB_RUNRECOVERY).  store_run and cursors do it
 * by themselves; a screen calls it before each redraw.  Returns 0 if the
 * store is usable, or a Berkeley DB error.
 */
int		 store_heal(struct store *);

/* Checkpoints and closes; the company stays consistent either way. */
void		 store_close(struct store *);

const char	*store_dir(const struct store *);
DB_ENV		*store_env(struct store *);
int		 store_ntables(const struct store *);
struct store_table *store_table_at(struct store *, int i);

/* The table called name; a missing name is a programming error. */
struct store_table *store_table(struct store *, const char *name);

/* The index of t called name, or NULL. */
struct store_index *store_index(struct store_table *, const char *name);

/*
 * Runs fn(s, txn, arg) inside a transaction and commits it if fn returns
 * 0; otherwise aborts.  A deadlock (or a lock not granted) anywhere in fn
 * aborts and runs fn again, up to a limit.  Returns 0, STORE_EUSER with
 * *cause set by fn, or a Berkeley DB error with *cause set here.
 * fn must give every error code it meets back to its caller unchanged.
 */
typedef int	(*store_fn)(struct store *, DB_TXN *, void *arg,
		    char **cause);
int		 store_run(struct store *, store_fn fn, void *arg,
		    char **cause);

/* A cause string for a Berkeley DB error code (allocated). */
char		*store_strerror(struct store *, int code);

/*
 * Reads the record whose primary key is key into r.  flags may be
 * DB_RMW to take a write lock at once.  Returns 0, DB_NOTFOUND or an
 * error.
 */
int		 store_get(struct store_table *, DB_TXN *,
		    const struct buf *key, struct record *r, u_int32_t flags);

/* 0 if a record with that key exists, DB_NOTFOUND if not, or an error. */
int		 store_exists(struct store_table *, DB_TXN *,
		    const struct buf *key);

/*
 * Writes r under its primary key.  With DB_NOOVERWRITE an existing key
 * gives DB_KEYEXIST.  Indices follow by themselves.
 */
int		 store_put(struct store_table *, DB_TXN *,
		    const struct record *, u_int32_t flags);

int		 store_del(struct store_table *, DB_TXN *,
		    const struct buf *key);

/*
 * A cursor over a table in key order, or over one of its indices in
 * index order.  Each step fills the record and the primary key.
 */
struct store_cursor;

struct store_cursor *store_cursor_open(struct store_table *,
		    struct store_index *, DB_TXN *);
/* Positions at the first entry whose key is >= key (NULL: the first). */
int		 store_cursor_seek(struct store_cursor *, const struct buf *key,
		    struct record *r);
int		 store_cursor_next(struct store_cursor *, struct record *r);
int		 store_cursor_prev(struct store_cursor *, struct record *r);
int		 store_cursor_last(struct store_cursor *, struct record *r);
/*
 * Positions an index cursor at the entry (key, pkey), or the first after
 * it: how a list remembers its place between two key presses without
 * holding a cursor, and its locks, while the clerk thinks.  On a table
 * cursor pkey is not used.
 */
int		 store_cursor_seek_entry(struct store_cursor *,
		    const struct buf *key, const struct buf *pkey,
		    struct record *r);
/* The primary key of the current entry. */
const void	*store_cursor_pkey(struct store_cursor *, size_t *len);
/* Deletes the current entry (through an index: its record). */
int		 store_cursor_del(struct store_cursor *);
/* The key (index or primary) of the current entry. */
const void	*store_cursor_key(struct store_cursor *, size_t *len);
void		 store_cursor_close(struct store_cursor *);

/*
 * Verifies every table and index file with DB->verify.  Each problem
 * goes to report(arg, message).  Returns the number of files that failed.
 */
int		 store_verify(struct store *,
		    void (*report)(void *, const char *), void *arg);

#endif
