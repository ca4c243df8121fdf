#ifndef BEDROCK_AGENT_TOOLS_VALIDATOR_VCR_HPP_INCLUDED
#define BEDROCK_AGENT_TOOLS_VALIDATOR_VCR_HPP_INCLUDED

// vcrpy cassettes (YAML; what vcrpy and pytest-recording keep in test suites):
//   interactions:
//   - request:  {body: str | !!binary | null, headers: {Name: [value]}, method: M, uri: U}
//     response: {body: {string: str | !!binary}, headers: {Name: [value, ...]},
//                status: {code: N, message: M}}
// read with libfyaml (Debian's libfyaml-dev; yaml-cpp 0.7 rejects the `- !!binary |` items
// vcrpy writes for boto3's headers) into wire_exchanges. libfyaml gives the mark of each
// scalar's first character; the bodies' bytes are placed one by one by decoding the scalar's
// source again here (plain, single- and double-quoted with their escapes and line folding,
// literal block scalars) and comparing with libfyaml's value: when both agree every byte has
// its line:column, otherwise (folded '>' blocks, !!binary) a body's findings point at the
// scalar's first character.

#include "har.hpp"
#include "wire_exchange.hpp"

#include <bedrock_agent/engine/diagnostics.hpp>

#include <libfyaml.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bedrock_agent::validator {

