#pragma once

#include <QAbstractTableModel>
#include <optional>
#include <vector>

#include "sbx/inspect/message_filter.h"
#include "sbx/observe/observed_message.h"

// The messages a browser holds, and the ones its filter lets through (what the table
// shows). Live messages are appended in batches and the oldest fall out past the limit.
class MessageBrowserModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Position, Time, RoutingKey, Size, ContentType, MessageId, CorrelationId, Count };

    explicit MessageBrowserModel(QObject* parent = nullptr);

    void setMessages(std::vector<sbx::observe::ObservedMessage> messages);
    void append(std::vector<sbx::observe::ObservedMessage> messages);
    void setFilter(std::optional<sbx::inspect::CompiledFilter> filter);
    void setLimit(std::size_t limit) { limit_ = limit; }

    [[nodiscard]] const sbx::observe::ObservedMessage& message(int row) const;
    [[nodiscard]] std::vector<sbx::observe::ObservedMessage> shownMessages() const;
    [[nodiscard]] std::size_t totalCount() const { return all_.size(); }

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;

    [[nodiscard]] static QString field(const std::vector<sbx::observe::Field>& fields,
                                       const char* name);

private:
    void refilter();
    [[nodiscard]] bool passes(const sbx::observe::ObservedMessage& message) const;

    std::vector<sbx::observe::ObservedMessage> all_;
    std::vector<std::size_t> shown_;  // indexes into all_
    std::optional<sbx::inspect::CompiledFilter> filter_;
    std::size_t limit_ = 10'000;
};
