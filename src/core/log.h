/*
 * log.h: debug logging to a file, only when asked for (kontor -v).
 * Each line names the function it comes from.  User messages never go
 * here: they go to stderr or the status line.
 */
#ifndef KONTOR_LOG_H
#define KONTOR_LOG_H

void	log_open(const char *path);
void	log_debug(const char *, ...) __attribute__((format(printf, 1, 2)));

#endif
