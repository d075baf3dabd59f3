/*
 * clock.h - elapsed time for deadlines and timings
 *
 * CLOCK_MONOTONIC: never jumps when the wall clock is set, so a deadline or
 * a "took_ms" cannot go negative or stall.  Wall-clock times (dates of
 * indexing, feeds) use time(2), not this.
 */
#ifndef CM_CLOCK_H
#define CM_CLOCK_H

#ifdef __cplusplus
extern "C" {
#endif

/* Seconds on the monotonic clock (an arbitrary origin: only differences mean anything). */
double clock_now(void);

/* The same in milliseconds. */
double clock_now_ms(void);

#ifdef __cplusplus
}
#endif
#endif
