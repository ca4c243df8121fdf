#ifndef BEDROCK_AGENT_TOOLS_FAKE_HAR_HPP_INCLUDED
#define BEDROCK_AGENT_TOOLS_FAKE_HAR_HPP_INCLUDED

// What bedrock-agent-fake records: HAR 1.2, described as shapes and written by the library's own
// writer (to_json), as tools/validator/har.hpp reads it (the shapes both share are in
// tools/common/har.hpp). The recorder keeps every entry and rewrites the whole file (a temporary
// file, then rename) after each exchange, so the file on disk is always a complete HAR, whenever
// the server stops.

#include "../common/har.hpp"

#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/engine/time.hpp>
#include <bedrock_agent/engine/utf8.hpp>
#include <bedrock_agent/model/shapes.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// As in shapes.hpp: clang -Wpedantic in C++17 calls Describe's empty base list a C++20 extension.
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wc++20-extensions"
#endif

namespace bedrock_agent::fake_server {

using tools::har_post_data;
using tools::har_string;
/// A header, a query parameter: HAR's name/value pair.
using har_pair = tools::har_header;
using har_pairs = tools::har_headers;

struct har_creator {
  har_string name;
  har_string version;
  static constexpr std::string_view shape_name = "creator";
};
BOOST_DESCRIBE_STRUCT(har_creator, (), (name, version))

/// The server sets no cookies and reads none: always empty (a cookie's required members are a
/// header's, name and value).
using har_cookies = tools::har_headers;

struct har_request {
  har_string method;
  har_string url;
  har_string httpVersion;
  har_cookies cookies;
  har_pairs headers;
  har_pairs queryString;
  std::optional<har_post_data> postData;
  PrimitiveLong headersSize = -1;
  PrimitiveLong bodySize = 0;
  static constexpr std::string_view shape_name = "request";
};
BOOST_DESCRIBE_STRUCT(har_request, (),
                      (method, url, httpVersion, cookies, headers, queryString, postData, headersSize, bodySize))

struct har_content {
  PrimitiveLong size = 0;
  har_string mimeType;
  std::optional<har_string> text;
  std::optional<har_string> encoding;  ///< "base64" when the body is not UTF-8
  static constexpr std::string_view shape_name = "content";
};
BOOST_DESCRIBE_STRUCT(har_content, (), (size, mimeType, text, encoding))

struct har_response {
  PrimitiveLong status = 0;
  har_string statusText;
  har_string httpVersion;
  har_cookies cookies;
  har_pairs headers;
  har_content content;
  har_string redirectURL;
  PrimitiveLong headersSize = -1;
  PrimitiveLong bodySize = 0;
  static constexpr std::string_view shape_name = "response";
};
BOOST_DESCRIBE_STRUCT(har_response, (),
                      (status, statusText, httpVersion, cookies, headers, content, redirectURL, headersSize, bodySize))

/// Nothing is cached.
struct har_cache {
  static constexpr std::string_view shape_name = "cache";
};
BOOST_DESCRIBE_STRUCT(har_cache, (), ())

/// Milliseconds; -1: does not apply. wait: from the request read to the response ready
/// (the fake's work and --latency-ms).
struct har_timings {
  PrimitiveLong blocked = -1;
  PrimitiveLong dns = -1;
  PrimitiveLong connect = -1;
  PrimitiveLong send = 0;
  PrimitiveLong wait = 0;
  PrimitiveLong receive = 0;
  PrimitiveLong ssl = -1;
  static constexpr std::string_view shape_name = "timings";
};
BOOST_DESCRIBE_STRUCT(har_timings, (), (blocked, dns, connect, send, wait, receive, ssl))

struct har_entry {
  DateTimestamp startedDateTime;
  PrimitiveLong time = 0;
  har_request request;
  har_response response;
  har_cache cache;
  har_timings timings;
  std::optional<har_string> comment;  ///< the operation the fake answered, when one
  static constexpr std::string_view shape_name = "entry";
  static constexpr std::string_view list_name = "entries";
};
BOOST_DESCRIBE_STRUCT(har_entry, (), (startedDateTime, time, request, response, cache, timings, comment))

using har_entries = tools::har_list<har_entry>;

struct har_log {
  har_string version;
  har_creator creator;
  har_entries entries;
  static constexpr std::string_view shape_name = "log";
};
BOOST_DESCRIBE_STRUCT(har_log, (), (version, creator, entries))

struct har_file {
  har_log log;
  static constexpr std::string_view shape_name = "HAR";
};
BOOST_DESCRIBE_STRUCT(har_file, (), (log))

/** `s` as it is when it is UTF-8, else with every byte past ASCII replaced by '?' (header values
 *  and URLs: HAR strings are JSON strings). */
inline har_string har_text(std::string_view s) {
  if (is_utf8(s)) return har_string(std::string(s));
  std::string out(s);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) >= 0x80) c = '?';
  }
  return har_string(std::move(out));
}