/// A cassette's text with its line starts, to turn yaml-cpp marks into bytes and back.
class vcr_text {
 public:
  explicit vcr_text(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') starts_.push_back(i + 1);
  }
  std::string_view text() const noexcept { return text_; }
  /** The byte offset of a 0-based line and column (in code points). */
  std::size_t offset(int line, int column) const noexcept {
    if (line < 0 || static_cast<std::size_t>(line) >= starts_.size()) return text_.size();
    std::size_t at = starts_[static_cast<std::size_t>(line)];
    for (int c = 0; c < column && at < text_.size() && text_[at] != '\n'; ++c) {
      ++at;
      while (at < text_.size() && (static_cast<unsigned char>(text_[at]) & 0xC0) == 0x80) ++at;
    }
    return at;
  }
  /** The 1-based line:column of byte `offset`. */
  text_position position(std::size_t offset) const noexcept {
    std::size_t lo = 0, hi = starts_.size();
    while (hi - lo > 1) {
      const std::size_t mid = (lo + hi) / 2;
      (starts_[mid] <= offset ? lo : hi) = mid;
    }
    const std::string_view line = text_.substr(starts_[lo]);
    return {lo + 1, column_of(line, offset - starts_[lo])};
  }

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

namespace yaml_scalars {

inline bool is_blank(char c) noexcept { return c == ' ' || c == '\t'; }

/** Decodes the flow scalar (plain, '...' or "...") at `text[pos]` the way YAML 1.2 does, with
 *  each byte's source offset in `at`. Stops at the closing quote (quoted) or at the end of
 *  the scalar's lines (plain: a line not more indented than `indent`, or ": ", " #"). */
inline void decode_flow(std::string_view text, std::size_t pos, std::size_t indent, std::string& out,
                        std::vector<std::size_t>& at) {
  const char quote = (text[pos] == '"' || text[pos] == '\'') ? text[pos] : 0;
  if (quote) ++pos;
  auto put = [&](char c, std::size_t from) {
    out += c;
    at.push_back(from);
  };
  while (pos < text.size()) {
    const char c = text[pos];
    if (quote && c == quote) {
      if (quote == '\'' && pos + 1 < text.size() && text[pos + 1] == '\'') {
        put('\'', pos);
        pos += 2;
        continue;
      }
      at.push_back(pos);
      return;
    }
    if (!quote && (c == '#' && pos > 0 && is_blank(text[pos - 1]))) break;
    if (!quote && c == ':' && (pos + 1 >= text.size() || text[pos + 1] == ' ' || text[pos + 1] == '\n')) break;
    if (c == '\n' || (c == '\\' && quote == '"' && pos + 1 < text.size() && text[pos + 1] == '\n')) {
      const bool escaped = c == '\\';
      // trailing blanks of this line are not content
      if (!escaped) {
        while (!out.empty() && is_blank(out.back()) && at.back() + 1 <= pos && is_blank(text[at.back()])) {
          out.pop_back();
          at.pop_back();
        }
      }
      std::size_t p = pos + (escaped ? 2 : 1);
      std::size_t breaks = 0;
      const std::size_t break_at = pos;
      for (;;) {  // blank lines fold into '\n' each
        std::size_t q = p;
        while (q < text.size() && is_blank(text[q])) ++q;
        if (q < text.size() && text[q] == '\n') {
          ++breaks;
          p = q + 1;
          continue;
        }
        if (!quote && (q >= text.size() || q - p <= indent)) {  // a plain scalar ends with its lines
          at.push_back(break_at);
          return;
        }
        p = q;
        break;
      }
      if (breaks == 0 && !escaped) put(' ', break_at);
      for (std::size_t i = 0; i < breaks; ++i) put('\n', break_at);
      pos = p;
      continue;
    }
    if (c == '\\' && quote == '"' && pos + 1 < text.size()) {
      const char e = text[pos + 1];
      std::size_t len = 2;
      std::uint32_t cp = 0;
      int digits = 0;
      switch (e) {
        case '0': cp = 0; break;
        case 'a': cp = 7; break;
        case 'b': cp = 8; break;
        case 't': case '\t': cp = 9; break;
        case 'n': cp = 10; break;
        case 'v': cp = 11; break;
        case 'f': cp = 12; break;
        case 'r': cp = 13; break;
        case 'e': cp = 27; break;
        case ' ': cp = 32; break;
        case '"': cp = '"'; break;
        case '/': cp = '/'; break;
        case '\\': cp = '\\'; break;
        case 'N': cp = 0x85; break;
        case '_': cp = 0xA0; break;
        case 'L': cp = 0x2028; break;
        case 'P': cp = 0x2029; break;
        case 'x': digits = 2; break;
        case 'u': digits = 4; break;
        case 'U': digits = 8; break;
        default: return;  // not YAML: the caller's comparison fails
      }
      for (int i = 0; i < digits; ++i) {
        const std::size_t q = pos + 2 + static_cast<std::size_t>(i);
        const int d = q < text.size() ? hex_digit(text[q]) : -1;
        if (d < 0) return;
        cp = cp * 16 + static_cast<std::uint32_t>(d);
      }
      len += static_cast<std::size_t>(digits);
      const std::size_t before = out.size();
      utf8_append(out, cp);
      for (std::size_t i = before; i < out.size(); ++i) at.push_back(pos);
      pos += len;
      continue;
    }
    put(c, pos);
    ++pos;
  }
  at.push_back(pos);
}

/** Decodes the literal block scalar ('|', '|-', '|+', '|N') at `text[pos]`. */
inline bool decode_literal(std::string_view text, std::size_t pos, std::size_t parent_indent, std::string& out,
                           std::vector<std::size_t>& at) {
  ++pos;
  char chomp = 0;
  std::size_t explicit_indent = 0;
  while (pos < text.size() && text[pos] != '\n') {
    const char c = text[pos];
    if (c == '-' || c == '+') chomp = c;
    else if (c >= '1' && c <= '9') explicit_indent = static_cast<std::size_t>(c - '0');
    else if (c == '#') break;
    else if (c != ' ') return false;
    ++pos;
  }
  while (pos < text.size() && text[pos] != '\n') ++pos;
  if (pos >= text.size()) return false;
  ++pos;
  std::size_t indent = explicit_indent ? parent_indent + explicit_indent : 0;
  std::size_t pending_breaks = 0, last_break = pos;
  bool any = false;
  while (pos < text.size()) {
    std::size_t q = pos;
    while (q < text.size() && text[q] == ' ') ++q;
    const bool empty = q >= text.size() || text[q] == '\n';
    if (!indent && !empty) indent = q - pos;
    if (!empty && q - pos < indent) break;  // the block ends
    if (!empty && indent <= parent_indent) break;
    if (empty) {
      if (q >= text.size()) break;
      ++pending_breaks;
      last_break = q;
      pos = q + 1;
      continue;
    }
    for (std::size_t i = 0; i < pending_breaks; ++i) {
      out += '\n';
      at.push_back(last_break);
    }
    pending_breaks = 0;
    std::size_t p = pos + indent;
    while (p < text.size() && text[p] != '\n') {
      out += text[p];
      at.push_back(p);
      ++p;
    }
    any = true;
    last_break = p;
    pending_breaks = 1;  // this line's own break, kept or not by the chomping
    pos = p < text.size() ? p + 1 : p;
  }
  if (any && chomp != '-') {
    const std::size_t keep = chomp == '+' ? pending_breaks : 1;
    for (std::size_t i = 0; i < keep; ++i) {
      out += '\n';
      at.push_back(last_break);
    }
  }
  at.push_back(last_break);
  return true;
}

}  // namespace yaml_scalars

/// libfyaml's view of a node, as the reader needs it.
struct vcr_node {
  fy_node* n = nullptr;

