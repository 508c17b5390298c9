#pragma once

#include <QStringList>

class MainWindow;

// Opens the views named on the command line (`--open VIEW[=TARGET]`), each showing its
// target once the embedded broker has it:
//   dashboard, clients            the embedded broker's charts / clients
//   messages=DESTINATION          the message browser, live on DESTINATION
//   publisher                     the publisher
//   deadletters=QUEUE             the dead letters of QUEUE, the first one selected
//   trace[=FILTER]                the trace view following traces (containing FILTER)
// Returns the views it does not know.
QStringList openStartViews(MainWindow& window, const QStringList& views);
