# bench.smoke: runs every benchmark of BENCH once and fails when one of them reported an error
# (other than "n/a: ...", a peer that cannot read an input at all), or when none ran.
# Usage: cmake -DBENCH=<binary> -DOUT=<json> -DNDJSON=<corpus path> -P smoke.cmake
execute_process(
  COMMAND ${CMAKE_COMMAND} -E env BEDROCK_AGENT_BENCH_NDJSON=${NDJSON} BEDROCK_AGENT_BENCH_NDJSON_MB=1
          ${BENCH} --benchmark_min_time=0 --benchmark_format=console
          --benchmark_out_format=json --benchmark_out=${OUT}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "bench.smoke: ${BENCH} exited with ${rc}")
endif()
file(READ ${OUT} results)
string(JSON count LENGTH "${results}" benchmarks)
if(count EQUAL 0)
  message(FATAL_ERROR "bench.smoke: no benchmark ran")
endif()
math(EXPR last "${count} - 1")
set(failed 0)
foreach(i RANGE ${last})
  string(JSON name GET "${results}" benchmarks ${i} name)
  string(JSON error ERROR_VARIABLE no_error GET "${results}" benchmarks ${i} error_message)
  if(no_error STREQUAL "NOTFOUND" AND NOT error MATCHES "^n/a: ")
    message(SEND_ERROR "bench.smoke: ${name}: ${error}")
    math(EXPR failed "${failed} + 1")
  endif()
endforeach()
if(failed GREATER 0)
  message(FATAL_ERROR "bench.smoke: ${failed} of ${count} benchmarks failed")
endif()
message(STATUS "bench.smoke: ${count} benchmarks ran once")
