#include "imports/multipart.hpp"

#include "core/text.hpp"

namespace coach::imports {
namespace {

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequals_prefix(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (lower(s[i]) != lower(prefix[i]))
            return false;
    return true;
}

// The value of `name` among "; "-separated parameters (quoted or not).
std::optional<std::string> parameter(std::string_view header, std::string_view name) {
    std::size_t i = 0;
    while (i < header.size()) {
        auto semi = header.find(';', i);
        if (semi == std::string_view::npos)
            return std::nullopt;
        i = semi + 1;
        std::string_view rest = trim(header.substr(i));
        if (!iequals_prefix(rest, name) || rest.size() <= name.size() ||
            trim(rest.substr(name.size())).front() != '=')
            continue;
        rest = trim(trim(rest.substr(name.size())).substr(1));
        std::string value;
        if (!rest.empty() && rest.front() == '"') {
            for (std::size_t k = 1; k < rest.size() && rest[k] != '"'; ++k) {
                if (rest[k] == '\\' && k + 1 < rest.size())
                    ++k;
                value.push_back(rest[k]);
            }
        } else {
            value = std::string(trim(rest.substr(0, rest.find(';'))));
        }
        return value;
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::string> multipart_boundary(std::string_view content_type) {
    if (!iequals_prefix(trim(content_type), "multipart/form-data"))
        return std::nullopt;
    auto b = parameter(content_type, "boundary");
    if (!b || b->empty() || b->size() > 200)
        return std::nullopt;
    return b;
}

std::optional<FilePart> find_multipart_file(std::string_view body, std::string_view boundary,
                                            std::string_view field, std::string& error) {
    const std::string delimiter = "--" + std::string(boundary);
    std::size_t pos = body.find(delimiter);
    if (pos == std::string_view::npos) {
        error = "the multipart body has no part";
        return std::nullopt;
    }
    for (;;) {
        pos += delimiter.size();
        if (body.substr(pos, 2) == "--")
            break;  // the closing delimiter
        auto line_end = body.find("\r\n", pos);
        if (line_end == std::string_view::npos)
            break;
        std::size_t headers_start = line_end + 2;
        auto headers_end = body.find("\r\n\r\n", headers_start);
        if (headers_end == std::string_view::npos && body.substr(headers_start, 2) != "\r\n")
            break;
        std::string_view headers = headers_end == std::string_view::npos
                                       ? std::string_view{}
                                       : body.substr(headers_start, headers_end - headers_start);
        std::size_t content_start =
            headers_end == std::string_view::npos ? headers_start + 2 : headers_end + 4;
        auto next = body.find("\r\n" + delimiter, content_start);
        if (next == std::string_view::npos)
            break;
        FilePart part{body.substr(content_start, next - content_start), {}, {}};
        std::optional<std::string> name;
        std::size_t h = 0;
        while (h <= headers.size()) {
            auto e = headers.find("\r\n", h);
            std::string_view line =
                headers.substr(h, e == std::string_view::npos ? std::string_view::npos : e - h);
            if (iequals_prefix(line, "content-disposition:")) {
                name = parameter(line, "name");
                part.filename = parameter(line, "filename").value_or("");
            } else if (iequals_prefix(line, "content-type:")) {
                part.content_type = std::string(trim(line.substr(13)));
            }
            if (e == std::string_view::npos)
                break;
            h = e + 2;
        }
        if (name && *name == field)
            return part;
        pos = next + 2;
    }
    error = "the multipart body has no part named \"" + std::string(field) + "\"";
    return std::nullopt;
}

}  // namespace coach::imports
