// Every path a finding takes, for the four operations: parse and validate of each output (and of
// Stop's request), check_value, check_status (returned, and appended with warnings only counted),
// check_exchange against List requests of each sort, a sequence_checker fed every output read,
// classify_response at four statuses with and without an X-Amzn-Errortype header, and
// parse_request with the file's first line as a path label; each under four option profiles:
// contract, client, and two narrow ones (max_diagnostics 3 with rules disabled, constraints as
// warnings; max_diagnostics 1). Two builds against two versions of include/ must print the same.
// How the one diagnostic sink (lazy message text) was checked against 09bd2eb:
//
//   git archive 09bd2eb include | tar -x -C /tmp/before
//   python3 bench/proposals/differential_mutants.py /tmp/mutants
//   g++ -std=c++17 -O2 -I/tmp/before/include bench/proposals/differential_sink.cpp -lsimdjson -o before
//   g++ -std=c++17 -O2 -Iinclude bench/proposals/differential_sink.cpp -lsimdjson -o after
//   files=$(find fuzz/corpus fuzz/regressions examples/recordings tests/data -type f | sort)
//   ./before $files /tmp/mutants/* > before.txt; ./after $files /tmp/mutants/* > after.txt
//   cmp before.txt after.txt
#include <bedrock_agent/ingestion_jobs.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>
using namespace bedrock_agent;
static void show(const diagnostic& d) {
  std::printf(" %s %d@%zu:%zu:%zu %s|%s|%s|%s\n", std::string(rule_id(d.id)).c_str(), static_cast<int>(d.level),
              d.offset, d.line, d.column, d.pointer.c_str(), d.expected.c_str(), d.found.c_str(), d.message.c_str());
}
template <class R>
static void show_result(const char* what, const R& r) {
  std::printf("%s %d %zu %zu %d\n", what, r.ok(), r.error_count(), r.warning_count(), r.truncated());
  for (const auto& d : r.diagnostics()) show(d);
}
static std::vector<parse_options> profiles() {
  parse_options narrow = parse_options::contract();
  narrow.max_diagnostics = 3;
  narrow.constraints_as_warnings = true;
  for (rule r : {rules::constraint_length, rules::constraint_pattern, rules::shape_unknown_member,
                 rules::status_time_order, rules::sequence_transition, rules::exchange_id_mismatch,
                 rules::error_type_disagreement})
    narrow.disabled.insert(r);
  parse_options one = parse_options::contract();
  one.max_diagnostics = 1;
  return {parse_options::contract(), parse_options::client(), narrow, one};
}
static ListIngestionJobsRequest list_request(const char* json) {
  auto r = parse<ListIngestionJobsRequest>(json);
  if (!r) std::abort();
  return r.value();
}
template <class Op>
static void run_op(const std::string& s, const parse_options& opt, sequence_checker& seq) {
  using Output = typename Op::output;
  std::printf("-- %s\n", std::string(Op::name).c_str());
  const auto p = parse<Output>(s, opt);
  show_result("parse", p);
  show_result("validate", validate<Output>(s, opt));
  if (p) {
    show_result("check_value", check_value(p.value(), opt));
    show_result("check_status", check_status(p.value(), opt));
    std::vector<diagnostic> out;
    std::size_t counted = 0;
    check_status(p.value(), opt, out, &counted);
    std::printf("check_status counted %zu\n", counted);
    for (const auto& d : out) show(d);
    show_result("observe", seq.observe(p.value(), "obs:", 7));
    if constexpr (std::is_same<Output, ListIngestionJobsResponse>::value) {
      for (const char* req :
           {R"({"knowledgeBaseId":"KB12345678","dataSourceId":"DS12345678"})",
            R"({"knowledgeBaseId":"KB12345678","dataSourceId":"DS12345678","maxResults":1,"sortBy":{"attribute":"STARTED_AT","order":"ASCENDING"}})",
            R"({"knowledgeBaseId":"KB12345678","dataSourceId":"DS12345678","sortBy":{"attribute":"STARTED_AT","order":"DESCENDING"}})",
            R"({"knowledgeBaseId":"KB12345678","dataSourceId":"DS12345678","sortBy":{"attribute":"STATUS","order":"ASCENDING"}})"})
        show_result("exchange", check_exchange(list_request(req), p.value(), opt));
    } else {
      typename Op::input asked{};
      asked.knowledgeBaseId = Id("KB12345678");
      asked.dataSourceId = Id("DS12345678");
      if constexpr (!std::is_same<Op, StartIngestionJob>::value) asked.ingestionJobId = Id("IJ12345678");
      show_result("exchange", check_exchange(asked, p.value(), opt));
    }
  }
  for (int status : {Op::http_success_status, 200, 400, 429}) {
    for (bool header : {false, true}) {
      const http_headers headers = header ? http_headers{{"X-Amzn-Errortype", "ThrottlingException"}} : http_headers{};
      const auto r = classify_response<Op>(status, headers, s, opt);
      std::printf("classify %d %d %d %s %d\n", status, header, static_cast<int>(r.kind()), r.type().name.c_str(),
                  static_cast<int>(r.type().source));
      show_result("classified", r);
    }
  }
  const std::string label = s.substr(0, std::min(s.find('\n'), std::size_t{64}));
  std::string path = "/knowledgebases/" + label + "/datasources/DS12345678/ingestionjobs/";
  if constexpr (std::is_same<Op, StopIngestionJob>::value) path += "IJ12345678/stop";
  else if constexpr (std::is_same<Op, GetIngestionJob>::value) path += "IJ12345678";
  show_result("request", parse_request<Op>(Op::http_method, path, opt));
}
int main(int argc, char** argv) {
  const auto opts = profiles();
  std::vector<sequence_checker> seqs;
  for (const auto& o : opts) seqs.emplace_back(o);
  for (int i = 1; i < argc; ++i) {
    std::ifstream f(argv[i], std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    const std::string s = ss.str();
    std::printf("== %s\n", argv[i]);
    for (std::size_t k = 0; k < opts.size(); ++k) {
      std::printf("- profile %zu\n", k);
      run_op<StartIngestionJob>(s, opts[k], seqs[k]);
      run_op<GetIngestionJob>(s, opts[k], seqs[k]);
      run_op<ListIngestionJobs>(s, opts[k], seqs[k]);
      run_op<StopIngestionJob>(s, opts[k], seqs[k]);
      show_result("validate request", validate<StopIngestionJobRequest>(s, opts[k]));
    }
  }
}
