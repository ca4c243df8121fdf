#ifndef BEDROCK_AGENT_TOOLS_VALIDATOR_PYTHON_LITERAL_HPP_INCLUDED
#define BEDROCK_AGENT_TOOLS_VALIDATOR_PYTHON_LITERAL_HPP_INCLUDED

// Python printouts of boto3 results (`print(r)`, `pprint.pprint(r)`, `repr(r["ingestionJob"])`)
// turned into the JSON the library reads, with a map from every JSON byte back to the printout,
// so that each diagnostic points into the original file.
//
// The grammar is the tiny part of Python's literal syntax that repr and pprint write for a
// botocore result: dicts, lists, tuples, strings ('...' and "...", with Python escapes, adjacent
// literals and pprint's parenthesized runs of them concatenated), ints, floats, True, False,
// None, and datetime.datetime(Y, M, D[, h[, m[, s[, us]]]][, tzinfo=Z][, fold=F]) with Z one
// of tzutc(), tzlocal(), tzoffset(NAME, SECONDS), datetime.timezone.utc, UTC or None. No Python
// runs: nothing is evaluated.
//
// A paste whose every non-blank line starts with '#' (a notebook output pasted into a comment)
// is read with the "# " (or "#") prefix of each line skipped; positions stay the file's.

#include <bedrock_agent/engine/diagnostics.hpp>
#include <bedrock_agent/engine/utf8.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bedrock_agent::validator {

/// The JSON made from a printout, and where each part of it came from.
struct python_translation {
  bool ok = false;
  std::string json;  ///< the literal as JSON (datetimes as RFC 3339 strings)
  /// (JSON offset, printout offset) pairs, by JSON offset: each JSON token starts at the
  /// printout offset of the Python token it came from.
  std::vector<std::pair<std::size_t, std::size_t>> map;
  std::size_t error_offset = 0;  ///< !ok: where the printout stops being a literal
  std::string error;             ///< !ok: what was expected there
  /// Printout offsets of datetimes whose zone is the printing host's (tzlocal()) or absent
  /// (a naive datetime): read as UTC, see docs/validator.md.
  std::vector<std::size_t> local_times;
  bool comment_prefixed = false;  ///< every line started with '#'
};

/** Translates the printout `text`; on failure ok is false and error / error_offset say why. */
inline python_translation python_to_json(std::string_view text);

/** The printout offset of JSON offset `json_offset` of `t`. */
inline std::size_t python_offset(const python_translation& t, std::size_t json_offset) {
  auto it = std::upper_bound(t.map.begin(), t.map.end(), std::make_pair(json_offset, ~std::size_t{0}));
  if (it == t.map.begin()) return 0;
  return std::prev(it)->second;
}

/** 1-based line and column (code points) of byte `offset` of `text`. */
inline std::pair<std::size_t, std::size_t> line_column(std::string_view text, std::size_t offset) {
  if (offset > text.size()) offset = text.size();
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column};
}

/** Moves `d` (positioned in t.json) to its place in the printout `text`. A diagnostic about a
 *  value rather than a place (line 0) is left alone. */
inline void place_in_printout(diagnostic& d, const python_translation& t, std::string_view text) {
  if (d.line == 0) return;
  d.offset = python_offset(t, d.offset);
  const auto [line, column] = line_column(text, d.offset);
  d.line = line;
  d.column = column;
}

namespace python_parse {

class translator {
 public:
  explicit translator(std::string_view text) : s_(text) {}

  python_translation run() {
    out_.comment_prefixed = all_lines_commented();
    skip_space();
    if (at_end()) return fail("a Python literal (a dict printed by print, repr or pprint)");
    if (!value()) return std::move(out_);  // the error is recorded
    skip_space();
    if (!at_end()) return fail("the end of the printout after the literal");
    out_.ok = true;
    return std::move(out_);
  }

  /** The end of the literal that starts at or after `from` (white space first), or npos when
   *  no literal is read there. */
  std::size_t literal_end(std::size_t from) {
    i_ = from;
    skip_space();
    if (at_end() || !value()) return std::string_view::npos;
    return i_;
  }

 private:
  bool at_end() const { return i_ >= s_.size(); }
  char peek(std::size_t k = 0) const { return i_ + k < s_.size() ? s_[i_ + k] : '\0'; }

