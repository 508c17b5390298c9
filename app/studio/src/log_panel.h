#pragma once

#include <QWidget>

class LogModel;
class LogFilterModel;
class QComboBox;
class QLineEdit;
class QTableView;

// The application log panel: level filter, search, clear, and a table that follows new
// rows while the user is at the bottom.
class LogPanel : public QWidget {
    Q_OBJECT
public:
    explicit LogPanel(LogModel& model, QWidget* parent = nullptr);

    [[nodiscard]] LogFilterModel& filterModel() { return *filter_; }
    [[nodiscard]] QComboBox& levelBox() { return *levelBox_; }
    [[nodiscard]] QLineEdit& searchEdit() { return *searchEdit_; }
    [[nodiscard]] QTableView& view() { return *view_; }

private:
    void followNewRows();

    LogModel& model_;
    LogFilterModel* filter_;
    QComboBox* levelBox_;
    QLineEdit* searchEdit_;
    QTableView* view_;
};
