// The one place where C++ exceptions become COsmium's error text (cosmium.h's convention).
#ifndef COSMIUM_ERROR_HPP
#define COSMIUM_ERROR_HPP

#include <cstdlib>
#include <cstring>
#include <exception>
#include <string>

namespace cosmium {

// Stores a malloc'd copy of `message` in *error (when error is not NULL).
inline void set_error(char **error, const std::string& message) {
    if (error == nullptr) return;
    char *copy = static_cast<char *>(std::malloc(message.size() + 1));
    if (copy == nullptr) { *error = nullptr; return; }
    std::memcpy(copy, message.c_str(), message.size() + 1);
    *error = copy;
}

// Runs `body` (returning the C result code); any exception becomes 1 and its text in *error.
template <typename Body>
int guarded(char **error, Body&& body) noexcept {
    try {
        return body();
    } catch (const std::exception& e) {
        set_error(error, e.what());
    } catch (...) {
        set_error(error, "unknown C++ exception in libosmium");
    }
    return 1;
}

} // namespace cosmium

#endif
