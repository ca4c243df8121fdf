# Runs bedrock-agent-fake with bad arguments: it must exit 2 and say STDERR_HAS on stderr.
#   cmake -DEXE=<fake> "-DARGS=a;b" "-DSTDERR_HAS=text" -P cli_expect.cmake
execute_process(COMMAND ${EXE} ${ARGS} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 20)
if(NOT rc STREQUAL "2")
  message(FATAL_ERROR "exit '${rc}', expected 2; stderr:\n${err}")
endif()
string(FIND "${err}" "${STDERR_HAS}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "stderr does not say '${STDERR_HAS}':\n${err}")
endif()
message(STATUS "exit 2: ${err}")
