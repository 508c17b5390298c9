#pragma once

#include <QString>
#include <QWidget>
#include <chrono>

#include "source_monitor.h"

class QChart;
class QChartView;
class QComboBox;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QStackedWidget;
class QToolButton;
class QValueAxis;

// Live charts of one destination (or of the whole broker): depth (ready, unacked) and
// in/out rates over the last 5 minutes, hour or day, read from the metric history so
// they survive a restart. Updates with every snapshot unless paused; drag a rectangle
// to zoom. With nothing recorded yet it says so instead of showing empty axes.
class DashboardPage : public QWidget {
    Q_OBJECT
public:
    // An empty `destinationId` charts the whole broker.
    DashboardPage(SourceMonitor& monitor, QString destinationId, const QString& title,
                  QWidget* parent = nullptr);

    enum class Range { FiveMinutes, OneHour, OneDay };
    void setRange(Range range);
    void setPaused(bool paused);
    [[nodiscard]] bool paused() const { return paused_; }
    void resetZoom();
    // Reads the history again and redraws.
    void refresh();

    bool exportPng(const QString& path) const;
    bool exportCsv(const QString& path, QString* error = nullptr) const;

    [[nodiscard]] const QString& sourceName() const { return sourceName_; }
    [[nodiscard]] const QString& destinationId() const { return destinationId_; }
    // What the charts show now; tests read these.
    [[nodiscard]] qsizetype pointCount() const;
    [[nodiscard]] bool showsEmptyState() const;
    [[nodiscard]] QLineSeries& depthSeries() { return *ready_; }
    [[nodiscard]] QLineSeries& inRateSeries() { return *inRate_; }

private:
    struct Chart {
        QChart* chart = nullptr;
        QChartView* view = nullptr;
        QDateTimeAxis* time = nullptr;
        QValueAxis* values = nullptr;
    };
    Chart makeChart(const QString& title, QLineSeries* first, QLineSeries* second);
    void applyTheme(Chart& chart) const;
    [[nodiscard]] std::chrono::milliseconds rangeLength() const;
    [[nodiscard]] std::string destinationKey() const;
    void chooseExportPng();
    void chooseExportCsv();

    SourceMonitor& monitor_;
    QString sourceName_;
    QString destinationId_;
    bool holdsMessages_;
    Range range_ = Range::FiveMinutes;
    bool paused_ = false;

    QLabel* title_;
    QComboBox* rangeBox_;
    QToolButton* pauseButton_;
    QStackedWidget* stack_;
    QLabel* empty_;
    QWidget* charts_;
    QLineSeries* ready_;
    QLineSeries* unacked_;
    QLineSeries* inRate_;
    QLineSeries* outRate_;
    Chart depthChart_;
    Chart rateChart_;
};
