#pragma once

class QTableView;

// Message tables (the browser's, the dead letters'): one line per message, and the
// columns fitted to the first messages shown (capped, so one long routing key does not
// push the rest out of sight), so time stamps and routing keys are neither cut nor
// wrapped. Later rows keep those widths; the user's resizing wins after that.
void fitColumnsOnFirstRows(QTableView& table);
