#ifndef BEDROCK_AGENT_TOOLS_VALIDATOR_BOTOCORE_LOG_HPP_INCLUDED
#define BEDROCK_AGENT_TOOLS_VALIDATOR_BOTOCORE_LOG_HPP_INCLUDED

// botocore debug logs, as `aws ... --debug` writes them to stderr and as
// boto3.set_stream_logger('botocore', logging.DEBUG) writes them (either log format: the
// reader looks for the logger names and messages, not for the prefix). Read line by line,
// streamed: each "Sending http request" starts an exchange (a retry is a new one), urllib3's
// status line gives its status, "Response headers: {...}" its headers and the Python bytes
// literal after "Response body:" its body, decoded exactly with every byte's column kept.
// The request body is the 'body' of the "Making request for OperationModel" line before.
// Every other line is passed over.

#include "wire_exchange.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace bedrock_agent::validator {

/** Decodes the Python bytes or str literal at `line[pos]` (b'..', b"..", '..' or "..", as
 *  repr() writes them; \\ \' \" \n \r \t \a \b \f \v, octal, \xhh, \uXXXX, \UXXXXXXXX) onto
 *  `out`, each byte placed on line `number` at the column of the character (or escape) it
 *  came from. Returns the offset past the closing quote; npos when `line[pos]` starts no
 *  literal or the line ends first (a truncated log: what was decoded is kept, and the map
 *  ends at the line's end). */
inline std::size_t decode_python_literal(std::string_view line, std::size_t pos, std::size_t number, placed_text& out,
                                         bool map = true);

/** placed_text::remap for a literal decoded without its map. */
inline void remap_python_literal(std::string_view source, text_position start, std::vector<text_position>& at) {
  placed_text again;
  decode_python_literal(source, 0, start.line, again, true);
  at = std::move(again.at);
  for (text_position& p : at) p.column += start.column - 1;
}

/** As above; `map` false: no map is made now, but the literal's text is kept in out.source,
 *  to make it when a finding needs it (placed_text::place); and with `number` 0 not even that. */
inline std::size_t decode_python_literal(std::string_view line, std::size_t pos, std::size_t number, placed_text& out,
                                         bool map) {
  constexpr std::size_t npos = std::string_view::npos;
  if (pos < line.size() && (line[pos] == 'b' || line[pos] == 'B')) ++pos;
  if (pos >= line.size() || (line[pos] != '\'' && line[pos] != '"')) return npos;
  const char quote = line[pos];
  const std::size_t literal_at = pos;
  std::size_t col = map ? column_of(line, pos) : 1;
  out.start = {number, col};
  ++pos;
  ++col;
  auto put = [&](char c, std::size_t at_col) {
    out.bytes += c;
    if (map) out.at.push_back({number, at_col});
  };
  auto done = [&](std::size_t end) {
    if (!map && number != 0) {  // line 0: the caller keeps no position
      out.start.column = column_of(line, literal_at);
      out.source.assign(line.substr(literal_at, end - literal_at));
      out.remap = remap_python_literal;
    }
  };
  while (pos < line.size()) {
    const char c = line[pos];
    if (c == quote) {
      if (map) out.at.push_back({number, col});
      done(pos + 1);
      return pos + 1;
    }
    if (!map && c != '\\') {  // a run of plain characters at once, up to a quote or a backslash
      const char* from = line.data() + pos;
      const std::size_t left = line.size() - pos;
      const void* q = std::memchr(from, quote, left);
      const std::size_t to_quote = q ? static_cast<std::size_t>(static_cast<const char*>(q) - from) : left;
      const void* b = std::memchr(from, '\\', to_quote);
      const std::size_t run = b ? static_cast<std::size_t>(static_cast<const char*>(b) - from) : to_quote;
      out.bytes.append(from, run);
      pos += run;
      continue;
    }
    if (c != '\\') {
      put(c, col);
      ++pos;
      // the next byte starts a new column unless it continues this UTF-8 sequence
      if (pos >= line.size() || (static_cast<unsigned char>(line[pos]) & 0xC0) != 0x80) ++col;
      continue;
    }
    const std::size_t esc_col = col;
    if (pos + 1 >= line.size()) break;
    const char e = line[pos + 1];
    std::size_t len = 2;
    switch (e) {
      case '\\': put('\\', esc_col); break;
      case '\'': put('\'', esc_col); break;
      case '"': put('"', esc_col); break;
      case 'n': put('\n', esc_col); break;
      case 'r': put('\r', esc_col); break;
      case 't': put('\t', esc_col); break;
      case 'a': put('\a', esc_col); break;
      case 'b': put('\b', esc_col); break;
      case 'f': put('\f', esc_col); break;
      case 'v': put('\v', esc_col); break;
      case 'x':
      case 'u':
      case 'U': {
        const std::size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        std::uint32_t v = 0;
        bool ok = pos + 2 + digits <= line.size();
        for (std::size_t i = 0; ok && i < digits; ++i) {
          const int d = hex_digit(line[pos + 2 + i]);
          ok = d >= 0;
          v = v * 16 + static_cast<std::uint32_t>(d < 0 ? 0 : d);
        }
        if (!ok) {  // not an escape Python writes: keep it as it stands
          put('\\', esc_col);
          len = 1;
          break;
        }
        len = 2 + digits;
        if (e == 'x') {
          put(static_cast<char>(v), esc_col);
        } else {
          const std::size_t before = out.bytes.size();
          utf8_append(out.bytes, v > 0x10FFFF ? 0xFFFD : v);
          if (map)
            for (std::size_t i = before; i < out.bytes.size(); ++i) out.at.push_back({number, esc_col});
        }
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          std::uint32_t v = 0;
          len = 1;
          while (len < 4 && pos + len < line.size() && line[pos + len] >= '0' && line[pos + len] <= '7') {
            v = v * 8 + static_cast<std::uint32_t>(line[pos + len] - '0');
            ++len;
          }
          put(static_cast<char>(v & 0xFF), esc_col);
        } else {  // Python keeps an unknown escape's backslash
          put('\\', esc_col);
          len = 1;
        }
    }
    pos += len;
    col += len;  // escapes are ASCII: one column per byte
  }
  if (map) out.at.push_back({number, column_of(line, line.size())});
  done(line.size());
  return npos;
}

