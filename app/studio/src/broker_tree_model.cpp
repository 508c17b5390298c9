#include "broker_tree_model.h"

#include <QApplication>
#include <QLocale>
#include <QPainter>
#include <QPixmap>
#include <QSet>
#include <QStyle>
#include <algorithm>
#include <array>
#include <map>
#include <unordered_map>
#include <unordered_set>

using sbx::observe::BrokerSnapshot;
using sbx::observe::Destination;
using sbx::observe::DestinationKind;

namespace {

constexpr qint64 kBlank = -1;

}  // namespace

// What one row shows; compared to decide whether a row changed.
struct RowValues {
    QString name;
    QString type;
    QString id;
    QString lastValue;
    qint64 ready = kBlank;
    qint64 unacked = kBlank;
    qint64 consumers = kBlank;
    qint64 messages = kBlank;
    double inRate = kBlank;
    double outRate = kBlank;
    int badges = 0;  // without GrowingDepth, which comes from the row's own history
    int destinationKind = -1;
    bool operator==(const RowValues&) const = default;
};

struct BrokerTreeModel::Node {
    std::string key;  // children are sorted by it
    NodeKind kind = NodeKind::Group;
    Node* parent = nullptr;
    // Row numbers of children from `staleFrom` on are renumbered when next read: a diff
    // with thousands of scattered runs would otherwise renumber the list once per run.
    mutable int row = 0;
    mutable std::size_t staleFrom = SIZE_MAX;
    std::vector<std::unique_ptr<Node>> children;
    RowValues values;
    std::deque<qint64> depths;  // queues and streams: the last kDepthHistory depths
    bool growing = false;
    QString problem;  // broker rows: why the source cannot be read
};

struct BrokerTreeModel::Desired {
    std::string key;
    NodeKind kind = NodeKind::Group;
    RowValues values;
    std::vector<Desired> children;
};