/** RFC 4648 base64 with padding. */
inline std::string base64_encode(std::string_view in) {
  static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const std::uint32_t v = (std::uint32_t(static_cast<unsigned char>(in[i])) << 16) |
                            (std::uint32_t(static_cast<unsigned char>(in[i + 1])) << 8) |
                            std::uint32_t(static_cast<unsigned char>(in[i + 2]));
    out += alphabet[v >> 18];
    out += alphabet[(v >> 12) & 63];
    out += alphabet[(v >> 6) & 63];
    out += alphabet[v & 63];
  }
  if (i < in.size()) {
    std::uint32_t v = std::uint32_t(static_cast<unsigned char>(in[i])) << 16;
    if (i + 1 < in.size()) v |= std::uint32_t(static_cast<unsigned char>(in[i + 1])) << 8;
    out += alphabet[v >> 18];
    out += alphabet[(v >> 12) & 63];
    out += i + 1 < in.size() ? alphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

/** The query of a request target as HAR's queryString: name/value pairs as they were sent
 *  (not percent-decoded). */
inline har_pairs query_string(std::string_view target) {
  har_pairs out;
  const std::size_t q = target.find('?');
  if (q == std::string_view::npos) return out;
  std::string_view rest = target.substr(q + 1);
  while (!rest.empty()) {
    const std::size_t amp = rest.find('&');
    const std::string_view item = rest.substr(0, amp);
    if (!item.empty()) {
      const std::size_t eq = item.find('=');
      out.push_back(har_pair{har_text(item.substr(0, eq)),
                             har_text(eq == std::string_view::npos ? std::string_view() : item.substr(eq + 1))});
    }
    if (amp == std::string_view::npos) break;
    rest.remove_prefix(amp + 1);
  }
  return out;
}

/// Every exchange so far, and the file they go to.
class har_recorder {
 public:
  har_recorder(std::string path, std::string creator_version) : path_(std::move(path)) {
    file_.log.version = har_string("1.2");
    file_.log.creator = har_creator{har_string("bedrock-agent-fake"), har_string(std::move(creator_version))};
  }

  bool enabled() const noexcept { return !path_.empty(); }
  std::size_t size() const noexcept { return file_.log.entries.size(); }

  /** Adds an entry and rewrites the file; false (with `error` set) when it cannot be written. */
  bool add(har_entry entry, std::string& error) {
    file_.log.entries.push_back(std::move(entry));
    return write(error);
  }

  /** Writes the whole HAR to a temporary file beside the target, then renames it over the
   *  target: a reader never sees half a file. False (with `error` set) on an I/O error. */
  bool write(std::string& error) const {
    if (!enabled()) return true;
    const std::string json = to_json(file_);
    const std::string temp = path_ + ".tmp";
    std::FILE* f = std::fopen(temp.c_str(), "wb");
    if (!f) {
      error = "cannot open " + temp + " for writing";
      return false;
    }
    const bool wrote = std::fwrite(json.data(), 1, json.size(), f) == json.size() && std::fputc('\n', f) != EOF;
    if (std::fclose(f) != 0 || !wrote) {
      std::remove(temp.c_str());
      error = "cannot write " + temp;
      return false;
    }
    if (std::rename(temp.c_str(), path_.c_str()) != 0) {
      std::remove(temp.c_str());
      error = "cannot rename " + temp + " to " + path_;
      return false;
    }
    return true;
  }

 private:
  std::string path_;
  har_file file_;
};

}  // namespace bedrock_agent::fake_server

#if defined(__clang__)
#pragma clang diagnostic pop
#endif

#endif  // BEDROCK_AGENT_TOOLS_FAKE_HAR_HPP_INCLUDED
