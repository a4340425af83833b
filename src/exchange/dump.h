/*
 * dump.h: a whole company as text, and back (kontor dump, kontor
 * restore).
 *
 * The dump is line-based UTF-8, meant for backups, upgrades and diff:
 *
 *	kontor-dump 1
 *	table customers
 *	code=ALFKI<TAB>name=Alfreds Futterkiste<TAB>city=Berlin
 *	...
 *	end customers 91
 *
 * Each record is one line of name=value pairs, separated by tabs, in the
 * table's field order; empty fields are left out.  In values, backslash,
 * tab, line feed and carriage return are written \\ \t \n \r.  Values
 * are in their text form (money with its decimals, dates YYYY-MM-DD).
 * A field this program does not know is kept as #ID=HEX, the raw bytes
 * of its encoding, so that a restore brings it back exactly.  The end
 * line carries the count of records, which restore checks.
 *
 * Restore writes records as they are, without business rules: derived
 * figures (stock on hand, line amounts) come back as they were dumped,
 * and kontor check can confirm them afterwards.
 */
#ifndef KONTOR_DUMP_H
#define KONTOR_DUMP_H

#include <stdio.h>

#include "store.h"

/* Writes every table to f in one read transaction.  Returns 0 or -1. */
int	dump_company(struct store *, FILE *f, char **cause);

/*
 * Reads a dump into s, which must hold no records, in one transaction.
 * Returns 0, or -1 with *cause "FILE:LINE: what is wrong".
 */
int	restore_company(struct store *, FILE *f, const char *name,
	    char **cause);

#endif
