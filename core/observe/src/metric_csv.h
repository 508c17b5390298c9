#pragma once

#include <string>

#include "sbx/observe/metric_series.h"

namespace sbx::observe {

// time_utc,time_ms,min,max,avg,last,count; numbers in the shortest form that reads back
// to the same double, so an export loses nothing.
[[nodiscard]] std::string formatCsv(const SeriesPoints& points);

}  // namespace sbx::observe