/** Calls `fn(line, number)` for each line of a stream read in chunks with `read(char*, max)`
 *  (0 at the end) after the bytes in `prefix`; lines are views into one buffer, without their
 *  '\n', numbered from 1. The last line need not end with '\n'. Returns the bytes read. */
template <class Read, class Fn>
std::size_t for_each_line_in_stream(Read&& read, std::string_view prefix, Fn&& fn,
                                    std::size_t chunk = std::size_t{1} << 18) {
  // one buffer, never zeroed: [0, size) holds bytes read, a line from `start` on is not done
  std::size_t cap = prefix.size() + chunk, size = prefix.size();
  std::unique_ptr<char[]> buf(new char[cap]);
  if (size) std::memcpy(buf.get(), prefix.data(), size);
  std::size_t number = 1, total = prefix.size(), start = 0;
  for (bool more = true;;) {
    // every complete line in buf[start, size)
    for (;;) {
      const void* nl = std::memchr(buf.get() + start, '\n', size - start);
      if (!nl) break;
      const std::size_t end = static_cast<std::size_t>(static_cast<const char*>(nl) - buf.get());
      fn(std::string_view(buf.get() + start, end - start), number++);
      start = end + 1;
    }
    if (!more) break;
    std::memmove(buf.get(), buf.get() + start, size - start);  // the partial line moves to the front
    size -= start;
    start = 0;
    if (cap - size < chunk) {  // a line longer than a chunk: grow
      std::unique_ptr<char[]> grown(new char[size + chunk]);
      std::memcpy(grown.get(), buf.get(), size);
      buf = std::move(grown);
      cap = size + chunk;
    }
    const std::size_t got = read(buf.get() + size, chunk);
    size += got;
    total += got;
    more = got != 0;
  }
  if (start < size) fn(std::string_view(buf.get() + start, size - start), number);
  return total;
}

/// Reads a botocore debug log line by line and hands each exchange to a callback.
class botocore_log_reader {
 public:
  /** Reads one line (without its '\n'; a '\r' before it is dropped), numbered from 1. `emit`
   *  is called with each finished wire_exchange. */
  template <class Emit>
  void line(std::string_view text, std::size_t number, Emit&& emit) {
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (expect_body_) {
      expect_body_ = false;
      if (!text.empty() && (text[0] == 'b' || text[0] == '\'' || text[0] == '"')) {
        current_.response_body.clear();
        decode_python_literal(text, 0, number, current_.response_body, false);
        current_.has_response = true;
        response_done_ = true;
        return;
      }
    }
    // Log lines start with the record's date; the loggers of interest are named early on.
    if (text.empty() || text[0] < '0' || text[0] > '9') return;
    const std::string_view name = logger_name(text);
    // most records come from other loggers: tell them apart on the name's first eight bytes
    if (name.size() < 16) return;
    const std::uint64_t head = load8(name.data());
    if (head == load8("botocore")) {
      ++records_;
      if (name[9] == 'e' && starts_with(name, "botocore.endpoint")) {
        endpoint_line(text, number, emit);
      } else if (name[9] == 'p' && starts_with(name, "botocore.parsers")) {
        parsers_line(text, number);
      }
    } else if (head == load8("urllib3.")) {
      ++records_;
      if (starts_with(name, "urllib3.connectionpool")) status_line(text, number);
    }
  }

