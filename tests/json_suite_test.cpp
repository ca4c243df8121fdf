// The codec against JSONTestSuite (tests/data/JSONTestSuite, MIT, see its LICENSE and SOURCE)
// and against a plain RFC 8259 recognizer on mutated documents. The point is the values the
// reader does not keep: On-Demand skips them lightly, so every n_ file is also spliced in as
// the value of an unknown member, where only the codec's own checks can catch it.

#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/model/shapes.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace bedrock_agent;
namespace fs = std::filesystem;

// ---- an independent oracle ---------------------------------------------------------------

/// A deliberately plain RFC 8259 recognizer (recursive descent over bytes) that also rejects
/// what the codec's policy rejects everywhere: bytes that are not UTF-8 (RFC 3629), \u
/// escapes of unpaired surrogates, and nesting deeper than max_depth (the root is depth 1).
class reference_json {
 public:
  static bool accepts(std::string_view s, std::size_t max_depth = 64) {
    reference_json r{s, max_depth};
    return r.value(0) && (r.ws(), r.i_ == s.size());
  }

 private:
  reference_json(std::string_view s, std::size_t max_depth) : s_(s), max_depth_(max_depth) {}
  std::string_view s_;
  std::size_t max_depth_;
  std::size_t i_ = 0;

  void ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }
  bool eat(std::string_view w) {
    if (s_.substr(i_, w.size()) != w) return false;
    i_ += w.size();
    return true;
  }
  bool digit() const { return i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9'; }
  bool digits() {
    if (!digit()) return false;
    while (digit()) ++i_;
    return true;
  }
  bool number() {
    eat("-");
    if (!digit()) return false;
    if (!eat("0")) digits();
    if (eat(".") && !digits()) return false;
    if (eat("e") || eat("E")) {
      if (!eat("+")) eat("-");
      if (!digits()) return false;
    }
    return true;
  }
  bool hex4(unsigned& v) {
    if (i_ + 4 > s_.size()) return false;
    v = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = s_[i_ + k];
      const unsigned h = c >= '0' && c <= '9'   ? unsigned(c - '0')
                         : c >= 'a' && c <= 'f' ? unsigned(c - 'a' + 10)
                         : c >= 'A' && c <= 'F' ? unsigned(c - 'A' + 10)
                                                : 16u;
      if (h > 15) return false;
      v = v * 16 + h;
    }
    i_ += 4;
    return true;
  }
  // One multi-byte UTF-8 character (RFC 3629 table 3-7 of Unicode).
  bool utf8() {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s_[i_ + k]); };
    const unsigned char c = b(0);
    std::size_t n = 0;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c == 0xE0) n = 3, lo = 0xA0;
    else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) n = 3;
    else if (c == 0xED) n = 3, hi = 0x9F;
    else if (c == 0xF0) n = 4, lo = 0x90;
    else if (c >= 0xF1 && c <= 0xF3) n = 4;
    else if (c == 0xF4) n = 4, hi = 0x8F;
    else return false;
    if (i_ + n > s_.size() || b(1) < lo || b(1) > hi) return false;
    for (std::size_t k = 2; k < n; ++k)
      if (b(k) < 0x80 || b(k) > 0xBF) return false;
    i_ += n;
    return true;
  }
  bool string() {
    if (!eat("\"")) return false;
    for (;;) {
      if (i_ >= s_.size()) return false;
      const auto c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') return ++i_, true;
      if (c < 0x20) return false;
      if (c >= 0x80) {
        if (!utf8()) return false;
        continue;
      }
      ++i_;
      if (c != '\\') continue;
      if (i_ >= s_.size()) return false;
      const char e = s_[i_++];
      if (std::string_view("\"\\/bfnrt").find(e) != std::string_view::npos) continue;
      unsigned u = 0, low = 0;
      if (e != 'u' || !hex4(u)) return false;
      if (u >= 0xDC00 && u <= 0xDFFF) return false;
      if (u >= 0xD800 && u <= 0xDBFF && !(eat("\\u") && hex4(low) && low >= 0xDC00 && low <= 0xDFFF)) return false;
    }
  }
  bool value(std::size_t depth) {
    ws();
    if (i_ >= s_.size()) return false;
    const char c = s_[i_];
    if (c == '{' || c == '[') {
      if (depth + 1 > max_depth_) return false;
      ++i_;
      ws();
      if (eat(c == '{' ? "}" : "]")) return true;
      for (;;) {
        if (c == '{') {
          ws();
          if (!string()) return false;
          ws();
          if (!eat(":")) return false;
        }
        if (!value(depth + 1)) return false;
        ws();
        if (eat(c == '{' ? "}" : "]")) return true;
        if (!eat(",")) return false;
      }
    }
    if (c == '"') return string();
    if (c == 't') return eat("true");
    if (c == 'f') return eat("false");
    if (c == 'n') return eat("null");
    return number();
  }
};

