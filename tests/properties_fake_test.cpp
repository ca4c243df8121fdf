// Properties of the in-process fake: random sessions of Start, Get, List and Stop calls (with
// random faults, clocks, seeded jobs, and Start and List inputs from the shipped generators)
// where every response keeps the contract and every job's observed history keeps the lifecycle.
#include "fake_support.hpp"
#include "rc_doctest.hpp"

#include <bedrock_agent/testing/generators.hpp>

#include <doctest/doctest.h>
#include <rapidcheck.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

using namespace bedrock_agent;
using namespace bedrock_agent::testing;

namespace {

/// One step of a session: which operation, on which job (an index into the jobs started so
/// far, or an id nobody made), and the knobs of a Start or a List.
struct action {
  int op = 0;               // 0 Start, 1 Get, 2 List, 3 Stop, 4 advance the manual clock
  std::size_t job = 0;      // which started job (modulo their count)
  bool unknown_job = false; // an id the fake never made
  int token = -1;           // Start: -1 none, else one of a few tokens
  int description = 0;      // Start: one of a few descriptions (0: none)
  int max_results = 0;      // List: 0 none, else 1..4
  int sort = 0;             // List: 0 none, 1..4 the attribute and order
  int filter = 0;           // List: 0 none, else a status mask
  int advance_ms = 0;
};

rc::Gen<action> an_action() {
  return rc::gen::build<action>(rc::gen::set(&action::op, rc::gen::weightedOneOf<int>({{3, rc::gen::just(0)},
                                                                                      {6, rc::gen::just(1)},
                                                                                      {2, rc::gen::just(2)},
                                                                                      {3, rc::gen::just(3)},
                                                                                      {2, rc::gen::just(4)}})),
                                rc::gen::set(&action::job, rc::gen::inRange<std::size_t>(0, 64)),
                                rc::gen::set(&action::unknown_job, rc::gen::weightedOneOf<bool>(
                                                                       {{9, rc::gen::just(false)}, {1, rc::gen::just(true)}})),
                                rc::gen::set(&action::token, rc::gen::inRange(-1, 3)),
                                rc::gen::set(&action::description, rc::gen::inRange(0, 3)),
                                rc::gen::set(&action::max_results, rc::gen::inRange(0, 5)),
                                rc::gen::set(&action::sort, rc::gen::inRange(0, 5)),
                                rc::gen::set(&action::filter, rc::gen::inRange(0, 64)),
                                rc::gen::set(&action::advance_ms, rc::gen::inRange(0, 2500)));
}

fake_options some_options() {
  fake_options o;
  o.clock = *rc::gen::element(fake_clock::step, fake_clock::manual);
  o.in_progress_steps = *rc::gen::inRange<std::uint32_t>(1, 4);
  o.seed = *rc::gen::arbitrary<std::uint64_t>();
  o.faults.throttle.every = *rc::gen::element<std::uint64_t>(0, 0, 2, 5);
  o.faults.server_error.every = *rc::gen::element<std::uint64_t>(0, 0, 7);
  o.faults.access_denied.calls = {*rc::gen::inRange<std::uint64_t>(0, 30)};
  o.faults.fail_jobs = *rc::gen::element<std::uint64_t>(0, 1, 3);
  return o;
}

std::string kb_id(int k) { return k == 0 ? "KB7X2Q9M1A" : "KBSECOND01"; }

}  // namespace

