# validator.sarif-fingerprints: a finding keeps its SARIF partialFingerprints when the file is
# edited above it (its line moves). The same broken document is validated as x.json in two
# directories, once with three blank lines in front; the fingerprints must be equal and there,
# the start lines must differ.
# Usage: cmake -DEXE=<bedrock-agent-validate> -DINPUT=<a broken JSON document> -DDIR=<work dir> -P fingerprints.cmake
file(REMOVE_RECURSE ${DIR})
file(MAKE_DIRECTORY ${DIR}/a ${DIR}/b)
file(READ ${INPUT} text)
file(WRITE ${DIR}/a/x.json "${text}")
file(WRITE ${DIR}/b/x.json "\n\n\n${text}")
foreach(d a b)
  execute_process(COMMAND ${EXE} --format sarif x.json WORKING_DIRECTORY ${DIR}/${d}
                  OUTPUT_VARIABLE out_${d} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 1)
    message(FATAL_ERROR "validator.sarif-fingerprints: exit ${rc} on ${d}/x.json, expected 1")
  endif()
  string(REGEX MATCHALL "\"bedrockAgentFinding/v1\":\"[0-9a-f]+:[0-9]+\"" prints_${d} "${out_${d}}")
  string(REGEX MATCHALL "\"startLine\":[0-9]+" lines_${d} "${out_${d}}")
endforeach()
if(NOT prints_a)
  message(FATAL_ERROR "validator.sarif-fingerprints: no partialFingerprints in\n${out_a}")
endif()
if(NOT prints_a STREQUAL prints_b)
  message(FATAL_ERROR "validator.sarif-fingerprints: fingerprints moved with the lines:\n${prints_a}\n${prints_b}")
endif()
if(lines_a STREQUAL lines_b)
  message(FATAL_ERROR "validator.sarif-fingerprints: the start lines did not move (${lines_a}): the test proves nothing")
endif()
list(LENGTH prints_a n)
message(STATUS "validator.sarif-fingerprints: ${n} fingerprints kept while the lines moved")