namespace {

using Node = BrokerTreeModel::Node;
using Desired = BrokerTreeModel::Desired;
using NodeKind = BrokerTreeModel::NodeKind;

void renumber(const Node& parent, std::size_t from) {
    for (auto i = from; i < parent.children.size(); ++i) {
        parent.children[i]->row = static_cast<int>(i);
    }
}

void markStale(Node& parent, std::size_t from) {
    parent.staleFrom = std::min(parent.staleFrom, from);
}

int rowOf(const Node& node) {
    const Node* parent = node.parent;
    if (parent != nullptr && parent->staleFrom != SIZE_MAX) {
        renumber(*parent, parent->staleFrom);
        parent->staleFrom = SIZE_MAX;
    }
    return node.row;
}

bool isGrowing(const std::deque<qint64>& depths) {
    if (depths.size() < 3) {
        return false;
    }
    for (std::size_t i = 1; i < depths.size(); ++i) {
        if (depths[i] < depths[i - 1]) {
            return false;
        }
    }
    return depths.back() > depths.front();
}

// Stores `values` in `node`; true if the row now shows something else.
bool updateNode(Node& node, RowValues values) {
    const bool wasGrowing = node.growing;
    if (node.kind == NodeKind::Destination && values.ready >= 0) {
        node.depths.push_back(values.ready);
        while (node.depths.size() > BrokerTreeModel::kDepthHistory) {
            node.depths.pop_front();
        }
        node.growing = isGrowing(node.depths);
    }
    const bool changed = !(node.values == values) || wasGrowing != node.growing;
    node.values = std::move(values);
    return changed;
}

std::unique_ptr<Node> buildNode(Node& parent, int row, Desired&& desired) {
    auto node = std::make_unique<Node>();
    node->key = std::move(desired.key);
    node->kind = desired.kind;
    node->parent = &parent;
    node->row = row;
    updateNode(*node, std::move(desired.values));
    node->children.reserve(desired.children.size());
    int childRow = 0;
    for (auto& child : desired.children) {
        node->children.push_back(buildNode(*node, childRow++, std::move(child)));
    }
    return node;
}

bool isDeadLetterName(const std::string& name) {
    QString lower = QString::fromStdString(name).toLower();
    return lower.endsWith(QLatin1String(".dlq")) || lower.endsWith(QLatin1String("-dlq")) ||
           lower.endsWith(QLatin1String("_dlq")) || lower.contains(QLatin1String("dead"));
}

bool hasDeadLetterExchange(const Destination& queue) {
    return !queue.deadLetterExchange.empty() ||
           std::any_of(queue.arguments.begin(), queue.arguments.end(),
                       [](const auto& field) { return field.name == "x-dead-letter-exchange"; });
}

// Ids of the queues some other queue dead-letters into: bound to its dead-letter
// exchange, or (default exchange) named by its dead-letter routing key.
std::unordered_set<std::string> deadLetterTargets(const BrokerSnapshot& snapshot) {
    std::unordered_multimap<std::string, const std::string*> bound;  // "vhost\0exchange"
    for (const auto& binding : snapshot.bindings) {
        bound.emplace(binding.vhost + '\0' + binding.source, &binding.destinationId);
    }
    std::unordered_set<std::string> targets;
    for (const auto& queue : snapshot.destinations) {
        if (queue.kind == DestinationKind::Exchange || queue.kind == DestinationKind::Topic ||
            !hasDeadLetterExchange(queue)) {
            continue;
        }
        if (queue.deadLetterExchange.empty()) {
            if (!queue.deadLetterRoutingKey.empty()) {
                targets.insert("queue:" + queue.vhost + "/" + queue.deadLetterRoutingKey);
            }
            continue;
        }
        const auto range = bound.equal_range(queue.vhost + '\0' + queue.deadLetterExchange);
        for (auto it = range.first; it != range.second; ++it) {
            targets.insert(*it->second);
        }
    }
    return targets;
}

RowValues destinationValues(const Destination& destination,
                            const std::unordered_set<std::string>& deadLetterTargets) {
    RowValues values;
    values.name = destination.name.empty() && destination.kind == DestinationKind::Exchange
                      ? BrokerTreeModel::tr("(AMQP default)")
                      : QString::fromStdString(destination.name);
    values.type = QString::fromStdString(destination.type);
    values.id = QString::fromStdString(destination.id);
    values.destinationKind = static_cast<int>(destination.kind);
    values.inRate = destination.rates.published;
    values.outRate = destination.rates.delivered;
    values.messages = static_cast<qint64>(destination.counters.published);
    if (destination.kind == DestinationKind::Exchange) {
        return values;
    }
    values.ready = static_cast<qint64>(destination.messagesReady);
    values.unacked = static_cast<qint64>(destination.messagesUnacked);
    values.consumers = destination.consumers;
    if (destination.consumers == 0) {
        values.badges |= BrokerTreeModel::NoConsumers;
    }
    const bool holdsMessages = destination.messagesReady + destination.messagesUnacked > 0;
    if (holdsMessages && (destination.deadLetters || deadLetterTargets.count(destination.id) > 0 ||
                          isDeadLetterName(destination.name))) {
        values.badges |= BrokerTreeModel::DeadLetters;
    }
    return values;
}

void addTotals(RowValues& total, const RowValues& part) {
    const auto add = [](auto& sum, auto value) {
        if (value >= 0) {
            sum = (sum < 0 ? 0 : sum) + value;
        }
    };
    add(total.ready, part.ready);
    add(total.unacked, part.unacked);
    add(total.messages, part.messages);
    add(total.inRate, part.inRate);
    add(total.outRate, part.outRate);
}

Desired groupOf(std::string key, const QString& title, std::vector<Desired> items) {
    std::sort(items.begin(), items.end(),
              [](const Desired& a, const Desired& b) { return a.key < b.key; });
    // Keys must be unique for the diff; a source that repeats a name shows it once.
    items.erase(std::unique(items.begin(), items.end(),
                            [](const Desired& a, const Desired& b) { return a.key == b.key; }),
                items.end());
    Desired group{std::move(key), NodeKind::Group, {}, {}};
    for (const auto& item : items) {
        addTotals(group.values, item.values);
    }
    group.values.name = QStringLiteral("%1 (%2)").arg(title, QLocale().toString(items.size()));
    group.children = std::move(items);
    return group;
}

// Topic names split on '/' (NATS subjects on '.'): every level is a row; a level that is also a
// topic shows its last value, and every level counts the messages of everything below it.
struct TopicTrie {
    std::map<std::string, TopicTrie> children;
    const Destination* topic = nullptr;
};

Desired topicLevel(const std::string& level, const TopicTrie& trie) {
    Desired row{level, NodeKind::TopicLevel, {}, {}};
    row.values.name =
        level.empty() ? BrokerTreeModel::tr("(empty level)") : QString::fromStdString(level);
    if (trie.topic != nullptr) {
        const auto& topic = *trie.topic;
        row.values.id = QString::fromStdString(topic.id);
        row.values.type = topic.retained            ? BrokerTreeModel::tr("retained")
                          : topic.type == "subject" ? BrokerTreeModel::tr("subject")
                                                    : BrokerTreeModel::tr("topic");
        row.values.lastValue = QString::fromUtf8(topic.lastValue.data(),
                                                 static_cast<qsizetype>(topic.lastValue.size()));
        if (topic.lastValueTruncated) {
            row.values.lastValue += QChar(0x2026);
        }
        row.values.destinationKind = static_cast<int>(DestinationKind::Topic);
        row.values.messages = static_cast<qint64>(topic.counters.published);
        row.values.inRate = topic.rates.published;
        row.values.outRate = topic.rates.delivered;
    }
    row.children.reserve(trie.children.size());
    for (const auto& [childLevel, child] : trie.children) {
        row.children.push_back(topicLevel(childLevel, child));
        addTotals(row.values, row.children.back().values);
    }
    return row;
}

Desired topicGroup(const std::vector<const Destination*>& topics) {
    // NATS reports subjects (type "subject"), whose levels are separated by dots.
    const bool subjects = std::all_of(topics.begin(), topics.end(),
                                      [](const Destination* t) { return t->type == "subject"; });
    const char separator = subjects ? '.' : '/';
    TopicTrie root;
    for (const auto* topic : topics) {
        TopicTrie* at = &root;
        std::string_view rest = topic->name;
        while (true) {
            const auto slash = rest.find(separator);
            at = &at->children[std::string(rest.substr(0, slash))];
            if (slash == std::string_view::npos) {
                break;
            }
            rest.remove_prefix(slash + 1);
        }
        at->topic = topic;
    }
    Desired group = topicLevel({}, root);
    group.key = "~topics";  // after every vhost
    group.kind = NodeKind::Group;
    const auto count = QLocale().toString(topics.size());
    group.values.name = subjects ? BrokerTreeModel::tr("Subjects (%1)").arg(count)
                                 : BrokerTreeModel::tr("MQTT topics (%1)").arg(count);
    return group;
}

using ChildrenOf = std::unordered_map<std::string, std::vector<const Destination*>>;

// A destination's row with the destinations that name it as their parent below it
// (JetStream consumers and Redis consumer groups under their stream).
Desired destinationRow(const Destination& destination, const ChildrenOf& childrenOf,
                       const std::unordered_set<std::string>& targets, int depth = 0) {
    Desired row{
        destination.name, NodeKind::Destination, destinationValues(destination, targets), {}};
    const auto found = childrenOf.find(destination.id);
    if (found == childrenOf.end() || depth > 8) {
        return row;
    }
    for (const auto* child : found->second) {
        row.children.push_back(destinationRow(*child, childrenOf, targets, depth + 1));
    }
    std::sort(row.children.begin(), row.children.end(),
              [](const Desired& a, const Desired& b) { return a.key < b.key; });
    row.children.erase(
        std::unique(row.children.begin(), row.children.end(),
                    [](const Desired& a, const Desired& b) { return a.key == b.key; }),
        row.children.end());
    return row;
}

// Destinations whose parent is in the snapshot, by parent id; the others stay top level.
ChildrenOf nestedDestinations(const BrokerSnapshot& snapshot) {
    std::unordered_set<std::string> ids;
    for (const auto& destination : snapshot.destinations) {
        if (destination.kind != DestinationKind::Topic) {
            ids.insert(destination.id);
        }
    }
    ChildrenOf childrenOf;
    for (const auto& destination : snapshot.destinations) {
        if (!destination.parentId.empty() && destination.parentId != destination.id &&
            ids.count(destination.parentId) > 0 && destination.kind != DestinationKind::Topic) {
            childrenOf[destination.parentId].push_back(&destination);
        }
    }
    return childrenOf;
}

bool isNested(const Destination& destination, const ChildrenOf& childrenOf) {
    if (destination.parentId.empty()) {
        return false;
    }
    const auto found = childrenOf.find(destination.parentId);
    return found != childrenOf.end() && std::find(found->second.begin(), found->second.end(),
                                                  &destination) != found->second.end();
}

std::vector<Desired> brokerChildren(const BrokerSnapshot& snapshot) {
    const auto targets = deadLetterTargets(snapshot);
    const auto childrenOf = nestedDestinations(snapshot);
    // Per vhost: exchanges, queues, streams.
    std::map<std::string, std::array<std::vector<Desired>, 3>> vhosts;
    for (const auto& vhost : snapshot.overview.vhosts) {
        vhosts[vhost];
    }
    std::vector<const Destination*> topics;
    for (const auto& destination : snapshot.destinations) {
        const auto kind = destination.kind;
        if (kind == DestinationKind::Topic) {
            topics.push_back(&destination);
            continue;
        }
        if (isNested(destination, childrenOf)) {
            continue;  // shown under its parent
        }
        const auto slot = kind == DestinationKind::Exchange ? 0
                          : kind == DestinationKind::Queue  ? 1
                                                            : 2;
        vhosts[destination.vhost][slot].push_back(destinationRow(destination, childrenOf, targets));
    }
    std::vector<Desired> children;
    for (auto& [name, groups] : vhosts) {
        if (name.empty()) {
            // Brokers without virtual hosts (NATS, Redis): their groups sit under the broker,
            // and only those that hold something.
            const QString labels[] = {BrokerTreeModel::tr("Exchanges"),
                                      BrokerTreeModel::tr("Queues"),
                                      BrokerTreeModel::tr("Streams")};
            for (std::size_t slot = 0; slot < groups.size(); ++slot) {
                if (!groups[slot].empty()) {
                    children.push_back(
                        groupOf(std::to_string(slot + 1), labels[slot], std::move(groups[slot])));
                }
            }
            continue;
        }
        Desired vhost{"v:" + name, NodeKind::Vhost, {}, {}};
        vhost.values.name = QString::fromStdString(name);
        vhost.values.type = BrokerTreeModel::tr("virtual host");
        vhost.children.push_back(
            groupOf("1", BrokerTreeModel::tr("Exchanges"), std::move(groups[0])));
        vhost.children.push_back(groupOf("2", BrokerTreeModel::tr("Queues"), std::move(groups[1])));
        vhost.children.push_back(
            groupOf("3", BrokerTreeModel::tr("Streams"), std::move(groups[2])));
        addTotals(vhost.values, vhost.children[1].values);
        addTotals(vhost.values, vhost.children[2].values);
        children.push_back(std::move(vhost));
    }
    if (!topics.empty()) {
        children.push_back(topicGroup(topics));
    }
    return children;
}

QIcon badgeIcon(const QColor& colour, QChar glyph) {
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawEllipse(QRectF(3, 3, 26, 26));
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(20);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(QRectF(0, 0, 32, 32), Qt::AlignCenter, QString(glyph));
    return QIcon(pixmap);
}

QString formatCount(qint64 value) {
    return value < 0 ? QString() : QLocale().toString(value);
}

QString formatRate(double value) {
    if (value < 0) {
        return {};
    }
    return QLocale().toString(value, 'f', value > 0 && value < 10 ? 1 : 0);
}

}  // namespace

