#ifndef PIPELINE_CLIBXML2_SHIM_H
#define PIPELINE_CLIBXML2_SHIM_H

// Foundation carries its own ICU; libxml2's ICU headers would clash with it.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlschemas.h>

/// Swift 6 refuses to touch libxml2's global function-pointer variables; these wrap them.
static inline void pipeline_xmlFree(void *pointer) { xmlFree(pointer); }

#endif
