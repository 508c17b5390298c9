#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <vector>

// How late the GUI thread's event loop runs a timer that should fire every `interval`:
// each sample is the time past the due moment at which the timeout ran, so a handler
// that keeps the loop busy for 80 ms shows up as one sample of about 80 ms. The samples
// are kept per phase (reset() starts a new one) for percentiles.
class EventLoopStallMeter : public QObject {
public:
    explicit EventLoopStallMeter(int intervalMs = 2, QObject* parent = nullptr);

    void start();
    // Forgets the samples so far (the next phase starts).
    void reset();

    struct Summary {
        std::size_t samples = 0;
        double p50Ms = 0;
        double p99Ms = 0;
        double p999Ms = 0;
        double maxMs = 0;
    };
    [[nodiscard]] Summary summary() const;

private:
    void onTick();

    QTimer timer_;
    QElapsedTimer clock_;
    qint64 lastNs_ = 0;
    int intervalMs_;
    std::vector<float> latenessMs_;
};
