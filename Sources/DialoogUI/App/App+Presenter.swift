import DialoogModel
import Foundation

/// Presenter mode and the theme key.
extension App {
    /// `p`: presents the deck that fits what is selected, from that slide on.
    mutating func startPresenter() {
        let location = topScreen.focusedLocation(in: context)
        let dataset = context.dataset
        let (deck, index): (Deck, Int) = switch location {
        case .goalItem(let goal, let column, _)?: (.goal(goal, in: dataset), column.rawValue + 1)
        case .regionalCase(let region, let goal, _)?: (.landsdeel(region, in: dataset), goal - 1)
        case .techniekpactGoal(let goal)?: (.landsdeel(0, in: dataset), goal - 1)
        case .activity(let month, _)?: (.cycle(dataset), month + 1)
        case .pilotGoal(let goal)?: (.goals(dataset), goal)
        default: (.goals(dataset), 0)
        }
        presenter = Presenter(deck: deck, startingAt: index)
    }

    mutating func handlePresenter(_ key: Key) {
        guard var current = presenter else { return }
        let (width, height, context) = (self.width, self.height, self.context)
        let pages = { (slide: Slide) in
            Presenter.layout(SlideContent(slide, dataset: context.dataset, glyphs: context.glyphs),
                             width: width, height: height, glyphs: context.glyphs).pages.count
        }
        let command = keymap.command(for: key, in: .presenting) ?? Self.slideCommand(for: key)
        if command == .nextTheme {
            cycleTheme()
            return
        }
        switch current.handle(command, key: key, pages: pages) {
        case .handled:
            presenter = current
        case .unknown:
            let keys = [(CommandID.nextSlide, "volgende"), (.previousSlide, "vorige"), (.blankScreen, "zwart"), (.leavePresenter, "terug")]
                .map { "\(keymap.keys(for: $0.0).first?.displayName ?? "") \($0.1)" }
            message = "Toets \(key.displayName) doet niets in de presentatie: " + keys.joined(separator: ", ")
        case .leave:
            presenter = nil
            if let location = current.slide.location(in: context.dataset) { jump(to: location) }
        case .quit:
            isRunning = false
        }
    }

    /// A click or the wheel turns the slides.
    private static func slideCommand(for key: Key) -> CommandID? {
        guard case .mouse(let event) = key else { return nil }
        return event.kind == .wheelUp ? .previousSlide : .nextSlide
    }

    /// Advances an unattended presentation (`--auto`); true when the screen must be redrawn.
    public mutating func tick(now: Date) -> Bool {
        guard var current = presenter else { return false }
        let advanced = current.tick(now: now)
        presenter = current
        return advanced
    }

    /// The theme command (Ctrl-T): the next theme; the backend notices `themeName` changed and reloads its colours.
    mutating func cycleTheme() {
        guard !themeNames.isEmpty else {
            message = "Geen andere thema's gevonden"
            return
        }
        let current = themeNames.firstIndex(of: themeName) ?? -1
        themeName = themeNames[(current + 1) % themeNames.count]
        message = "Thema: \(themeName)"
    }
}

extension App {
    /// Shows a message in the status line (for the backend: a theme that did not load).
    public mutating func show(_ text: String) {
        message = text
    }
}
