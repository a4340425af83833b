/*
 * browse.h: the list of a table's records, paged, in code or name order,
 * with incremental search as the clerk types.  The same list is the
 * lookup popup of every coded field.
 */
#ifndef KONTOR_BROWSE_H
#define KONTOR_BROWSE_H

/*
 * Shows the records of table over the current screen, starting at the
 * first whose name (or code) begins with start, if given.  Returns the
 * code of the record chosen with Enter (allocated), or NULL if the clerk
 * cancelled.
 */
char	*browse_pick(const char *table, const char *start);

#endif
