include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS bedrock_agent_contract EXPORT bedrock_agent_contract_targets)

set(config_dir ${CMAKE_INSTALL_DATADIR}/bedrock_agent_contract/cmake)  # header-only: arch independent
install(EXPORT bedrock_agent_contract_targets
        NAMESPACE bedrock_agent::
        FILE bedrock_agent_contract-targets.cmake
        DESTINATION ${config_dir})
configure_package_config_file(
  ${PROJECT_SOURCE_DIR}/cmake/bedrock_agent_contract-config.cmake.in
  ${PROJECT_BINARY_DIR}/bedrock_agent_contract-config.cmake
  INSTALL_DESTINATION ${config_dir})
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/bedrock_agent_contract-config-version.cmake
  COMPATIBILITY SameMinorVersion ARCH_INDEPENDENT)
install(FILES ${PROJECT_BINARY_DIR}/bedrock_agent_contract-config.cmake
              ${PROJECT_BINARY_DIR}/bedrock_agent_contract-config-version.cmake
        DESTINATION ${config_dir})
