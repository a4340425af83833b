/*
 * store.c: the company's Berkeley DB environment, its tables and
 * secondary indices, transactions with deadlock retry, and cursors.
 * The file layout is drawn in store.h.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include "log.h"
#include "store.h"

/*
 * One load of a big file is one transaction, and a transaction holds a
 * lock on every page it writes until it commits: a load of 300,000
 * customers holds about 26,000.  The lock region starts small and grows
 * on demand up to MAX_LOCKS (Berkeley DB 5.3's set_memory_init and
 * set_memory_max), so that a small company does not pay in disk and
 * memory for the largest load.  The sizes are also written to DB_CONFIG
 * when a company is created, where an operator may change them; they
 * take effect when the environment is made anew (db5.3_recover -h DIR,
 * with no kontor running).
 */
#define CACHE_BYTES	(64u * 1024 * 1024)
#define INIT_LOCKS	20000
#define MAX_LOCKS	2000000
#define LOCK_HASH	16384
#define REGION_MAX	(1024u * 1024 * 1024)
#define LOG_BUFFER	(4u * 1024 * 1024)
#define RETRIES		100

struct store {
	char			*dir;
	DB_ENV			*env;
	const struct table_def	*defs;
	struct store_table	*tables;
	int			 ntables;
	char			 lasterr[512];	/* the database's last word */
};

struct store_cursor {
	struct store_table	*table;
	struct store_index	*index;
	DBC			*dbc;
	DBT			 key;
	DBT			 pkey;
	DBT			 data;
	struct buf		 seek;
};

static void
store_errcall(const DB_ENV *env, const char *pfx, const char *msg)
{
	struct store	*s = env->app_private;

	(void)pfx;
	log_debug("%s: %s", __func__, msg);
	if (s != NULL)
		snprintf(s->lasterr, sizeof s->lasterr, "%s", msg);
}

char *
store_strerror(struct store *s, int code)
{
	if (code == ENOSPC)
		return (xasprintf("the disk holding %s is full; nothing of "
		    "this operation was stored", s->dir));
	if (s->lasterr[0] != '\0')
		return (xasprintf("%s (%s)", db_strerror(code), s->lasterr));
	return (xstrdup(db_strerror(code)));
}

/*
 * The key of a secondary index, built from the record by the database
 * whenever the table changes.
 */
static int
store_index_key(DB *sdb, const DBT *pkey, const DBT *pdata, DBT *skey)
{
	struct store_index	*ix = sdb->app_private;
	struct buf		 b = BUF_INIT;

	(void)pkey;
	if (record_decode(ix->scratch, pdata->data, pdata->size) != 0)
		fatalx("%s: a record of %s cannot be decoded",
		    __func__, ix->table->name);
	if (record_key(ix->scratch, ix->which, ix->n,
	    ix->def->flags & IX_FOLD, &b) != 0) {
		buf_free(&b);
		return (DB_DONOTINDEX);
	}
	memset(skey, 0, sizeof *skey);
	skey->size = (u_int32_t)b.len;
	skey->data = buf_take(&b);
	skey->flags = DB_DBT_APPMALLOC;
	return (0);
}

static int
write_config(const char *dir)
{
	char	*path;
	FILE	*f;

	path = xasprintf("%s/DB_CONFIG", dir);
	if (access(path, F_OK) == 0) {
		free(path);
		return (0);
	}
	f = fopen(path, "w");
	free(path);
	if (f == NULL)
		return (-1);
	fprintf(f, "# Written by kontor when the company was created.\n"
	    "set_cachesize 0 %u 1\n"
	    "set_lk_max_locks %d\n"
	    "set_lk_max_objects %d\n"
	    "set_lk_tablesize %d\n"
	    "set_memory_init db_mem_lock %d\n"
	    "set_memory_init db_mem_lockobject %d\n"
	    "set_memory_max 0 %u\n"
	    "set_lg_bsize %u\n"
	    "set_lk_detect db_lock_default\n"
	    "log_set_config db_log_auto_remove on\n",
	    CACHE_BYTES, MAX_LOCKS, MAX_LOCKS, LOCK_HASH, INIT_LOCKS,
	    INIT_LOCKS, REGION_MAX, LOG_BUFFER);
	return (fclose(f));
}

