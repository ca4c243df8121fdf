// validate_ndjson: one JSON text per line. Each rule from both sides: blank lines, CRLF, a line
// over max_input_bytes, two values on one line, a value cut across lines, invalid UTF-8 on one
// line that leaves the next alone, a last line without a newline; positions relative to the line
// and absolute; stopping early; going on from a position; both overloads agree.

#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/model/shapes.hpp>

#include <doctest/doctest.h>

#include <simdjson.h>

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace bedrock_agent;

const std::string good =
    R"({"ingestionJob":{"knowledgeBaseId":"KB12345678","dataSourceId":"DS12345678",)"
    R"("ingestionJobId":"IJ12345678","status":"STOPPING",)"
    R"("startedAt":"2024-03-14T09:26:53Z","updatedAt":"2024-03-14T09:30:00Z"}})";

/// A line as the callback saw it, with copies of what outlives the call.
struct seen_line {
  std::size_t number, offset;
  std::string text;
  bool valid;
  std::vector<diagnostic> diagnostics;
};

struct run_result {
  ndjson_summary summary;
  std::vector<seen_line> lines;
};

/// A read function over `data` for the stream overloads.
struct string_source {
  std::string_view rest;
  std::size_t calls = 0;
  std::size_t operator()(char* into, std::size_t max) {
    ++calls;
    const std::size_t n = rest.copy(into, max);
    rest.remove_prefix(n);
    return n;
  }
};

/// validate_ndjson_stream over `input` in chunks of `chunk` bytes, `prefix` bytes given first.
run_result run_stream(const std::string& input, const parse_options& options, std::size_t chunk,
                      std::size_t prefix = 0) {
  run_result r;
  simdjson::ondemand::parser parser;
  r.summary = validate_ndjson_stream<StopIngestionJobResponse>(
      parser, string_source{std::string_view(input).substr(prefix)}, options,
      [&r](const ndjson_line& l) {
        CHECK(l.padded.data() == l.text.data());
        CHECK(l.padded.length() == l.text.size());
        CHECK(l.padded.padding() >= simdjson::SIMDJSON_PADDING);
        r.lines.push_back({l.number, l.offset, std::string(l.text), l.report->ok(), l.report->diagnostics()});
      },
      std::string_view(input).substr(0, prefix), chunk);
  return r;
}

/// `got` saw the same lines, reports and counts as `want`.
void check_same_run(const run_result& got, const run_result& want) {
  REQUIRE(got.lines.size() == want.lines.size());
  for (std::size_t i = 0; i < want.lines.size(); ++i) {
    CHECK(got.lines[i].number == want.lines[i].number);
    CHECK(got.lines[i].offset == want.lines[i].offset);
    CHECK(got.lines[i].text == want.lines[i].text);
    CHECK(got.lines[i].valid == want.lines[i].valid);
    REQUIRE(got.lines[i].diagnostics.size() == want.lines[i].diagnostics.size());
    for (std::size_t k = 0; k < want.lines[i].diagnostics.size(); ++k)
      CHECK(to_string(got.lines[i].diagnostics[k]) == to_string(want.lines[i].diagnostics[k]));
  }
  CHECK(got.summary.lines == want.summary.lines);
  CHECK(got.summary.documents == want.summary.documents);
  CHECK(got.summary.invalid == want.summary.invalid);
  CHECK(got.summary.blank == want.summary.blank);
  CHECK(got.summary.end.line == want.summary.end.line);
  CHECK(got.summary.end.offset == want.summary.end.offset);
}

/// Runs both overloads (padded in place, and string_view) and checks they agree, and so does
/// the stream overload with small chunks (lines straddle them).
run_result run(const std::string& input, const parse_options& options = {}, ndjson_position start = {}) {
  run_result a, b;
  auto collect = [](std::vector<seen_line>& out) {
    return [&out](const ndjson_line& l) {
      out.push_back({l.number, l.offset, std::string(l.text), l.report->ok(), l.report->diagnostics()});
    };
  };
  simdjson::ondemand::parser parser;
  const simdjson::padded_string padded(input);
  a.summary = validate_ndjson<StopIngestionJobResponse>(parser, simdjson::padded_string_view(padded), options,
                                                        collect(a.lines), start);
  b.summary = validate_ndjson<StopIngestionJobResponse>(std::string_view(input), options, collect(b.lines), start);
  check_same_run(b, a);
  if (start.line == 0 && start.offset == 0) {  // the stream overload starts at the stream's start
    for (const std::size_t chunk : {std::size_t{7}, std::size_t{64}}) check_same_run(run_stream(input, options, chunk), a);
  }
  return a;
}