// ---- helpers -----------------------------------------------------------------------------

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

fs::path suite_dir() { return fs::path(BEDROCK_AGENT_TEST_DATA_DIR) / "JSONTestSuite" / "test_parsing"; }

/// The suite's files whose name starts with `prefix`, sorted.
std::vector<fs::path> suite_files(std::string_view prefix) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(suite_dir())) {
    const std::string name = e.path().filename().string();
    if (name.compare(0, prefix.size(), prefix) == 0 && e.path().extension() == ".json") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// A complete, valid IngestionJob's members, without braces.
const std::string job_members =
    R"("knowledgeBaseId":"KB12345678","dataSourceId":"DS12345678","ingestionJobId":"IJ12345678",)"
    R"("status":"STOPPED","startedAt":"2024-01-01T00:00:00Z","updatedAt":"2024-01-01T00:00:01Z")";

/// `value` as an unknown member "x" after the job's members.
std::string splice_last(std::string_view value) {
  return R"({"ingestionJob":{)" + job_members + R"(,"x":)" + std::string(value) + "}}";
}
/// `value` as an unknown member "x" before the job's members.
std::string splice_first(std::string_view value) {
  return R"({"ingestionJob":{"x":)" + std::string(value) + "," + job_members + "}}";
}

/// A fatal JSON-syntax-class error: a rule whose source is JSON syntax, or limit.depth.
/** Whether `r` has a fatal JSON syntax (or depth) error; `duplicates` false leaves
 *  json.duplicate-member out. */
bool has_syntax_error(const result<void>& r, bool duplicates = true) {
  return std::any_of(r.diagnostics().begin(), r.diagnostics().end(), [duplicates](const diagnostic& d) {
    if (!duplicates && d.id == rules::json_duplicate_member) return false;
    return d.level == severity::error && rule_info(d.id).fatal &&
           (rule_info(d.id).source == rule_source::json_syntax || d.id == rules::limit_depth);
  });
}
bool has_syntax_diagnostic(const result<void>& r) {
  return std::any_of(r.diagnostics().begin(), r.diagnostics().end(), [](const diagnostic& d) {
    return rule_info(d.id).source == rule_source::json_syntax || d.id == rules::limit_depth;
  });
}

std::string listing(const result<void>& r) {
  std::string s;
  for (const auto& d : r.diagnostics()) s += "\n  " + to_string(d);
  return s;
}

/// A rich valid document for mutation: every member, escapes, an unknown member holding every
/// kind of JSON value.
const std::string rich_response =
    R"({"ingestionJob":{"knowledgeBaseId":"KB12345678","dataSourceId":"DS12345678",)"
    R"("ingestionJobId":"IJ12345678","description":"d\u00e9j\u00E0 \"vu\" \\ \/ \b\f\n\r\t \ud83d\ude00 )"
    "\xF0\x9F\x98\x80"
    R"(","status":"FAILED","statistics":{"numberOfDocumentsScanned":10,"numberOfDocumentsFailed":0},)"
    R"("failureReasons":["a","b\u0041"],"startedAt":"2024-01-01T00:00:00Z",)"
    R"("updatedAt":"2024-01-01T00:00:01.5+01:00","x":[1,-2.5e+3,0.1E-2,true,false,null,{"k":[{}],"":"v"},[],""]}})";
const std::string rich_validation_exception =
    "{ \"message\" : \"m\" ,\n \"fieldList\" : [ { \"name\" : \"n\" , \"message\" : \"q\" } ,\r\n"
    "\t{\"name\":\"a\",\"message\":\"b\"} ] , \"y\" : { \"z\" : [ -0 , 1e5 , [ [ ] ] ] } }";

}  // namespace

// ---- the suite ---------------------------------------------------------------------------

TEST_CASE("json suite: the test files are there") {
  CHECK(fs::exists(fs::path(BEDROCK_AGENT_TEST_DATA_DIR) / "JSONTestSuite" / "LICENSE"));
  CHECK(suite_files("n_").size() == 188);
  CHECK(suite_files("y_").size() == 95);
  CHECK(suite_files("i_").size() == 35);
}

