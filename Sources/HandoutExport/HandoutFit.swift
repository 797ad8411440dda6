import Foundation

/// Chooses the font size at which a slide (or its notes) fits its box on a page of three or six, so that a
/// sheet stays one page. An estimate, made on the generous side: letters are taken wider than Arial's or
/// Liberation Sans's average, and every line break falls before the word that would overflow. The heights
/// follow the print style (`HandoutStyle`): a line is 1.3 em, and the margins are the style's.
struct HandoutFit {
    /// Width of the text, and the border and padding above and below it, in millimetres.
    let width: Double
    let frame: Double

    /// From large to small, the sizes a slide may have on one or two rows of its sheet.
    static let legibleSizes: [Double] = [11, 10, 9, 8.5, 8, 7.5, 7]
    /// Smaller still, only for a slide that fills a whole column (the box grows past it: text is never cut).
    static let lastResortSizes: [Double] = [6.5, 6]
    /// The size of text that fits nowhere: its box grows.
    static var smallestSize: Double { lastResortSizes.last! }
    static let millimetresPerPoint = 0.3528
    static let lineHeight = 1.3
    /// Average advance of a letter, in em, of plain and bold text.
    static let letterWidth = 0.56
    static let boldLetterWidth = 0.63
    /// The QR code's printed side, in millimetres.
    static let qrSide = 24.0

    /// The height of the text on `rows` rows of a sheet (and the gaps between them).
    func height(rows: Int) -> Double {
        HandoutStyle.height(rows: rows) - frame
    }

    /// The largest legible size at which the blocks fit one row of a sheet, else two, else three.
    func fit(_ blocks: [HandoutBlock]) -> (fontSize: Double, rows: Int) {
        for rows in 1...HandoutStyle.rowsPerSheet {
            if let size = fontSize(for: blocks, rows: rows, sizes: Self.legibleSizes) { return (size, rows) }
        }
        let rows = HandoutStyle.rowsPerSheet
        return (fontSize(for: blocks, rows: rows, sizes: Self.lastResortSizes) ?? Self.smallestSize, rows)
    }

    /// The largest of `sizes` at which the blocks fit `rows` rows, if any.
    func fontSize(for blocks: [HandoutBlock], rows: Int, sizes: [Double] = legibleSizes + lastResortSizes) -> Double? {
        sizes.first { size in millimetres(blocks, fontSize: size) <= height(rows: rows) }
    }

    /// How tall the blocks are at `fontSize` points, in millimetres.
    func millimetres(_ blocks: [HandoutBlock], fontSize: Double) -> Double {
        let em = fontSize * Self.millimetresPerPoint
        let measure = Measure(width: width / em)
        var height = 0.0  // in em of the box's font size
        var inList = false
        var qrCodes = 0
        for block in blocks {
            if inList && !block.isItem { height += 0.4 }  // the list's bottom margin
            inList = block.isItem
            switch block {
            case .number(let text): height += measure.height(text, scale: 0.8) + 0.2
            case .heading(let text): height += measure.height(text, scale: 1.25, bold: true, lineHeight: 1.2) + 0.3 * 1.25
            case .subtitle(let text): height += measure.height(text, bold: true) + 0.4
            case .paragraph(let text, let emphasis): height += measure.height(text, bold: emphasis == .strong) + 0.4
            case .item(let text, let mark, let emphasis):
                height += measure.height((mark.map { $0 + " " } ?? "") + text, bold: emphasis == .strong, indent: 1.2) + 0.15
            case .chart(let chart): height += chartHeight(chart.rows, measure: measure) + 0.4
            case .qr(_, let link):
                qrCodes += 1
                height += measure.height(link, scale: 0.8) + 0.8
            }
        }
        if inList { height += 0.4 }
        return height * em + Double(qrCodes) * Self.qrSide
    }

    private func chartHeight(_ rows: [HandoutChart.Row], measure: Measure) -> Double {
        var height = 0.0
        var inLegend = false
        for row in rows {
            switch row {
            case .category(let name): height += measure.height(name, bold: true) + 0.3
            case .bar, .missing: height += Self.lineHeight
            case .legend(let text, let pattern):
                if !inLegend { height += 0.3 }
                inLegend = true
                // A pattern's swatch is 2 em wide: four letters and a space.
                height += measure.height((pattern == nil ? "" : "xxxx ") + text, scale: 0.85)
            }
        }
        return height
    }

    /// Lines of text in a column `width` em wide, broken between words.
    struct Measure {
        let width: Double

        /// Height in em of the box's font: lines times line height, at `scale` times the box's font size.
        func height(_ text: String, scale: Double = 1, bold: Bool = false, indent: Double = 0, lineHeight: Double = HandoutFit.lineHeight) -> Double {
            let letter = (bold ? HandoutFit.boldLetterWidth : HandoutFit.letterWidth) * scale
            let available = max(letter, width - indent)
            var lines = 1
            var used = 0.0
            for word in text.split(separator: " ") {
                let advance = Double(word.count) * letter
                let needed = used == 0 ? advance : used + letter + advance
                if needed <= available {
                    used = needed
                } else {
                    // A word longer than the line breaks over as many lines as it needs.
                    lines += used == 0 ? 0 : 1
                    lines += Int(advance / available)
                    used = advance.truncatingRemainder(dividingBy: available)
                }
            }
            return Double(lines) * lineHeight * scale
        }
    }
}
