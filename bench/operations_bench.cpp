// GetIngestionJob and ListIngestionJobs: the library against the On-Demand floor, side by side in
// the same run (the List peers are in their own files). A translation unit of its own, so that
// the Stop benchmarks of parse_bench.cpp are compiled as before: g++'s inlining of the shared
// reader (IngestionJob, the statistics, the timestamps) depends on what else the unit
// instantiates (docs/performance.md, "GetIngestionJob and ListIngestionJobs").

#include "bench_common.hpp"
#include "harness.hpp"
#include "library_peers.hpp"

#include <bedrock_agent/model/shapes.hpp>

namespace {

using namespace bench::peers;
using bedrock_agent::GetIngestionJobResponse;
using bedrock_agent::ListIngestionJobsResponse;

const bool registered = [] {
  // GetIngestionJob: the typical response, read as a GetIngestionJobResponse.
  using get = GetIngestionJobResponse;
  bench::register_parse_of<floor_ondemand<get>, get>("get", bench::get_typical, "floor_ondemand");
  bench::register_parse_of<ours_parse_into<false, get>, get>("get", bench::get_typical, "ours_contract");

  // ListIngestionJobs: a page of 1000 summaries.
  using list = ListIngestionJobsResponse;
  bench::register_parse_of<floor_ondemand_list, list>("list", bench::list_page, "floor_ondemand");
  bench::register_parse_of<ours_parse_into<false, list>, list>("list", bench::list_page, "ours_contract");
  bench::register_parse_of<ours_validate<list>, list>("list", bench::list_page, "ours_validate");
  bench::register_serialize_of<ours_serialize<list>, list>("list_serialize", bench::list_page, "ours");
  return true;
}();

}  // namespace