static int
open_env(struct store *s, int create, char **cause)
{
	u_int32_t	flags;
	int		ret, tries;

	flags = DB_CREATE | DB_INIT_LOCK | DB_INIT_LOG | DB_INIT_MPOOL |
	    DB_INIT_TXN | DB_REGISTER | DB_RECOVER;
	(void)create;

	/*
	 * A process that died leaves the environment needing recovery; the
	 * registry notices and DB_RECOVER runs it.  Another process that
	 * opens at the same moment can be told to run recovery too, so try
	 * a few times.
	 */
	for (tries = 0; tries < 5; tries++) {
		if ((ret = db_env_create(&s->env, 0)) != 0)
			break;
		s->env->app_private = s;
		s->env->set_errcall(s->env, store_errcall);
		s->env->set_cachesize(s->env, 0, CACHE_BYTES, 1);
		s->env->set_lk_max_locks(s->env, MAX_LOCKS);
		s->env->set_lk_max_objects(s->env, MAX_LOCKS);
		s->env->set_lk_tablesize(s->env, LOCK_HASH);
		s->env->set_memory_init(s->env, DB_MEM_LOCK, INIT_LOCKS);
		s->env->set_memory_init(s->env, DB_MEM_LOCKOBJECT,
		    INIT_LOCKS);
		s->env->set_memory_max(s->env, 0, REGION_MAX);
		s->env->set_lg_bsize(s->env, LOG_BUFFER);
		s->env->set_lk_detect(s->env, DB_LOCK_DEFAULT);
		s->env->log_set_config(s->env, DB_LOG_AUTO_REMOVE, 1);

		ret = s->env->open(s->env, s->dir, flags, 0660);
		if (ret == 0)
			return (0);
		s->env->close(s->env, 0);
		s->env = NULL;
		if (ret != DB_RUNRECOVERY)
			break;
		log_debug("%s: recovery requested, trying again", __func__);
	}
	*cause = xasprintf("cannot open the company in %s: %s", s->dir,
	    ret == 0 ? "unknown error" : db_strerror(ret));
	return (-1);
}

static int
open_table(struct store *s, DB_TXN *txn, struct store_table *t,
    const struct table_def *def)
{
	struct stat	 sb;
	char		*file, *path;
	int		 ret, i, k, is_new;

	t->def = def;
	if ((ret = db_create(&t->db, s->env, 0)) != 0)
		return (ret);
	file = xasprintf("%s.db", def->name);
	ret = t->db->open(t->db, txn, file, NULL, DB_BTREE, DB_CREATE, 0660);
	free(file);
	if (ret != 0)
		return (ret);

	t->store = s;
	if (t->indexes == NULL)
		t->indexes = xcalloc((size_t)def->nindexes,
		    sizeof *t->indexes);
	for (i = 0; i < def->nindexes; i++) {
		struct store_index *ix = &t->indexes[i];

		ix->table = def;
		ix->def = &def->indexes[i];
		for (k = 0; k < 4 && ix->def->fields[k] != NULL; k++) {
			ix->which[k] = schema_field_index(def,
			    ix->def->fields[k]);
			if (ix->which[k] < 0)
				fatalx("index %s of %s names no field %s",
				    ix->def->name, def->name,
				    ix->def->fields[k]);
		}
		ix->n = k;
		ix->scratch = record_new(def);

		if ((ret = db_create(&ix->db, s->env, 0)) != 0)
			return (ret);
		ix->db->app_private = ix;
		ix->db->set_flags(ix->db, DB_DUP | DB_DUPSORT);
		file = xasprintf("%s-%s.db", def->name, ix->def->name);
		path = xasprintf("%s/%s", s->dir, file);
		is_new = stat(path, &sb) != 0;
		free(path);
		ret = ix->db->open(ix->db, txn, file, NULL, DB_BTREE,
		    DB_CREATE, 0660);
		free(file);
		if (ret != 0)
			return (ret);

		/*
		 * DB_CREATE builds an empty index from its table: wanted for
		 * an index file made just now (a new company, or an index
		 * added to an old one), not at every open, where an index
		 * that is empty for good (no journal entry reverses another)
		 * would have its whole table read again.
		 */
		ret = t->db->associate(t->db, txn, ix->db, store_index_key,
		    is_new ? DB_CREATE : 0);
		if (ret != 0)
			return (ret);
	}
	return (0);
}

/*
 * The environment's shared regions are files mapped into memory; on a
 * full disk, writing into them stops the process with SIGBUS instead of
 * an error, so a new company first makes sure they will fit.
 */