BrokerTreeModel::BrokerTreeModel(QObject* parent)
    : QAbstractItemModel(parent),
      root_(std::make_unique<Node>()),
      deadLetterIcon_(badgeIcon(QColor(0xd6, 0x45, 0x45), QLatin1Char('!'))),
      growingIcon_(badgeIcon(QColor(0xe0, 0x8a, 0x1e), QChar(0x2191))),
      noConsumersIcon_(badgeIcon(QColor(0x8a, 0x8f, 0x98), QChar(0x2205))),
      alertIcon_(badgeIcon(QColor(0xc0, 0x1c, 0x8c), QChar(0x2691))) {
    auto* style = QApplication::style();
    brokerIcon_ = style->standardIcon(QStyle::SP_DriveNetIcon);
    folderIcon_ = style->standardIcon(QStyle::SP_DirIcon);
    itemIcon_ = style->standardIcon(QStyle::SP_FileIcon);
    topicIcon_ = style->standardIcon(QStyle::SP_FileDialogDetailedView);
}

BrokerTreeModel::~BrokerTreeModel() = default;

BrokerTreeModel::Node* BrokerTreeModel::nodeOf(const QModelIndex& index) const {
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : root_.get();
}

QModelIndex BrokerTreeModel::indexOf(const Node& node, int column) const {
    if (&node == root_.get()) {
        return {};
    }
    return createIndex(rowOf(node), column, const_cast<Node*>(&node));  // NOLINT
}

