import DialoogModel

/// `--reader`: the screen for screen readers and braille displays. No boxes, tabs or columns: where you
/// are, one labelled line for what is in focus (the visible cursor sits on it, so every key announces
/// the new place), its full text, and the status line.
extension AppModel {
    func renderForReader(into frame: inout Frame) {
        frame.write(WordWrap.truncate(breadcrumb, width: width), x: 0, y: 0, role: .breadcrumb)
        let focus = topScreen.announcement(in: context) ?? topScreen.focusedLocation(in: context)?.announcement(in: context)
            ?? topScreen.breadcrumb(in: context)
        let announced = WordWrap.lines(focus, width: width).prefix(3)
        for (row, line) in announced.enumerated() { frame.write(line, x: 0, y: 1 + row, role: .title) }
        frame.focus = Point(x: 0, y: 1)
        if let location = topScreen.focusedLocation(in: context) {
            let body = Rect(x: 0, y: 2 + announced.count, width: width, height: max(0, height - 3 - announced.count))
            let lines = TextBlock.wrap(DetailContent(location, context: context, width: width, steadyLayout: false).paragraphs, width: width, limit: body.height)
            TextBlock.draw(lines, top: 0, into: &frame, area: body, highlight: [])
        }
    }
}
