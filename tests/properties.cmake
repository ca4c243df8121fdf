# The property-based suite (tests/properties_*_test.cpp) and the generators it uses
# (include/bedrock_agent/testing/) need RapidCheck. Included at the end of tests/CMakeLists.txt.
find_package(rapidcheck REQUIRED)
# examples/ is added after tests/, from the top directory: let it see the imported target.
set_target_properties(rapidcheck PROPERTIES IMPORTED_GLOBAL TRUE)
target_link_libraries(bedrock_agent_tests PRIVATE rapidcheck)

# examples/testing_example.cpp (the sample of docs/testing.md) is a consumer's property test:
# link it with RapidCheck once the examples exist, at the end of the top directory.
function(bedrock_agent_link_testing_example)
  if(TARGET testing_example)
    target_link_libraries(testing_example PRIVATE rapidcheck)
  endif()
endfunction()
cmake_language(DEFER DIRECTORY ${PROJECT_SOURCE_DIR} CALL bedrock_agent_link_testing_example)
