/*
 * post.h: posting journal entries from a CSV file (kontor ledger post).
 *
 * The file has a header row with the columns entry, date, reference,
 * description, account, debit, credit and memo (only entry, date,
 * account and one of debit and credit are needed).  Consecutive rows
 * with the same entry label are one journal entry; the entry's date,
 * reference and description come from its first row.  Every entry goes
 * through the ledger's rules, and the whole file is one transaction: a
 * bad entry stops it with FILE:LINE, and no entry of the file is posted.
 */
#ifndef KONTOR_POST_H
#define KONTOR_POST_H

#include "store.h"

int	post_file(struct store *, const char *file, const char *encoding,
	    const char *user, long *entries, char **cause);

#endif
