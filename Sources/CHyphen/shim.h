#ifndef HTNO_CHYPHEN_SHIM_H
#define HTNO_CHYPHEN_SHIM_H

// The system libhyphen (Debian libhyphen-dev), with the Dutch patterns of hyphen-nl: where a Dutch word
// may be broken at the end of a line.
#include <hyphen.h>

#endif