  /** The end of the log: the exchange under way, if any, is handed over. */
  template <class Emit>
  void finish(Emit&& emit) {
    flush(emit);
  }

  /** The records of botocore's and urllib3's loggers read so far (0: not a debug log). */
  std::size_t records() const noexcept { return records_; }

  /** True when `head` (the start of a file) reads as a botocore debug log. */
  static bool looks_like(std::string_view head) {
    return head.find("Sending http request: <AWSPreparedRequest") != std::string_view::npos ||
           head.find("Making request for OperationModel(") != std::string_view::npos ||
           (head.find(" - botocore.") != std::string_view::npos && head.find(" - DEBUG - ") != std::string_view::npos) ||
           (head.find(" botocore.") != std::string_view::npos && head.find(" [DEBUG] ") != std::string_view::npos);
  }

 private:
  static bool starts_with(std::string_view s, std::string_view prefix) noexcept {
    return s.size() >= prefix.size() && std::memcmp(s.data(), prefix.data(), prefix.size()) == 0;
  }

  /** memcmp(a, b, n) == 0 for the short names of threads, without a call when n is 8..16. */
  static bool same_bytes(const char* a, const char* b, std::size_t n) noexcept {
    if (n < 8 || n > 16) return std::memcmp(a, b, n) == 0;
    return load8(a) == load8(b) && load8(a + n - 8) == load8(b + n - 8);
  }

  static std::uint64_t load8(const char* p) noexcept {
    std::uint64_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
  }

  /** The text from the logger's name on: "2026-03-14 09:31:07,123 NAME [DEBUG] ..." (boto3's
   *  set_stream_logger) or "2026-03-14 09:31:07,123 - THREAD - NAME - DEBUG - ..." (the AWS
   *  CLI). Most lines are passed over on this alone, so it looks at fixed places first and
   *  searches the line's start only when the date is not the usual 23 characters. */
  std::string_view logger_name(std::string_view text) {
    std::size_t at = 24;
    if (text.size() <= at || text[at - 1] != ' ' || text[4] != '-' || text[19] != ',') {
      // another date format: the name is the first word with a '.' among the first few
      const std::string_view head = text.substr(0, 160);
      for (std::string_view n : {std::string_view("botocore."), std::string_view("urllib3.")}) {
        const std::size_t p = head.find(n);
        if (p != std::string_view::npos) return rest(text, p);
      }
      return {};
    }
    if (text[at] == '-' && at + 1 < text.size() && text[at + 1] == ' ') {  // " - THREAD - NAME"
      const std::size_t p = at + 2;
      // a log is mostly one thread's records: try the last thread name first
      const std::size_t t = thread_.size();
      if (t != 0 && p + t + 3 <= text.size() && text[p + t] == ' ' && text[p + t + 1] == '-' &&
          text[p + t + 2] == ' ' && same_bytes(text.data() + p, thread_.data(), t))
        return rest(text, p + t + 3);
      const std::size_t stop = text.size() < 128 ? text.size() : 128;
      std::size_t q = p;
      while (q + 2 < stop && !(text[q] == ' ' && text[q + 1] == '-' && text[q + 2] == ' ')) ++q;
      if (q + 2 >= stop) return {};
      thread_.assign(text.data() + p, q - p);
      at = q + 3;
    }
    return rest(text, at);
  }

  /** text.substr(at) for `at` <= text.size(), without substr's check. */
  static std::string_view rest(std::string_view text, std::size_t at) noexcept {
    return std::string_view(text.data() + at, text.size() - at);
  }

  template <class Emit>
  void flush(Emit& emit) {
    if (!open_) return;
    open_ = false;
    if (!headers_read_) current_.response_headers.clear();
    emit(std::as_const(current_));
  }

