/*
 * log.c: the debug log (see log.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "log.h"

static FILE	*log_file;

void
log_open(const char *path)
{
	log_file = fopen(path, "a");
	if (log_file != NULL)
		setvbuf(log_file, NULL, _IOLBF, 0);
}

void
log_debug(const char *fmt, ...)
{
	va_list	ap;

	if (log_file == NULL)
		return;
	fprintf(log_file, "%ld [%ld] ", (long)time(NULL), (long)getpid());
	va_start(ap, fmt);
	vfprintf(log_file, fmt, ap);
	va_end(ap);
	fputc('\n', log_file);
}