  python_translation fail(std::string what) {
    failed(std::move(what));
    return std::move(out_);
  }
  /** Records the first error (where the printout stops being a literal); false. */
  bool failed(std::string what) {
    if (out_.error.empty()) {
      out_.ok = false;
      out_.error = std::move(what);
      out_.error_offset = i_ < s_.size() ? i_ : s_.size();
    }
    return false;
  }

  bool all_lines_commented() const {
    bool any = false;
    std::size_t p = 0;
    while (p < s_.size()) {
      std::size_t e = s_.find('\n', p);
      if (e == std::string_view::npos) e = s_.size();
      std::string_view line = s_.substr(p, e - p);
      std::size_t k = 0;
      while (k < line.size() && (line[k] == ' ' || line[k] == '\t' || line[k] == '\r')) ++k;
      if (k < line.size()) {
        if (line[k] != '#') return false;
        any = true;
      }
      p = e + 1;
    }
    return any;
  }

  /// Whitespace, and, in a comment-prefixed paste, the "#" or "# " that opens each line.
  void skip_space() {
    while (i_ < s_.size()) {
      const char c = s_[i_];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        ++i_;
      } else if (c == '#' && out_.comment_prefixed && line_prefix_at(i_)) {
        ++i_;
        if (i_ < s_.size() && s_[i_] == ' ') ++i_;
      } else {
        break;
      }
    }
  }
  bool line_prefix_at(std::size_t p) const {
    while (p > 0 && (s_[p - 1] == ' ' || s_[p - 1] == '\t')) --p;
    return p == 0 || s_[p - 1] == '\n';
  }

  void mark() { out_.map.emplace_back(out_.json.size(), i_); }
  void mark_at(std::size_t original) { out_.map.emplace_back(out_.json.size(), original); }

