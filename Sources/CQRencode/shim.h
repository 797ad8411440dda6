#ifndef HTNO_CQRENCODE_SHIM_H
#define HTNO_CQRENCODE_SHIM_H

// The system libqrencode (Debian libqrencode-dev): a link as a QR code on a slide and in the hand-out.
#include <qrencode.h>

#endif
