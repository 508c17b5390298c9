#pragma once

#include <QAbstractItemModel>
#include <QHash>
#include <QIcon>
#include <QStringList>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "sbx/observe/broker_snapshot.h"

// The broker explorer's tree: brokers -> vhosts -> Exchanges / Queues / Streams ->
// destinations, and per broker the MQTT topics as a tree split on '/'.
//
// A snapshot is applied as a diff against what is shown: rows that went away are
// removed, new ones inserted, changed ones reported with one dataChanged per run of
// neighbouring rows. Nothing is reset, so selection and expansion survive every update
// and ten thousand queues cost one pass, not ten thousand signals.
class BrokerTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        TypeColumn,
        ReadyColumn,
        UnackedColumn,
        ConsumersColumn,
        InRateColumn,
        OutRateColumn,
        MessagesColumn,
        LastValueColumn,
        ColumnCount
    };
    enum Role {
        DestinationIdRole = Qt::UserRole + 1,  // "queue:/orders"; empty for other rows
        BrokerRole,                            // the source name of the row's broker
        NodeKindRole,                          // a NodeKind
        BadgesRole,                            // Badge flags
        SortRole,                              // numbers as numbers
        DestinationKindRole,                   // sbx::observe::DestinationKind, items only
    };
    enum class NodeKind { Broker, Vhost, Group, Destination, TopicLevel };
    enum Badge : int {
        NoConsumers = 1,
        GrowingDepth = 2,
        DeadLetters = 4,
        Alert = 8,  // a firing alert rule (setAlerts)
    };
    // How many snapshots the growing-depth badge looks back over.
    static constexpr std::size_t kDepthHistory = 4;

    explicit BrokerTreeModel(QObject* parent = nullptr);
    ~BrokerTreeModel() override;

    // Shows `snapshot` under the broker row named `broker` (inserted if new).
    void applySnapshot(const QString& broker, const sbx::observe::BrokerSnapshot& snapshot);
    // Marks a broker unreachable (or healthy again with an empty `problem`).
    void setBrokerProblem(const QString& broker, const QString& problem);
    void removeBroker(const QString& broker);
    // The firing alerts of one broker, by destination id ("" for the broker row itself):
    // their rows show the alert badge and the messages in their tooltip.
    void setAlerts(const QString& broker, const QHash<QString, QStringList>& byDestination);

    [[nodiscard]] QModelIndex brokerIndex(const QString& broker) const;
    // The row of a destination (queue, exchange, stream or topic) by its snapshot id.
    [[nodiscard]] QModelIndex findDestination(const QString& broker, const QString& id) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    struct Node;
    struct Desired;

private:
    Node* nodeOf(const QModelIndex& index) const;
    QModelIndex indexOf(const Node& node, int column = 0) const;
    void reconcile(Node& parent, std::vector<Desired>& desired);
    void removeAbsent(Node& parent, const std::vector<Desired>& desired);
    void insertMissing(Node& parent, std::vector<Desired>& desired);
    void updateRows(Node& parent, std::vector<Desired>& desired);
    QVariant display(const Node& node, int column) const;
    QVariant toolTip(const Node& node, int column) const;
    QIcon icon(const Node& node) const;
    [[nodiscard]] const QStringList* alertsOf(const Node& node) const;
    [[nodiscard]] const Node& brokerNodeOf(const Node& node) const;

    std::unique_ptr<Node> root_;
    QIcon brokerIcon_, folderIcon_, itemIcon_, topicIcon_;
    QIcon deadLetterIcon_, growingIcon_, noConsumersIcon_, alertIcon_;
    QHash<QString, QHash<QString, QStringList>> alerts_;  // broker -> destination id -> texts
};
