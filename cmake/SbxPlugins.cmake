# Connector plugins are shared libraries named libsbx_connector_<name>.so. In the build
# tree they all land in one folder the PluginRegistry searches; installed, they go to
# <libdir>/signalbox/plugins next to the programs that load them.
set(SBX_PLUGIN_OUTPUT_DIR "${CMAKE_BINARY_DIR}/plugins")
set(SBX_PLUGIN_INSTALL_DIR "${CMAKE_INSTALL_LIBDIR}/signalbox/plugins")

# sbx_add_connector_plugin(<name> SOURCES ... [LIBS ...]): exports only the three entry
# points of SBX_DEFINE_CONNECTOR_PLUGIN; everything else stays hidden so two plugins
# linking the same core code never see each other's symbols.
function(sbx_add_connector_plugin name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
    set(target sbx_connector_${name})
    add_library(${target} MODULE ${ARG_SOURCES})
    target_link_libraries(${target} PRIVATE sbx::connect sbx::warnings ${ARG_LIBS})
    set_target_properties(${target} PROPERTIES
        PREFIX "lib"
        CXX_VISIBILITY_PRESET hidden
        VISIBILITY_INLINES_HIDDEN ON
        LIBRARY_OUTPUT_DIRECTORY "${SBX_PLUGIN_OUTPUT_DIR}")
    target_link_options(${target} PRIVATE "LINKER:--no-undefined")
    install(TARGETS ${target} LIBRARY DESTINATION "${SBX_PLUGIN_INSTALL_DIR}")
endfunction()
