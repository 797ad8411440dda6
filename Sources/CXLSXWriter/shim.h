#ifndef HTNO_CXLSXWRITER_SHIM_H
#define HTNO_CXLSXWRITER_SHIM_H

// The system libxlsxwriter (Debian libxlsxwriter-dev): real .xlsx workbooks for the export.
#include <xlsxwriter.h>

#endif
