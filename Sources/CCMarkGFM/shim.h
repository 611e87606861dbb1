#ifndef PIPELINE_CCMARKGFM_SHIM_H
#define PIPELINE_CCMARKGFM_SHIM_H

// cmark-gfm, GitHub's CommonMark reference parser, and its table, strikethrough and autolink
// extensions (Debian: libcmark-gfm-dev, libcmark-gfm-extensions-dev).
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>

#endif
