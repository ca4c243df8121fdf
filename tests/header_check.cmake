# Public headers in the other language standard (see header_check.cpp).
if(CMAKE_CXX_STANDARD STREQUAL "20")
  set(other_standard 17)
else()
  set(other_standard 20)
endif()
add_executable(header_check header_check.cpp)
target_link_libraries(header_check PRIVATE bedrock_agent::contract bedrock_agent_warnings bedrock_agent_test_build)
set_target_properties(header_check PROPERTIES CXX_STANDARD ${other_standard} CXX_STANDARD_REQUIRED ON)
if(EXISTS ${PROJECT_SOURCE_DIR}/include/bedrock_agent/testing/generators.hpp AND TARGET rapidcheck)
  target_compile_definitions(header_check PRIVATE BEDROCK_AGENT_HEADER_CHECK_TESTING)
  target_link_libraries(header_check PRIVATE rapidcheck)
endif()
add_test(NAME header_check.cxx${other_standard} COMMAND header_check)

# Each public header alone in a translation unit: every header includes what it uses, and the
# engine's headers compile without the model (the layer rule tests/layers.cmake checks by text).
file(GLOB_RECURSE alone_headers CONFIGURE_DEPENDS RELATIVE ${PROJECT_SOURCE_DIR}/include
     ${PROJECT_SOURCE_DIR}/include/bedrock_agent/*.hpp)
list(FILTER alone_headers EXCLUDE REGEX "/detail/|/testing/")
set(alone_sources "")
foreach(h IN LISTS alone_headers)
  string(MAKE_C_IDENTIFIER "${h}" id)
  set(src ${CMAKE_CURRENT_BINARY_DIR}/header_alone/${id}.cpp)
  file(CONFIGURE OUTPUT ${src} CONTENT "#include <${h}>\n")
  list(APPEND alone_sources ${src})
endforeach()
add_library(header_alone OBJECT ${alone_sources})
target_link_libraries(header_alone PRIVATE bedrock_agent::contract bedrock_agent_warnings bedrock_agent_test_build)

add_test(NAME layers
  COMMAND ${CMAKE_COMMAND} -DDIR=${PROJECT_SOURCE_DIR}/include/bedrock_agent -P ${CMAKE_CURRENT_SOURCE_DIR}/layers.cmake)
