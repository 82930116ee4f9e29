#ifndef RAPPORT_CSQLITE_SHIM_H
#define RAPPORT_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
