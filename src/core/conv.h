/*
 * conv.h: character-set conversion through iconv, with the position of
 * the first bad byte when conversion fails.
 *
 * Every conversion in kontor, in or out, goes through here, so that error
 * messages say the same thing everywhere.  Text inside kontor is UTF-8.
 */
#ifndef KONTOR_CONV_H
#define KONTOR_CONV_H

#include <stddef.h>

#include "xalloc.h"

struct conv;

enum conv_status {
	CONV_OK = 0,
	CONV_INVALID = -1, /* input bytes not valid in the source encoding */
	CONV_INCOMPLETE = -2,	/* input ends inside a character */
	CONV_UNMAPPABLE = -3	/* a character the target cannot hold */
};

/*
 * Opens a conversion from encoding from to encoding to (names as iconv
 * knows them: "UTF-8", "GB18030", "BIG5", "ISO-8859-1", ...).  Returns
 * NULL with *why set (allocated, caller frees) if iconv does not know one
 * of them: "unknown encoding \"XYZ\"".
 */
struct conv	*conv_open(const char *to, const char *from, char **why);
void		 conv_close(struct conv *);

/*
 * Converts len bytes of in, appending the result to out.  When the input
 * may continue in a later call, pass more = 1: a character cut at the end
 * of in is then kept inside the conv and finished by the next call.
 * Returns CONV_OK, or a failure with *bad (if not NULL) set to the offset
 * in in of the first byte that could not be converted; what converted
 * before it is in out.  A source that is UTF-8 is also checked to be
 * well-formed, as glibc's iconv lets some bad forms through.
 */
enum conv_status conv_run(struct conv *, const char *in, size_t len,
		    int more, struct buf *out, size_t *bad);

/* Forgets any partial character and resets the shift state. */
void		 conv_reset(struct conv *);

/* Converts a whole NUL-terminated string; NULL on failure. */
char		*conv_string(const char *to, const char *from, const char *s);

#endif
