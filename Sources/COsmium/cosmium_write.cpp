// Writing an OSM PBF file node by node, then way by way (cosmium.h).
#include "cosmium.h"
#include "cosmium_error.hpp"

#include <osmium/builder/osm_object_builder.hpp>
#include <osmium/io/any_output.hpp>
#include <osmium/memory/buffer.hpp>
#include <osmium/osm/location.hpp>

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>

struct cosmium_writer {
    osmium::io::Writer writer;
    osmium::memory::Buffer buffer{initial, osmium::memory::Buffer::auto_grow::yes};
    int64_t last_node = std::numeric_limits<int64_t>::min();
    int64_t last_way = std::numeric_limits<int64_t>::min();
    bool ways_started = false;

    static constexpr std::size_t initial = 4 * 1024 * 1024;

    cosmium_writer(const char *path, const osmium::io::Header& header) :
        writer{osmium::io::File{path, "pbf"}, header, osmium::io::overwrite::allow} {}

    // Hands the buffer to the writer's encoding threads once it holds a few megabytes.
    void flush(bool always) {
        if (buffer.committed() == 0 || (!always && buffer.committed() < initial * 3 / 4)) return;
        writer(std::move(buffer));
        buffer = osmium::memory::Buffer{initial, osmium::memory::Buffer::auto_grow::yes};
    }
};

namespace {

osmium::io::Header geohealth_header() {
    osmium::io::Header header;
    header.set("generator", "GeoHealth");
    return header;
}

} // namespace

extern "C" cosmium_writer *cosmium_writer_open(const char *path, char **error) {
    cosmium_writer *opened = nullptr;
    cosmium::guarded(error, [&]() -> int {
        opened = new cosmium_writer{path, geohealth_header()};
        return 0;
    });
    return opened;
}

extern "C" int cosmium_writer_add_node(cosmium_writer *w, int64_t id, double lon, double lat, char **error) {
    return cosmium::guarded(error, [&]() -> int {
        if (w->ways_started) throw std::runtime_error("node " + std::to_string(id) + " comes after the ways: nodes must come first");
        if (id <= w->last_node) throw std::runtime_error("node " + std::to_string(id) + " is not above the previous node id " + std::to_string(w->last_node));
        const osmium::Location location{lon, lat};
        if (!location.valid()) throw std::runtime_error("node " + std::to_string(id) + ": longitude/latitude out of range");
        {
            osmium::builder::NodeBuilder builder{w->buffer};
            builder.set_id(id);
            builder.set_location(location);
        }
        w->buffer.commit();
        w->last_node = id;
        w->flush(false);
        return 0;
    });
}

extern "C" int cosmium_writer_add_way(cosmium_writer *w, int64_t id, const int64_t *refs, size_t ref_count,
                                      const char *const *keys, const char *const *values, size_t tag_count, char **error) {
    return cosmium::guarded(error, [&]() -> int {
        if (id <= w->last_way) throw std::runtime_error("way " + std::to_string(id) + " is not above the previous way id " + std::to_string(w->last_way));
        {
            osmium::builder::WayBuilder builder{w->buffer};
            builder.set_id(id);
            {
                osmium::builder::WayNodeListBuilder nodes{builder};
                for (size_t i = 0; i < ref_count; ++i) nodes.add_node_ref(osmium::NodeRef{refs[i]});
            }
            {
                osmium::builder::TagListBuilder tags{builder};
                for (size_t i = 0; i < tag_count; ++i) tags.add_tag(keys[i], values[i]);
            }
        }
        w->buffer.commit();
        w->ways_started = true;
        w->last_way = id;
        w->flush(false);
        return 0;
    });
}

extern "C" int cosmium_writer_close(cosmium_writer *w, char **error) {
    const int result = cosmium::guarded(error, [&]() -> int {
        w->flush(true);
        w->writer.close();
        return 0;
    });
    delete w;
    return result;
}

extern "C" void cosmium_writer_discard(cosmium_writer *w) {
    cosmium::guarded(nullptr, [&]() -> int {
        delete w;
        return 0;
    });
}