bool has_rule(const seen_line& l, rule r) {
  for (const auto& d : l.diagnostics)
    if (d.id == r) return true;
  return false;
}

}  // namespace

TEST_CASE("ndjson: valid lines, with and without a final newline") {
  for (const std::string& input : {good + "\n" + good + "\n", good + "\n" + good}) {
    const run_result r = run(input);
    REQUIRE(r.lines.size() == 2);
    CHECK(r.summary.lines == 2);  // a final newline ends the last line, it does not open one
    CHECK(r.summary.documents == 2);
    CHECK(r.summary.invalid == 0);
    CHECK(r.summary.blank == 0);
    CHECK(r.summary.end.offset == input.size());
    CHECK(r.lines[0].number == 1);
    CHECK(r.lines[0].offset == 0);
    CHECK(r.lines[1].number == 2);
    CHECK(r.lines[1].offset == good.size() + 1);
    CHECK(r.lines[1].text == good);
    CHECK(r.lines[0].valid);
    CHECK(r.lines[1].valid);
  }
  const run_result empty = run("");
  CHECK(empty.summary.lines == 0);
  CHECK(empty.lines.empty());
}

TEST_CASE("ndjson: a last line without a newline is still checked") {
  const run_result r = run(good + "\n" + good.substr(0, good.size() - 1));
  REQUIRE(r.lines.size() == 2);
  CHECK(r.lines[0].valid);
  CHECK_FALSE(r.lines[1].valid);  // the cut document is an error even at the end of the input
  CHECK(r.summary.invalid == 1);
}

TEST_CASE("ndjson: blank lines are skipped and counted, never documents") {
  const run_result r = run("\n" + good + "\n\n \t\r\n" + good + "\n");
  CHECK(r.summary.lines == 5);
  CHECK(r.summary.blank == 3);  // "", "" and " \t" (its "\r\n" is the terminator)
  CHECK(r.summary.documents == 2);
  REQUIRE(r.lines.size() == 2);
  CHECK(r.lines[0].number == 2);
  CHECK(r.lines[0].offset == 1);
  CHECK(r.lines[1].number == 5);
  CHECK(r.lines[1].valid);
  // a line with anything but whitespace is a document, and a bad one
  const run_result bad = run(good + "\n x\n");
  REQUIRE(bad.lines.size() == 2);
  CHECK_FALSE(bad.lines[1].valid);
  CHECK(bad.summary.blank == 0);
}

TEST_CASE("ndjson: CRLF is a terminator, a lone CR is not") {
  const run_result crlf = run(good + "\r\n" + good + "\r\n");
  REQUIRE(crlf.lines.size() == 2);
  CHECK(crlf.lines[0].text == good);  // the '\r' is not part of the line
  CHECK(crlf.lines[1].offset == good.size() + 2);
  CHECK(crlf.lines[0].valid);
  CHECK(crlf.lines[1].valid);
  // "\r" alone does not end a line: two documents on one line
  const run_result cr = run(good + "\r" + good + "\n");
  REQUIRE(cr.lines.size() == 1);
  CHECK_FALSE(cr.lines[0].valid);
  CHECK(has_rule(cr.lines[0], rules::json_trailing_content));
}

