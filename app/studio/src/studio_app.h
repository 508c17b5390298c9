#pragma once

class QApplication;

// Everything the studio does from start to exit, after QApplication exists: settings,
// translations, theme, command line, the window and the initial workspace.
int runStudio(QApplication& app);
