#ifndef RAPPORT_CMARIADB_SHIM_H
#define RAPPORT_CMARIADB_SHIM_H
#include <mysql.h>
#endif