TEST_CASE("ndjson: two values on one line are trailing content, at the second") {
  const run_result r = run(good + " " + good + "\n" + good + "\n");
  REQUIRE(r.lines.size() == 2);
  CHECK_FALSE(r.lines[0].valid);
  REQUIRE(r.lines[0].diagnostics.size() == 1);
  CHECK(r.lines[0].diagnostics[0].id == rules::json_trailing_content);
  CHECK(r.lines[0].diagnostics[0].offset == good.size() + 1);  // relative to the line
  CHECK(r.lines[1].valid);
  // whitespace around one value is fine
  const run_result ws = run("  " + good + " \t\n");
  REQUIRE(ws.lines.size() == 1);
  CHECK(ws.lines[0].valid);
}

TEST_CASE("ndjson: a value cut across lines makes both lines invalid") {
  const std::size_t cut = good.find("\"status\"");
  const std::string input = good + "\n" + good.substr(0, cut) + "\n" + good.substr(cut) + "\n" + good + "\n";
  const run_result r = run(input);
  REQUIRE(r.lines.size() == 4);
  CHECK(r.lines[0].valid);
  CHECK_FALSE(r.lines[1].valid);
  CHECK_FALSE(r.lines[2].valid);
  CHECK(r.lines[3].valid);
  CHECK(r.summary.invalid == 2);
}

TEST_CASE("ndjson: invalid UTF-8 on one line does not affect the next") {
  std::string bad = good;
  bad.replace(bad.find("STOPPING"), 1, "\xC3\x28");  // a lead byte and no continuation
  const run_result r = run(good + "\n" + bad + "\n" + good + "\n");
  REQUIRE(r.lines.size() == 3);
  CHECK(r.lines[0].valid);
  CHECK_FALSE(r.lines[1].valid);
  REQUIRE(!r.lines[1].diagnostics.empty());
  CHECK(r.lines[1].diagnostics[0].id == rules::json_invalid_utf8);
  CHECK(r.lines[1].diagnostics[0].offset == good.find("STOPPING"));  // relative to its line
  CHECK(r.lines[1].diagnostics[0].line == 1);
  CHECK(r.lines[2].valid);
}

TEST_CASE("ndjson: each line is bounded by max_input_bytes, the others still checked") {
  parse_options o;
  o.max_input_bytes = good.size();
  const std::string longer = " " + good;  // one byte over the limit, still valid JSON
  const run_result r = run(good + "\n" + longer + "\n" + good + "\n", o);
  REQUIRE(r.lines.size() == 3);
  CHECK(r.lines[0].valid);  // exactly at the limit
  CHECK_FALSE(r.lines[1].valid);
  REQUIRE(r.lines[1].diagnostics.size() == 1);
  CHECK(r.lines[1].diagnostics[0].id == rules::limit_input_size);
  CHECK(r.lines[2].valid);
}

TEST_CASE("ndjson: diagnostics are relative to their line, line.offset makes them absolute") {
  std::string bad = good;
  const std::size_t at = bad.find("STOPPING");
  bad.replace(at, 8, "Stopping");
  const run_result r = run(good + "\n" + bad + "\n");
  REQUIRE(r.lines.size() == 2);
  REQUIRE(r.lines[1].diagnostics.size() == 1);
  const diagnostic& d = r.lines[1].diagnostics[0];
  CHECK(d.id == rules::constraint_enum);
  CHECK(d.pointer == "/ingestionJob/status");
  CHECK(d.offset == at - 1);  // the opening quote
  CHECK(d.line == 1);
  CHECK(d.column == at);
  CHECK(r.lines[1].offset + d.offset == good.size() + 1 + at - 1);
}

TEST_CASE("ndjson: the callback can stop the walk, a position carries a stream across calls") {
  simdjson::ondemand::parser parser;
  const std::string input = good + "\n" + good + "\n" + good + "\n";
  const simdjson::padded_string padded(input);
  std::size_t calls = 0;
  const ndjson_summary s = validate_ndjson<StopIngestionJobResponse>(
      parser, simdjson::padded_string_view(padded), parse_options{}, [&](const ndjson_line&) { return ++calls < 2; });
  CHECK(calls == 2);
  CHECK(s.stopped);
  CHECK(s.documents == 2);
  CHECK(s.end.line == 2);
  CHECK(s.end.offset == 2 * (good.size() + 1));
  // the rest, as a second piece of the same stream
  const run_result rest = run(input.substr(s.end.offset), {}, s.end);
  REQUIRE(rest.lines.size() == 1);
  CHECK(rest.lines[0].number == 3);
  CHECK(rest.lines[0].offset == 2 * (good.size() + 1));
  CHECK(rest.summary.end.offset == input.size());
  CHECK_FALSE(rest.summary.stopped);
}

