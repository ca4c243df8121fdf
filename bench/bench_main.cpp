// The benchmark binary's main: a counting operator new (so every benchmark can report
// allocations per operation), the NDJSON corpus generator, and the context lines (simdjson
// kernels, input sizes) that the report script copies into docs/performance.md.

#include "bench_common.hpp"

#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <new>
#include <string>
#include <sys/stat.h>

// ---- counting allocation ----------------------------------------------------------------------

namespace bench {
namespace {
thread_local std::uint64_t allocations = 0;
}  // namespace
std::uint64_t& allocation_count() noexcept { return allocations; }
}  // namespace bench

namespace {
void* counted_alloc(std::size_t n) {
  ++bench::allocation_count();
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void* counted_aligned_alloc(std::size_t n, std::align_val_t a) {
  ++bench::allocation_count();
  const auto align = static_cast<std::size_t>(a);
  const std::size_t size = (n + align - 1) / align * align;  // aligned_alloc wants a multiple
  if (void* p = std::aligned_alloc(align, size ? size : align)) return p;
  throw std::bad_alloc();
}
}  // namespace

// g++ 12 at -O2 sees the inlined malloc/free pairs through the replaced operators and calls them
// mismatched (a false positive: new and delete are replaced together here).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
void* operator new(std::size_t n) { return counted_alloc(n); }
void* operator new[](std::size_t n) { return counted_alloc(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  try { return counted_alloc(n); } catch (...) { return nullptr; }
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
  try { return counted_alloc(n); } catch (...) { return nullptr; }
}
void* operator new(std::size_t n, std::align_val_t a) { return counted_aligned_alloc(n, a); }
void* operator new[](std::size_t n, std::align_val_t a) { return counted_aligned_alloc(n, a); }
void* operator new(std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
  try { return counted_aligned_alloc(n, a); } catch (...) { return nullptr; }
}
void* operator new[](std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
  try { return counted_aligned_alloc(n, a); } catch (...) { return nullptr; }
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { std::free(p); }
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

// ---- the NDJSON corpus ------------------------------------------------------------------------

namespace bench {

std::string ndjson_path() {
  const char* p = std::getenv("BEDROCK_AGENT_BENCH_NDJSON");
  return p && *p ? p : "stop-responses.ndjson";
}

std::size_t ndjson_mib() {
  const char* p = std::getenv("BEDROCK_AGENT_BENCH_NDJSON_MB");
  const long v = p && *p ? std::strtol(p, nullptr, 10) : 100;
  return v > 0 ? static_cast<std::size_t>(v) : 100;
}

namespace {
/// A deterministic mix of responses: mostly typical, some small, some with many failure
/// reasons, each with its own ids and counters. Every line is valid under the contract profile.
std::string generate_ndjson(std::size_t bytes) {
  std::string out;
  out.reserve(bytes + 4096);
  std::uint64_t state = 0x9E3779B97F4A7C15u;
  for (std::size_t seed = 0; out.size() < bytes; ++seed) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    const unsigned kind = static_cast<unsigned>(state % 16);
    if (kind < 3) out += response_json(false, 0, 0, seed);                      // small
    else if (kind < 15) out += response_json(true, state % 4, 40 + state % 160, seed);  // typical
    else out += response_json(true, 16 + state % 240, 200, seed);                // many reasons
    out += '\n';
  }
  return out;
}
}  // namespace

const simdjson::padded_string& ndjson_corpus() {
  static const simdjson::padded_string corpus = [] {
    const std::string path = ndjson_path();
    const std::size_t want = ndjson_mib() << 20;
    struct stat st {};
    const bool fresh = ::stat(path.c_str(), &st) == 0 && static_cast<std::size_t>(st.st_size) >= want &&
                       static_cast<std::size_t>(st.st_size) < want + (std::size_t{1} << 20);
    if (!fresh) {
      std::fprintf(stderr, "bench: generating %zu MiB of NDJSON into %s\n", ndjson_mib(), path.c_str());
      const std::string data = generate_ndjson(want);
      std::ofstream f(path, std::ios::binary | std::ios::trunc);
      f.write(data.data(), static_cast<std::streamsize>(data.size()));
      if (!f) fail("cannot write", path);
    }
    simdjson::padded_string s;
    if (simdjson::padded_string::load(path).get(s)) fail("cannot read", path);
    return s;
  }();
  return corpus;
}

}  // namespace bench

// ---- main -------------------------------------------------------------------------------------

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::AddCustomContext("simdjson_version", SIMDJSON_STRINGIFY(SIMDJSON_VERSION));
  benchmark::AddCustomContext("simdjson_ondemand_kernel", bench::ondemand_kernel());
  benchmark::AddCustomContext("simdjson_dom_kernel", simdjson::get_active_implementation()->name());
#ifdef BEDROCK_AGENT_BENCH_ARCH
  benchmark::AddCustomContext("arch_flags", BEDROCK_AGENT_BENCH_ARCH);
#endif
#ifdef BEDROCK_AGENT_BENCH_GBENCH_VERSION
  benchmark::AddCustomContext("google_benchmark_version", BEDROCK_AGENT_BENCH_GBENCH_VERSION);
#endif
#ifdef BEDROCK_AGENT_BENCH_COMPILER
  benchmark::AddCustomContext("compiler", BEDROCK_AGENT_BENCH_COMPILER);
#endif
  benchmark::AddCustomContext("input_bytes_small", std::to_string(bench::small_input().size()));
  benchmark::AddCustomContext("input_bytes_typical", std::to_string(bench::typical_input().size()));
  benchmark::AddCustomContext("input_bytes_large", std::to_string(bench::large_input().size()));
  benchmark::AddCustomContext("input_bytes_list_page1000", std::to_string(bench::list_input().size()));
  std::fprintf(stderr, "bench: simdjson On-Demand kernel: %s (DOM, runtime-dispatched: %s)\n",
               bench::ondemand_kernel(), simdjson::get_active_implementation()->name().c_str());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
