import DialoogModel
import Foundation

/// A selectable list with a preview of the selected row: the overview of goals, the cycle,
/// the themes, the 2018 examples, the cases of one region cell and search results.
public struct ListScreen: Screen {
    public private(set) var source: ListSource
    /// Index of the selected row; resolved from `pendingLocation` once the rows are first built.
    private var selected = 0
    /// The location to select when the list is first shown (nil: the first selectable row).
    private var pendingLocation: DataLocation?
    private var isResolved = false
    /// The rows of the last key or frame; a long list (thousands of meetings) is built once, not per key.
    private let cache: RowCache
    private var top = 0
    private var previewTop = 0
    private var previewFocused = false

    /// Selects the row showing `location`, or the first selectable row. The rows are built only when
    /// the list is first shown (a search with thousands of hits builds them once).
    /// `cache`: rows made beforehand (the changes list, made in the background after the first frame).
    public init(_ source: ListSource, selecting location: DataLocation? = nil, cache: RowCache = RowCache()) {
        self.source = source
        pendingLocation = location
        self.cache = cache
    }

    /// The selected row among `rows`: the nearest selectable one, or where the list was asked to start.
    private func selection(in rows: [ListRow]) -> Int {
        guard isResolved else {
            return rows.firstIndex { $0.location != nil && $0.location == pendingLocation }
                ?? rows.firstIndex { $0.location != nil } ?? 0
        }
        return ListMovement.nearestSelectable(to: selected, in: rows)
    }

    public func breadcrumb(in context: ScreenContext) -> String { source.breadcrumb(context.dataset) }

    public func focusedLocation(in context: ScreenContext) -> DataLocation? {
        let rows = cache.rows(of: source, in: context)
        return rows[safe: selection(in: rows)]?.location ?? source.fallbackPreview
    }

    /// A decision or action row of the Review list is itself what `e`, `d` and `x` act on (as in k9s and lazygit).
    public func selectedEntry(in context: ScreenContext) -> ReviewEntry? {
        let rows = cache.rows(of: source, in: context)
        return rows[safe: selection(in: rows)]?.entry
    }

    public var keyHints: [KeyHint] {
        let common = [KeyHint(.moveUp, .moveDown, action: "kies"), KeyHint(.open, action: "open"), KeyHint(.nextPane, action: "paneel"),
                      KeyHint(.back, action: "terug")]
        return source.reviewFilter == nil ? common
            : [KeyHint(.nextFilter, .previousFilter, action: "filter"), KeyHint(.filterGoal, action: "doel"), KeyHint(.filterColumn, action: "kolom"),
               KeyHint(.filterOwner, action: "eigenaar"), KeyHint(.sortOrder, action: "sortering"), KeyHint(.overview, action: "overzicht")] + common
    }

