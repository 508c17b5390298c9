#include "dashboard_page.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPalette>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QDateTimeAxis>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>
#include <algorithm>

#include "monitor_series.h"

namespace {

using sbx::observe::MetricTime;

MetricTime now() {
    return std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

std::size_t maxPointsFor(std::chrono::milliseconds range) {
    return range <= std::chrono::minutes(5) ? 300 : range <= std::chrono::hours(1) ? 720 : 1440;
}

QList<QPointF> pointsOf(const sbx::observe::SeriesPoints& series, bool gauge) {
    QList<QPointF> points;
    points.reserve(static_cast<qsizetype>(series.points.size()));
    for (const auto& point : series.points) {
        const auto x = static_cast<double>(point.time.time_since_epoch().count());
        // A gauge (depth) shows where it ended in the bucket, a rate its average.
        points.append(QPointF(x, gauge ? point.last : point.avg));
    }
    return points;
}

double maxOf(const QList<QPointF>& a, const QList<QPointF>& b) {
    double max = 0;
    for (const auto* list : {&a, &b}) {
        for (const auto& point : *list) {
            max = std::max(max, point.y());
        }
    }
    return max;
}

}  // namespace

DashboardPage::DashboardPage(SourceMonitor& monitor, QString destinationId, const QString& title,
                             QWidget* parent)
    : QWidget(parent),
      monitor_(monitor),
      sourceName_(monitor.sourceName()),
      destinationId_(std::move(destinationId)),
      holdsMessages_(destinationId_.isEmpty() ||
                     destinationId_.startsWith(QLatin1String("queue:"))),
      title_(new QLabel(this)),
      rangeBox_(new QComboBox(this)),
      pauseButton_(new QToolButton(this)),
      stack_(new QStackedWidget(this)),
      empty_(new QLabel(this)),
      charts_(new QWidget(this)),
      ready_(new QLineSeries(this)),
      unacked_(new QLineSeries(this)),
      inRate_(new QLineSeries(this)),
      outRate_(new QLineSeries(this)) {
    setObjectName(QStringLiteral("page.dashboard"));
    QFont titleFont = title_->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    title_->setFont(titleFont);
    title_->setText(destinationId_.isEmpty() ? tr("%1 — whole broker").arg(title) : title);
    title_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    rangeBox_->setObjectName(QStringLiteral("dashboard.range"));
    rangeBox_->addItem(tr("Last 5 minutes"));
    rangeBox_->addItem(tr("Last hour"));
    rangeBox_->addItem(tr("Last 24 hours"));
    connect(rangeBox_, &QComboBox::currentIndexChanged, this,
            [this](int index) { setRange(static_cast<Range>(index)); });

    pauseButton_->setObjectName(QStringLiteral("dashboard.pause"));
    pauseButton_->setText(tr("Pause"));
    pauseButton_->setCheckable(true);
    connect(pauseButton_, &QToolButton::toggled, this, &DashboardPage::setPaused);
    auto* resetZoom = new QToolButton(this);
    resetZoom->setText(tr("Reset Zoom"));
    connect(resetZoom, &QToolButton::clicked, this, &DashboardPage::resetZoom);
    auto* png = new QToolButton(this);
    png->setText(tr("Export PNG…"));
    connect(png, &QToolButton::clicked, this, &DashboardPage::chooseExportPng);
    auto* csv = new QToolButton(this);
    csv->setText(tr("Export CSV…"));
    connect(csv, &QToolButton::clicked, this, &DashboardPage::chooseExportCsv);

    auto* bar = new QHBoxLayout;
    bar->addWidget(title_, 1);
    bar->addWidget(rangeBox_);
    bar->addWidget(pauseButton_);
    bar->addWidget(resetZoom);
    bar->addWidget(png);
    bar->addWidget(csv);

    ready_->setName(tr("Ready"));
    unacked_->setName(tr("Unacked"));
    inRate_->setName(tr("In/s"));
    outRate_->setName(tr("Out/s"));
    depthChart_ = makeChart(tr("Depth (messages)"), ready_, unacked_);
    rateChart_ = makeChart(tr("Rates (messages per second)"), inRate_, outRate_);
    auto* chartsLayout = new QVBoxLayout(charts_);
    chartsLayout->setContentsMargins(0, 0, 0, 0);
    chartsLayout->addWidget(depthChart_.view, 1);
    chartsLayout->addWidget(rateChart_.view, 1);
    depthChart_.view->setVisible(holdsMessages_);

    empty_->setObjectName(QStringLiteral("dashboard.empty"));
    empty_->setAlignment(Qt::AlignCenter);
    empty_->setWordWrap(true);
    QFont emptyFont = empty_->font();
    emptyFont.setPointSizeF(emptyFont.pointSizeF() * 1.4);
    empty_->setFont(emptyFont);
    empty_->setForegroundRole(QPalette::PlaceholderText);
    stack_->addWidget(empty_);
    stack_->addWidget(charts_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addLayout(bar);
    layout->addWidget(stack_, 1);

    connect(&monitor_, &SourceMonitor::snapshotReady, this, [this] {
        if (!paused_) {
            refresh();
        }
    });
    refresh();
}

DashboardPage::Chart DashboardPage::makeChart(const QString& title, QLineSeries* first,
                                              QLineSeries* second) {
    Chart chart;
    chart.chart = new QChart;
    chart.chart->setTitle(title);
    chart.chart->addSeries(first);
    chart.chart->addSeries(second);
    chart.chart->legend()->setAlignment(Qt::AlignBottom);
    chart.chart->setMargins(QMargins(4, 4, 4, 4));
    chart.time = new QDateTimeAxis(chart.chart);
    chart.time->setFormat(QStringLiteral("HH:mm:ss"));
    chart.time->setTickCount(6);
    chart.values = new QValueAxis(chart.chart);
    chart.values->setLabelFormat(QStringLiteral("%.0f"));
    chart.values->setMin(0);
    chart.chart->addAxis(chart.time, Qt::AlignBottom);
    chart.chart->addAxis(chart.values, Qt::AlignLeft);
    for (auto* series : {first, second}) {
        series->attachAxis(chart.time);
        series->attachAxis(chart.values);
    }
    chart.view = new QChartView(chart.chart, charts_);
    chart.view->setRenderHint(QPainter::Antialiasing);
    chart.view->setRubberBand(QChartView::RectangleRubberBand);
    chart.view->setMinimumHeight(160);
    applyTheme(chart);
    return chart;
}

void DashboardPage::applyTheme(Chart& chart) const {
    const bool dark = QApplication::palette().color(QPalette::Window).lightness() < 128;
    chart.chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart.chart->setBackgroundRoundness(0);
}

std::chrono::milliseconds DashboardPage::rangeLength() const {
    switch (range_) {
        case Range::FiveMinutes:
            return std::chrono::minutes(5);
        case Range::OneHour:
            return std::chrono::hours(1);
        case Range::OneDay:
            return std::chrono::hours(24);
    }
    return std::chrono::minutes(5);
}

std::string DashboardPage::destinationKey() const {
    return destinationId_.isEmpty() ? std::string(monitor_series::kBroker)
                                    : destinationId_.toStdString();
}

void DashboardPage::setRange(Range range) {
    range_ = range;
    if (rangeBox_->currentIndex() != static_cast<int>(range)) {
        rangeBox_->setCurrentIndex(static_cast<int>(range));
    }
    const auto format = range == Range::FiveMinutes ? QStringLiteral("HH:mm:ss")
                        : range == Range::OneHour   ? QStringLiteral("HH:mm")
                                                    : QStringLiteral("dd.MM HH:mm");
    depthChart_.time->setFormat(format);
    rateChart_.time->setFormat(format);
    resetZoom();
}

void DashboardPage::setPaused(bool paused) {
    paused_ = paused;
    if (pauseButton_->isChecked() != paused) {
        pauseButton_->setChecked(paused);
    }
    pauseButton_->setText(paused ? tr("Resume") : tr("Pause"));
    if (!paused) {
        refresh();
    }
}

void DashboardPage::resetZoom() {
    depthChart_.chart->zoomReset();
    rateChart_.chart->zoomReset();
    refresh();
}

void DashboardPage::refresh() {
    const auto history = monitor_.history();
    if (!history) {
        empty_->setText(tr("No data yet.\nOpen a workspace to keep a metric history."));
        stack_->setCurrentWidget(empty_);
        return;
    }
    const auto to = now() + std::chrono::seconds(1);
    const auto from = to - rangeLength();
    const auto maxPoints = maxPointsFor(rangeLength());
    const auto source = sourceName_.toStdString();
    const auto read = [&](const char* metric, bool gauge) {
        auto result = history->query(monitor_series::key(source, destinationKey(), metric), from,
                                     to, maxPoints);
        return result ? pointsOf(*result, gauge) : QList<QPointF>();
    };
    const auto ready = holdsMessages_ ? read(monitor_series::kDepth, true) : QList<QPointF>();
    const auto unacked = holdsMessages_ ? read(monitor_series::kUnacked, true) : QList<QPointF>();
    const auto in = read(monitor_series::kInRate, false);
    const auto out = read(monitor_series::kOutRate, false);
    ready_->replace(ready);
    unacked_->replace(unacked);
    inRate_->replace(in);
    outRate_->replace(out);

    if (ready.isEmpty() && in.isEmpty()) {
        empty_->setText(tr("No data yet.\nThe charts fill in as the broker reports its numbers."));
        stack_->setCurrentWidget(empty_);
        return;
    }
    stack_->setCurrentWidget(charts_);
    // A history shorter than the range would leave most of the charts blank: the axis
    // starts at the first point then (showing at least the last minute).
    auto firstMs = static_cast<double>(to.time_since_epoch().count());
    for (const auto* points : {&ready, &unacked, &in, &out}) {
        if (!points->isEmpty()) {
            firstMs = std::min(firstMs, points->front().x());
        }
    }
    const auto minuteBefore = (to - std::chrono::minutes(1)).time_since_epoch().count();
    const auto startMs =
        std::max<qint64>(from.time_since_epoch().count(),
                         std::min<qint64>(static_cast<qint64>(firstMs), minuteBefore));
    const auto fromTime = QDateTime::fromMSecsSinceEpoch(startMs);
    const auto toTime = QDateTime::fromMSecsSinceEpoch(to.time_since_epoch().count());
    const std::pair<Chart*, double> charts[] = {{&depthChart_, maxOf(ready, unacked)},
                                                {&rateChart_, maxOf(in, out)}};
    for (const auto& [chart, max] : charts) {
        // A zoomed chart keeps the user's window; the data under it still updates.
        if (chart->chart->isZoomed()) {
            continue;
        }
        chart->time->setRange(fromTime, toTime);
        chart->values->setRange(0, max < 1 ? 1 : max * 1.15);
        chart->values->applyNiceNumbers();
    }
}

qsizetype DashboardPage::pointCount() const {
    return ready_->count() + unacked_->count() + inRate_->count() + outRate_->count();
}

bool DashboardPage::showsEmptyState() const {
    return stack_->currentWidget() == empty_;
}

bool DashboardPage::exportPng(const QString& path) const {
    return stack_->currentWidget()->grab().save(path, "PNG");
}

bool DashboardPage::exportCsv(const QString& path, QString* error) const {
    const auto history = monitor_.history();
    if (!history) {
        if (error != nullptr) {
            *error = tr("There is no metric history to export.");
        }
        return false;
    }
    const auto to = now() + std::chrono::seconds(1);
    const auto from = to - rangeLength();
    QByteArray csv;
    // One file for all series: MetricHistory's columns with the metric in front.
    for (const char* metric : {monitor_series::kDepth, monitor_series::kUnacked,
                               monitor_series::kInRate, monitor_series::kOutRate}) {
        auto text = history->exportCsv(
            monitor_series::key(sourceName_.toStdString(), destinationKey(), metric), from, to);
        if (!text) {
            if (error != nullptr) {
                *error = QString::fromStdString(text.error().message);
            }
            return false;
        }
        const auto lines = QByteArray::fromStdString(*text).split('\n');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (lines[i].isEmpty() || (i == 0 && !csv.isEmpty())) {
                continue;  // the header once, for the first series
            }
            csv += (i == 0 ? QByteArray("metric") : QByteArray(metric)) + ',' + lines[i] + '\n';
        }
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(csv) != csv.size()) {
        if (error != nullptr) {
            *error = file.errorString();
        }
        return false;
    }
    return true;
}

void DashboardPage::chooseExportPng() {
    const auto path = QFileDialog::getSaveFileName(this, tr("Export Chart as PNG"), QString(),
                                                   tr("PNG images (*.png)"));
    if (!path.isEmpty() && !exportPng(path)) {
        QMessageBox::warning(this, tr("Export PNG"), tr("Could not write %1.").arg(path));
    }
}

void DashboardPage::chooseExportCsv() {
    const auto path = QFileDialog::getSaveFileName(this, tr("Export Data as CSV"), QString(),
                                                   tr("CSV files (*.csv)"));
    QString error;
    if (!path.isEmpty() && !exportCsv(path, &error)) {
        QMessageBox::warning(this, tr("Export CSV"), error);
    }
}
