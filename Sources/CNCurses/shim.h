#ifndef HTNO_CNCURSES_SHIM_H
#define HTNO_CNCURSES_SHIM_H

// SwiftPM drops pkg-config's -D_XOPEN_SOURCE, so switch the wide-character API on here.
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include <langinfo.h>
#include <sys/ioctl.h>
#include <ncurses.h>

// Swift 6 cannot read C globals or use function-like macros: wrap what we need.
static inline WINDOW *nc_stdscr(void) { return stdscr; }
static inline int nc_lines(void) { return LINES; }
static inline int nc_cols(void) { return COLS; }
static inline int nc_colors(void) { return COLORS; }
static inline int nc_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t nc_color_pair(int n) { return COLOR_PAIR(n); }
static inline attr_t nc_a_bold(void) { return A_BOLD; }
static inline attr_t nc_a_reverse(void) { return A_REVERSE; }
static inline attr_t nc_a_underline(void) { return A_UNDERLINE; }
static inline attr_t nc_a_dim(void) { return A_DIM; }
static inline attr_t nc_a_normal(void) { return A_NORMAL; }

/// Home, End, Insert, Delete and F1–F12 as PuTTY, rxvt, the linux console, tmux and xterm send them, whatever
/// TERM claims (as htop does): a client whose TERM=xterm sends PuTTY's ESC[4~ for End, and without this the
/// program read Esc, '[', '4', '~'.
static inline void nc_define_key_variants(void) {
    static const struct { const char *sequence; int code; } variants[] = {
        {"\033[1~", KEY_HOME}, {"\033[4~", KEY_END}, {"\033[7~", KEY_HOME}, {"\033[8~", KEY_END},
        {"\033[H", KEY_HOME}, {"\033[F", KEY_END}, {"\033OH", KEY_HOME}, {"\033OF", KEY_END},
        {"\033[2~", KEY_IC}, {"\033[3~", KEY_DC}, {"\033[5~", KEY_PPAGE}, {"\033[6~", KEY_NPAGE},
        {"\033OP", KEY_F(1)}, {"\033OQ", KEY_F(2)}, {"\033OR", KEY_F(3)}, {"\033OS", KEY_F(4)},
        {"\033[11~", KEY_F(1)}, {"\033[12~", KEY_F(2)}, {"\033[13~", KEY_F(3)}, {"\033[14~", KEY_F(4)},
        {"\033[15~", KEY_F(5)}, {"\033[17~", KEY_F(6)}, {"\033[18~", KEY_F(7)}, {"\033[19~", KEY_F(8)},
        {"\033[20~", KEY_F(9)}, {"\033[21~", KEY_F(10)}, {"\033[23~", KEY_F(11)}, {"\033[24~", KEY_F(12)},
        {"\033[[A", KEY_F(1)}, {"\033[[B", KEY_F(2)}, {"\033[[C", KEY_F(3)}, {"\033[[D", KEY_F(4)}, {"\033[[E", KEY_F(5)},
    };
    for (size_t i = 0; i < sizeof variants / sizeof variants[0]; i++) define_key(variants[i].sequence, variants[i].code);
}

/// Draws one cell: a NUL-terminated wide string of at most CCHARW_MAX characters.
static inline int nc_put_cell(int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, pair, NULL) != OK) return ERR;
    return mvadd_wch(y, x, &cell);
}

// Signals: the handler only records the signal; the main loop restores the terminal and exits.
static volatile sig_atomic_t nc_pending_signal = 0;

static void nc_record_signal(int sig) { nc_pending_signal = sig; }

/// Installs handlers for SIGINT, SIGTERM, SIGHUP and SIGQUIT (Ctrl-\\: a clean exit, no backtrace over the
/// screen) without SA_RESTART, so a blocking read returns.
static inline void nc_install_signal_handlers(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = nc_record_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    sigaction(SIGQUIT, &action, NULL);
}

/// The pending signal, left pending: a wait that must end for it (a busy database) only looks.
static inline int nc_peek_pending_signal(void) { return nc_pending_signal; }

static inline int nc_take_pending_signal(void) {
    int sig = nc_pending_signal;
    nc_pending_signal = 0;
    return sig;
}

/// The key codes for the start and end of a bracketed paste (ESC [ 200 ~ and ESC [ 201 ~).
static inline int nc_paste_start_key(void) { return KEY_MAX - 2; }
static inline int nc_paste_end_key(void) { return KEY_MAX - 3; }

/// Asks the terminal to mark pasted text (DEC mode 2004), and teaches ncurses the marks, so a paste is read
/// as one piece of text instead of keys. Terminals without it ignore the request.
static inline void nc_enable_bracketed_paste(int on) {
    static const char enable[] = "\033[?2004h", disable[] = "\033[?2004l";
    ssize_t written = on ? write(STDOUT_FILENO, enable, sizeof enable - 1) : write(STDOUT_FILENO, disable, sizeof disable - 1);
    (void)written;
    if (on) {
        define_key("\033[200~", nc_paste_start_key());
        define_key("\033[201~", nc_paste_end_key());
    }
}

// A crash (trap, abort, segfault) must not leave the terminal in raw mode, or marking pastes, either.
static void nc_restore_and_reraise(int sig) {
    nc_enable_bracketed_paste(0);
    endwin();
    signal(sig, SIG_DFL);
    raise(sig);
}

static inline void nc_install_crash_handlers(void) {
    int signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE };
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) signal(signals[i], nc_restore_and_reraise);
}

/// The key code ncurses reports for the terminal's answer to a status request (ESC [ 0 n).
static inline int nc_ready_key(void) { return KEY_MAX - 1; }

/// Teaches ncurses the answer to "are you there" (DSR 5), so it arrives as one key code.
static inline void nc_define_ready_key(void) { define_key("\033[0n", nc_ready_key()); }

/// Mouse: clicks, double clicks and the wheel. ncurses asks for SGR 1006 reports where the terminfo entry
/// says the terminal has them (xterm-256color: XM), else the older X10 form.
static inline void nc_enable_mouse(void) {
    mouseinterval(200);
    mousemask(BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
}

/// The mouse event behind KEY_MOUSE: 1 click, 2 double click, 3 wheel up, 4 wheel down, 0 anything else.
static inline int nc_take_mouse(int *x, int *y) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    *x = event.x;
    *y = event.y;
    if (event.bstate & BUTTON1_DOUBLE_CLICKED) return 2;
    if (event.bstate & BUTTON1_CLICKED) return 1;
    if (event.bstate & BUTTON4_PRESSED) return 3;
    if (event.bstate & BUTTON5_PRESSED) return 4;
    return 0;
}

/// Asks the terminal to answer once it has processed everything sent so far.
static inline void nc_request_status(void) {
    static const char request[] = "\033[5n";
    ssize_t written = write(STDOUT_FILENO, request, sizeof request - 1);
    (void)written;
}

static inline int nc_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

#endif