  bool consume(std::string_view word) {
    if (s_.substr(i_, word.size()) != word) return false;
    i_ += word.size();
    return true;
  }
  static bool ident_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
  }
  std::string_view identifier() {
    const std::size_t b = i_;
    while (i_ < s_.size() && ident_char(s_[i_])) ++i_;
    return s_.substr(b, i_ - b);
  }

  bool value() {
    if (++depth_ > 256) return failed("at most 256 nested containers");
    skip_space();
    bool ok = false;
    const char c = peek();
    if (c == '{') ok = container('{', '}', true);
    else if (c == '[') ok = container('[', ']', false);
    else if (c == '(') ok = paren();
    else if (c == '\'' || c == '"' || ((c == 'u' || c == 'U') && (peek(1) == '\'' || peek(1) == '"'))) ok = strings();
    else if (c == '-' || c == '+' || (c >= '0' && c <= '9')) ok = number();
    else ok = name();
    --depth_;
    return ok;
  }

  bool container(char open, char close, bool dict) {
    mark();
    out_.json += open;
    ++i_;
    bool first = true;
    for (;;) {
      skip_space();
      if (peek() == close) {
        mark();
        out_.json += close;
        ++i_;
        return true;
      }
      if (!first) {
        if (peek() != ',') return failed(std::string("',' or '") + close + "'");
        ++i_;
        skip_space();
        if (peek() == close) continue;  // a trailing comma
        out_.json += ',';
      }
      first = false;
      if (dict) {
        const char q = peek();
        if (q != '\'' && q != '"') return failed("a string key (the printout of a boto3 result has only string keys)");
        if (!strings()) return false;
        skip_space();
        if (peek() != ':') return failed("':' after the key");
        ++i_;
        out_.json += ':';
      }
      if (!value()) return false;
    }
  }

  /// '(' opens a tuple (read as a list) or pprint's run of adjacent strings.
  bool paren() {
    const std::size_t open = i_;
    ++i_;
    skip_space();
    const char c = peek();
    if (c == '\'' || c == '"') {
      const std::size_t json_at = out_.json.size(), map_at = out_.map.size();
      if (!strings()) return false;
      skip_space();
      if (peek() == ')') {
        ++i_;
        return true;
      }
      // a tuple that starts with a string: read it again as a list
      out_.json.resize(json_at);
      out_.map.resize(map_at);
    }
    i_ = open;
    out_.map.emplace_back(out_.json.size(), i_);
    out_.json += '[';
    ++i_;
    bool first = true;
    for (;;) {
      skip_space();
      if (peek() == ')') {
        mark();
        out_.json += ']';
        ++i_;
        return true;
      }
      if (!first) {
        if (peek() != ',') return failed("',' or ')'");
        ++i_;
        skip_space();
        if (peek() == ')') continue;
        out_.json += ',';
      }
      first = false;
      if (!value()) return false;
    }
  }

  /// One or more adjacent string literals, written as one JSON string.
  bool strings() {
    mark();
    out_.json += '"';
    bool first = true;
    for (;;) {
      skip_space();
      char q = peek();
      if ((q == 'u' || q == 'U') && (peek(1) == '\'' || peek(1) == '"')) {
        ++i_;
        q = peek();
      }
      if (q != '\'' && q != '"') {
        if (first) return failed("a string");
        break;
      }
      first = false;
      if (!one_string(q)) return false;
      const std::size_t save = i_;
      skip_space();
      const char n = peek();
      if (n != '\'' && n != '"') {
        i_ = save;
        break;
      }
    }
    out_.json += '"';
    return true;
  }

  void append_utf8(std::uint32_t cp) {
    if (cp < 0x20 || cp == '"' || cp == '\\' || (cp >= 0xD800 && cp <= 0xDFFF)) {
      char buf[12];  // room for any unsigned: g++'s -Wformat-truncation does not always see cp <= 0xDFFF
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
      out_.json += buf;
    } else {
      utf8_append(out_.json, cp);
    }
  }

  bool hex(std::size_t digits, std::uint32_t& cp) {
    cp = 0;
    for (std::size_t k = 0; k < digits; ++k) {
      const char h = peek();
      std::uint32_t v;
      if (h >= '0' && h <= '9') v = static_cast<std::uint32_t>(h - '0');
      else if (h >= 'a' && h <= 'f') v = static_cast<std::uint32_t>(h - 'a' + 10);
      else if (h >= 'A' && h <= 'F') v = static_cast<std::uint32_t>(h - 'A' + 10);
      else return failed(std::to_string(digits) + " hex digits in the escape");
      cp = cp * 16 + v;
      ++i_;
    }
    return true;
  }

  /// One literal quoted with q; its content appended to the open JSON string. Each character
  /// or escape is marked, so that a finding inside the string is placed at its own character.
  bool one_string(char q) {
    ++i_;
    for (;;) {
      if (at_end() || peek() == '\n') return failed(std::string("the closing ") + q);
      const char c = s_[i_];
      if (c == q) {
        ++i_;
        return true;
      }
      mark();
      if (c != '\\') {
        const unsigned char u = static_cast<unsigned char>(c);
        if (u < 0x20) append_utf8(u);  // a raw tab: JSON wants it escaped
        else if (c == '"') out_.json += "\\\"";
        else out_.json += c;  // UTF-8 bytes pass through as they are
        ++i_;
        continue;
      }
      ++i_;
      const char e = peek();
      ++i_;
      std::uint32_t cp = 0;
      switch (e) {
        case '\\': out_.json += "\\\\"; break;
        case '\'': out_.json += '\''; break;
        case '"': out_.json += "\\\""; break;
        case 'n': out_.json += "\\n"; break;
        case 't': out_.json += "\\t"; break;
        case 'r': out_.json += "\\r"; break;
        case 'a': append_utf8(7); break;
        case 'b': out_.json += "\\b"; break;
        case 'f': out_.json += "\\f"; break;
        case 'v': append_utf8(11); break;
        case '\n': break;  // a line continuation
        case 'x':
          if (!hex(2, cp)) return false;
          append_utf8(cp);
          break;
        case 'u':
          if (!hex(4, cp)) return false;
          append_utf8(cp);
          break;
        case 'U':
          if (!hex(8, cp)) return false;
          if (cp > 0x10FFFF) return failed("a code point up to \\U0010ffff");
          append_utf8(cp);
          break;
        default:
          if (e >= '0' && e <= '7') {
            cp = static_cast<std::uint32_t>(e - '0');
            for (int k = 0; k < 2 && peek() >= '0' && peek() <= '7'; ++k, ++i_) cp = cp * 8 + static_cast<std::uint32_t>(peek() - '0');
            append_utf8(cp);
          } else {  // Python keeps an unknown escape as it is
            out_.json += "\\\\";
            --i_;
          }
      }
    }
  }

  bool number() {
    mark();
    const std::size_t b = i_;
    if (peek() == '-' || peek() == '+') ++i_;
    while ((peek() >= '0' && peek() <= '9') || peek() == '_') ++i_;
    if (peek() == '.' || peek() == 'e' || peek() == 'E') {  // a float: kept for the reader to judge
      if (peek() == '.') ++i_;
      while (peek() >= '0' && peek() <= '9') ++i_;
      if (peek() == 'e' || peek() == 'E') {
        ++i_;
        if (peek() == '-' || peek() == '+') ++i_;
        while (peek() >= '0' && peek() <= '9') ++i_;
      }
    }
    std::string_view t = s_.substr(b, i_ - b);
    if (!t.empty() && t[0] == '+') t.remove_prefix(1);
    std::string digits;
    for (char c : t) if (c != '_') digits += c;
    if (digits.empty() || digits == "-") return failed("a number");
    // Python writes 5.0 and 1e+20; JSON wants a digit after '.' and takes 1e+20.
    if (digits.back() == '.') digits += '0';
    out_.json += digits;
    return true;
  }

  bool name() {
    const std::size_t b = i_;
    const std::string_view id = identifier();
    if (id == "True" || id == "False" || id == "None") {
      out_.map.emplace_back(out_.json.size(), b);
      out_.json += id == "True" ? "true" : id == "False" ? "false" : "null";
      return true;
    }
    if (id == "datetime.datetime" || id == "datetime") {
      i_ = b;
      return datetime_call(id);
    }
    i_ = b;
    if (id.empty()) return failed("a Python literal");
    return failed("a literal, not '" + std::string(id) + "' (only dicts, lists, strings, numbers, True, False, None "
                  "and datetime.datetime(...) are read)");
  }

  bool integer_arg(long long& v) {
    skip_space();
    bool neg = false;
    if (peek() == '-') {
      neg = true;
      ++i_;
    }
    if (!(peek() >= '0' && peek() <= '9')) return failed("a whole number");
    v = 0;
    while (peek() >= '0' && peek() <= '9') {
      if (v > 100000000000LL) return failed("a smaller number");
      v = v * 10 + (peek() - '0');
      ++i_;
    }
    if (neg) v = -v;
    return true;
  }

  /// tzutc(), tzlocal(), tzoffset(NAME, SECONDS), datetime.timezone.utc, UTC, None.
  bool zone(std::string& suffix, bool& local) {
    skip_space();
    const std::size_t b = i_;
    const std::string_view id = identifier();
    local = false;
    if (id == "tzutc" || id == "dateutil.tz.tzutc" || id == "tz.tzutc") {
      skip_space();
      if (!consume("(")) return failed("'(' after tzutc");
      skip_space();
      if (!consume(")")) return failed("')'");
      suffix = "Z";
      return true;
    }
    if (id == "tzlocal" || id == "dateutil.tz.tzlocal" || id == "tz.tzlocal") {
      skip_space();
      if (!consume("(")) return failed("'(' after tzlocal");
      skip_space();
      if (!consume(")")) return failed("')'");
      suffix = "Z";
      local = true;
      return true;
    }
    if (id == "datetime.timezone.utc" || id == "timezone.utc" || id == "UTC") {
      suffix = "Z";
      return true;
    }
    if (id == "None") {
      suffix = "Z";
      local = true;
      return true;
    }
    if (id == "tzoffset" || id == "dateutil.tz.tzoffset" || id == "tz.tzoffset") {
      skip_space();
      if (!consume("(")) return failed("'(' after tzoffset");
      skip_space();
      if (peek() == '\'' || peek() == '"') {  // the zone's name: not needed
        const std::size_t json_at = out_.json.size(), map_at = out_.map.size();
        if (!strings()) return false;
        out_.json.resize(json_at);
        out_.map.resize(map_at);
      } else if (!consume("None")) {
        return failed("the zone's name or None");
      }
      skip_space();
      if (!consume(",")) return failed("',' in tzoffset");
      long long seconds = 0;
      if (!integer_arg(seconds)) return false;
      skip_space();
      if (!consume(")")) return failed("')' after tzoffset's seconds");
      if (seconds <= -86400 || seconds >= 86400) return failed("an offset under a day");
      // RFC 3339 offsets are whole minutes; a rarer offset keeps its seconds out of the text
      const long long mins = (seconds < 0 ? -seconds : seconds) / 60;
      char buf[16];
      std::snprintf(buf, sizeof buf, "%c%02lld:%02lld", seconds < 0 ? '-' : '+', mins / 60, mins % 60);
      suffix = buf;
      return true;
    }
    i_ = b;
    return failed("tzinfo=tzutc(), tzlocal(), tzoffset(NAME, SECONDS), datetime.timezone.utc or None");
  }

  bool datetime_call(std::string_view) {
    const std::size_t b = i_;
    identifier();
    skip_space();
    if (!consume("(")) return failed("'(' after datetime");
    long long f[7] = {0, 1, 1, 0, 0, 0, 0};
    int n = 0;
    std::string suffix;
    bool local = true, zoned = false;
    for (;;) {
      skip_space();
      if (consume(")")) break;
      if (n > 0 || zoned) {
        if (!consume(",")) return failed("',' or ')' in datetime(...)");
        skip_space();
        if (consume(")")) break;
      }
      if (consume("tzinfo")) {
        skip_space();
        if (!consume("=")) return failed("'=' after tzinfo");
        if (!zone(suffix, local)) return false;
        zoned = true;
      } else if (consume("fold")) {
        skip_space();
        long long ignored = 0;
        if (!consume("=") || !integer_arg(ignored)) return failed("fold=0 or fold=1");
      } else {
        if (zoned || n == 7) return failed("')' after datetime's arguments");
        if (!integer_arg(f[n])) return false;
        ++n;
      }
    }
    if (n < 3) {
      i_ = b;
      return failed("datetime(YEAR, MONTH, DAY, ...)");
    }
    if (!zoned) suffix = "Z";
    if (local) out_.local_times.push_back(b);
    // Out-of-range fields are written as given: the time reader reports them (time.invalid).
    char buf[64];
    if (f[6] != 0) {
      std::snprintf(buf, sizeof buf, "\"%04lld-%02lld-%02lldT%02lld:%02lld:%02lld.%06lld%s\"", f[0], f[1], f[2], f[3], f[4],
                    f[5], f[6], suffix.c_str());
    } else {
      std::snprintf(buf, sizeof buf, "\"%04lld-%02lld-%02lldT%02lld:%02lld:%02lld%s\"", f[0], f[1], f[2], f[3], f[4], f[5],
                    suffix.c_str());
    }
    out_.map.emplace_back(out_.json.size(), b);
    out_.json += buf;
    return true;
  }

  std::string_view s_;
  std::size_t i_ = 0;
  int depth_ = 0;
  python_translation out_;
};

}  // namespace python_parse