  template <class Emit>
  void endpoint_line(std::string_view text, std::size_t number, Emit& emit) {
    static constexpr std::string_view making = "Making request for OperationModel(";
    static constexpr std::string_view sending = "Sending http request: <AWSPreparedRequest";
    if (const std::size_t m = text.find(making); m != std::string_view::npos) {
      flush(emit);
      call_body_.clear();
      const std::size_t b = text.find("'body': ", m);
      if (b != std::string_view::npos) decode_python_literal(text, b + 8, number, call_body_, false);
      if (call_body_.start.line == 0) call_body_.start = {number, column_of(text, m)};
      return;
    }
    const std::size_t s = text.find(sending);
    if (s == std::string_view::npos) return;
    flush(emit);
    open_ = true;
    response_done_ = false;
    expect_body_ = false;
    current_.method.clear();
    current_.url.clear();
    current_.has_response = false;
    current_.status.reset();
    current_.status_at = {};
    headers_read_ = false;  // the previous exchange's header strings are kept for their capacity
    current_.headers_at = {};
    current_.response_body.clear();
    current_.request_body = call_body_;  // every attempt of a call sends the call's body
    const std::size_t mp = text.find("method=", s);
    if (mp != std::string_view::npos) {
      const std::size_t end = text.find(',', mp);
      current_.method.assign(text.substr(mp + 7, end == std::string_view::npos ? end : end - mp - 7));
    }
    const std::size_t up = text.find("url=", s);
    if (up != std::string_view::npos) {
      std::size_t end = text.find(", headers=", up);
      if (end == std::string_view::npos) end = text.find(',', up);
      current_.url.assign(text.substr(up + 4, end == std::string_view::npos ? end : end - up - 4));
      current_.request_at = {number, column_of(text, up + 4)};
    } else {
      current_.request_at = {number, column_of(text, s)};
    }
  }

  void parsers_line(std::string_view text, std::size_t number) {
    if (!open_ || response_done_) return;  // botocore parses an error twice: keep the first
    static constexpr std::string_view headers = "Response headers: ";
    if (const std::size_t h = text.find(headers); h != std::string_view::npos) {
      current_.has_response = true;
      current_.headers_at = {number, column_of(text, h + headers.size())};
      read_dict(text, h + headers.size(), current_.response_headers);
      headers_read_ = true;
      return;
    }
    if (text.size() >= 14 && text.substr(text.size() - 14) == "Response body:") {
      expect_body_ = true;
      current_.has_response = true;
      current_.response_body.clear();
      current_.response_body.start = {number + 1, 1};
    }
  }

  /** urllib3: `http://host:port "PUT /path HTTP/1.1" 202 550`. */
  void status_line(std::string_view text, std::size_t number) {
    if (!open_ || current_.status) return;
    const std::size_t h = text.find(" HTTP/1.");
    if (h == std::string_view::npos) return;
    const std::size_t q = text.find("\" ", h);
    if (q == std::string_view::npos || q + 5 > text.size()) return;
    int v = 0;
    for (std::size_t i = q + 2; i < q + 5; ++i) {
      if (text[i] < '0' || text[i] > '9') return;
      v = v * 10 + (text[i] - '0');
    }
    current_.status = v;
    current_.status_at = {number, column_of(text, q + 2)};
    current_.has_response = true;
  }

  /** `out` becomes the Python dict of str to str (as repr() writes it) from `text[pos]` ('{'),
   *  up to the first thing that is not one. The pairs' strings are reused from call to call. */
  void read_dict(std::string_view text, std::size_t pos, http_headers& out) {
    std::size_t n = 0;
    read_pairs(text, pos, out, n);
    out.resize(n);
  }

  void read_pairs(std::string_view text, std::size_t pos, http_headers& out, std::size_t& n) {
    if (pos >= text.size() || text[pos] != '{') return;
    ++pos;
    for (;;) {
      while (pos < text.size() && (text[pos] == ' ' || text[pos] == ',')) ++pos;
      if (pos >= text.size() || text[pos] == '}') return;
      scratch_.clear();
      pos = decode_python_literal(text, pos, 0, scratch_, false);
      if (pos == std::string_view::npos || text.substr(pos, 2) != ": ") return;
      if (n == out.size()) out.emplace_back();
      std::pair<std::string, std::string>& header = out[n++];
      header.first.swap(scratch_.bytes);
      scratch_.clear();
      pos = decode_python_literal(text, pos + 2, 0, scratch_, false);
      header.second.swap(scratch_.bytes);
      if (pos == std::string_view::npos) return;
    }
  }

  wire_exchange current_;
  placed_text call_body_;  // the body of the call under way (its "Making request" line)
  placed_text scratch_;
  std::string thread_;  // the thread name of the last AWS CLI record
  std::size_t records_ = 0;
  bool open_ = false;           // current_ holds an exchange not yet handed over
  bool response_done_ = false;  // its response body was read: later responses are botocore's re-parse
  bool expect_body_ = false;    // the previous line was "Response body:"
  bool headers_read_ = false;   // current_.response_headers are this exchange's
};

}  // namespace bedrock_agent::validator

#endif  // BEDROCK_AGENT_TOOLS_VALIDATOR_BOTOCORE_LOG_HPP_INCLUDED