TEST_CASE("ndjson: the client profile applies per line") {
  std::string unknown = good;
  unknown.insert(unknown.size() - 2, R"(,"extra":[1,{"a":null}])");
  const run_result contract = run(unknown + "\n");
  REQUIRE(contract.lines.size() == 1);
  CHECK_FALSE(contract.lines[0].valid);
  CHECK(has_rule(contract.lines[0], rules::shape_unknown_member));
  const run_result client = run(unknown + "\n", parse_options::client());
  REQUIRE(client.lines.size() == 1);
  CHECK(client.lines[0].valid);
}

TEST_CASE("ndjson: each line's report is what validate() reports for that line alone") {
  // The value is reused across lines without being reset (validate_ndjson never looks at it):
  // lines with more, fewer or no optional members and list items, valid or not, in both
  // profiles, must be reported exactly as validate() reports each on its own.
  auto with = [](const std::string& members) {
    std::string s = good;
    s.insert(s.size() - 2, members);
    return s;
  };
  const std::vector<std::string> lines = {
      with(R"(,"failureReasons":["a","b","c"],"description":"d","statistics":{"numberOfDocumentsScanned":3})"),
      good,
      with(R"(,"failureReasons":["only one"])"),
      with(R"(,"failureReasons":[])"),
      with(R"(,"failureReasons":["x",1,"y"],"statistics":{"numberOfDocumentsScanned":-1})"),
      with(R"(,"description":null,"failureReasons":null)"),
      with(R"(,"status":"STOPPED")"),
      with(R"(,"failureReasons":["a","b","c","d"],"extra":{"k":[true]})"),
      good,
  };
  std::string input;
  for (const auto& l : lines) input += l + "\n";
  for (const parse_options& o : {parse_options::contract(), parse_options::client()}) {
    const run_result r = run(input, o);
    REQUIRE(r.lines.size() == lines.size());
    std::size_t invalid = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      CAPTURE(i);
      const auto alone = validate<StopIngestionJobResponse>(lines[i], o);
      invalid += !alone.ok();
      CHECK(r.lines[i].valid == alone.ok());
      REQUIRE(r.lines[i].diagnostics.size() == alone.diagnostics().size());
      for (std::size_t k = 0; k < alone.diagnostics().size(); ++k)
        CHECK(to_string(r.lines[i].diagnostics[k]) == to_string(alone.diagnostics()[k]));
    }
    CHECK(r.summary.invalid == invalid);
    CHECK(invalid > 0);  // the set has both sides
    CHECK(invalid < lines.size());
  }
}

TEST_CASE("ndjson: a \r at the very end of the input is part of the terminator") {
  const run_result r = run(good + "\n" + good + "\r");
  REQUIRE(r.lines.size() == 2);
  CHECK(r.lines[1].text == good);
  CHECK(r.summary.end.offset == 2 * good.size() + 2);
  const run_result lone = run(good + "\n\r");  // a last line of only "\r" is blank
  CHECK(lone.summary.blank == 1);
  CHECK(lone.summary.documents == 1);
}

namespace {
/// The lines for_each_ndjson_line_in_stream yields: number, offset and text.
struct stream_lines {
  std::vector<std::string> texts;
  std::vector<std::size_t> numbers, offsets;
  std::size_t max_capacity = 0;  ///< the largest padded capacity seen: the buffer's size
  bool padded = true;
  ndjson_summary summary;
};

stream_lines read_stream(std::string_view data, std::size_t prefix, std::size_t chunk) {
  stream_lines r;
  r.summary = for_each_ndjson_line_in_stream(
      string_source{data.substr(prefix)},
      [&r](const ndjson_line& l) {
        CHECK(l.report == nullptr);
        r.texts.emplace_back(l.text);
        r.numbers.push_back(l.number);
        r.offsets.push_back(l.offset);
        r.padded = r.padded && l.padded.data() == l.text.data() && l.padded.length() == l.text.size() &&
                   l.padded.padding() >= simdjson::SIMDJSON_PADDING;
        if (l.padded.capacity() > r.max_capacity) r.max_capacity = l.padded.capacity();
      },
      data.substr(0, prefix), chunk);
  return r;
}
}  // namespace

