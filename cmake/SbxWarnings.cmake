# Warnings live on an INTERFACE target that every first-party target links PRIVATE,
# so they never leak to consumers and never touch CMAKE_CXX_FLAGS.
add_library(sbx_warnings INTERFACE)
add_library(sbx::warnings ALIAS sbx_warnings)
target_compile_options(sbx_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
    -Wcast-align -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough
    # Our aggregates give every member a default, so omitting trailing ones (even in
    # designated initializers, where GCC 12 still warns) is intended, not a slip.
    -Wno-missing-field-initializers
    $<$<BOOL:${SBX_WARNINGS_AS_ERRORS}>:-Werror>)

# sbx_add_library(name ALIAS sbx::x SOURCES ... [PUBLIC_DEPS ...] [PRIVATE_DEPS ...])
# One core module = one static library with include/ as its public header root.
function(sbx_add_library name)
    cmake_parse_arguments(ARG "" "ALIAS" "SOURCES;PUBLIC_DEPS;PRIVATE_DEPS" ${ARGN})
    add_library(${name} STATIC ${ARG_SOURCES})
    if(ARG_ALIAS)
        add_library(${ARG_ALIAS} ALIAS ${name})
    endif()
    target_include_directories(${name} PUBLIC
        $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/include>)
    target_compile_features(${name} PUBLIC cxx_std_20)
    target_link_libraries(${name} PUBLIC ${ARG_PUBLIC_DEPS} PRIVATE sbx::warnings ${ARG_PRIVATE_DEPS})
    set_target_properties(${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
endfunction()
