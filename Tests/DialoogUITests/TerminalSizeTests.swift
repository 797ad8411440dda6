import Testing
import TestSupport
@testable import DialoogUI

@Suite struct TerminalSizeTests {
    @Test(arguments: [(80, 24), (50, 14), (120, 40), (200, 60), (500, 200)])
    func everyScreenFitsAtSize(width: Int, height: Int) {
        var app = makeApp(width: width, height: height)
        for keys in ["", "\n", "\nll\n", "2", "2\n\n", "3", "3\n", "4\n", "5\n", "/sector\n", "?"] {
            app.type(keys)
            let frame = app.render()
            #expect(frame.width == width && frame.height == height)
            #expect(frame.lines.allSatisfy { DisplayWidth.of($0) <= width })
            app.handle(.escape)
            app.handle(.escape)
        }
    }

    @Test(arguments: [(1, 1), (0, 0), (49, 24), (80, 13), (10, 3)])
    func tooSmallSaysSoAndStillQuits(width: Int, height: Int) {
        var app = makeApp(width: width, height: height)
        let frame = app.render()
        #expect(frame.width == width && frame.height == height)
        if width >= 30 && height >= 3 {
            #expect(frame.text.contains("Venster te klein"))
        }
        app.type("jj\n")
        #expect(app.screens.count == 1)
        app.type("q")
        #expect(!app.isRunning)
    }

    @Test func resizeKeepsThePlace() throws {
        var app = makeApp()
        app.type("jj\nj")
        app.resize(width: 20, height: 5)
        app.handle(.resize)
        _ = app.render()
        app.resize(width: 132, height: 43)
        app.handle(.resize)
        let table = try #require(app.topScreen as? GoalTableScreen)
        #expect(table.goal == 2)
        #expect(app.render().contains("Doel 3: De opzet biedt ruimte om bij te sturen"))
    }

    /// Seeded random keys and resizes: the app must never crash and every frame must match its size.
    @Test func randomKeysAndSizesNeverBreakTheFrame() {
        var generator = SplitMix64(seed: 2023)
        let keys: [Key] = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .backspace,
                           .tab, .backTab, .delete, .control("l"), .control("u")]
            + "hjkl[]gGnN/?12345 q\u{e8}ü".map { .character($0) }
        var app = makeApp()
        for step in 0..<3000 {
            if step % 97 == 0 {
                let sizes = [(1, 1), (500, 200), (80, 24), (50, 14), (33, 9), (140, 50)]
                let size = sizes[Int(generator.next() % UInt64(sizes.count))]
                app.resize(width: size.0, height: size.1)
                app.handle(.resize)
            }
            var key = keys[Int(generator.next() % UInt64(keys.count))]
            if key == .character("q") { key = .character("x") }
            app.handle(key)
            // A 500x200 frame costs fifty of 80x24: at sizes that large every tenth key is drawn and checked.
            guard app.width * app.height <= 160 * 50 || step % 10 == 0 else { continue }
            let frame = app.render()
            assertFits(frame, app: app, everyRow: step % 5 == 0 && app.width * app.height <= 160 * 50)
        }
        #expect(app.isRunning)
    }

    /// The same with the review and presenter keys, forms and a real (in-memory) database.
    @Test func randomKeysThroughFormsAndPresenterNeverBreakTheFrame() throws {
        var generator = SplitMix64(seed: 2024)
        let keys: [Key] = [.up, .down, .left, .right, .pageDown, .enter, .escape, .backspace, .delete, .tab, .backTab,
                           .control("d"), .control("u"), .control("r"), .control("t"), .home, .end]
            + "jklhsSabtexdufFUvpTE[]g 123456 Doel ë技:.".map { .character($0) }
        var app = try makeReviewApp(exported: { _, _, _ in "/dev/null" })
        for step in 0..<2000 {
            if step % 113 == 0 {
                let sizes = [(1, 1), (500, 200), (80, 24), (50, 14), (20, 8), (160, 45)]
                let size = sizes[Int(generator.next() % UInt64(sizes.count))]
                app.resize(width: size.0, height: size.1)
                app.handle(.resize)
            }
            app.handle(keys[Int(generator.next() % UInt64(keys.count))])
            guard app.width * app.height <= 160 * 50 || step % 10 == 0 else { continue }
            let frame = app.render()
            assertFits(frame, app: app, everyRow: step % 5 == 0 && app.width * app.height <= 160 * 50)
            #expect(!frame.cells.contains { $0.text.unicodeScalars.contains(where: TerminalSafeText.isUnsafe) })
        }
        #expect(app.isRunning)
    }
}