inline python_translation python_to_json(std::string_view text) { return python_parse::translator(text).run(); }

/** The printouts of `text` one after another (a notebook cell that prints two results): the
 *  [begin, end) of each, each beginning at the start of its first line, so that its columns are
 *  the file's. One range, the whole text, when it holds one literal, or when what follows a
 *  literal is not one (the reader then reports where it stops). */
inline std::vector<std::pair<std::size_t, std::size_t>> python_printouts(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> parts;
  std::size_t begin = 0;
  while (begin < text.size()) {
    python_parse::translator t(text);
    const std::size_t end = t.literal_end(begin);
    std::size_t next = end;
    while (next < text.size() && (text[next] == ' ' || text[next] == '\t' || text[next] == '\r' || text[next] == '\n'))
      ++next;
    if (end == std::string_view::npos || next >= text.size()) break;
    std::size_t line_start = next;
    while (line_start > end && text[line_start - 1] != '\n') --line_start;
    if (line_start == end) break;  // two literals on one line: read as one text (the reader says where)
    parts.emplace_back(begin, end);
    begin = line_start;
  }
  parts.emplace_back(begin, text.size());
  return parts;
}

/** True when `text` looks like a Python printout rather than JSON: its first value opens with
 *  `{'` / `{ '` / `['`, or it holds `datetime.datetime(` or a True / False / None value. Used
 *  by --input auto on text that is not JSON. */
inline bool looks_like_python(std::string_view text) {
  std::size_t i = 0;
  auto skip = [&] {
    for (;;) {
      while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n')) ++i;
      if (i < text.size() && text[i] == '#' && (i == 0 || text[i - 1] == '\n' || text[i - 1] == ' ')) {
        ++i;  // a comment-prefixed paste
        continue;
      }
      break;
    }
  };
  skip();
  if (i >= text.size() || (text[i] != '{' && text[i] != '[')) return false;
  ++i;
  skip();
  if (i < text.size() && text[i] == '\'') return true;
  return text.find("datetime.datetime(") != std::string_view::npos || text.find(": None") != std::string_view::npos ||
         text.find(": True") != std::string_view::npos || text.find(": False") != std::string_view::npos;
}

}  // namespace bedrock_agent::validator

#endif  // BEDROCK_AGENT_TOOLS_VALIDATOR_PYTHON_LITERAL_HPP_INCLUDED
