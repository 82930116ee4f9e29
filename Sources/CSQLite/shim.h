#ifndef RAPPORT_CSQLITE_SHIM_H
#define RAPPORT_CSQLITE_SHIM_H
#include <sqlite3.h>

/// Turns off SQLite's legacy reading of a double-quoted name it cannot resolve as a string literal, in statements
/// and in schema changes: a misspelt identifier is then an error, as on every other database. `sqlite3_db_config`
/// is variadic, which Swift cannot call.
static inline int rapport_sqlite3_refuse_double_quoted_strings(sqlite3 *db) {
    int code = sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DML, 0, (int *)0);
    if (code != SQLITE_OK) return code;
    return sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DDL, 0, (int *)0);
}
#endif