TEST_CASE("json suite: every n_ file is rejected as a whole document") {
  for (const auto& path : suite_files("n_")) {
    const std::string name = path.filename().string();
    const std::string text = slurp(path);
    for (const auto& options : {parse_options::contract(), parse_options::client()}) {
      const auto report = validate<StopIngestionJobResponse>(text, options);
      CHECK_MESSAGE(has_syntax_error(report), name, listing(report));
      CHECK_MESSAGE(!parse<StopIngestionJobResponse>(text, options).ok(), name);
    }
  }
}

TEST_CASE("json suite: every n_ file is rejected as the value of an unknown member") {
  for (const auto& path : suite_files("n_")) {
    const std::string name = path.filename().string();
    const std::string text = slurp(path);
    for (const std::string& doc : {splice_last(text), splice_first(text)}) {
      for (const auto& options : {parse_options::client(), parse_options::contract()}) {
        const auto report = validate<StopIngestionJobResponse>(doc, options);
        CHECK_MESSAGE(has_syntax_error(report), name, listing(report));
        CHECK_MESSAGE(!parse<StopIngestionJobResponse>(doc, options).ok(), name);
      }
    }
  }
}

TEST_CASE("json suite: no y_ file yields a JSON syntax diagnostic as the value of an unknown member") {
  for (const auto& path : suite_files("y_")) {
    const std::string name = path.filename().string();
    const std::string text = slurp(path);
    for (const std::string& doc : {splice_last(text), splice_first(text)}) {
      // client profile: the unknown member is ignored, so the document is simply valid
      const auto report = validate<StopIngestionJobResponse>(doc, parse_options::client());
      CHECK_MESSAGE(!has_syntax_diagnostic(report), name, listing(report));
      CHECK_MESSAGE(report.diagnostics().empty(), name, listing(report));
      CHECK_MESSAGE(parse<StopIngestionJobResponse>(doc, parse_options::client()).ok(), name);
      // contract profile: exactly one finding, the unknown member itself
      const auto strict = validate<StopIngestionJobResponse>(doc);
      REQUIRE_MESSAGE(strict.diagnostics().size() == 1, name, listing(strict));
      CHECK_MESSAGE(strict.diagnostics()[0].id == rules::shape_unknown_member, name);
      CHECK_MESSAGE(strict.diagnostics()[0].pointer == "/ingestionJob/x", name);
    }
  }
}

TEST_CASE("json suite: a y_ file as a whole document is either not an object or free of syntax findings") {
  for (const auto& path : suite_files("y_")) {
    const std::string name = path.filename().string();
    const std::string text = slurp(path);
    const auto report = validate<ValidationException>(text, parse_options::client());
    const std::size_t root = text.find_first_not_of(" \t\r\n");
    if (text[root] == '{') {
      CHECK_MESSAGE(!has_syntax_diagnostic(report), name, listing(report));
    } else {
      REQUIRE_MESSAGE(report.diagnostics().size() == 1, name, listing(report));
      CHECK_MESSAGE(report.diagnostics()[0].id == rules::json_root_not_object, name);
    }
  }
}

TEST_CASE("json suite: i_ files get the documented verdict") {
  // Numbers of any size are grammatical JSON: accepted where they are skipped (a PrimitiveLong
  // would reject them as long.out-of-range). Everything else in i_ is rejected: strings that
  // are not UTF-8, escaped unpaired surrogates, a byte order mark, 500 levels of nesting.
  for (const auto& path : suite_files("i_")) {
    const std::string name = path.filename().string();
    const std::string text = slurp(path);
    const auto report = validate<StopIngestionJobResponse>(splice_last(text), parse_options::client());
    if (name.compare(0, 9, "i_number_") == 0) {
      CHECK_MESSAGE(report.diagnostics().empty(), name, listing(report));
    } else {
      CHECK_MESSAGE(has_syntax_error(report), name, listing(report));
    }
  }
}

// ---- beyond the suite ----------------------------------------------------------------------

TEST_CASE("json suite: the recognizer used as oracle agrees with the suite") {
  for (const auto& path : suite_files("n_"))
    CHECK_MESSAGE(!reference_json::accepts(slurp(path)), path.filename().string());
  for (const auto& path : suite_files("y_"))
    CHECK_MESSAGE(reference_json::accepts(slurp(path)), path.filename().string());
  CHECK(reference_json::accepts(rich_response));
  CHECK(reference_json::accepts(rich_validation_exception));
}

