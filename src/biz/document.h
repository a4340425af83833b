/*
 * document.h: a record with its detail rows, as a screen edits it: a
 * customer and its contacts, an order and its lines, a journal entry and
 * its lines.  Loading, saving and deleting a document are each one
 * transaction, and a save over another clerk's newer save is refused.
 */
#ifndef KONTOR_DOCUMENT_H
#define KONTOR_DOCUMENT_H

#include "store.h"

#define DOC_MAXGRIDS	4

struct doc_grid {
	const struct table_def	*table;
	int			 link;	/* field holding the master key */
	int			 readonly;	/* shown, never saved */
	struct record		**rows;
	int			 nrows;
};

struct ledger_batch;

struct doc {
	struct record	*master;
	int64_t		 stamp;		/* "changed" when read; -1 if new */
	struct doc_grid	 grids[DOC_MAXGRIDS];
	int		 ngrids;
	struct ledger_batch *batch;	/* a journal entry's, or NULL */
};

/* A new, empty document of table with the given grids (table, link). */
struct doc	*doc_new(const struct table_def *);
void		 doc_add_grid(struct doc *, const struct table_def *,
		    const char *link, int readonly);
void		 doc_free(struct doc *);
/* Appends an empty row to grid g and returns it. */
struct record	*doc_add_row(struct doc *, int g);
void		 doc_remove_row(struct doc *, int g, int row);
void		 doc_clear_rows(struct doc *, int g);

/*
 * Reads the master whose primary key is the key fields of d->master,
 * and the rows of every grid.  Returns 0, DB_NOTFOUND, or -1 with *cause.
 */
int		 doc_load(struct store *, struct doc *, char **cause);

/*
 * Saves d in one transaction: a new master is inserted (taking the next
 * number where its key is numbered); an existing one is rewritten only if
 * its change stamp is still the one read, and then gets the next stamp
 * and the clerk's name.  The rows of each grid replace the rows stored.
 * The business rules of biz_insert apply to every record, and a journal
 * entry must balance.  Returns 0, or -1 with *cause (nothing stored).
 */
int		 doc_save(struct store *, struct doc *, const char *user,
		    char **cause);

/*
 * Saves a new document inside the caller's transaction, for a batch of
 * documents that stands or falls together.  Returns what save_txn does:
 * 0, STORE_EUSER with *cause, or a database error for store_run.
 */
int		 doc_save_in(struct store *, DB_TXN *, struct doc *,
		    const char *user, char **cause);

/*
 * Deletes the master and its rows, if its stamp is still the one read and
 * no other record refers to it.  Returns 0, or -1 with *cause.
 */
int		 doc_delete(struct store *, struct doc *, char **cause);

#endif