    public mutating func handle(_ command: CommandID, area: Rect, context: ScreenContext) -> ScreenAction {
        let rows = cache.rows(of: source, in: context)
        selected = selection(in: rows)
        isResolved = true
        let layout = Layout(area: area, source: source, rowCount: rows.count, showsPreview: context.showsPreview)
        switch command {
        case .nextPane, .previousPane:
            // The reader's screen has no preview: a focus there would be on nothing the reader hears.
            guard !context.isReaderMode else {
                return .message("De leesmodus heeft één paneel: de inhoud van de keuze staat eronder; \(context.keymap.key(for: .open)) opent")
            }
            guard layout.preview != nil else {
                return .message(context.showsPreview ? "Geen voorbeeldpaneel: het venster is te smal" : "Geen voorbeeldpaneel (\(context.keymap.key(for: .togglePreview)) zet het aan)")
            }
            previewFocused.toggle()
            return .handled
        case .open:
            guard let location = rows[safe: selected]?.location else { return .handled }
            return source.action(for: location)
        case .previousYear, .nextYear:
            let sourceYear = context.dataset.cycle.year
            let shown: Int
            switch source {
            case .cycle: shown = sourceYear
            case .meetings(let year): shown = year
            case .peildata(let from, let to):
                let peildata = context.review.peildata
                guard let index = peildata.firstIndex(where: { $0.id == from }) else { return .ignored }
                let next = index + (command == .nextYear ? 1 : -1)
                // The first moment stays before the second.
                let end = to.flatMap { to in peildata.firstIndex { $0.id == to } } ?? peildata.count
                guard peildata.indices.contains(next), next < end else {
                    return .message(command == .nextYear ? "Later kan niet: dan is het de peildatum waarmee vergeleken wordt" : "Dit is de eerste peildatum")
                }
                self = ListScreen(.peildata(from: peildata[next].id, to: to))
                return .handled
            default: return .ignored
            }
            let year = shown + (command == .nextYear ? 1 : -1)
            guard year >= sourceYear else { return .message("\(sourceYear) is het eerste jaar: de cyclus uit de bron") }
            self = ListScreen(year == sourceYear ? .cycle : .meetings(year: year))
            return .handled
        case .previousSibling, .nextSibling:
            // In a comparison, `[` `]` move its second moment: a later peildatum, or now.
            guard case .peildata(let from, let to) = source else { return .ignored }
            let peildata = context.review.peildata
            guard let start = peildata.firstIndex(where: { $0.id == from }) else { return .ignored }
            let moments: [Int64?] = peildata[(start + 1)...].map(\.id) + [nil]
            let index = moments.firstIndex(of: to) ?? moments.count - 1
            let next = index + (command == .nextSibling ? 1 : -1)
            guard moments.indices.contains(next) else {
                return .message(command == .nextSibling ? "Dit is nu" : "Eerder kan niet: dan is het de peildatum waarvan vergeleken wordt")
            }
            self = ListScreen(.peildata(from: from, to: moments[next]))
            return .handled
        case .clearFilters:
            guard let filter = source.reviewFilter else { return .ignored }
            guard filter != ReviewFilter() else { return .message("Er staat geen filter aan") }
            self = ListScreen(.review(ReviewFilter()))
            return .message("Alle filters uit")
        case .nextFilter, .previousFilter, .filterGoal, .filterColumn, .sortOrder, .filterOwner:
            guard let filter = source.reviewFilter else { return .ignored }
            if [.filterGoal, .filterColumn, .sortOrder].contains(command), [.actionsByPerson, .people].contains(filter.list)
                || command == .filterOwner && filter.list == .people {
                return .message("Deze lijst staat per persoon op naam; \(context.keymap.key(for: .filterOwner)) kiest één eigenaar in een lijst van acties")
            }
            let next: ReviewFilter = switch command {
            case .nextFilter: filter.steppingList(1)
            case .previousFilter: filter.steppingList(-1)
            case .filterGoal: filter.steppingGoal(in: context.dataset)
            case .filterColumn: filter.steppingColumn()
            case .filterOwner: filter.steppingOwner(in: context.review)
            default: filter.steppingOrder()
            }
            self = ListScreen(.review(next))
            return .handled
        default:
            break
        }
        if previewFocused, let preview = layout.preview {
            let needed = TextScrolling.linesNeeded(after: command, current: previewTop, rows: preview.height) ?? 0
            let total = previewLines(rows, width: preview.width, limit: needed, context: context).count
            if let newTop = TextScrolling.top(after: command, current: previewTop, rows: preview.height, total: total) {
                previewTop = newTop
                return .handled
            }
        }
        guard let target = ListMovement.target(after: command, from: selected, rows: rows, page: layout.list.height) else { return .ignored }
        if target != selected {
            selected = target
            previewTop = 0
        }
        top = Scroll.top(current: top, showing: headingAbove(selected, rows), through: selected, rows: layout.list.height, total: rows.count)
        return .handled
    }

    public mutating func click(at point: Point, area: Rect, context: ScreenContext) -> ScreenAction {
        let rows = cache.rows(of: source, in: context)
        selected = selection(in: rows)
        isResolved = true
        let layout = Layout(area: area, source: source, rowCount: rows.count, showsPreview: context.showsPreview)
        if layout.preview != nil, layout.previewBox.contains(point) {
            previewFocused = true
            return .handled
        }
        guard layout.list.contains(point) else { return .ignored }
        let shownTop = Scroll.top(current: top, showing: headingAbove(selected, rows), through: selected,
                                  rows: layout.list.height, total: rows.count)
        top = shownTop  // the list stays where the user sees it
        let index = shownTop + point.y - layout.list.y
        guard let location = rows[safe: index]?.location else { return .ignored }
        previewFocused = false
        if index == selected { return source.action(for: location) }
        selected = index
        previewTop = 0
        return .handled
    }