TEST_CASE("json suite: every proper prefix of a valid document is rejected as JSON") {
  for (const std::string& doc : {rich_response, rich_validation_exception}) {
    REQUIRE(reference_json::accepts(doc));
    for (std::size_t n = 0; n < doc.size(); ++n) {
      const std::string_view prefix(doc.data(), n);
      const auto report = validate<ValidationException>(prefix, parse_options::client());
      CHECK_MESSAGE(has_syntax_error(report), "prefix of length ", n, listing(report));
    }
  }
}

TEST_CASE("json suite: mutated documents are rejected exactly when a strict recognizer rejects them") {
  // Random edits from an alphabet of JSON's own characters and classic mistakes. Expected: the
  // codec reports a JSON-syntax-class error exactly when the oracle rejects the text or the root
  // is not an object (json.duplicate-member, which the oracle does not know, is left out), in
  // both profiles, and parse() never returns a value for a text that is not JSON. The same text
  // with junk in the caller's padding must give the same diagnostics.
  static const char* const pieces[] = {
      "{", "}", "[", "]", ",", ":", "\"", "\\", "0", "1", "-", "+", ".", "e", "E", "t", "f", "n", "u", "a",
      " ", "\t", "\n", "\f", std::string_view("\0", 1).data(), "\x01", "\x7f", "\xc3", "\xa9", "\xff",
      "\xed\xa0\x80", "\\u", "\\ud800", "true", "null", "\"\"", "[]", "{}", ",\"a\":1", "\\uDC00", "//", "/*",
      "x", "0x1", "1.", "01", "-0", ".5", "\xef\xbb\xbf"};
  const std::string docs[] = {rich_response, rich_validation_exception};
  std::mt19937_64 rng(20240314);
  const auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  simdjson::ondemand::parser own_parser;
  std::size_t rejected = 0, mismatches = 0;
  constexpr int rounds = 3000;
  for (int round = 0; round < rounds; ++round) {
    std::string doc = docs[pick(2)];
    for (std::size_t edits = 1 + pick(4); edits > 0; --edits) {
      const std::size_t pos = pick(doc.size() + 1);
      const std::string_view piece = pieces[pick(std::size(pieces))];
      const std::string bit = piece.empty() ? std::string(1, '\0') : std::string(piece);
      switch (pick(4)) {
        case 0: doc.insert(pos, bit); break;
        case 1: if (pos < doc.size()) doc.erase(pos, 1 + pick(3)); break;
        case 2: if (pos < doc.size()) doc.replace(pos, 1, bit); break;
        default: doc.insert(pos, doc.substr(pick(doc.size()), pick(12))); break;
      }
    }
    const std::size_t root = doc.find_first_not_of(" \t\r\n");
    const bool json_object = reference_json::accepts(doc) && root != std::string::npos && doc[root] == '{';
    rejected += !json_object;
    for (const auto& options : {parse_options::contract(), parse_options::client()}) {
      const auto a = validate<StopIngestionJobResponse>(doc, options);
      const auto b = validate<ValidationException>(doc, options);
      const bool ok = has_syntax_error(a, false) == !json_object && has_syntax_error(b, false) == !json_object &&
                      (json_object || !parse<StopIngestionJobResponse>(doc, options).ok());
      // the caller's padding may hold anything: here JSON's own delimiters
      std::string padded = doc;
      for (std::size_t k = 0; k < simdjson::SIMDJSON_PADDING; ++k) padded += "}],\"{[:x"[pick(8)];
      const auto c = validate<StopIngestionJobResponse>(
          own_parser, simdjson::padded_string_view(padded.data(), doc.size(), padded.size()), options);
      bool same = c.diagnostics().size() == a.diagnostics().size();
      for (std::size_t k = 0; same && k < c.diagnostics().size(); ++k)
        same = c.diagnostics()[k].id == a.diagnostics()[k].id && c.diagnostics()[k].offset == a.diagnostics()[k].offset;
      if (!ok || !same) ++mismatches;
      CHECK_MESSAGE(ok, "oracle says ", json_object ? "JSON object" : "not a JSON object", " for ",
                    detail::excerpt(doc, 2000), listing(a), listing(b));
      CHECK_MESSAGE(same, "padding changed the diagnostics of ", detail::excerpt(doc, 2000), listing(a),
                    listing(c));
    }
  }
  CHECK(mismatches == 0);
  CHECK(rejected > rounds / 2);  // the mutations do produce invalid text, and not only that
  CHECK(rejected < rounds);
}