QModelIndex BrokerTreeModel::index(int row, int column, const QModelIndex& parent) const {
    const Node* node = nodeOf(parent);
    if (row < 0 || column < 0 || column >= ColumnCount ||
        row >= static_cast<int>(node->children.size())) {
        return {};
    }
    return createIndex(row, column, node->children[static_cast<std::size_t>(row)].get());
}

QModelIndex BrokerTreeModel::parent(const QModelIndex& child) const {
    if (!child.isValid()) {
        return {};
    }
    const Node* parent = nodeOf(child)->parent;
    return parent == nullptr ? QModelIndex() : indexOf(*parent);
}

int BrokerTreeModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() && parent.column() != 0) {
        return 0;
    }
    return static_cast<int>(nodeOf(parent)->children.size());
}

int BrokerTreeModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

QVariant BrokerTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) {
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (section) {
            case NameColumn:
                return tr("Name");
            case TypeColumn:
                return tr("Type");
            case ReadyColumn:
                return tr("Ready");
            case UnackedColumn:
                return tr("Unacked");
            case ConsumersColumn:
                return tr("Consumers");
            case InRateColumn:
                return tr("In/s");
            case OutRateColumn:
                return tr("Out/s");
            case MessagesColumn:
                return tr("Messages");
            case LastValueColumn:
                return tr("Last value");
            default:
                return {};
        }
    }
    if (role == Qt::TextAlignmentRole && section >= ReadyColumn && section <= MessagesColumn) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant BrokerTreeModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) {
        return {};
    }
    const Node& node = *nodeOf(index);
    const int column = index.column();
    const int badges = node.values.badges | (node.growing ? GrowingDepth : 0) |
                       (alertsOf(node) != nullptr ? Alert : 0);
    switch (role) {
        case Qt::DisplayRole:
            return display(node, column);
        case Qt::ToolTipRole:
            return toolTip(node, column);
        case Qt::DecorationRole:
            return column == NameColumn ? QVariant(icon(node)) : QVariant();
        case Qt::TextAlignmentRole:
            if (column >= ReadyColumn && column <= MessagesColumn) {
                return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
            }
            return {};
        case Qt::ForegroundRole:
            if (node.kind == NodeKind::Broker && !node.problem.isEmpty()) {
                return QColor(0xd6, 0x45, 0x45);
            }
            if (column == ReadyColumn && (badges & DeadLetters) != 0) {
                return QColor(0xd6, 0x45, 0x45);
            }
            if (column == ReadyColumn && (badges & GrowingDepth) != 0) {
                return QColor(0xe0, 0x8a, 0x1e);
            }
            return {};
        case Qt::FontRole:
            if (node.kind == NodeKind::Broker || node.kind == NodeKind::Vhost) {
                QFont font;
                font.setBold(true);
                return font;
            }
            return {};
        case SortRole: {
            const auto& v = node.values;
            switch (column) {
                case ReadyColumn:
                    return v.ready;
                case UnackedColumn:
                    return v.unacked;
                case ConsumersColumn:
                    return v.consumers;
                case InRateColumn:
                    return v.inRate;
                case OutRateColumn:
                    return v.outRate;
                case MessagesColumn:
                    return v.messages;
                default:
                    return display(node, column).toString().toLower();
            }
        }
        case DestinationIdRole:
            return node.values.id;
        case BrokerRole:
            return QString::fromStdString(brokerNodeOf(node).key);
        case NodeKindRole:
            return static_cast<int>(node.kind);
        case BadgesRole:
            return badges;
        case DestinationKindRole:
            return node.values.destinationKind < 0 ? QVariant() : node.values.destinationKind;
        default:
            return {};
    }
}