static int
enough_space(const char *dir, char **cause)
{
	struct statvfs	 sv;
	char		*parent, *slash;
	unsigned long long free_bytes, need = 2ULL * CACHE_BYTES;
	int		 ret;

	parent = xstrdup(dir);
	if (access(parent, F_OK) != 0) {
		slash = strrchr(parent, '/');
		if (slash == NULL)
			strcpy(parent, ".");
		else if (slash == parent)
			slash[1] = '\0';
		else
			*slash = '\0';
	}
	/* A folder that cannot be written, or a file system of no blocks
	 * (/proc): the mkdir that follows says why, better than a count
	 * of free space. */
	ret = access(parent, W_OK) != 0 || statvfs(parent, &sv) != 0 ||
	    sv.f_blocks == 0;
	free(parent);
	if (ret != 0)
		return (1);
	free_bytes = (unsigned long long)sv.f_bavail * sv.f_frsize;
	if (free_bytes >= need)
		return (1);
	*cause = xasprintf("the disk holding %s has %llu MB free; a "
	    "company needs at least %llu MB", dir, free_bytes >> 20,
	    need >> 20);
	return (0);
}

static void	close_tables(struct store *);

/*
 * Opens every table and index, in one transaction.  The structures stay
 * where they are when the company is opened again (store_heal), so that
 * pointers to them held by screens stay good.
 */
static int
open_tables(struct store *s, char **cause)
{
	DB_TXN	*txn;
	int	 ret, i;

	if (s->tables == NULL)
		s->tables = xcalloc((size_t)s->ntables, sizeof *s->tables);
	for (;;) {
		if ((ret = s->env->txn_begin(s->env, NULL, &txn, 0)) != 0)
			break;
		for (i = 0; i < s->ntables; i++)
			if ((ret = open_table(s, txn, &s->tables[i],
			    &s->defs[i])) != 0)
				break;
		if (ret == 0) {
			ret = txn->commit(txn, 0);
			break;
		}
		txn->abort(txn);
		close_tables(s);
		if (ret != DB_LOCK_DEADLOCK && ret != DB_LOCK_NOTGRANTED)
			break;
	}
	if (ret != 0) {
		*cause = xasprintf("cannot open the tables of %s: %s", s->dir,
		    db_strerror(ret));
		return (-1);
	}
	return (0);
}

struct store *
store_open(const char *dir, const struct table_def *tables, int n,
    int create, char **cause)
{
	struct store	*s;
	char		*marker;

	marker = xasprintf("%s/%s.db", dir, tables[0].name);
	if (!create && access(marker, F_OK) != 0) {
		*cause = xasprintf("%s is not a kontor company (it has no "
		    "%s.db); make one with kontor init or kontor demo", dir,
		    tables[0].name);
		free(marker);
		return (NULL);
	}
	free(marker);
	if (create && !enough_space(dir, cause))
		return (NULL);
	if (create && mkdir(dir, 0770) != 0 && errno != EEXIST) {
		*cause = xasprintf("cannot make %s: %s", dir,
		    strerror(errno));
		return (NULL);
	}
	if (create && write_config(dir) != 0) {
		*cause = xasprintf("cannot write %s/DB_CONFIG: %s", dir,
		    strerror(errno));
		return (NULL);
	}

	s = xcalloc(1, sizeof *s);
	s->dir = xstrdup(dir);
	if (open_env(s, create, cause) != 0) {
		free(s->dir);
		free(s);
		return (NULL);
	}

	s->defs = tables;
	s->ntables = n;
	if (open_tables(s, cause) != 0) {
		store_close(s);
		return (NULL);
	}
	return (s);
}

/* Closes the table and index handles (not the environment). */
static void
close_tables(struct store *s)
{
	int	i, k;

	for (i = 0; s->tables != NULL && i < s->ntables; i++) {
		struct store_table *t = &s->tables[i];

		for (k = 0; t->indexes != NULL && k < t->def->nindexes; k++) {
			if (t->indexes[k].db != NULL)
				t->indexes[k].db->close(t->indexes[k].db, 0);
			t->indexes[k].db = NULL;
			record_free(t->indexes[k].scratch);
			t->indexes[k].scratch = NULL;
		}
		if (t->db != NULL)
			t->db->close(t->db, 0);
		t->db = NULL;
	}
}