  explicit operator bool() const noexcept { return n != nullptr; }
  bool is_map() const noexcept { return n && fy_node_is_mapping(n); }
  bool is_seq() const noexcept { return n && fy_node_is_sequence(n); }
  bool is_scalar() const noexcept { return n && fy_node_is_scalar(n); }
  bool is_null() const noexcept {
    if (!is_scalar() || fy_node_get_style(n) != FYNS_PLAIN) return false;
    const std::string_view v = value();
    return v == "null" || v == "~" || v == "Null" || v == "NULL" || v.empty();
  }
  vcr_node operator[](const char* key) const noexcept {
    return {is_map() ? fy_node_mapping_lookup_by_string(n, key, static_cast<std::size_t>(-1)) : nullptr};
  }
  std::string_view value() const noexcept {
    std::size_t len = 0;
    const char* p = is_scalar() ? fy_node_get_scalar(n, &len) : nullptr;
    return p ? std::string_view(p, len) : std::string_view();
  }
  std::string_view tag() const noexcept {
    std::size_t len = 0;
    const char* p = n ? fy_node_get_tag(n, &len) : nullptr;
    return p ? std::string_view(p, len) : std::string_view();
  }
  /** The byte offset of the node's first character (a scalar's, or a collection's first
   *  key or item's); npos when unknown. */
  std::size_t offset() const noexcept {
    if (!n) return std::string_view::npos;
    if (fy_node_is_scalar(n)) {
      fy_token* t = fy_node_get_scalar_token(n);
      const fy_mark* m = t ? fy_token_start_mark(t) : nullptr;
      return m ? m->input_pos : std::string_view::npos;
    }
    if (fy_node_is_mapping(n)) {
      void* it = nullptr;
      fy_node_pair* p = fy_node_mapping_iterate(n, &it);
      return p ? vcr_node{fy_node_pair_key(p)}.offset() : std::string_view::npos;
    }
    if (fy_node_is_sequence(n) && fy_node_sequence_item_count(n) > 0) return vcr_node{fy_node_sequence_get_by_index(n, 0)}.offset();
    return std::string_view::npos;
  }
};

/** `node`'s string value with each byte placed in the cassette when re-decoding its source
 *  gives the same bytes, else at the scalar's first character; !!binary values are decoded
 *  from base64 (placed at their first character). False: a !!binary value that is not base64. */
inline bool vcr_scalar(const vcr_text& t, const vcr_node& node, placed_text& out) {
  out.clear();
  const std::string_view value = node.value();
  const std::size_t start = node.offset();
  const std::string_view src = t.text();
  if (start >= src.size()) {
    out.bytes = std::string(value);
    return true;
  }
  out.start = t.position(start);
  const std::string_view tag = node.tag();
  if (tag == "!!binary" || tag == "tag:yaml.org,2002:binary") {
    std::string compact;
    for (char c : value)
      if (c != '\n' && c != ' ' && c != '\r' && c != '\t') compact += c;
    return base64_decode(compact, out.bytes);
  }
  out.bytes = std::string(value);
  // libfyaml marks a quoted scalar's first character inside the quotes, a block scalar's on
  // its first content line: step back to the quote or the indicator
  std::size_t p = start;
  const fy_node_style style = fy_node_get_style(node.n);
  const char opener = style == FYNS_DOUBLE_QUOTED ? '"' : style == FYNS_SINGLE_QUOTED ? '\'' : style == FYNS_LITERAL ? '|' : style == FYNS_FOLDED ? '>' : 0;
  if (opener && src[p] != opener) {
    const std::size_t q = src.rfind(opener, p);
    if (q == std::string_view::npos) return true;
    p = q;
  }
  out.start = t.position(p);
  const std::size_t nl = p == 0 ? std::string_view::npos : src.rfind('\n', p - 1);
  const std::size_t ls = nl == std::string_view::npos ? 0 : nl + 1;
  // the key's indentation: the scalar may follow "key: " on its line
  std::size_t key_indent = 0;
  while (ls + key_indent < src.size() && (src[ls + key_indent] == ' ' || src[ls + key_indent] == '-')) ++key_indent;
  std::vector<std::size_t> at;
  std::string decoded;
  bool ok = true;
  if (src[p] == '|') ok = yaml_scalars::decode_literal(src, p, key_indent, decoded, at);
  else if (src[p] == '>') ok = false;
  else yaml_scalars::decode_flow(src, p, key_indent, decoded, at);
  if (!ok || decoded != value) return true;  // positions: the scalar's start only
  out.at.reserve(at.size());
  for (std::size_t a : at) out.at.push_back(t.position(a));
  return true;
}

/// Why a cassette could not be read, where.
struct vcr_problem {
  rule id = rules::json_syntax;
  std::string pointer;
  text_position at{1, 1};
  std::string expected;
  std::string message;
};

/** Reads every interaction of the cassette `text` and hands each to `emit(wire_exchange&)`.
 *  Returns false with `problem` set when the text is not YAML or not a cassette (the
 *  interactions before a malformed one have been handed over). */
template <class Emit>
bool read_vcr(std::string_view text, Emit&& emit, vcr_problem& problem) {
  const vcr_text t(text);
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    problem.id = rules::shape_missing_member;
    problem.expected = "interactions";
    problem.message = "the cassette is empty";
    return false;
  }
  // libfyaml's diagnostics are captured, not printed: "<input>:LINE:COLUMN: error: MESSAGE\n..."
  // (its collect-errors mode leaks the collected errors in 0.7.12)
  std::string report;
  fy_diag_cfg dcfg;
  fy_diag_cfg_default(&dcfg);
  dcfg.fp = nullptr;
  dcfg.user = &report;
  dcfg.colorize = false;
  dcfg.show_source = false;
  dcfg.show_position = true;
  dcfg.show_type = false;
  dcfg.show_module = false;
  dcfg.output_fn = [](fy_diag*, void* user, const char* buf, std::size_t len) {
    static_cast<std::string*>(user)->append(buf, len);
  };
  fy_diag* diag = fy_diag_create(&dcfg);
  fy_parse_cfg cfg{};
  cfg.flags = FYPCF_QUIET;
  cfg.diag = diag;
  struct guard {
    fy_document* doc;
    fy_diag* diag;
    ~guard() {
      if (doc) fy_document_destroy(doc);
      if (diag) fy_diag_unref(diag);
    }
  } g{fy_document_build_from_string(&cfg, text.data(), text.size()), diag};
  if (!g.doc) {
    problem.id = rules::json_syntax;
    problem.expected = "a vcrpy cassette (YAML)";
    problem.message = "the cassette is not well-formed YAML";
    const std::size_t e = report.find(": error: ");
    if (e != std::string::npos) {
      const std::size_t end = report.find('\n', e);
      problem.message += ": " + report.substr(e + 9, end == std::string::npos ? end : end - e - 9);
      // ...:LINE:COLUMN before it (1-based)
      const std::size_t c = report.rfind(':', e - 1);
      const std::size_t l = c == std::string::npos || c == 0 ? std::string::npos : report.rfind(':', c - 1);
      if (l != std::string::npos) {
        const int line = std::atoi(report.c_str() + l + 1), column = std::atoi(report.c_str() + c + 1);
        if (line > 0 && column > 0) problem.at = t.position(t.offset(line - 1, column - 1));
      }
    }
    return false;
  }
  auto fail = [&](rule r, std::string pointer, const vcr_node& at, std::string expected, std::string message) {
    problem.id = r;
    problem.pointer = std::move(pointer);
    const std::size_t off = at.offset();
    problem.at = off < text.size() ? t.position(off) : text_position{1, 1};
    problem.expected = std::move(expected);
    problem.message = std::move(message);
    return false;
  };
  const vcr_node root{fy_document_root(g.doc)};
  if (!root.is_map()) return fail(rules::shape_wrong_type, "", root, "a mapping with interactions", "a cassette is a YAML mapping");
  const vcr_node list = root["interactions"];
  if (!list) return fail(rules::shape_missing_member, "", root, "interactions", "the cassette has no interactions");
  if (!list.is_seq()) return fail(rules::shape_wrong_type, "/interactions", list, "a list", "interactions is not a list");
  wire_exchange x;
  placed_text scratch;
  const int count = fy_node_sequence_item_count(list.n);
  for (int i = 0; i < count; ++i) {
    const vcr_node it{fy_node_sequence_get_by_index(list.n, i)};
    const std::string ptr = "/interactions/" + std::to_string(i);
    const vcr_node req = it["request"], res = it["response"];
    if (!req.is_map()) return fail(rules::shape_missing_member, ptr + "/request", it, "a request mapping", "the interaction has no request");
    if (!res.is_map()) return fail(rules::shape_missing_member, ptr + "/response", it, "a response mapping", "the interaction has no response");
    const vcr_node method = req["method"], uri = req["uri"];
    if (!method.is_scalar() || !uri.is_scalar())
      return fail(rules::shape_missing_member, ptr + "/request", req, "method and uri", "the request needs a method and a uri");
    x = wire_exchange{};
    x.method = std::string(method.value());
    x.url = std::string(uri.value());
    x.request_at = t.position(uri.offset());
    if (const vcr_node body = req["body"]; body.is_scalar() && !body.is_null()) {
      if (!vcr_scalar(t, body, x.request_body))
        return fail(rules::json_syntax, ptr + "/request/body", body, "base64", "the !!binary request body is not base64");
    }
    x.has_response = true;
    const vcr_node code = res["status"]["code"];
    int c = 0;
    const std::string_view cv = code.value();
    bool number = code.is_scalar() && cv.size() == 3;
    for (char d : cv) number = number && d >= '0' && d <= '9';
    if (number) c = (cv[0] - '0') * 100 + (cv[1] - '0') * 10 + (cv[2] - '0');
    if (!number || c < 100)
      return fail(rules::shape_wrong_type, ptr + "/response/status/code", code ? code : res, "an HTTP status code",
                  "the response has no HTTP status code");
    x.status = c;
    x.status_at = t.position(code.offset());
    if (const vcr_node headers = res["headers"]; headers.is_map()) {
      x.headers_at = t.position(headers.offset());
      void* hit = nullptr;
      while (fy_node_pair* h = fy_node_mapping_iterate(headers.n, &hit)) {
        const std::string name(vcr_node{fy_node_pair_key(h)}.value());
        const vcr_node values{fy_node_pair_value(h)};
        auto add = [&](const vcr_node& v) {
          if (v.is_scalar() && vcr_scalar(t, v, scratch)) x.response_headers.emplace_back(name, scratch.bytes);
        };
        if (values.is_seq()) {
          const int n = fy_node_sequence_item_count(values.n);
          for (int k = 0; k < n; ++k) add(vcr_node{fy_node_sequence_get_by_index(values.n, k)});
        } else {
          add(values);
        }
      }
    }
    const vcr_node body = res["body"];
    const vcr_node string = body.is_map() ? body["string"] : body;
    if (string.is_scalar() && !string.is_null()) {
      if (!vcr_scalar(t, string, x.response_body))
        return fail(rules::json_syntax, ptr + "/response/body/string", string, "base64",
                    "the !!binary response body is not base64");
    } else {
      x.response_body.start = t.position(res.offset());
    }
    emit(std::as_const(x));
  }
  return true;
}

/** True when `head` (the start of a file) reads as a vcrpy cassette. */
inline bool looks_like_vcr(std::string_view head) {
  return head.rfind("interactions:", 0) == 0 || head.find("\ninteractions:") != std::string_view::npos;
}

}  // namespace bedrock_agent::validator

#endif  // BEDROCK_AGENT_TOOLS_VALIDATOR_VCR_HPP_INCLUDED
