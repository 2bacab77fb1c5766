/*
 * The C side of Thistle's terminal: ncursesw with wide-character support.
 *
 * pkg-config's -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=600 never reach this header
 * (SwiftPM drops cflags of system libraries), so the feature macros are set
 * here; without _XOPEN_SOURCE_EXTENDED curses.h hides cchar_t, wget_wch and
 * setcchar, and Thistle could not read or draw anything but ASCII.
 *
 * Swift 6 cannot use C globals (stdscr, COLS: not concurrency-safe) nor
 * function-like macros (COLOR_PAIR, KEY_F, getmaxyx), so each one used is
 * wrapped in a static inline function below.
 */
#ifndef THISTLE_CNCURSES_SHIM_H
#define THISTLE_CNCURSES_SHIM_H

#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* X/Open, so hidden from Swift by glibc's default feature set. */
extern int wcwidth(wchar_t);

/* From term.h, which is not included because its capability macros
   (lines, columns, ...) would clash with ordinary names. */
struct term;
extern int setupterm(const char *, int, int *);
extern struct term *set_curterm(struct term *);
extern int del_curterm(struct term *);

/* Globals */
static inline WINDOW *thistle_stdscr(void) { return stdscr; }
static inline int thistle_cols(void) { return COLS; }
static inline int thistle_lines(void) { return LINES; }
static inline int thistle_color_pairs(void) { return COLOR_PAIRS; }
static inline int thistle_colors(void) { return COLORS; }
static inline FILE *thistle_stdin(void) { return stdin; }
static inline FILE *thistle_stdout(void) { return stdout; }
static inline void thistle_getmaxyx(WINDOW *win, int *y, int *x) {
    *y = getmaxy(win);
    *x = getmaxx(win);
}

/* C library: the cell width curses will give a character, and the
   locale's character set. */
static inline int thistle_wcwidth(wchar_t c) { return wcwidth(c); }
static inline const char *thistle_codeset(void) { return nl_langinfo(CODESET); }

/* The mouse: presses of the first button and the wheel, reported at once. */
static inline int thistle_key_mouse(void) { return KEY_MOUSE; }
static inline void thistle_mouse_on(int on) {
    /* Releases are asked for too, to be ignored: ncurses, handed one it was not
       asked for, waits for the next key before it returns. */
    mousemask(on ? (BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON4_PRESSED | BUTTON5_PRESSED) : 0, NULL);
    mouseinterval(0);
}
/* What the last KEY_MOUSE was: 1 a press of the first button, 4 wheel up,
   5 wheel down, 0 anything else or none; with its cell. */
static inline int thistle_mouse_event(int *x, int *y) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    *x = event.x;
    *y = event.y;
    if (event.bstate & BUTTON1_PRESSED) return 1;
    if (event.bstate & BUTTON4_PRESSED) return 4;
    if (event.bstate & BUTTON5_PRESSED) return 5;
    return 0;
}

/* Results */
static inline int thistle_err(void) { return ERR; }
static inline int thistle_ok(void) { return OK; }

/* Attributes */
static inline attr_t thistle_a_normal(void) { return A_NORMAL; }
static inline attr_t thistle_a_bold(void) { return A_BOLD; }
static inline attr_t thistle_a_reverse(void) { return A_REVERSE; }
static inline attr_t thistle_a_underline(void) { return A_UNDERLINE; }
static inline attr_t thistle_a_dim(void) { return A_DIM; }
static inline int thistle_color_pair(int n) { return (int)COLOR_PAIR(n); }

/* Keys (wget_wch returns KEY_CODE_YES with one of these) */
static inline int thistle_key_code_yes(void) { return KEY_CODE_YES; }
static inline int thistle_key_resize(void) { return KEY_RESIZE; }
static inline int thistle_key_up(void) { return KEY_UP; }
static inline int thistle_key_down(void) { return KEY_DOWN; }
static inline int thistle_key_left(void) { return KEY_LEFT; }
static inline int thistle_key_right(void) { return KEY_RIGHT; }
static inline int thistle_key_home(void) { return KEY_HOME; }
static inline int thistle_key_end(void) { return KEY_END; }
static inline int thistle_key_npage(void) { return KEY_NPAGE; }
static inline int thistle_key_ppage(void) { return KEY_PPAGE; }
static inline int thistle_key_backspace(void) { return KEY_BACKSPACE; }
static inline int thistle_key_dc(void) { return KEY_DC; }
static inline int thistle_key_ic(void) { return KEY_IC; }
static inline int thistle_key_enter(void) { return KEY_ENTER; }
static inline int thistle_key_btab(void) { return KEY_BTAB; }
static inline int thistle_key_f(int n) { return KEY_F(n); }
static inline int thistle_key_a1(void) { return KEY_A1; }
static inline int thistle_key_a3(void) { return KEY_A3; }
static inline int thistle_key_b2(void) { return KEY_B2; }
static inline int thistle_key_c1(void) { return KEY_C1; }
static inline int thistle_key_c3(void) { return KEY_C3; }
static inline int thistle_key_find(void) { return KEY_FIND; }
static inline int thistle_key_select(void) { return KEY_SELECT; }

/* Terminfo */

/* tigetstr returns (char *)-1 for "not a string capability"; Swift cannot
   compare against that, so it becomes NULL here. */
static inline const char *thistle_tigetstr(const char *name) {
    char *value = tigetstr(name);
    return (value == (char *)-1) ? NULL : value;
}

/* Whether terminfo describes `name`, without starting curses: loads the
   entry, then frees it again. */
static inline int thistle_terminfo_knows(const char *name, int fd) {
    int status = 0;
    if (setupterm(name, fd, &status) != OK) return 0;
    del_curterm(set_curterm(NULL));
    return 1;
}

/* The colours terminfo gives `name` (-1 when it has none or is unknown),
   without starting curses. */
static inline int thistle_terminfo_colors(const char *name, int fd) {
    int status = 0;
    if (setupterm(name, fd, &status) != OK) return -1;
    int colors = tigetnum("colors");
    del_curterm(set_curterm(NULL));
    return colors;
}

#endif
