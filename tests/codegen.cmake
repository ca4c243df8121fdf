# ctest codegen.up-to-date: runs the shape generator into the build directory and fails on any
# difference from the committed include/bedrock_agent/model/shapes.hpp. Says "skipped" (which
# the test's SKIP_REGULAR_EXPRESSION reports as skipped) only when python3 is missing.
#   cmake -DPYTHON=<python3> -DSOURCE_DIR=<repo> -DOUTPUT=<file> -P tests/codegen.cmake
if(NOT PYTHON)
  message("skipped: python3 not found")
  return()
endif()
get_filename_component(output_dir ${OUTPUT} DIRECTORY)
file(MAKE_DIRECTORY ${output_dir})
execute_process(
  COMMAND ${PYTHON} ${SOURCE_DIR}/codegen/generate_shapes.py
          --model ${SOURCE_DIR}/codegen/bedrock-agent-ingestion-jobs.model.json --output ${OUTPUT}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "codegen/generate_shapes.py failed (${rc})")
endif()
file(READ ${OUTPUT} generated)
file(READ ${SOURCE_DIR}/include/bedrock_agent/model/shapes.hpp committed)
if(NOT generated STREQUAL committed)
  execute_process(COMMAND diff -u ${SOURCE_DIR}/include/bedrock_agent/model/shapes.hpp ${OUTPUT})
  message(FATAL_ERROR "include/bedrock_agent/model/shapes.hpp differs from the generator's output (${OUTPUT}); "
                      "run: python3 codegen/generate_shapes.py")
endif()
message(STATUS "include/bedrock_agent/model/shapes.hpp is the generator's output")