TEST_CASE("properties: fake: random sessions get only responses that keep the contract and the lifecycle") {
  rc_doctest::check("fake sessions", [] {
    const fake_options options = some_options();
    fake_support::client c(options);
    const std::vector<action> actions = *rc::gen::container<std::vector<action>>(*rc::gen::inRange(1, 60), an_action());
    std::vector<IngestionJob> jobs;  // as started or seeded
    // Jobs already there: coherent jobs of the shipped generators, in the session's data source.
    for (int k = *rc::gen::inRange(0, 4); k > 0; --k) {
      IngestionJob seeded = *testing::coherent_job();
      seeded.knowledgeBaseId = Id(kb_id(k % 2));
      seeded.dataSourceId = Id("DSR4T8W1ZC");
      if (c.fake.add_job(seeded)) jobs.push_back(seeded);
    }
    c.fake.options().any_id_exists = true;  // add_job made the set closed
    const std::vector<std::string> tokens = {std::string(40, 'a'), std::string(40, 'b'), "c-" + std::string(38, 'c')};
    const std::vector<std::string> descriptions = {"", "nightly", "weekly"};
    const auto check = [&](const auto& x, const char* what) {
      for (const diagnostic& d : x.findings) {
        if (d.level == severity::error) RC_FAIL(std::string(what) + " answered " + std::to_string(x.reply.response.status) + " " + x.reply.response.body + ": " + to_string(d));
      }
      RC_ASSERT(static_cast<bool>(x.read));
    };
    const auto job_ids = [&](auto& request, const action& a) {
      const IngestionJob& j = jobs[a.job % jobs.size()];
      request.knowledgeBaseId = j.knowledgeBaseId;
      request.dataSourceId = j.dataSourceId;
      request.ingestionJobId = a.unknown_job ? Id("UNKNOWNJ00") : j.ingestionJobId;
    };
    for (const action& a : actions) {
      if (a.op == 4 || (a.op != 0 && a.op != 2 && jobs.empty())) {
        c.fake.advance(std::chrono::milliseconds(a.advance_ms));
        continue;
      }
      if (a.op == 0) {
        // Any valid input of the generators, in one of two data sources, its token one of a few
        // (so that tokens are reused) or none.
        StartIngestionJobRequest in = *rc::gen::arbitrary<StartIngestionJobRequest>();
        in.knowledgeBaseId = Id(kb_id(static_cast<int>(a.job % 2)));
        in.dataSourceId = Id("DSR4T8W1ZC");
        in.clientToken.reset();
        if (a.token >= 0) in.clientToken = ClientToken(tokens[static_cast<std::size_t>(a.token)]);
        if (a.description > 0) in.description = Description(descriptions[static_cast<std::size_t>(a.description)]);
        const auto x = c.call<StartIngestionJob>(in);
        check(x, "Start");
        if (x.read.kind() == response_kind::success) {
          const IngestionJob& j = std::get<0>(*x.read).ingestionJob;
          if (std::none_of(jobs.begin(), jobs.end(), [&](const IngestionJob& k) { return k.ingestionJobId == j.ingestionJobId; })) {
            jobs.push_back(j);
          }
        } else {
          // Start fails only by a fault or a token reused with another description.
          RC_ASSERT(x.reply.response.status == 429 || x.reply.response.status == 500 || x.reply.response.status == 403 ||
                    (x.reply.response.status == 409 && a.token >= 0));
        }
      } else if (a.op == 1) {
        GetIngestionJobRequest in;
        job_ids(in, a);
        const auto x = c.call<GetIngestionJob>(in);
        check(x, "Get");
        if (x.read.kind() == response_kind::error && x.reply.response.status == 404) RC_ASSERT(a.unknown_job);
      } else if (a.op == 3) {
        StopIngestionJobRequest in;
        job_ids(in, a);
        const auto x = c.call<StopIngestionJob>(in);
        check(x, "Stop");
        if (x.reply.response.status == 409) {
          // A conflict only for a job that has finished.
          const auto j = c.fake.job(in.ingestionJobId);
          RC_ASSERT(j.has_value());
          RC_ASSERT(is_terminal(*j->status.known()));
        }
      } else {
        // Half the time any valid input of the generators (filters of any strings, any sort, any
        // maxResults), else a query built from the action's knobs; a generated nextToken is one
        // the fake never gave: a ValidationException naming it.
        ListIngestionJobsRequest in;
        if (*rc::gen::arbitrary<bool>()) {
          in = *rc::gen::arbitrary<ListIngestionJobsRequest>();
          if (in.nextToken) {
            in.knowledgeBaseId = Id(kb_id(0));
            in.dataSourceId = Id("DSR4T8W1ZC");
            const auto x = c.call<ListIngestionJobs>(in);
            check(x, "List");
            RC_ASSERT(x.reply.response.status == 400 || x.reply.response.status == 429 ||
                      x.reply.response.status == 500 || x.reply.response.status == 403);
            continue;
          }
        } else {
          if (a.max_results > 0) in.maxResults = MaxResults(a.max_results);
          if (a.sort > 0) {
            in.sortBy = IngestionJobSortBy{a.sort <= 2 ? IngestionJobSortByAttribute::STATUS : IngestionJobSortByAttribute::STARTED_AT,
                                           a.sort % 2 == 0 ? SortOrder::ASCENDING : SortOrder::DESCENDING};
          }
          if (a.filter > 0) {
            IngestionJobFilterValues values;
            for (const IngestionJobStatus s : lifecycle_order()) {
              if ((a.filter >> bedrock_agent::detail::status_index(s)) & 1) values.emplace_back(std::string(to_string(s)));
            }
            in.filters = IngestionJobFilters{IngestionJobFilter{IngestionJobFilterAttribute::STATUS, IngestionJobFilterOperator::EQ, values}};
          }
        }
        in.knowledgeBaseId = Id(kb_id(static_cast<int>(a.job % 2)));
        in.dataSourceId = Id("DSR4T8W1ZC");
        // Every page to the end: each job of the listing once, each keeping every filter (a
        // status equal to one of its values).
        const auto keeps_filter = [&](const enum_value<IngestionJobStatus>& s) {
          if (!in.filters) return true;
          return std::all_of(in.filters->begin(), in.filters->end(), [&](const IngestionJobFilter& f) {
            return std::any_of(f.values.begin(), f.values.end(), [&](const auto& v) { return v == s.wire_name(); });
          });
        };
        std::set<std::string> seen;
        bool complete = false;
        for (int page = 0; page < 100 && !complete; ++page) {
          const auto x = c.call<ListIngestionJobs>(in);
          check(x, "List");
          if (x.read.kind() != response_kind::success) break;  // a fault: the listing stops here
          const ListIngestionJobsResponse& out = std::get<0>(*x.read);
          for (const auto& s : out.ingestionJobSummaries) {
            RC_ASSERT(keeps_filter(s.status));
            RC_ASSERT(seen.insert(s.ingestionJobId).second);
          }
          complete = !out.nextToken;
          in.nextToken = out.nextToken;
        }
        if (complete) {
          std::size_t matching = 0;
          for (const IngestionJob& j : jobs) {
            matching += j.knowledgeBaseId == in.knowledgeBaseId && keeps_filter(c.fake.job(j.ingestionJobId)->status);
          }
          RC_ASSERT(seen.size() == matching);
        }
      }
    }
  });
}
