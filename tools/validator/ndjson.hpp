#ifndef BEDROCK_AGENT_TOOLS_VALIDATOR_NDJSON_HPP_INCLUDED
#define BEDROCK_AGENT_TOOLS_VALIDATOR_NDJSON_HPP_INCLUDED

// NDJSON / JSON Lines: one document per line, read in fixed-size chunks so that memory grows
// with the longest line, never with the file.

#include <cstddef>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>

namespace bedrock_agent::validator {

/// Splits a stream into lines ('\n'; a '\r' before it is dropped). The last line need not end
/// with '\n'.
class line_reader {
 public:
  /** Reads `in`, after the bytes in `prefix` (already read from it, e.g. to sniff the format). */
  explicit line_reader(std::FILE* in, std::string prefix = {}, std::size_t chunk = std::size_t{1} << 16)
      : in_(in), chunk_(chunk), buf_(std::move(prefix)), bytes_(buf_.size()) {}

  /** The next line without its terminator; false at the end of the input. `number` is its
   *  1-based line number. */
  bool next(std::string_view& line, std::size_t& number) {
    for (;;) {
      const char* begin = buf_.data() + pos_;
      const std::size_t avail = buf_.size() - pos_;
      if (const void* nl = avail ? std::memchr(begin, '\n', avail) : nullptr) {
        std::size_t len = static_cast<std::size_t>(static_cast<const char*>(nl) - begin);
        pos_ += len + 1;
        if (len && begin[len - 1] == '\r') --len;
        line = std::string_view(begin, len);
        number = ++line_no_;
        return true;
      }
      if (eof_) {
        if (avail == 0) return false;
        std::size_t len = avail;
        if (begin[len - 1] == '\r') --len;
        pos_ = buf_.size();
        line = std::string_view(begin, len);
        number = ++line_no_;
        return true;
      }
      // Keep the unfinished line, then read another chunk after it.
      buf_.erase(0, pos_);
      pos_ = 0;
      const std::size_t old = buf_.size();
      buf_.resize(old + chunk_);
      const std::size_t got = std::fread(buf_.data() + old, 1, chunk_, in_);
      buf_.resize(old + got);
      bytes_ += got;
      if (got < chunk_) {
        if (std::ferror(in_)) error_ = true;
        eof_ = true;
      }
    }
  }

  bool error() const noexcept { return error_; }
  std::size_t bytes_read() const noexcept { return bytes_; }
  /** Bytes held now: the longest line plus one chunk bounds it. */
  std::size_t buffer_capacity() const noexcept { return buf_.capacity(); }

 private:
  std::FILE* in_;
  std::size_t chunk_;
  std::string buf_;
  std::size_t pos_ = 0;
  std::size_t line_no_ = 0;
  std::size_t bytes_;
  bool eof_ = false;
  bool error_ = false;
};

/** True when `s` is empty or only RFC 8259 whitespace. */
inline bool is_blank(std::string_view s) noexcept {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
  }
  return true;
}

}  // namespace bedrock_agent::validator

#endif  // BEDROCK_AGENT_TOOLS_VALIDATOR_NDJSON_HPP_INCLUDED
