/*
 * check.h: kontor check, the whole company proved sound.
 */
#ifndef KONTOR_CHECK_H
#define KONTOR_CHECK_H

#include "store.h"

/*
 * Runs Berkeley DB's verification on every file, then, if all files are
 * sound, the company's own invariants: every code refers to a record
 * that exists (an order line's
 * order and item, an order's customer, ...), every order line's amount
 * follows from its quantity, price and discount, stock on hand per item
 * and warehouse equals the sum of its stock moves, and every account's
 * balance per month equals the sum of its postings.  Each problem
 * goes to report(arg, message).  Returns the number of problems.
 */
long	check_company(struct store *, void (*report)(void *, const char *),
	    void *arg);

#endif
