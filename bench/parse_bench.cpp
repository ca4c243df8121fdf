// The library's parse and serialize of StopIngestionJob's three inputs against the simdjson
// floors (On-Demand extraction with no validation, simdjson DOM). Built into both binaries: with the documented -march flags and
// without them (the fallback kernel), so the kernel's effect on the library can be reported.

#include "bench_common.hpp"
#include "floors.hpp"
#include "harness.hpp"
#include "library_peers.hpp"

#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/model/shapes.hpp>

#include <simdjson.h>

#include <string>
#include <string_view>

namespace {

using namespace bedrock_agent;
using bench::floor::put;
using namespace bench::peers;

// ---- the library ------------------------------------------------------------------------------

/// parse<T>(): a fresh value and a result<T> each time (what a one-shot caller does).
struct ours_parse_new {
  static constexpr bool fills_value = true;
  static const char* failure_note() { return "the library rejected the input"; }
  simdjson::ondemand::parser parser;
  bool parse(const simdjson::padded_string& in, StopIngestionJobResponse& out) {
    auto r = bedrock_agent::parse<StopIngestionJobResponse>(parser, bench::view(in));
    if (!r) return false;
    out = std::move(r).value();
    return true;
  }
};

/// parse_into(string_view): the input is copied into the per-thread padded buffer first.
struct ours_parse_into_unpadded {
  static constexpr bool fills_value = true;
  static const char* failure_note() { return "the library rejected the input"; }
  bool parse(const simdjson::padded_string& in, StopIngestionJobResponse& out) {
    return parse_into(bench::text(in), out).ok();
  }
};

// ---- the floors -------------------------------------------------------------------------------

/// simdjson DOM (the shared library's runtime-dispatched kernel): parse the tape, then look
/// each member up by name, as a DOM user writes it.
struct simdjson_dom {
  static constexpr bool fills_value = true;
  static const char* failure_note() { return "simdjson DOM could not read the input"; }
  simdjson::dom::parser parser;

  template <class S>
  static bool str(simdjson::dom::object& o, std::string_view key, S& target) {
    std::string_view s;
    if (o[key].get_string().get(s)) return false;
    put(target, s);
    return true;
  }
  static bool ts(simdjson::dom::object& o, std::string_view key, timestamp& target) {
    std::string_view s;
    if (o[key].get_string().get(s)) return false;
    const auto t = parse_timestamp(s);
    if (!t) return false;
    target = *t;
    return true;
  }

  bool parse(const simdjson::padded_string& in, StopIngestionJobResponse& out) {
    simdjson::dom::element doc;
    if (parser.parse(in.data(), in.size(), false).get(doc)) return false;
    simdjson::dom::object job;
    if (doc["ingestionJob"].get_object().get(job)) return false;
    IngestionJob& j = out.ingestionJob;
    if (!str(job, "knowledgeBaseId", j.knowledgeBaseId) || !str(job, "dataSourceId", j.dataSourceId) ||
        !str(job, "ingestionJobId", j.ingestionJobId))
      return false;
    {
      auto d = job["description"];
      if (d.error() == simdjson::NO_SUCH_FIELD) {
        j.description.reset();
      } else {
        std::string_view s;
        if (d.get_string().get(s)) return false;
        if (!j.description) j.description.emplace();
        put(*j.description, s);
      }
    }
    {
      std::string_view s;
      if (job["status"].get_string().get(s)) return false;
      const auto e = enum_from_string<IngestionJobStatus>(s);
      if (!e) return false;
      j.status = *e;
    }
    {
      auto st = job["statistics"];
      if (st.error() == simdjson::NO_SUCH_FIELD) {
        j.statistics.reset();
      } else {
        simdjson::dom::object so;
        if (st.get_object().get(so)) return false;
        if (!j.statistics) j.statistics.emplace();
        boost::mp11::mp_for_each<boost::describe::describe_members<IngestionJobStatistics,
                                                                   boost::describe::mod_public>>([&](auto d) {
          std::int64_t v = 0;
          if (so[d.name].get_int64().get(v)) v = 0;  // a missing counter is 0
          (*j.statistics).*d.pointer = v;
        });
      }
    }
    {
      auto fr = job["failureReasons"];
      if (fr.error() == simdjson::NO_SUCH_FIELD) {
        j.failureReasons.reset();
      } else {
        simdjson::dom::array a;
        if (fr.get_array().get(a)) return false;
        if (!j.failureReasons) j.failureReasons.emplace();
        auto& list = *j.failureReasons;
        std::size_t n = 0;
        for (simdjson::dom::element item : a) {
          std::string_view s;
          if (item.get_string().get(s)) return false;
          if (n == list.size()) list.emplace_back();
          put(list[n++], s);
        }
        list.resize(n);
      }
    }
    return ts(job, "startedAt", j.startedAt) && ts(job, "updatedAt", j.updatedAt);
  }
};

const bool registered = [] {
  bench::register_parse<floor_ondemand<>>("floor_ondemand");
  bench::register_parse<ours_parse_into<false>>("ours_contract");
  bench::register_parse<ours_parse_into<true>>("ours_client");
  bench::register_parse<ours_parse_new>("ours_contract_new_value");
  bench::register_parse<ours_parse_into_unpadded>("ours_contract_unpadded");
  bench::register_parse<ours_validate<>>("ours_validate");
  bench::register_parse<simdjson_dom>("simdjson_dom");
  bench::register_all_scaling<floor_ondemand<>>("floor_ondemand");
  bench::register_all_scaling<ours_parse_into<false>>("ours_contract");
  bench::register_all_scaling<ours_parse_into<true>>("ours_client");
  bench::register_serialize<ours_serialize<>>("ours");

  return true;
}();

}  // namespace