QVariant BrokerTreeModel::display(const Node& node, int column) const {
    const auto& v = node.values;
    switch (column) {
        case NameColumn:
            return v.name;
        case TypeColumn:
            return node.problem.isEmpty() ? v.type : node.problem;
        case ReadyColumn:
            return formatCount(v.ready);
        case UnackedColumn:
            return formatCount(v.unacked);
        case ConsumersColumn:
            return formatCount(v.consumers);
        case InRateColumn:
            return formatRate(v.inRate);
        case OutRateColumn:
            return formatRate(v.outRate);
        case MessagesColumn:
            return formatCount(v.messages);
        case LastValueColumn: {
            // One line of the payload; the tooltip has the rest.
            QString line = v.lastValue.left(200);
            line.replace(QLatin1Char('\n'), QLatin1Char(' '));
            return line;
        }
        default:
            return {};
    }
}

QVariant BrokerTreeModel::toolTip(const Node& node, int column) const {
    if (column == LastValueColumn) {
        return node.values.lastValue.isEmpty() ? QVariant() : node.values.lastValue.left(1024);
    }
    const auto* alerts = alertsOf(node);
    if (node.kind == NodeKind::Broker) {
        auto tip = node.problem.isEmpty() ? node.values.type : node.problem;
        return alerts == nullptr ? tip : alerts->join(QLatin1Char('\n')) + QLatin1Char('\n') + tip;
    }
    QStringList lines;
    if (alerts != nullptr) {
        lines << *alerts;
    }
    if (!node.values.id.isEmpty()) {
        lines << node.values.id;
    }
    if ((node.values.badges & DeadLetters) != 0) {
        lines << tr("Dead letters waiting: %1").arg(formatCount(node.values.ready));
    }
    if (node.growing) {
        lines << tr("Depth rising: %1 → %2 over the last %3 updates")
                     .arg(formatCount(node.depths.front()), formatCount(node.depths.back()))
                     .arg(node.depths.size());
    }
    if ((node.values.badges & NoConsumers) != 0) {
        lines << tr("No consumers");
    }
    return lines.isEmpty() ? QVariant() : lines.join(QLatin1Char('\n'));
}

