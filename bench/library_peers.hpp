// The library and the On-Demand floor as parse and serialize peers (bench/harness.hpp), for any
// response type: used by parse_bench.cpp (StopIngestionJob) and operations_bench.cpp
// (GetIngestionJob, ListIngestionJobs).
#ifndef BEDROCK_AGENT_BENCH_LIBRARY_PEERS_HPP_INCLUDED
#define BEDROCK_AGENT_BENCH_LIBRARY_PEERS_HPP_INCLUDED

#include "bench_common.hpp"
#include "floors.hpp"

#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/model/shapes.hpp>

#include <simdjson.h>

#include <string>

namespace bench::peers {

using bedrock_agent::StopIngestionJobResponse;

// ---- the library ------------------------------------------------------------------------------

template <bool Client, class T = StopIngestionJobResponse>
struct ours_parse_into {
  static constexpr bool fills_value = true;
  static const char* failure_note() { return "the library rejected the input"; }
  simdjson::ondemand::parser parser;
  bool parse(const simdjson::padded_string& in, T& out) {
    using bedrock_agent::parse_options;
    static const parse_options opt = Client ? parse_options::client() : parse_options::contract();
    return bedrock_agent::parse_into(parser, bench::view(in), out, opt).ok();
  }
};

/// validate<T>(): every diagnostic collected; the value (read, then dropped here).
template <class T = StopIngestionJobResponse>
struct ours_validate {
  static constexpr bool fills_value = false;
  static const char* failure_note() { return "the library rejected the input"; }
  simdjson::ondemand::parser parser;
  bool parse(const simdjson::padded_string& in, T&) {
    return bedrock_agent::validate<T>(parser, bench::view(in)).ok();
  }
};

// ---- the floors -------------------------------------------------------------------------------

/// {"ingestionJob": ...}: StopIngestionJobResponse, GetIngestionJobResponse.
template <class T = StopIngestionJobResponse>
struct floor_ondemand {
  static constexpr bool fills_value = true;
  static const char* failure_note() { return "the floor could not read the input"; }
  simdjson::ondemand::parser parser;
  bool parse(const simdjson::padded_string& in, T& out) {
    return bench::floor::read_response(parser, bench::view(in), out);
  }
};

struct floor_ondemand_list {
  static constexpr bool fills_value = true;
  static const char* failure_note() { return "the floor could not read the input"; }
  simdjson::ondemand::parser parser;
  bool parse(const simdjson::padded_string& in, bedrock_agent::ListIngestionJobsResponse& out) {
    return bench::floor::read_list(parser, bench::view(in), out);
  }
};

// ---- serialize --------------------------------------------------------------------------------

template <class T = StopIngestionJobResponse>
struct ours_serialize {
  void write(const T& v, std::string& out) {
    out.clear();
    bedrock_agent::append_json(out, v);
  }
};

}  // namespace bench::peers

#endif  // BEDROCK_AGENT_BENCH_LIBRARY_PEERS_HPP_INCLUDED