void
store_close(struct store *s)
{
	int	i;

	if (s == NULL)
		return;
	close_tables(s);
	for (i = 0; s->tables != NULL && i < s->ntables; i++)
		free(s->tables[i].indexes);
	free(s->tables);
	if (s->env != NULL) {
		s->env->txn_checkpoint(s->env, 0, 0, 0);
		s->env->close(s->env, 0);
	}
	free(s->dir);
	free(s);
}

/*
 * When a process dies with the company open, the next one to open it
 * runs recovery, and every other process then finds the environment
 * "panicked" (DB_RUNRECOVERY) at its next call.  Such a process closes
 * its handles and opens the company again, which is all Berkeley DB asks;
 * what it was doing was in a transaction that recovery rolled back or
 * kept whole.  Returns 0 if the store is usable (again).
 */
int
store_heal(struct store *s)
{
	DB_TXN	*txn;
	char	*cause = NULL;
	int	 ret;

	ret = s->env->txn_begin(s->env, NULL, &txn, 0);
	if (ret == 0) {
		txn->abort(txn);
		return (0);
	}
	if (ret != DB_RUNRECOVERY)
		return (ret);
	log_debug("%s: the company was recovered; opening it again",
	    __func__);
	close_tables(s);
	s->env->close(s->env, 0);
	s->env = NULL;
	if (open_env(s, 0, &cause) != 0 || open_tables(s, &cause) != 0) {
		fatalx("cannot open the company again after its recovery: %s",
		    cause);
	}
	return (0);
}

const char *
store_dir(const struct store *s)
{
	return (s->dir);
}

DB_ENV *
store_env(struct store *s)
{
	return (s->env);
}

int
store_ntables(const struct store *s)
{
	return (s->ntables);
}

struct store_table *
store_table_at(struct store *s, int i)
{
	return (&s->tables[i]);
}

struct store_table *
store_table(struct store *s, const char *name)
{
	int	i;

	for (i = 0; i < s->ntables; i++)
		if (strcmp(s->tables[i].def->name, name) == 0)
			return (&s->tables[i]);
	fatalx("%s: no table %s", __func__, name);
}

struct store_index *
store_index(struct store_table *t, const char *name)
{
	int	i;

	for (i = 0; i < t->def->nindexes; i++)
		if (strcmp(t->def->indexes[i].name, name) == 0)
			return (&t->indexes[i]);
	return (NULL);
}

static int
is_deadlock(int ret)
{
	return (ret == DB_LOCK_DEADLOCK || ret == DB_LOCK_NOTGRANTED);
}

int
store_run(struct store *s, store_fn fn, void *arg, char **cause)
{
	DB_TXN		*txn;
	struct timespec	 pause;
	int		 ret, tries;

	for (tries = 0; tries < RETRIES; tries++) {
		*cause = NULL;
		s->lasterr[0] = '\0';
		if ((ret = s->env->txn_begin(s->env, NULL, &txn, 0)) ==
		    DB_RUNRECOVERY && store_heal(s) == 0)
			ret = s->env->txn_begin(s->env, NULL, &txn, 0);
		if (ret != 0)
			break;
		ret = fn(s, txn, arg, cause);
		if (ret == 0) {
			ret = txn->commit(txn, 0);
			if (ret == 0)
				return (0);
			break;
		}
		txn->abort(txn);
		if (ret == DB_RUNRECOVERY && tries == 0 &&
		    store_heal(s) == 0) {
			free(*cause);
			continue;
		}
		if (!is_deadlock(ret)) {
			/*
			 * A big transaction that failed (a bad row at the end
			 * of a large load, a full disk) leaves log files that
			 * nothing needs any more; a checkpoint lets them go.
			 */
			s->env->txn_checkpoint(s->env, 0, 0, DB_FORCE);
			break;
		}

		/* The other side goes first: wait a little, then retry. */
		free(*cause);
		log_debug("%s: deadlock, try %d", __func__, tries + 1);
		pause.tv_sec = 0;
		pause.tv_nsec = (long)(1 + tries % 10) * 1000000L;
		nanosleep(&pause, NULL);
	}
	if (ret == STORE_EUSER)
		return (ret);
	free(*cause);
	if (is_deadlock(ret))
		*cause = xstrdup("other clerks kept the same records busy; "
		    "nothing was stored, please try again");
	else
		*cause = store_strerror(s, ret);
	return (ret);
}

int
store_get(struct store_table *t, DB_TXN *txn, const struct buf *key,
    struct record *r, u_int32_t flags)
{
	DBT	k, d;
	int	ret;