TEST_CASE("ndjson: a stream yields the lines of the whole input at every chunk size and prefix") {
  const std::string data =
      "{\"a\":1}\r\n\n  \n{\"b\":2}\n\r\n" + std::string(300, 'x') + "\n\r" + "\nlast\r";
  stream_lines want;
  want.summary = for_each_ndjson_line(simdjson::padded_string_view(data.data(), data.size(), data.size()),
                                      [&want](const ndjson_line& l) {
                                        want.texts.emplace_back(l.text);
                                        want.numbers.push_back(l.number);
                                        want.offsets.push_back(l.offset);
                                      });
  REQUIRE(want.texts == std::vector<std::string>{"{\"a\":1}", "{\"b\":2}", std::string(300, 'x'), "last"});
  CHECK(want.numbers == std::vector<std::size_t>{1, 4, 6, 8});
  CHECK(want.summary.lines == 8);
  CHECK(want.summary.blank == 4);
  CHECK(want.summary.end.offset == data.size());
  for (const std::size_t chunk : {1, 2, 3, 7, 64, 65536}) {
    for (const std::size_t prefix : {std::size_t{0}, std::size_t{5}, data.size() / 2, data.size()}) {
      CAPTURE(chunk);
      CAPTURE(prefix);
      const stream_lines got = read_stream(data, prefix, chunk);
      CHECK(got.texts == want.texts);
      CHECK(got.numbers == want.numbers);
      CHECK(got.offsets == want.offsets);
      CHECK(got.padded);
      CHECK(got.summary.lines == want.summary.lines);
      CHECK(got.summary.blank == want.summary.blank);
      CHECK(got.summary.documents == want.summary.documents);
      CHECK(got.summary.end.line == want.summary.end.line);
      CHECK(got.summary.end.offset == want.summary.end.offset);
    }
  }
  CHECK(read_stream("", 0, 16).summary.lines == 0);
  CHECK(read_stream("\n", 0, 16).summary.blank == 1);
}

TEST_CASE("ndjson: a stream's buffer grows with the longest line, not with the input") {
  std::string many;
  for (int i = 0; i < 20000; ++i) many += good + "\n";
  const stream_lines small = read_stream(many, 0, 4096);
  CHECK(small.texts.size() == 20000);
  CHECK(small.padded);
  CHECK(small.max_capacity <= 4096 + simdjson::SIMDJSON_PADDING);  // one chunk for 4 MiB of input

  const std::string long_line = "{\"d\":\"" + std::string(1 << 20, 'y') + "\"}";
  const stream_lines big = read_stream(good + "\n" + long_line + "\n" + good, 0, 4096);
  REQUIRE(big.texts.size() == 3);
  CHECK(big.texts[1] == long_line);
  CHECK(big.padded);
  CHECK(big.max_capacity >= long_line.size());
  CHECK(big.max_capacity <= 4 * (long_line.size() + 4096));
}

TEST_CASE("ndjson: a stream stops when the callback says so, and reads no further") {
  std::string input;
  for (int i = 0; i < 100; ++i) input += good + "\n";
  string_source source{input};
  std::size_t calls = 0;
  simdjson::ondemand::parser parser;
  const ndjson_summary s = validate_ndjson_stream<StopIngestionJobResponse>(
      parser, std::ref(source), parse_options{}, [&](const ndjson_line&) { return ++calls < 3; }, {}, 1024);
  CHECK(calls == 3);
  CHECK(s.stopped);
  CHECK(s.documents == 3);
  CHECK(s.end.line == 3);
  CHECK(s.end.offset == 3 * (good.size() + 1));
  CHECK(source.calls == 1);  // three lines fit in the first chunk
}
