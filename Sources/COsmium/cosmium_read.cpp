// Reading the ways of an OSM file in two passes (cosmium.h): ways, then only the nodes they use.
#include "cosmium.h"
#include "cosmium_error.hpp"

#include <osmium/io/any_input.hpp>
#include <osmium/memory/buffer.hpp>
#include <osmium/osm/location.hpp>
#include <osmium/osm/way.hpp>

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

namespace {

// Kept ways, copied into fixed-size buffers (a new one when the last is full: no regrowth copies).
class WayStore {
public:
    void add(const osmium::Way& way) {
        const std::size_t size = way.byte_size();
        if (buffers_.empty() || buffers_.back()->capacity() - buffers_.back()->committed() < size) {
            buffers_.push_back(std::make_unique<osmium::memory::Buffer>(std::max(size, chunk), osmium::memory::Buffer::auto_grow::no));
        }
        buffers_.back()->add_item(way);
        buffers_.back()->commit();
    }

    template <typename Visit>
    void each(Visit&& visit) const {
        for (const auto& buffer : buffers_) {
            for (const auto& way : buffer->select<osmium::Way>()) visit(way);
        }
    }

private:
    static constexpr std::size_t chunk = 16 * 1024 * 1024;
    std::vector<std::unique_ptr<osmium::memory::Buffer>> buffers_;
};

// A way's tags as two arrays of C strings, reused from way to way.
struct TagArrays {
    std::vector<const char *> keys, values;
    void fill(const osmium::TagList& tags) {
        keys.clear();
        values.clear();
        for (const auto& tag : tags) {
            keys.push_back(tag.key());
            values.push_back(tag.value());
        }
    }
};

osmium::io::File input_file(const char *path) {
    osmium::io::File file{path};
    if (file.format() == osmium::io::file_format::unknown) file.set_format(osmium::io::file_format::pbf);
    return file;
}

// Pass 1: every way; those with a highway or route tag go to the filter; the kept ones are stored.
void read_ways(const osmium::io::File& file, cosmium_way_filter filter, void *context, WayStore& store, cosmium_read_counts& counts) {
    osmium::io::Reader reader{file, osmium::osm_entity_bits::way};
    TagArrays tags;
    while (osmium::memory::Buffer buffer = reader.read()) {
        for (const auto& way : buffer.select<osmium::Way>()) {
            ++counts.ways_read;
            if (!way.tags().has_key("highway") && !way.tags().has_key("route")) continue;
            ++counts.ways_asked;
            tags.fill(way.tags());
            if (filter(context, tags.keys.data(), tags.values.data(), tags.keys.size()) == 0) continue;
            store.add(way);
            ++counts.ways_kept;
        }
    }
    reader.close();
}

// The distinct node ids the kept ways use, sorted, and their locations (invalid until found).
struct NodeLocations {
    std::vector<osmium::object_id_type> ids;
    std::vector<osmium::Location> locations;

    explicit NodeLocations(const WayStore& store) {
        store.each([this](const osmium::Way& way) {
            for (const auto& ref : way.nodes()) ids.push_back(ref.ref());
        });
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        ids.shrink_to_fit();
        locations.assign(ids.size(), osmium::Location{});
    }

    // The index of `id`, or -1. `cursor` makes a file sorted by id (the usual case) a merge.
    std::ptrdiff_t find(osmium::object_id_type id, std::size_t& cursor) const {
        auto from = ids.begin();
        if (cursor > 0 && cursor <= ids.size() && ids[cursor - 1] < id) from = ids.begin() + static_cast<std::ptrdiff_t>(cursor);
        auto it = std::lower_bound(from, ids.end(), id);
        cursor = static_cast<std::size_t>(it - ids.begin());
        return (it != ids.end() && *it == id) ? it - ids.begin() : -1;
    }

    osmium::Location at(osmium::object_id_type id) const {
        auto it = std::lower_bound(ids.begin(), ids.end(), id);
        return (it != ids.end() && *it == id) ? locations[static_cast<std::size_t>(it - ids.begin())] : osmium::Location{};
    }
};

// Pass 2: only nodes, keeping the locations of those the kept ways use.
void read_nodes(const osmium::io::File& file, NodeLocations& nodes) {
    osmium::io::Reader reader{file, osmium::osm_entity_bits::node};
    std::size_t cursor = 0;
    while (osmium::memory::Buffer buffer = reader.read()) {
        for (const auto& node : buffer.select<osmium::Node>()) {
            const auto k = nodes.find(node.id(), cursor);
            if (k >= 0) nodes.locations[static_cast<std::size_t>(k)] = node.location();
        }
    }
    reader.close();
}

// Gives each kept way to the sink, its missing nodes at NaN; 2 when the sink stops.
int deliver(const WayStore& store, const NodeLocations& nodes, cosmium_way_sink sink, void *context) {
    TagArrays tags;
    std::vector<int64_t> ids;
    std::vector<double> lons, lats;
    int stopped = 0;
    store.each([&](const osmium::Way& way) {
        if (stopped) return;
        tags.fill(way.tags());
        ids.clear();
        lons.clear();
        lats.clear();
        for (const auto& ref : way.nodes()) {
            const osmium::Location location = nodes.at(ref.ref());
            ids.push_back(ref.ref());
            lons.push_back(location.valid() ? location.lon_without_check() : std::nan(""));
            lats.push_back(location.valid() ? location.lat_without_check() : std::nan(""));
        }
        if (sink(context, way.id(), tags.keys.data(), tags.values.data(), tags.keys.size(), ids.data(), lons.data(), lats.data(), ids.size()) != 0) {
            stopped = 2;
        }
    });
    return stopped;
}

} // namespace

extern "C" void cosmium_free_string(char *text) { std::free(text); }

extern "C" int cosmium_read_ways(const char *path, cosmium_way_filter filter, cosmium_way_sink sink, void *context,
                                 cosmium_read_counts *counts, char **error) {
    return cosmium::guarded(error, [&]() -> int {
        cosmium_read_counts seen{};
        const osmium::io::File file = input_file(path);
        WayStore store;
        read_ways(file, filter, context, store, seen);
        NodeLocations nodes{store};
        if (!nodes.ids.empty()) read_nodes(file, nodes); // nothing kept: no second pass
        seen.nodes_needed = nodes.ids.size();
        seen.nodes_missing = static_cast<uint64_t>(std::count_if(nodes.locations.begin(), nodes.locations.end(), [](const osmium::Location& l) { return !l.valid(); }));
        if (counts != nullptr) *counts = seen;
        return deliver(store, nodes, sink, context);
    });
}