	memset(&k, 0, sizeof k);
	memset(&d, 0, sizeof d);
	k.data = key->data;
	k.size = (u_int32_t)key->len;
	d.flags = DB_DBT_MALLOC;
	if ((ret = t->db->get(t->db, txn, &k, &d, flags)) != 0)
		return (ret);
	ret = record_decode(r, d.data, d.size);
	free(d.data);
	if (ret != 0)
		fatalx("%s: a record of %s cannot be decoded", __func__,
		    t->def->name);
	return (0);
}

int
store_exists(struct store_table *t, DB_TXN *txn, const struct buf *key)
{
	DBT	k, d;

	memset(&k, 0, sizeof k);
	memset(&d, 0, sizeof d);
	k.data = key->data;
	k.size = (u_int32_t)key->len;
	d.flags = DB_DBT_PARTIAL;	/* only whether it is there */
	return (t->db->get(t->db, txn, &k, &d, 0));
}

int
store_put(struct store_table *t, DB_TXN *txn, const struct record *r,
    u_int32_t flags)
{
	struct buf	key = BUF_INIT, data = BUF_INIT;
	DBT		k, d;
	int		ret;

	record_primary_key(r, &key);
	record_encode(r, &data);
	memset(&k, 0, sizeof k);
	memset(&d, 0, sizeof d);
	k.data = key.data;
	k.size = (u_int32_t)key.len;
	d.data = data.data;
	d.size = (u_int32_t)data.len;
	ret = t->db->put(t->db, txn, &k, &d, flags);
	buf_free(&key);
	buf_free(&data);
	return (ret);
}

int
store_del(struct store_table *t, DB_TXN *txn, const struct buf *key)
{
	DBT	k;

	memset(&k, 0, sizeof k);
	k.data = key->data;
	k.size = (u_int32_t)key->len;
	return (t->db->del(t->db, txn, &k, 0));
}

struct store_cursor *
store_cursor_open(struct store_table *t, struct store_index *ix,
    DB_TXN *txn)
{
	struct store_cursor	*c;
	DB			*db = ix != NULL ? ix->db : t->db;
	int			 ret;

	c = xcalloc(1, sizeof *c);
	c->table = t;
	c->index = ix;
	if ((ret = db->cursor(db, txn, &c->dbc, 0)) == DB_RUNRECOVERY &&
	    txn == NULL && store_heal(c->table->store) == 0) {
		db = ix != NULL ? ix->db : t->db;
		ret = db->cursor(db, txn, &c->dbc, 0);
	}
	if (ret != 0)
		fatalx("%s: cannot open a cursor on %s: %s", __func__,
		    t->def->name, db_strerror(ret));
	c->key.flags = DB_DBT_REALLOC;
	c->pkey.flags = DB_DBT_REALLOC;
	c->data.flags = DB_DBT_REALLOC;
	return (c);
}

static int
cursor_step(struct store_cursor *c, struct record *r, u_int32_t how)
{
	int	ret;

	if (c->index != NULL)
		ret = c->dbc->pget(c->dbc, &c->key, &c->pkey, &c->data, how);
	else
		ret = c->dbc->get(c->dbc, &c->key, &c->data, how);
	if (ret != 0)
		return (ret);
	if (r != NULL && record_decode(r, c->data.data, c->data.size) != 0)
		fatalx("%s: a record of %s cannot be decoded", __func__,
		    c->table->def->name);
	return (0);
}

int
store_cursor_seek(struct store_cursor *c, const struct buf *key,
    struct record *r)
{
	if (key == NULL || key->len == 0)
		return (cursor_step(c, r, DB_FIRST));

	/* DB_SET_RANGE writes the found key into c->key: give it a copy. */
	buf_clear(&c->seek);
	buf_add(&c->seek, key->data, key->len);
	free(c->key.data);
	c->key.data = xmalloc(key->len);
	memcpy(c->key.data, key->data, key->len);
	c->key.size = (u_int32_t)key->len;
	c->key.ulen = (u_int32_t)key->len;
	return (cursor_step(c, r, DB_SET_RANGE));
}

int
store_cursor_next(struct store_cursor *c, struct record *r)
{
	return (cursor_step(c, r, DB_NEXT));
}

int
store_cursor_prev(struct store_cursor *c, struct record *r)
{
	return (cursor_step(c, r, DB_PREV));
}