const BrokerTreeModel::Node& BrokerTreeModel::brokerNodeOf(const Node& node) const {
    const Node* at = &node;
    while (at->parent != nullptr && at->parent != root_.get()) {
        at = at->parent;
    }
    return *at;
}

const QStringList* BrokerTreeModel::alertsOf(const Node& node) const {
    if (alerts_.isEmpty() || (node.kind != NodeKind::Broker && node.values.id.isEmpty())) {
        return nullptr;
    }
    const auto broker = alerts_.constFind(QString::fromStdString(brokerNodeOf(node).key));
    if (broker == alerts_.constEnd()) {
        return nullptr;
    }
    const auto found =
        broker->constFind(node.kind == NodeKind::Broker ? QString() : node.values.id);
    return found == broker->constEnd() ? nullptr : &found.value();
}

void BrokerTreeModel::setAlerts(const QString& broker,
                                const QHash<QString, QStringList>& byDestination) {
    const auto previous = alerts_.value(broker);
    if (previous == byDestination) {
        return;
    }
    if (byDestination.isEmpty()) {
        alerts_.remove(broker);
    } else {
        alerts_.insert(broker, byDestination);
    }
    auto changed = QSet<QString>(previous.keyBegin(), previous.keyEnd());
    for (auto it = byDestination.begin(); it != byDestination.end(); ++it) {
        if (previous.value(it.key()) != it.value()) {
            changed.insert(it.key());
        } else {
            changed.remove(it.key());
        }
    }
    for (const auto& id : changed) {
        const auto row = id.isEmpty() ? brokerIndex(broker) : findDestination(broker, id);
        if (row.isValid()) {
            emit dataChanged(row, row.siblingAtColumn(ColumnCount - 1));
        }
    }
}