    public func render(into frame: inout Frame, area: Rect, context: ScreenContext) {
        let rows = cache.rows(of: source, in: context)
        // An edit can take the selected row out of a filtered list: show the nearest one instead.
        var screen = self
        screen.selected = selection(in: rows)
        screen.isResolved = true
        screen.draw(rows, into: &frame, area: area, context: context)
    }

    private func draw(_ rows: [ListRow], into frame: inout Frame, area: Rect, context: ScreenContext) {
        let layout = Layout(area: area, source: source, rowCount: rows.count, showsPreview: context.showsPreview)
        // The focused pane shows in its title; borders keep one style, so moving the focus or a row next to a
        // border sends no border again. The lean view (no preview, for slow links) draws them plain: a row
        // that scrolls in then needs no colour switched on and off at either end.
        frame.box(layout.listBox, role: context.showsPreview ? .border : .normal, glyphs: context.glyphs,
                  title: source.title(context.dataset, keymap: context.keymap), titleRole: previewFocused ? .muted : .title)
        let shownTop = Scroll.top(current: top, showing: headingAbove(selected, rows), through: selected,
                                  rows: layout.list.height, total: rows.count)
        for row in 0..<layout.list.height {
            let index = shownTop + row
            guard let item = rows[safe: index] else { break }
            draw(item, selected: index == selected, y: layout.list.y + row, area: layout.list, into: &frame, context: context)
            if index == selected { frame.focus = Point(x: layout.list.x, y: layout.list.y + row) }
        }
        ScrollMarks.drawOnBorder(of: layout.listBox, top: shownTop, total: rows.count, glyphs: context.glyphs, into: &frame)
        if let preview = layout.preview {
            frame.box(layout.previewBox, role: .border, glyphs: context.glyphs, title: "Inhoud", titleRole: previewFocused ? .title : .muted)
            let lines = previewLines(rows, width: preview.width, limit: previewTop + preview.height + 1, context: context)
            let shownPreviewTop = Scroll.clamp(previewTop, rows: preview.height, total: lines.count)
            TextBlock.draw(lines, top: shownPreviewTop, into: &frame, area: preview, highlight: context.highlightTerms)
            // The cursor goes with the focus, so a screen reader follows Tab into the pane.
            if previewFocused { frame.focus = Point(x: preview.x, y: preview.y) }
            ScrollMarks.draw(into: &frame, area: layout.previewBox.inset(by: 1), top: shownPreviewTop, total: lines.count, glyphs: context.glyphs)
        }
    }

    static let widthForStatusWords = 60

    private func draw(_ item: ListRow, selected isSelected: Bool, y: Int, area rowArea: Rect, into frame: inout Frame, context: ScreenContext) {
        let selectionRole: Role = previewFocused ? .selectionInactive : .selection
        // The lean view (no preview, for slow links) marks the selected row with ▶ in a margin instead of
        // reversing it: a move changes two cells instead of two whole rows, and the mark in plain text needs
        // no colour switched on and off around it.
        let marksSelection = !context.showsPreview
        let area = marksSelection ? Rect(x: rowArea.x + 2, y: rowArea.y, width: max(0, rowArea.width - 2), height: rowArea.height) : rowArea
        let reversed = isSelected && !marksSelection
        let role: Role = reversed ? selectionRole : item.role
        if isSelected && marksSelection { frame.write(context.glyphs.selectionMark, x: rowArea.x, y: y, role: .normal) }
        if reversed { frame.fill(Rect(x: area.x, y: y, width: area.width, height: 1), role: role) }
        // A wide list says the status in a word too, not only by glyph and colour.
        let trailingText = [area.width >= Self.widthForStatusWords ? item.statusWord : nil, item.trailing.isEmpty ? nil : item.trailing]
            .compactMap { $0 }.joined(separator: " ")
        let trailingWidth = trailingText.isEmpty ? 0 : min(DisplayWidth.of(trailingText), area.width / 2)
        let textWidth = area.width - (trailingWidth > 0 ? trailingWidth + 1 : 0)
        let text = WordWrap.truncate(item.text, width: textWidth)
        frame.write(text, x: area.x, y: y, role: role, clip: area)
        frame.highlight(context.highlightTerms, in: text, x: area.x, y: y, clip: area)
        if trailingWidth > 0 {
            let trailing = WordWrap.truncate(trailingText, width: trailingWidth)
            // Plain in the lean view too: the status glyph and the word say it without the colour.
            frame.write(trailing, x: area.maxX - DisplayWidth.of(trailing), y: y, role: reversed || marksSelection ? role : .count, clip: area)
        }
    }

