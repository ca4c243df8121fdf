// How each kind of benchmark is run, so that every peer is timed the same way: the same input
// bytes, a warm-up call whose result is checked against the library's own reading (a peer that
// reads a different value is not compared), then the timed loop with allocations counted.
#ifndef BEDROCK_AGENT_BENCH_HARNESS_HPP_INCLUDED
#define BEDROCK_AGENT_BENCH_HARNESS_HPP_INCLUDED

#include "bench_common.hpp"

#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/model/shapes.hpp>

#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <utility>

namespace bench {

using bedrock_agent::StopIngestionJobResponse;

/// A parse peer: `bool parse(const simdjson::padded_string&, T&)` for the response type `T`
/// (StopIngestionJobResponse unless told), state (parsers) kept in the object, so it is reused
/// across iterations like the library's parser. A peer that cannot read an input at all says
/// why in `failure_note()`, starting with "n/a: ".
template <class Peer, class T = StopIngestionJobResponse>
void run_parse(benchmark::State& state, const simdjson::padded_string& in) {
  Peer peer;
  T out{};
  if (!peer.parse(in, out)) {
    state.SkipWithError(Peer::failure_note());
    return;
  }
  if (Peer::fills_value && !(out == reference_value<T>(in))) {
    state.SkipWithError("the peer read a different value than the library");
    return;
  }
  allocation_meter meter(state);
  for (auto _ : state) {
    bool ok = peer.parse(in, out);
    benchmark::DoNotOptimize(ok);
    benchmark::ClobberMemory();
  }
  meter.report();
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * in.size()));
}

/// Registers <group>/<input>/<name>: a parse of one input into a `T`.
template <class Peer, class T = StopIngestionJobResponse>
void register_parse_of(const std::string& group, const named_input& in, const std::string& name) {
  auto get = in.get;
  benchmark::RegisterBenchmark((group + "/" + in.name + "/" + name).c_str(),
                               [get](benchmark::State& s) { run_parse<Peer, T>(s, get()); });
}

/// Registers parse/<input>/<name> for the three standard inputs (StopIngestionJobResponse).
template <class Peer>
void register_parse(const std::string& name) {
  for (const named_input& in : inputs) register_parse_of<Peer>("parse", in, name);
}

/// Registers scale/<axis>/<n>/<name> on a generated input.
template <class Peer>
void register_scaling(const std::string& axis, std::size_t n, std::shared_ptr<const simdjson::padded_string> in,
                      const std::string& name) {
  benchmark::RegisterBenchmark(("scale/" + axis + "/" + std::to_string(n) + "/" + name).c_str(),
                               [in](benchmark::State& s) { run_parse<Peer>(s, *in); });
}

/// The scaling inputs, each made once.
inline std::shared_ptr<const simdjson::padded_string> scaling_input(const std::string& axis, std::size_t n) {
  std::string j;
  if (axis == "reasons") j = response_json(true, n, 140);
  else if (axis == "description") j = response_json(true, 2, n);
  else j = response_json(true, 1, 140, 0, n);  // reason_length
  return std::make_shared<const simdjson::padded_string>(j);
}

/// Registers every scaling point for `Peer`; `inputs_cache` shares the bytes between peers.
template <class Peer>
void register_all_scaling(const std::string& name) {
  struct axis_points {
    const char* axis;
    const std::size_t* begin;
    const std::size_t* end;
  };
  static const axis_points axes[] = {
      {"reasons", std::begin(reason_counts), std::end(reason_counts)},
      {"description", std::begin(description_lengths), std::end(description_lengths)},
      {"reason_length", std::begin(reason_lengths), std::end(reason_lengths)},
  };
  for (const auto& a : axes)
    for (const std::size_t* n = a.begin; n != a.end; ++n)
      register_scaling<Peer>(a.axis, *n, scaling_input(a.axis, *n), name);
}

/// A serialize peer: `void write(const T&, std::string& out)` that replaces `out` with the
/// compact JSON (reusing its capacity where the library allows).
template <class Peer, class T = StopIngestionJobResponse>
void run_serialize(benchmark::State& state, const simdjson::padded_string& in) {
  const T value = reference_value<T>(in);
  Peer peer;
  std::string out;
  peer.write(value, out);
  // Every peer must produce JSON that reads back as the same value (client profile: a peer
  // may write an absent optional member as null).
  auto back = bedrock_agent::parse<T>(out, bedrock_agent::parse_options::client());
  if (!back || !(back.value() == value)) {
    state.SkipWithError("the peer wrote JSON that does not read back as the same value");
    return;
  }
  allocation_meter meter(state);
  for (auto _ : state) {
    peer.write(value, out);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  meter.report();
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * out.size()));
}

/// Registers <group>/<input>/<name>: the value read from one input, written back as a `T`.
template <class Peer, class T = StopIngestionJobResponse>
void register_serialize_of(const std::string& group, const named_input& in, const std::string& name) {
  auto get = in.get;
  benchmark::RegisterBenchmark((group + "/" + in.name + "/" + name).c_str(),
                               [get](benchmark::State& s) { run_serialize<Peer, T>(s, get()); });
}

/// Registers serialize/<input>/<name> for the three standard inputs (StopIngestionJobResponse).
template <class Peer>
void register_serialize(const std::string& name) {
  for (const named_input& in : inputs) register_serialize_of<Peer>("serialize", in, name);
}

}  // namespace bench

#endif  // BEDROCK_AGENT_BENCH_HARNESS_HPP_INCLUDED
