/*
 * xalloc.h: allocation that never returns NULL, a growable byte buffer,
 * and the one routine that stops the program on a broken invariant.
 *
 * Out of memory is not a condition kontor tries to survive: every caller
 * would only print a message and stop, so these do it once, here.
 */
#ifndef KONTOR_XALLOC_H
#define KONTOR_XALLOC_H

#include <stdarg.h>
#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...)
	    __attribute__((format(printf, 1, 2)));
char	*xvasprintf(const char *, va_list);
/* "FILE:LINE: " and the message: how kontor points at bad input. */
char	*xvasprintf_at(const char *file, long line, const char *, va_list);

/* Prints "kontor: fatal: MESSAGE" to stderr and exits with status 70. */
_Noreturn void fatalx(const char *, ...)
	    __attribute__((format(printf, 1, 2)));

/*
 * A growable byte buffer.  data is always NUL-terminated (the NUL is not
 * counted in len), so a buffer of text can be used as a C string.
 * Start from BUF_INIT; buf_free releases it and leaves it empty again.
 */
struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};
#define BUF_INIT { NULL, 0, 0 }

void	 buf_add(struct buf *, const void *, size_t);
void	 buf_addc(struct buf *, char);
void	 buf_adds(struct buf *, const char *);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_reserve(struct buf *, size_t);
void	 buf_clear(struct buf *);
void	 buf_free(struct buf *);
/* Hands the buffer's text to the caller, who frees it; the buffer empties. */
char	*buf_take(struct buf *);

#endif