    private func previewLines(_ rows: [ListRow], width: Int, limit: Int, context: ScreenContext) -> [WrappedLine] {
        guard let location = rows[safe: selected]?.location ?? source.fallbackPreview else { return [] }
        // Each note, decision or action takes a line at least: more than the preview's lines never show.
        let content = DetailContent(location, context: context, width: max(1, width - 1), entriesAtMost: limit)
        return TextBlock.wrap(content.paragraphs, width: max(1, width - 1), limit: limit)
    }

    /// Keeps the heading of a group in view when its first row is selected.
    private func headingAbove(_ index: Int, _ rows: [ListRow]) -> Int {
        index > 0 && rows[index - 1].location == nil ? index - 1 : index
    }

    /// Where the list and the preview go in the area.
    private struct Layout {
        let listBox: Rect
        let previewBox: Rect
        var list: Rect { listBox.inset(by: 1) }
        var preview: Rect? {
            let inner = Rect(x: previewBox.x + 2, y: previewBox.y + 1, width: previewBox.width - 3, height: previewBox.height - 2)
            return inner.width >= 10 && inner.height >= 2 ? inner : nil
        }

        init(area: Rect, source: ListSource, rowCount: Int, showsPreview: Bool) {
            if !showsPreview {
                listBox = area
                previewBox = Rect(x: area.maxX, y: area.y, width: 0, height: 0)
            } else if source.previewBelow {
                let listHeight = min(rowCount + 2, max(3, area.height / 2))
                listBox = Rect(x: area.x, y: area.y, width: area.width, height: listHeight)
                previewBox = Rect(x: area.x, y: area.y + listHeight, width: area.width, height: area.height - listHeight)
            } else if area.width >= 70 {
                let listWidth = area.width * 9 / 20
                listBox = Rect(x: area.x, y: area.y, width: listWidth, height: area.height)
                previewBox = Rect(x: area.x + listWidth, y: area.y, width: area.width - listWidth, height: area.height)
            } else {
                listBox = area
                previewBox = Rect(x: area.maxX, y: area.y, width: 0, height: 0)
            }
        }
    }
}

/// Cursor movement over rows where headings (rows without a location) are skipped.
enum ListMovement {
    /// The row itself when it can be selected, else the next selectable row below, else above.
    static func nearestSelectable(to index: Int, in rows: [ListRow]) -> Int {
        if rows[safe: index]?.location != nil { return index }
        let selectable = rows.indices.filter { rows[$0].location != nil }
        return selectable.first { $0 > index } ?? selectable.last ?? 0
    }

    static func target(after command: CommandID, from index: Int, rows: [ListRow], page: Int) -> Int? {
        let selectable = rows.indices.filter { rows[$0].location != nil }
        guard let movement = Movement(command), !selectable.isEmpty else { return nil }
        let position = selectable.firstIndex(of: index) ?? 0
        return selectable[movement.apply(to: position, count: selectable.count, page: page - 1)]
    }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}

/// Remembers the rows of a list for one review version; the only mutable state a screen shares
/// between handling a key and drawing the frame.
public final class RowCache: @unchecked Sendable {
    public init() {}

    private let lock = NSLock()
    private var key: (version: Int, today: String, ascii: Bool)?
    private var rows: [ListRow] = []

    func rows(of source: ListSource, in context: ScreenContext) -> [ListRow] {
        lock.lock()
        defer { lock.unlock() }
        let wanted = (context.reviewVersion, context.today, context.glyphs == .ascii)
        if let key, key == wanted { return rows }
        rows = source.rows(in: context)
        key = wanted
        return rows
    }
}