QIcon BrokerTreeModel::icon(const Node& node) const {
    if (alertsOf(node) != nullptr) {
        return alertIcon_;
    }
    const int badges = node.values.badges;
    if ((badges & DeadLetters) != 0) {
        return deadLetterIcon_;
    }
    if (node.growing) {
        return growingIcon_;
    }
    if ((badges & NoConsumers) != 0) {
        return noConsumersIcon_;
    }
    switch (node.kind) {
        case NodeKind::Broker:
            return brokerIcon_;
        case NodeKind::Vhost:
        case NodeKind::Group:
            return folderIcon_;
        case NodeKind::TopicLevel:
            return topicIcon_;
        case NodeKind::Destination:
            return itemIcon_;
    }
    return {};
}

void BrokerTreeModel::applySnapshot(const QString& broker, const BrokerSnapshot& snapshot) {
    const auto key = broker.toStdString();
    auto& brokers = root_->children;
    auto at =
        std::lower_bound(brokers.begin(), brokers.end(), key,
                         [](const auto& node, const std::string& k) { return node->key < k; });
    if (at == brokers.end() || (*at)->key != key) {
        const int row = static_cast<int>(at - brokers.begin());
        beginInsertRows({}, row, row);
        auto node = std::make_unique<Node>();
        node->key = key;
        node->kind = NodeKind::Broker;
        node->parent = root_.get();
        at = brokers.insert(at, std::move(node));
        renumber(*root_, static_cast<std::size_t>(row));
        endInsertRows();
    }
    Node& node = **at;
    RowValues values;
    values.name =
        snapshot.overview.name.empty() ? broker : QString::fromStdString(snapshot.overview.name);
    values.type = QString::fromStdString(snapshot.overview.product);
    values.ready = static_cast<qint64>(snapshot.overview.messagesReady);
    values.unacked = static_cast<qint64>(snapshot.overview.messagesUnacked);
    values.inRate = snapshot.overview.rates.published;
    values.outRate = snapshot.overview.rates.delivered;
    values.messages = static_cast<qint64>(snapshot.overview.counters.published);
    const bool hadProblem = !node.problem.isEmpty();
    node.problem.clear();
    if (updateNode(node, std::move(values)) || hadProblem) {
        emit dataChanged(indexOf(node, 0), indexOf(node, ColumnCount - 1));
    }
    auto children = brokerChildren(snapshot);
    reconcile(node, children);
}

void BrokerTreeModel::setBrokerProblem(const QString& broker, const QString& problem) {
    const auto key = broker.toStdString();
    for (auto& node : root_->children) {
        if (node->key == key) {
            if (node->problem != problem) {
                node->problem = problem;
                emit dataChanged(indexOf(*node, 0), indexOf(*node, ColumnCount - 1));
            }
            return;
        }
    }
    if (problem.isEmpty()) {
        return;
    }
    // Never reached yet: show the broker anyway, so the problem has a place.
    BrokerSnapshot empty;
    empty.overview.name = key;
    applySnapshot(broker, empty);
    setBrokerProblem(broker, problem);
}

void BrokerTreeModel::removeBroker(const QString& broker) {
    const auto key = broker.toStdString();
    auto& brokers = root_->children;
    for (std::size_t i = 0; i < brokers.size(); ++i) {
        if (brokers[i]->key == key) {
            const int row = static_cast<int>(i);
            beginRemoveRows({}, row, row);
            brokers.erase(brokers.begin() + row);
            renumber(*root_, i);
            endRemoveRows();
            return;
        }
    }
}

QModelIndex BrokerTreeModel::brokerIndex(const QString& broker) const {
    const auto key = broker.toStdString();
    for (const auto& node : root_->children) {
        if (node->key == key) {
            return indexOf(*node);
        }
    }
    return {};
}

QModelIndex BrokerTreeModel::findDestination(const QString& broker, const QString& id) const {
    const auto start = brokerIndex(broker);
    if (!start.isValid()) {
        return {};
    }
    std::vector<const Node*> pending{nodeOf(start)};
    while (!pending.empty()) {
        const Node* node = pending.back();
        pending.pop_back();
        if (node->values.id == id && !id.isEmpty()) {
            return indexOf(*node);
        }
        for (const auto& child : node->children) {
            pending.push_back(child.get());
        }
    }
    return {};
}