int
store_cursor_last(struct store_cursor *c, struct record *r)
{
	return (cursor_step(c, r, DB_LAST));
}

int
store_cursor_seek_entry(struct store_cursor *c, const struct buf *key,
    const struct buf *pkey, struct record *r)
{
	if (c->index == NULL || pkey == NULL || pkey->len == 0)
		return (store_cursor_seek(c, key, r));
	free(c->key.data);
	c->key.data = xmalloc(key->len);
	memcpy(c->key.data, key->data, key->len);
	c->key.size = c->key.ulen = (u_int32_t)key->len;
	free(c->pkey.data);
	c->pkey.data = xmalloc(pkey->len);
	memcpy(c->pkey.data, pkey->data, pkey->len);
	c->pkey.size = c->pkey.ulen = (u_int32_t)pkey->len;
	return (cursor_step(c, r, DB_GET_BOTH_RANGE));
}

const void *
store_cursor_pkey(struct store_cursor *c, size_t *len)
{
	if (c->index == NULL)
		return (store_cursor_key(c, len));
	*len = c->pkey.size;
	return (c->pkey.data);
}

int
store_cursor_del(struct store_cursor *c)
{
	return (c->dbc->del(c->dbc, 0));
}

const void *
store_cursor_key(struct store_cursor *c, size_t *len)
{
	*len = c->key.size;
	return (c->key.data);
}

void
store_cursor_close(struct store_cursor *c)
{
	if (c == NULL)
		return;
	c->dbc->close(c->dbc);
	free(c->key.data);
	free(c->pkey.data);
	free(c->data.data);
	buf_free(&c->seek);
	free(c);
}

struct verify_ctx {
	void		(*report)(void *, const char *);
	void		 *arg;
	const char	 *file;
	int		  problems;
};

/* At most this many messages per file: one broken page can say a lot. */
#define VERIFY_MESSAGES	20

static void
verify_errcall(const DB_ENV *env, const char *pfx, const char *msg)
{
	struct verify_ctx	*v = env->app_private;
	char			*line;

	(void)pfx;
	if (v->problems++ >= VERIFY_MESSAGES)
		return;
	line = xasprintf("%s: %s", v->file, msg);
	v->report(v->arg, line);
	free(line);
}

static int
verify_file(DB_ENV *env, const char *file, struct verify_ctx *v)
{
	DB	*db;
	int	 ret;

	v->file = file;
	v->problems = 0;
	if ((ret = db_create(&db, env, 0)) == 0)
		ret = db->verify(db, file, NULL, NULL, 0);
	if (ret != 0 && v->problems == 0) {
		char *line = xasprintf("%s: %s", file, db_strerror(ret));

		v->report(v->arg, line);
		free(line);
	}
	return (ret != 0 || v->problems != 0);
}

/*
 * Verification runs in a private environment of its own on the files as
 * they are on disk (after the company's cache is written out), as the
 * db_verify utility does: DB->verify keeps notes on every page it reads,
 * and in the shared environment those notes would take the mutexes and
 * memory that clerks need.
 */
int
store_verify(struct store *s, void (*report)(void *, const char *),
    void *arg)
{
	struct verify_ctx	 v = { report, arg, NULL, 0 };
	DB_ENV			*env;
	char			*file;
	int			 i, k, ret, failed = 0;

	s->env->memp_sync(s->env, NULL);
	if ((ret = db_env_create(&env, 0)) == 0) {
		env->app_private = &v;
		env->set_errcall(env, verify_errcall);
		env->set_cachesize(env, 0, 16 * 1024 * 1024, 1);
		ret = env->open(env, s->dir, DB_CREATE | DB_PRIVATE |
		    DB_INIT_MPOOL, 0);
	}
	if (ret != 0) {
		file = xasprintf("cannot verify %s: %s", s->dir,
		    db_strerror(ret));
		report(arg, file);
		free(file);
		return (1);
	}

	for (i = 0; i < s->ntables; i++) {
		const struct table_def *t = s->tables[i].def;

		file = xasprintf("%s.db", t->name);
		failed += verify_file(env, file, &v);
		free(file);
		for (k = 0; k < t->nindexes; k++) {
			file = xasprintf("%s-%s.db", t->name,
			    t->indexes[k].name);
			failed += verify_file(env, file, &v);
			free(file);
		}
	}
	env->close(env, 0);
	return (failed);
}
