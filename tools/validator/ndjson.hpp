#ifndef BEDROCK_AGENT_TOOLS_VALIDATOR_NDJSON_HPP_INCLUDED
#define BEDROCK_AGENT_TOOLS_VALIDATOR_NDJSON_HPP_INCLUDED

// NDJSON / JSON Lines: one document per line, read in large chunks into one buffer that keeps
// SIMDJSON_PADDING spare bytes after its data, so that every line is parsed in place (no copy)
// and memory grows with the longest line, never with the file.

#include <simdjson.h>

#include <cstddef>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

namespace bedrock_agent::validator {

/// Splits a stream into lines ('\n'; a '\r' before it is dropped). The last line need not end
/// with '\n'.
class line_reader {
 public:
  static constexpr std::size_t padding = simdjson::SIMDJSON_PADDING;

  /** Reads `in`, after the bytes in `prefix` (already read from it, e.g. to sniff the format). */
  explicit line_reader(std::FILE* in, std::string_view prefix = {}, std::size_t chunk = std::size_t{1} << 18)
      : in_(in), chunk_(chunk), cap_(prefix.size() + chunk + padding), buf_(new char[cap_]), size_(prefix.size()),
        bytes_(prefix.size()) {
    if (!prefix.empty()) std::memcpy(buf_.get(), prefix.data(), prefix.size());
    std::memset(buf_.get() + size_, 0, padding);
  }

  /** The next line without its terminator; false at the end of the input. `number` is its
   *  1-based line number. The view stays valid until the next call. */
  bool next(std::string_view& line, std::size_t& number) {
    for (;;) {
      const char* begin = buf_.get() + pos_;
      const std::size_t avail = size_ - pos_;
      // [pos_, scanned_) is known to hold no '\n': a long line is searched once, not once per chunk.
      const std::size_t from = scanned_ > pos_ ? scanned_ - pos_ : 0;
      if (const void* nl = avail > from ? std::memchr(begin + from, '\n', avail - from) : nullptr) {
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
        pos_ = size_;
        line = std::string_view(begin, len);
        number = ++line_no_;
        return true;
      }
      // Keep the unfinished line at the front, then read another chunk after it.
      if (pos_ > 0) {
        if (avail) std::memmove(buf_.get(), begin, avail);
        size_ = avail;
        pos_ = 0;
      }
      scanned_ = size_;
      // Grow only when the unfinished line leaves less than half a chunk of room: the buffer
      // stays at one chunk unless a line is longer than half of one.
      if (cap_ - padding - size_ < chunk_ / 2 + 1) {
        const std::size_t cap = 2 * cap_ + chunk_;
        std::unique_ptr<char[]> grown(new char[cap]);  // not zeroed: only what is read is touched
        std::memcpy(grown.get(), buf_.get(), size_);
        buf_ = std::move(grown);
        cap_ = cap;
      }
      const std::size_t want = cap_ - padding - size_;
      const std::size_t got = std::fread(buf_.get() + size_, 1, want, in_);
      size_ += got;
      bytes_ += got;
      std::memset(buf_.get() + size_, 0, padding);  // the spare bytes after the data are defined
      if (got < want) {
        if (std::ferror(in_)) error_ = true;
        eof_ = true;
      }
    }
  }

  /** `line` (from next()) as simdjson wants it: at least SIMDJSON_PADDING readable bytes follow
   *  it in the buffer (the next lines, then the spare bytes). */
  simdjson::padded_string_view padded(std::string_view line) const noexcept {
    return simdjson::padded_string_view(line.data(), line.size(),
                                        static_cast<std::size_t>(buf_.get() + cap_ - line.data()));
  }

  bool error() const noexcept { return error_; }
  std::size_t bytes_read() const noexcept { return bytes_; }
  /** Bytes held now: twice the longest line plus one chunk bounds it. */
  std::size_t buffer_capacity() const noexcept { return cap_; }

 private:
  std::FILE* in_;
  std::size_t chunk_;
  std::size_t cap_;
  std::unique_ptr<char[]> buf_;  // [0, size_) read, then at least `padding` spare bytes (zeroed)
  std::size_t size_;
  std::size_t pos_ = 0;
  std::size_t scanned_ = 0;
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
