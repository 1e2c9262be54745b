/* COsmium: a plain C interface to libosmium for GeoHealth's OpenStreetMap binding.
 *
 * Every function that can fail returns 0 on success and nonzero on failure, with a message in
 * *error (allocated with malloc; free it with cosmium_free_string). No C++ exception crosses
 * this interface: each is caught and returned as error text. */
#ifndef COSMIUM_H
#define COSMIUM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Frees a string returned through an `error` argument. */
void cosmium_free_string(char *text);

/* Pass 1's question about a way with a `highway` or `route` tag: nonzero keeps it. The tags are
 * `count` pairs keys[i] = values[i], valid only during the call. */
typedef int (*cosmium_way_filter)(void *context, const char *const *keys, const char *const *values, size_t count);

/* Pass 2's delivery of a kept way: its tags, its node ids and their longitudes and latitudes
 * (NaN for a node absent from the file), all valid only during the call. Returning nonzero stops
 * the reading (the caller keeps its own reason). */
typedef int (*cosmium_way_sink)(void *context, int64_t id, const char *const *keys, const char *const *values, size_t tag_count,
                                const int64_t *node_ids, const double *lons, const double *lats, size_t node_count);

/* What a reading saw. */
typedef struct cosmium_read_counts {
    uint64_t ways_read;          /* every way of the file */
    uint64_t ways_asked;         /* ways with a highway or route tag, given to the filter */
    uint64_t ways_kept;          /* ways the filter kept */
    uint64_t nodes_needed;       /* distinct nodes the kept ways use */
    uint64_t nodes_missing;      /* of those, the nodes absent from the file (an extract cut at its border) */
} cosmium_read_counts;

/* Reads the ways of an OSM file (PBF, XML, OPL… by its extension) in two passes: pass 1 reads
 * only ways, asks `filter` about those with a `highway` or `route` tag and stores the kept ones;
 * pass 2 reads only nodes, keeping the locations of the nodes kept ways use (a sorted id vector,
 * binary search), then calls `sink` for each kept way in file order. Blocks are decoded on
 * libosmium's thread pool; the callbacks run on the calling thread. Returns 0, 1 on a library
 * or file error (message in *error), 2 when `sink` asked to stop. */
int cosmium_read_ways(const char *path, cosmium_way_filter filter, cosmium_way_sink sink, void *context,
                      cosmium_read_counts *counts, char **error);

/* An OSM PBF file being written: nodes first, then ways, each kind by increasing id. */
typedef struct cosmium_writer cosmium_writer;

/* Opens `path` for writing (replacing it) as a PBF file; NULL with *error on failure. */
cosmium_writer *cosmium_writer_open(const char *path, char **error);

/* Adds a node at longitude `lon`, latitude `lat` (degrees). Fails when its id is not above the
 * previous node's or when ways were already added. */
int cosmium_writer_add_node(cosmium_writer *writer, int64_t id, double lon, double lat, char **error);

/* Adds a way through `ref_count` node ids with `tag_count` tags. Fails when its id is not above
 * the previous way's. */
int cosmium_writer_add_way(cosmium_writer *writer, int64_t id, const int64_t *refs, size_t ref_count,
                           const char *const *keys, const char *const *values, size_t tag_count, char **error);

/* Flushes and closes the file, then frees the writer (also on failure). */
int cosmium_writer_close(cosmium_writer *writer, char **error);

/* Frees a writer without finishing its file (after a failure). */
void cosmium_writer_discard(cosmium_writer *writer);

#ifdef __cplusplus
}
#endif

#endif