void BrokerTreeModel::reconcile(Node& parent, std::vector<Desired>& desired) {
    removeAbsent(parent, desired);
    insertMissing(parent, desired);
    updateRows(parent, desired);
}

// Removes children whose key is not wanted, one signal per run of neighbouring rows,
// from the bottom up so the rows still to remove keep their numbers.
void BrokerTreeModel::removeAbsent(Node& parent, const std::vector<Desired>& desired) {
    auto& children = parent.children;
    std::vector<std::size_t> gone;
    std::size_t j = 0;
    for (std::size_t i = 0; i < children.size(); ++i) {
        const auto& key = children[i]->key;
        while (j < desired.size() && desired[j].key < key) {
            ++j;
        }
        if (j == desired.size() || desired[j].key != key) {
            gone.push_back(i);
        }
    }
    const auto parentIndex = indexOf(parent);
    auto end = gone.size();
    while (end > 0) {
        auto start = end - 1;
        while (start > 0 && gone[start - 1] + 1 == gone[start]) {
            --start;
        }
        const auto first = gone[start];
        const auto last = gone[end - 1];
        beginRemoveRows(parentIndex, static_cast<int>(first), static_cast<int>(last));
        children.erase(children.begin() + static_cast<std::ptrdiff_t>(first),
                       children.begin() + static_cast<std::ptrdiff_t>(last + 1));
        markStale(parent, first);
        endRemoveRows();
        end = start;
    }
}

// The children are now a sorted subset of `desired`; inserts the rest, one signal per
// run. Inserted entries of `desired` are left empty (kind Broker marks them).
void BrokerTreeModel::insertMissing(Node& parent, std::vector<Desired>& desired) {
    auto& children = parent.children;
    const auto parentIndex = indexOf(parent);
    std::size_t i = 0;
    std::size_t j = 0;
    while (j < desired.size()) {
        if (i < children.size() && children[i]->key == desired[j].key) {
            ++i;
            ++j;
            continue;
        }
        const auto runStart = j;
        while (j < desired.size() && (i >= children.size() || children[i]->key != desired[j].key)) {
            ++j;
        }
        const auto count = j - runStart;
        beginInsertRows(parentIndex, static_cast<int>(i), static_cast<int>(i + count - 1));
        std::vector<std::unique_ptr<Node>> created;
        created.reserve(count);
        for (auto k = runStart; k < j; ++k) {
            created.push_back(buildNode(parent, 0, std::move(desired[k])));
            desired[k].kind = NodeKind::Broker;  // consumed
        }
        children.insert(children.begin() + static_cast<std::ptrdiff_t>(i),
                        std::make_move_iterator(created.begin()),
                        std::make_move_iterator(created.end()));
        markStale(parent, i);
        endInsertRows();
        i += count;
    }
}

// Children and `desired` now match one to one: updates values (one dataChanged per run
// of changed rows), then descends.
void BrokerTreeModel::updateRows(Node& parent, std::vector<Desired>& desired) {
    auto& children = parent.children;
    std::size_t runStart = SIZE_MAX;
    const auto flush = [&](std::size_t end) {
        if (runStart != SIZE_MAX) {
            emit dataChanged(indexOf(*children[runStart], 0),
                             indexOf(*children[end - 1], ColumnCount - 1));
            runStart = SIZE_MAX;
        }
    };
    for (std::size_t k = 0; k < children.size(); ++k) {
        const bool fresh = desired[k].kind == NodeKind::Broker;
        if (!fresh && updateNode(*children[k], std::move(desired[k].values))) {
            if (runStart == SIZE_MAX) {
                runStart = k;
            }
        } else {
            flush(k);
        }
    }
    flush(children.size());
    for (std::size_t k = 0; k < children.size(); ++k) {
        if (desired[k].kind != NodeKind::Broker &&
            (!desired[k].children.empty() || !children[k]->children.empty())) {
            reconcile(*children[k], desired[k].children);
        }
    }
}
